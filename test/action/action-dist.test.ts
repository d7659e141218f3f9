/**
 * The Action's dist/ run as GitHub runs it: a clean copy of action.yml + dist/ (no
 * node_modules, no src, no templates), `node dist/index.js` with INPUT_* and GITHUB_*
 * env, against a local GitHub REST stand-in checked against GitHub's OpenAPI description.
 *
 * Not exercised here: the artifact *upload* (it needs the Actions runtime's results
 * service and ACTIONS_RUNTIME_TOKEN); upload-artifact is false and the baseline artifact
 * is served by the fake's REST endpoints, which is the lookup/download path used.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactName } from '../../src/store/github-artifacts.js';
import { actionOutput, installAction, runActionDist, type ActionRun } from '../helpers/action-run.js';
import { FakeGithub } from '../helpers/github-server.js';
import { startFakePyroscope } from '../helpers/pyroscope-server.js';
import { CLI, FIXTURES } from '../helpers/cli.js';

const JOB_KEY = 'ci_test';
let work: string;
let actionDir: string;
let repo: string;
let commit: string;
let gh: FakeGithub;

const git = (args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();

function runAction(inputs: Record<string, string>, opts: { token?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ActionRun> {
  const event = path.join(mkdtempSync(path.join(work, 'event-')), 'event.json');
  writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7, head: { sha: commit, ref: 'feature' }, base: { sha: commit, ref: 'main' } } }));
  return runActionDist({
    actionDir,
    workspace: repo,
    inputs: { 'working-directory': repo, 'github-token': opts.token ?? 'write-token', 'job-key': JOB_KEY, 'upload-artifact': 'false', ...inputs },
    env: {
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_HEAD_REF: 'feature',
      GITHUB_BASE_REF: 'main',
      GITHUB_RUN_ID: '99',
      ...opts.env,
    },
  });
}

const output = actionOutput;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-action-'));
  // The Action as a workflow sees it: action.yml and dist/ only.
  actionDir = installAction(work);

  repo = path.join(work, 'repo');
  mkdirSync(repo);
  cpSync(path.join(FIXTURES, 'plain'), path.join(repo, 'plain'), { recursive: true });
  cpSync(path.join(FIXTURES, 'lib'), path.join(repo, 'lib'), { recursive: true });
  git(['init', '-q', '-b', 'main']);
  git(['add', '.']);
  git(['commit', '-qm', 'base']);
  commit = git(['rev-parse', 'HEAD']);

  // The baseline: a profile of the unslowed code, served as the artifact a main-branch run uploaded.
  const baseOut = path.join(work, 'base-out');
  const r = spawnSync(process.execPath, [CLI, 'run', '-q', '--no-store', '-o', baseOut, '--', process.execPath, 'plain/main.js'], {
    cwd: repo,
    env: { ...process.env, NODE_OPTIONS: '', GITHUB_ACTIONS: '', CIPROF_JOB_KEY: JOB_KEY },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  gh = new FakeGithub();
  gh.checkResponses = true;
  await gh.start();
  gh.artifacts.push({ id: 501, name: artifactName(JOB_KEY, commit), runId: 42, headBranch: 'main', headSha: commit, bytes: readFileSync(path.join(baseOut, 'profile.pb.gz')) });
});

afterAll(async () => {
  await gh?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Action from a clean dist/', () => {
  it('runs the tests, finds the baseline artifact, comments once, then updates the same comment', async () => {
    expect(existsSync(path.join(actionDir, 'dist/index.js'))).toBe(true);
    const first = await runAction({ run: 'node plain/main.js' }, { env: { FIXTURE_SLOW_B: '3' } });
    expect(first.status, first.stderr + first.stdout).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(gh.comments).toHaveLength(1);
    const body = gh.comments[0]!.body;
    expect(body).toContain(`<!-- ciprof:${JOB_KEY} -->`);
    expect(body).toMatch(/slower/);
    expect(body).toContain('**hotB**');
    expect(output(first, 'verdict')).toBe('regression');
    expect(Number(output(first, 'regressions'))).toBeGreaterThanOrEqual(1);
    expect(output(first, 'profile')).toMatch(/profile\.pb\.gz$/);
    expect(first.summary).toContain('hotB');
    // The baseline came from the artifact, by its exact name, and was downloaded.
    expect(gh.requests.some((r) => r.template === '/repos/{owner}/{repo}/actions/artifacts' && r.path.includes(encodeURIComponent(artifactName(JOB_KEY, commit))))).toBe(true);
    expect(gh.requests.some((r) => r.template === '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}')).toBe(true);
    expect(body).toContain(commit.slice(0, 12));
    // The token is masked first (the runner consumes ::add-mask:: lines) and printed nowhere else.
    const log = first.stdout + first.stderr;
    expect(log.split('\n').findIndex((l) => l.includes('write-token'))).toBe(log.split('\n').indexOf('::add-mask::write-token'));
    expect(log.replace(/^::add-mask::write-token$/gm, '')).not.toContain('write-token');

    const createdId = gh.comments[0]!.id;
    const second = await runAction({ mode: 'report' });
    expect(second.status, second.stderr + second.stdout).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.id).toBe(createdId);
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('fork PR (read-only token, 403): writes the summary, one notice, exit code unchanged', async () => {
    gh.readOnlyTokens.add('fork-token');
    const before = gh.comments.map((c) => c.body);
    const fork = await runAction({ mode: 'report' }, { token: 'fork-token' });
    expect(fork.status, fork.stderr + fork.stdout).toBe(0);
    expect(fork.summary).toContain('hotB');
    expect(fork.stdout.match(/::notice::/g)).toHaveLength(1);
    expect(fork.stdout).toMatch(/::notice::ciprof: not commenting.*read-only/);
    expect(fork.stdout).not.toContain('::error::');
    expect(gh.comments.map((c) => c.body)).toEqual(before);
    expect(gh.violations).toEqual([]);
  });

  it('with pyroscope-url: uploads the profile with its labels, the token masked, and links the diff view', async () => {
    const pyro = await startFakePyroscope();
    try {
      // The baseline's commit must be in Pyroscope's time range too: upload it first.
      const r = await runAction({ run: 'node plain/main.js', 'pyroscope-url': pyro.url, 'pyroscope-token': 'pyro-secret', 'pyroscope-app': 'shop' }, { env: { FIXTURE_SLOW_B: '3' } });
      expect(r.status, r.stderr + r.stdout).toBe(0);
      const series = pyro.series.filter((x) => x.labels.__name__ === 'process_cpu');
      expect(series.length).toBeGreaterThan(0);
      expect(series[0]!.labels).toMatchObject({ service_name: 'shop', commit, job_key: JOB_KEY, pr: '7' });
      expect(pyro.requests.every((q) => q.headers.authorization === 'Bearer pyro-secret')).toBe(true);
      const log = r.stdout + r.stderr;
      expect(log.replace(/^::add-mask::pyro-secret$/gm, '')).not.toContain('pyro-secret');
      const body = gh.comments[0]!.body;
      expect(body).toMatch(new RegExp(`\\[Pyroscope diff\\]\\(${pyro.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/comparison-diff\\?`));
    } finally {
      await pyro.close();
    }
  });

  it('fail-on-regression exits 3 (distinct from a test failure)', async () => {
    const r = await runAction({ mode: 'report', comment: 'false', 'fail-on-regression': 'true' });
    expect(r.status).toBe(3);
  });
});
