/**
 * The Action under GitHub's own runner for JavaScript actions, @github/local-action
 * (`local-action run <action dir> <entrypoint> <.env>`), on Node 24: it reads action.yml,
 * loads the .env file, replaces @actions/core, @actions/github and @actions/artifact with
 * its stubs, imports the entrypoint and awaits its exported run().
 *
 * The entrypoint is src/action/main.ts, not dist/: local-action "supports non-transpiled
 * action code only" (its README), because its stubs replace the toolkit packages by module
 * path, which a bundle no longer imports. dist/ itself is what the runner executes: the
 * README workflow test runs it with `node dist/index.js` under Node 24.
 *
 * Modes: collect on the base code, then all (with a PR event: diff, comment on a local
 * REST server checked against GitHub's OpenAPI description, summary, outputs, artifacts),
 * then report (the saved head profile against the same base).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGithub } from '../helpers/github-server.js';
import { FIXTURES, NODE_VERSIONS, ROOT } from '../helpers/cli.js';

const NODE24 = NODE_VERSIONS.find((n) => n.major === 24)!;
const LOCAL_ACTION = path.join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');
const JOB_KEY = 'local_action';

let work: string;
let repo: string;
let commit: string;
let gh: FakeGithub;

interface LocalRun {
  status: number | null;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
  artifacts: string[];
}

/** One `local-action run` with these .env lines; outputs are read from the stub's `::set-output` lines. */
async function localAction(name: string, env: Record<string, string>): Promise<LocalRun> {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'artifacts'), { recursive: true });
  const summary = path.join(dir, 'summary.md');
  writeFileSync(summary, '');
  const dotenv = {
    LOCAL_ACTION_WORKSPACE: repo,
    LOCAL_ACTION_ARTIFACT_PATH: path.join(dir, 'artifacts'),
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: gh.url,
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'test',
    GITHUB_RUN_ID: '77',
    // Our code uploads artifacts only inside a job; local-action's stub writes them to LOCAL_ACTION_ARTIFACT_PATH.
    ACTIONS_RUNTIME_TOKEN: 'local',
    'INPUT_WORKING-DIRECTORY': repo,
    'INPUT_JOB-KEY': JOB_KEY,
    ...env,
  };
  const file = path.join(dir, '.env');
  writeFileSync(file, Object.entries(dotenv).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n') + '\n');
  // local-action finds the action's package.json and node_modules from the current directory (npm ls).
  const child = spawn(NODE24.bin, [LOCAL_ACTION, 'run', ROOT, 'src/action/main.ts', file], {
    cwd: ROOT,
    env: { PATH: `${path.dirname(NODE24.bin)}${path.delimiter}${process.env.PATH}`, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', NO_COLOR: '1' },
    timeout: 150_000,
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const outputs = Object.fromEntries([...stdout.matchAll(/^::set-output name=([\w-]+)::(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
  return { status, stdout, summary: readFileSync(summary, 'utf8'), outputs, artifacts: readdirSync(path.join(dir, 'artifacts')).sort() };
}

let collect: LocalRun;
let all: LocalRun;
let report: LocalRun;
let basePath: string;

beforeAll(async () => {
  if (!NODE24.available) return;
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-local-action-'));
  repo = path.join(work, 'repo');
  mkdirSync(repo);
  cpSync(path.join(FIXTURES, 'plain'), path.join(repo, 'plain'), { recursive: true });
  cpSync(path.join(FIXTURES, 'lib'), path.join(repo, 'lib'), { recursive: true });
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
  commit = git('rev-parse', 'HEAD');
  gh = new FakeGithub();
  gh.checkResponses = true;
  await gh.start();

  collect = await localAction('collect', { INPUT_RUN: 'node plain/main.js', INPUT_MODE: 'collect', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: commit, 'INPUT_GITHUB-TOKEN': '' });
  basePath = path.join(work, 'base.pb.gz');
  if (collect.outputs.profile) cpSync(collect.outputs.profile, basePath);

  const event = path.join(work, 'event.json');
  writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7, head: { sha: commit, ref: 'feature' }, base: { sha: commit, ref: 'main' } } }));
  const pr = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/pull/7/merge', GITHUB_SHA: commit, GITHUB_HEAD_REF: 'feature', GITHUB_BASE_REF: 'main', INPUT_BASE: basePath };
  // The head slows hotB (the fixture reads FIXTURE_SLOW_B); the token is the PR's, the comment goes to the local REST server.
  all = await localAction('all', { ...pr, INPUT_RUN: 'node plain/main.js', INPUT_MODE: 'all', FIXTURE_SLOW_B: '3', 'INPUT_GITHUB-TOKEN': 'local-token' });
  report = await localAction('report', { ...pr, INPUT_MODE: 'report', INPUT_COMMENT: 'false', 'INPUT_GITHUB-TOKEN': '' });
}, 480_000);

afterAll(async () => {
  await gh?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!NODE24.available)(`the Action under @github/local-action (${NODE24.label})`, () => {
  it('collect: runs the tests profiled, sets the outputs, writes the summary, uploads profile and report through the artifact stub', () => {
    expect(collect.status, collect.stdout).toBe(0);
    expect(collect.stdout).toMatch(/Running Action/);
    expect(collect.stdout).not.toMatch(/does not export a run\(\) function/);
    expect(existsSync(collect.outputs.profile!)).toBe(true);
    expect(existsSync(collect.outputs.report!)).toBe(true);
    expect(collect.outputs.verdict).toBeUndefined();
    expect(collect.summary).toContain('hotB');
    expect(collect.artifacts).toEqual([`ciprof-${JOB_KEY}-${commit}.pb.gz.zip`, `ciprof-report-${JOB_KEY}.html.zip`]);
    // action.yml's `${{ github.token }}` default comes through local-action unevaluated: it is no token.
    expect(collect.stdout).not.toContain('::add-mask::${{');
  });

  it('all: diffs against the base profile, comments on the PR, writes the summary and every output', () => {
    expect(all.status, all.stdout).toBe(0);
    expect(all.outputs.verdict).toBe('regression');
    expect(Number(all.outputs.regressions)).toBeGreaterThanOrEqual(1);
    for (const name of ['profile', 'report', 'diff']) expect(existsSync(all.outputs[name]!), name).toBe(true);
    expect(all.summary).toContain('**hotB**');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain(`<!-- ciprof:${JOB_KEY} -->`);
    expect(gh.comments[0]!.body).toContain('**hotB**');
    expect(gh.violations).toEqual([]);
    // The token was masked before anything printed it.
    expect(all.stdout.split('\n').findIndex((l) => l.includes('local-token'))).toBe(all.stdout.split('\n').indexOf('::add-mask::local-token'));
  });

  it('report: diffs the saved head profile against the base without running anything', () => {
    expect(report.status, report.stdout).toBe(0);
    expect(report.outputs.profile).toBeUndefined();
    expect(report.outputs.verdict).toBe('regression');
    expect(existsSync(report.outputs.diff!)).toBe(true);
    expect(report.summary).toContain('**hotB**');
    expect(gh.comments).toHaveLength(1);
  });
});
