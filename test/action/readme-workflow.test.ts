/**
 * The README's GitHub workflow, as a new user copies it, run step by step the way the
 * runner would on a repository with two commits: a push to main (makes the baseline),
 * then a pull request whose head slows one function.
 *
 * - The workflow is the README's block (the same text as examples/ci/github-workflow.yml),
 *   parsed with `yaml`; its triggers, permissions, job and steps drive the run.
 * - `actions/checkout` is a real clone with full history (fetch-depth 0) of a local
 *   "origin", the PR checked out at refs/pull/7/merge as checkout does; `setup-node` puts
 *   Node 24 first on PATH; `run:` steps run in bash -eo pipefail (the runner's default).
 * - The ciprof step runs `node dist/index.js` under Node 24 from a clean action.yml +
 *   dist/ copy, inputs as the runner sets them: action.yml's defaults and the step's
 *   `with:`, `${{ }}` expressions evaluated by GitHub's own @actions/expressions.
 * - GitHub's REST API is a local server checking every request against GitHub's OpenAPI
 *   description (@octokit/openapi) and every response it sends against the documented
 *   status codes and property names; artifact uploads go to a local Actions results
 *   service (Twirp + blob), whose finalized artifacts the REST API then lists.
 * Each run gets a fresh clone, as each job gets a fresh runner: the PR's baseline can only
 * come from the push run's artifact.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeActionsResults, runtimeToken, type ResultsRun } from '../helpers/actions-results-server.js';
import { actionOutputs, installAction, runActionDist, type ActionRun } from '../helpers/action-run.js';
import { NODE_VERSIONS, ROOT } from '../helpers/cli.js';
import { FakeGithub } from '../helpers/github-server.js';

const NODE24 = NODE_VERSIONS.find((n) => n.major === 24)!;
const REPOSITORY = 'acme/shop';
const PR = 7;

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
}
interface Workflow {
  name: string;
  on: { push?: { branches?: string[] }; pull_request?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}
interface ActionInputSpec {
  default?: string;
}

/** The README's fenced block under `<!-- file: examples/ci/github-workflow.yml -->`. */
function readmeWorkflow(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- file: examples\/ci\/github-workflow\.yml -->\n```yaml\n([\s\S]*?)\n```\n/.exec(readme);
  if (!m) throw new Error('README.md: no workflow block marked examples/ci/github-workflow.yml');
  return `${m[1]}\n`;
}

// ---- GitHub expressions, evaluated by GitHub's own evaluator -------------------------
type Context = Record<string, unknown>;
function toData(v: unknown): data.ExpressionData {
  if (v === null || v === undefined) return new data.Null();
  if (typeof v === 'string') return new data.StringData(v);
  if (typeof v === 'boolean') return new data.BooleanData(v);
  if (typeof v === 'number') return new data.NumberData(v);
  if (Array.isArray(v)) return new data.Array(...v.map(toData));
  return new data.Dictionary(...Object.entries(v as Record<string, unknown>).map(([key, x]) => ({ key, value: toData(x) })));
}
function evaluate(expression: string, ctx: Context): data.ExpressionData {
  const parsed = new Parser(new Lexer(expression).lex().tokens, Object.keys(ctx), []).parse();
  return new Evaluator(parsed, toData(ctx) as data.Dictionary).evaluate();
}
/** A `with:` value or input default: `${{ expr }}` parts replaced by their string values. */
const interpolate = (text: string, ctx: Context): string => text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, e: string) => evaluate(e.trim(), ctx).coerceString());

// ---- the repository: an "origin" with main (base) and a feature branch (head) ---------
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV }).trim();

/** A shop: four test files run by `node --test`; `applyDiscount` does `discountWork` iterations. */
function writeShop(dir: string, discountWork: number): void {
  const w = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  w('package.json', `${JSON.stringify({ name: 'shop', version: '1.0.0', private: true, scripts: { test: 'node --test' } }, null, 2)}\n`);
  w('package-lock.json', `${JSON.stringify({ name: 'shop', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'shop', version: '1.0.0' } } }, null, 2)}\n`);
  const loop = (name: string, n: number): string => `function ${name}() {\n  let s = 0;\n  for (let i = 0; i < ${n}; i++) s = (s + i * 31) % 1000003;\n  return s;\n}\n`;
  w('src/pricing.js', `${loop('applyDiscount', discountWork)}${loop('roundPrices', 1e7)}module.exports = { applyDiscount, roundPrices };\n`);
  w('src/cart.js', `${loop('sumCart', 1e7)}${loop('validateCart', 1e7)}module.exports = { sumCart, validateCart };\n`);
  w('src/stock.js', `${loop('reserveStock', 1e7)}${loop('releaseStock', 1e7)}module.exports = { reserveStock, releaseStock };\n`);
  const test = (file: string, mod: string, fns: string[]): string =>
    `const test = require('node:test');\nconst m = require('../src/${mod}.js');\n${fns.map((f) => `test('${f}', () => { m.${f}(); });`).join('\n')}\n`;
  w('test/pricing.test.js', test('pricing', 'pricing', ['applyDiscount', 'roundPrices']));
  w('test/cart.test.js', test('cart', 'cart', ['sumCart', 'validateCart']));
  w('test/stock.test.js', test('stock', 'stock', ['reserveStock', 'releaseStock']));
  w('test/all.test.js', test('all', 'cart', ['sumCart']));
  w('.gitignore', 'node_modules/\n');
}

let work: string;
let origin: string;
let actionDir: string;
let workflowText: string;
let workflow: Workflow;
let jobId: string;
let base: string;
let head: string;
let merge: string;
let gh: FakeGithub;
let results: FakeActionsResults;

interface JobRun {
  steps: Record<string, { outputs: Record<string, string> }>;
  ciprof: ActionRun;
  /** Steps skipped by their `if:`, and the paths the ones that ran would upload. */
  skipped: string[];
  uploads: string[];
}

/** One job of the workflow on a fresh runner: checkout, setup-node, run steps, the Action. */
async function runJob(event: 'push' | 'pull_request', run: ResultsRun): Promise<JobRun> {
  const runner = mkdtempSync(path.join(work, `${event}-`));
  const workspace = path.join(runner, 'shop');
  const eventFile = path.join(runner, 'event.json');
  const repo = { id: gh.repositoryId, full_name: REPOSITORY, default_branch: 'main', fork: false };
  const payload =
    event === 'push'
      ? { ref: 'refs/heads/main', before: '0'.repeat(40), after: run.headSha, repository: repo, head_commit: { id: run.headSha } }
      : { action: 'synchronize', number: PR, repository: repo, pull_request: { number: PR, head: { sha: head, ref: 'feature', repo }, base: { sha: base, ref: 'main', repo } } };
  writeFileSync(eventFile, JSON.stringify(payload));
  const sha = event === 'push' ? base : merge;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKFLOW: workflow.name,
    GITHUB_JOB: jobId,
    GITHUB_RUN_ID: String(run.runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: gh.url,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SHA: sha,
    GITHUB_REF: event === 'push' ? 'refs/heads/main' : `refs/pull/${PR}/merge`,
    GITHUB_BASE_REF: event === 'push' ? '' : 'main',
    GITHUB_HEAD_REF: event === 'push' ? '' : 'feature',
    GITHUB_WORKSPACE: workspace,
    RUNNER_OS: 'Linux',
    ACTIONS_RUNTIME_TOKEN: runtimeToken(`run-${run.runId}`, `job-${run.runId}`),
    ACTIONS_RESULTS_URL: `${results.url}/`,
  };
  const token = 'ghs_installation_token';
  const steps: JobRun['steps'] = {};
  const ctx = (): Context => ({ github: { token, event_name: event, sha, repository: REPOSITORY }, matrix: null, steps, env: {}, secrets: {}, runner: { os: 'Linux' } });
  const out: Partial<JobRun> = { skipped: [], uploads: [] };
  for (const step of workflow.jobs[jobId]!.steps) {
    if (step.if && !evaluate(step.if.replace(/^\$\{\{([\s\S]*)\}\}$/, '$1'), ctx()).coerceString().match(/^true$/)) {
      out.skipped!.push(step.uses ?? step.run ?? '?');
      continue;
    }
    const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx())]));
    if (step.run) {
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, `${step.run}: ${r.stderr}`).toBe(0);
    } else if (step.uses?.startsWith('actions/checkout@')) {
      // fetch-depth 0: every branch and tag, full history; a PR checks out its merge ref.
      expect(w['fetch-depth']).toBe('0');
      git(runner, 'clone', '-q', '--no-checkout', origin, workspace);
      if (event === 'pull_request') git(workspace, 'fetch', '-q', 'origin', `+refs/pull/${PR}/merge:refs/remotes/pull/${PR}/merge`);
      git(workspace, 'checkout', '-q', '--detach', sha);
    } else if (step.uses?.startsWith('actions/setup-node@')) {
      expect(w['node-version']).toBe('24');
      env.PATH = `${path.dirname(NODE24.bin)}${path.delimiter}${env.PATH}`;
    } else if (step.uses && /\/ciprof@/.test(step.uses)) {
      // The runner sets every input: its default from action.yml unless `with:` gives one.
      const spec = parse(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as { inputs: Record<string, ActionInputSpec> };
      const inputs: Record<string, string> = {};
      for (const [name, input] of Object.entries(spec.inputs)) if (input.default !== undefined) inputs[name] = interpolate(String(input.default), ctx());
      Object.assign(inputs, w);
      results.run = run;
      const r = await runActionDist({ actionDir, workspace, inputs, env, node: NODE24.bin });
      out.ciprof = r;
      if (step.id) steps[step.id] = { outputs: actionOutputs(r) };
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      out.uploads!.push(path.resolve(workspace, w.path!));
    } else {
      throw new Error(`the workflow has a step this test cannot run: ${JSON.stringify(step)}`);
    }
  }
  return { steps, ciprof: out.ciprof!, skipped: out.skipped!, uploads: out.uploads! };
}

let push: JobRun;
let pr: JobRun;
let commentsAfterPush: number;

beforeAll(async () => {
  if (!NODE24.available) return;
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-readme-workflow-'));
  actionDir = installAction(work);
  workflowText = readmeWorkflow();
  workflow = parse(workflowText) as Workflow;
  jobId = Object.keys(workflow.jobs)[0]!;

  origin = path.join(work, 'origin');
  mkdirSync(origin);
  git(origin, 'init', '-q', '-b', 'main');
  writeShop(origin, 1.5e7);
  mkdirSync(path.join(origin, '.github/workflows'), { recursive: true });
  writeFileSync(path.join(origin, '.github/workflows/ciprof.yml'), workflowText);
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'shop');
  base = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', '-b', 'feature');
  // Eight times the work: a change no busy machine hides (the runs share 2 cores with other tests).
  writeShop(origin, 1.2e8);
  git(origin, 'commit', '-qam', 'applyDiscount: eight times the work');
  head = git(origin, 'rev-parse', 'HEAD');
  // refs/pull/7/merge: GitHub's test merge of the PR into its base.
  git(origin, 'checkout', '-q', '--detach', base);
  git(origin, 'merge', '-q', '--no-ff', '-m', `Merge ${head} into ${base}`, head);
  merge = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', `refs/pull/${PR}/merge`, merge);
  git(origin, 'checkout', '-q', 'main');

  gh = new FakeGithub();
  gh.checkResponses = true;
  await gh.start();
  gh.pulls.set(PR, { headSha: head, head: 'acme:feature' });
  results = new FakeActionsResults(gh);
  await results.start();

  push = await runJob('push', { runId: 101, headSha: base, headBranch: 'main', event: 'push' });
  commentsAfterPush = gh.comments.length;
  pr = await runJob('pull_request', { runId: 102, headSha: head, headBranch: 'feature', event: 'pull_request' });
}, 300_000);

afterAll(async () => {
  await gh?.stop();
  await results?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!NODE24.available)(`the README's GitHub workflow, copied as is (${NODE24.label})`, () => {
  it('is the file examples/ci/ ships, triggered by pushes to main and pull requests, with the permissions the Action uses', () => {
    expect(workflowText).toBe(readFileSync(path.join(ROOT, 'examples/ci/github-workflow.yml'), 'utf8'));
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.permissions).toMatchObject({ actions: 'read', 'pull-requests': 'write' });
    expect(Object.keys(workflow.jobs)).toHaveLength(1);
  });

  it('push to main: runs the tests, uploads the baseline artifact and the report, writes the summary and outputs, no comment', () => {
    const r = push.ciprof;
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const outputs = push.steps.ciprof!.outputs;
    expect(existsSync(outputs.profile!)).toBe(true);
    expect(existsSync(outputs.report!)).toBe(true);
    // The baseline: the profile as an artifact named for the job key and the commit, from this run.
    const baseline = gh.artifacts.find((a) => a.runId === 101 && a.name.endsWith(`-${base}.pb.gz`));
    expect(baseline?.name).toBe(`ciprof-${workflow.name}_${jobId}-${base}.pb.gz`);
    expect(baseline!.bytes).toEqual(readFileSync(outputs.profile!));
    expect(gh.artifacts.some((a) => a.runId === 101 && /^ciprof-report-.*\.html$/.test(a.name))).toBe(true);
    // Top functions and slowest tests, even with nothing to compare.
    expect(r.summary).toContain('applyDiscount');
    expect(r.summary).toMatch(/test/i);
    expect(commentsAfterPush).toBe(0);
    // The upload-artifact step of the README runs on pull requests only.
    expect(push.skipped).toEqual([expect.stringMatching(/^actions\/upload-artifact@/)]);
  });

  it('pull request: compares with the push run\'s artifact and writes the comment, the summary and the outputs', () => {
    const r = pr.ciprof;
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(gh.comments).toHaveLength(1);
    const body = gh.comments[0]!.body;
    expect(gh.comments[0]!.issue).toBe(PR);
    expect(body).toContain(`<!-- ciprof:${workflow.name}_${jobId} -->`);
    expect(body).toMatch(/🔴 ciprof: slower/);
    expect(body).toContain('**applyDiscount**');
    expect(body).toContain(`https://github.com/${REPOSITORY}/blob/${head}/src/pricing.js#L`);
    expect(body).toContain(`[\`${base.slice(0, 12)}\`](https://github.com/${REPOSITORY}/commit/${base})`);
    // The changed call paths: the slower function on a red (-) line.
    expect(body).toMatch(/```diff\n[\s\S]*?\n- +applyDiscount src\/pricing\.js:1 /);
    // `run: npm test`: npm's own process is profiled on both sides and kept out of the rows.
    expect(body).not.toContain('node_modules/npm/');
    expect(r.summary).toContain('applyDiscount');
    expect(r.summary).toMatch(/slower/);

    const outputs = pr.steps.ciprof!.outputs;
    expect(outputs.verdict).toBe('regression');
    expect(Number(outputs.regressions)).toBeGreaterThanOrEqual(1);
    for (const name of ['profile', 'report', 'diff']) expect(existsSync(outputs[name]!), name).toBe(true);
    // The README's next step uploads diff.json for the fork-comment workflow: its `if:` held and its path exists.
    expect(pr.skipped).toEqual([]);
    expect(pr.uploads).toEqual([outputs.diff]);
  });

  it('spoke GitHub\'s REST API as documented and found the baseline by its exact name', () => {
    expect(gh.violations).toEqual([]);
    expect(results.violations).toEqual([]);
    const name = encodeURIComponent(`ciprof-${workflow.name}_${jobId}-${base}.pb.gz`);
    expect(gh.requests.some((q) => q.template === '/repos/{owner}/{repo}/actions/artifacts' && q.path.includes(name))).toBe(true);
    expect(gh.requests.some((q) => q.template === '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}')).toBe(true);
    expect(gh.requests.some((q) => q.method === 'POST' && q.template === '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(true);
  });
});
