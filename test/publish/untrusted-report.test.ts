/**
 * A diff.json from a pull request's run (possibly a fork's, possibly forged) published by
 * a privileged workflow_run job: `ciprof comment` from dist/ and the library calls the
 * Action's report mode makes, against the local GitHub REST server checked against
 * GitHub's OpenAPI description. Where the comment goes comes from the event and the
 * command line; the file only supplies numbers and names, and must be about the head
 * commit the event names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/ci/context.js';
import { DIFF_REPORT_SCHEMA, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { publishUntrustedReport, resolveReportTarget } from '../../src/publish/untrusted-report.js';
import { FakeGithub } from '../helpers/github-server.js';
import { CLI } from '../helpers/cli.js';

const H7 = '7'.repeat(40);
const H99 = '9'.repeat(40);
const MARKER = '<!-- ciprof:ci_test -->';
let dir: string;
let gh: FakeGithub;

function profile(slow: number) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (let i = 0; i < 20; i++) b.addSample([b.functionId(`steady${i}`, `src/s${i}.js`, 1), main], [50_000, 50_000e6]);
  b.addSample([b.functionId('hotB', 'lib/hot.js', 3), main], [100 * slow, 100e6 * slow]);
  return b.build();
}

/** A report as a fork's job could write it: valid shape, hostile intent. */
function forgedReport(over: Partial<DiffReport> = {}): string {
  const report: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: 'test',
    jobKey: 'ci_test',
    provider: 'github',
    repository: 'victim/other-repo',
    serverUrl: 'https://evil.example',
    pr: 99,
    head: { commit: H7 },
    base: { source: 'store', found: true, commit: 'a'.repeat(40), wanted: 'a'.repeat(40), distance: 0, reason: 'merge-base', store: 'github-artifacts', runId: 555 },
    diff: diffProfiles(profile(1), profile(4)),
    changedPaths: [],
    links: { report: 'https://evil.example/phish', run: 'https://github.com/acme/shop/actions/runs/77' },
    ...over,
  };
  return serializeDiffReport(report);
}

function workflowRunEvent(headSha: string): string {
  const file = path.join(dir, `event-${headSha.slice(0, 4)}.json`);
  // A fork's run: GitHub lists no pull requests on it, and the fork's branch may be called main.
  writeFileSync(file, JSON.stringify({ action: 'completed', workflow_run: { id: 77, event: 'pull_request', head_sha: headSha, head_branch: 'main', head_repository: { owner: { login: 'mallory' } }, pull_requests: [] } }));
  return file;
}

const baseEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GITHUB_ACTIONS: 'true',
  GITHUB_API_URL: gh.url,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_TOKEN: 'ghs_privileged',
  GITHUB_RUN_ID: '1000',
});

async function comment(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  // Async: the fake GitHub server lives in this process and must keep answering.
  const child = spawn(process.execPath, [CLI, 'comment', '--no-summary', ...args], { cwd: dir, env });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-untrusted-'));
  gh = new FakeGithub();
  await gh.start();
});
afterAll(async () => {
  await gh.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  gh.comments.length = 0;
  gh.requests.length = 0;
  gh.pulls = new Map([
    [7, { headSha: H7, head: 'mallory:main' }],
    [99, { headSha: H99, head: 'acme:release' }],
  ]);
});

describe('ciprof comment in a workflow_run job', () => {
  it('comments on the PR the event names, not the one the file names, with the file\'s foreign links dropped', async () => {
    writeFileSync(path.join(dir, 'diff.json'), forgedReport());
    const r = await comment(['--report', 'diff.json'], { ...baseEnv(), GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: workflowRunEvent(H7) });
    expect(r.status, r.stderr).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(gh.comments.map((c) => c.issue)).toEqual([7]);
    const body = gh.comments[0]!.body;
    expect(body).toContain(MARKER);
    expect(body).toContain('**hotB**');
    expect(body).not.toMatch(/evil\.example|victim/);
    // Links and the baseline's run now point into the repository this job runs for.
    expect(body).toContain('[CI run](https://github.com/acme/shop/actions/runs/77)');
    expect(body).toContain('[run 555](https://github.com/acme/shop/actions/runs/555)');
    expect(body).toContain(`https://github.com/acme/shop/blob/${H7}/lib/hot.js#L3`);
    // The fork's PR was found by its owner:branch and checked by its head commit.
    expect(gh.requests.some((q) => q.template === '/repos/{owner}/{repo}/pulls' && q.path.includes('head=mallory%3Amain'))).toBe(true);
  });

  it('refuses a file about another PR\'s head commit, in one line, and comments nowhere', async () => {
    writeFileSync(path.join(dir, 'other.json'), forgedReport({ head: { commit: H99 } }));
    const r = await comment(['--report', 'other.json'], { ...baseEnv(), GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: workflowRunEvent(H7) });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`ciprof: error: other.json: the report is about commit ${H99.slice(0, 12)}, not ${H7.slice(0, 12)} (the head that was checked): refusing to publish it`]);
    expect(gh.comments).toEqual([]);
  });

  it('refuses a --head-sha that is not the triggering run\'s', async () => {
    writeFileSync(path.join(dir, 'diff.json'), forgedReport());
    const r = await comment(['--report', 'diff.json', '--head-sha', H99], { ...baseEnv(), GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: workflowRunEvent(H7) });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--head-sha 999999999999 is not the commit of the run that triggered this workflow/);
    expect(gh.comments).toEqual([]);
  });

  it('skips the comment when the PR moved on since the run (its head is another commit now)', async () => {
    gh.pulls.set(7, { headSha: 'c'.repeat(40), head: 'mallory:main' });
    gh.pulls.set(8, { headSha: H7, head: 'mallory:other' });
    writeFileSync(path.join(dir, 'diff.json'), forgedReport());
    const r = await comment(['--report', 'diff.json', '--pr', '7', '--head-sha', H7], { ...baseEnv(), GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: workflowRunEvent(H7) });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/not commenting on acme\/shop#7: its head is cccccccccccc/);
    expect(gh.comments).toEqual([]);
  });

  it('outside workflow_run, --head-sha is required', async () => {
    writeFileSync(path.join(dir, 'diff.json'), forgedReport());
    const r = await comment(['--report', 'diff.json', '--pr', '7'], baseEnv());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--head-sha is required/);
    expect(gh.comments).toEqual([]);
  });

  it('refuses a file that fails the schema, naming it', async () => {
    writeFileSync(path.join(dir, 'bad.json'), forgedReport().replace('"jobKey": "ci_test"', '"jobKey": "ci_test", "owner": "victim"'));
    const r = await comment(['--report', 'bad.json'], { ...baseEnv(), GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: workflowRunEvent(H7) });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('ciprof: error: bad.json: the report: unknown field "owner"');
  });
});

describe('the library calls of the Action\'s report mode', () => {
  const ci: CiContext = { provider: 'github', repository: 'acme/shop', serverUrl: 'https://github.com', jobKey: 'comment-job' };

  it('resolveReportTarget + publishUntrustedReport: the event decides the PR, an allowed origin keeps its link', async () => {
    const env = { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: workflowRunEvent(H7), GITHUB_API_URL: gh.url };
    const target = await resolveReportTarget({ env, ci, githubToken: 'ghs_privileged', linkOrigins: ['https://pyroscope.acme.internal'] });
    expect(target).toEqual({ provider: 'github', repository: 'acme/shop', serverUrl: 'https://github.com', pr: 7, headSha: H7, linkOrigins: ['https://pyroscope.acme.internal'] });
    const file = path.join(dir, 'lib.json');
    writeFileSync(file, forgedReport({ links: { pyroscope: 'https://pyroscope.acme.internal/comparison-diff?x=1', report: 'https://evil.example/x' } }));
    const { outcomes } = await publishUntrustedReport({ file, target, ci, env, githubToken: 'ghs_privileged', summary: false });
    expect(outcomes).toEqual([expect.objectContaining({ target: 'github-comment', status: 'created' })]);
    expect(gh.comments[0]!.body).toContain('[Pyroscope diff](https://pyroscope.acme.internal/comparison-diff?x=1)');
    expect(gh.comments[0]!.body).not.toContain('evil.example');
    expect(gh.violations).toEqual([]);
  });

  it('a run that was not a pull request\'s has no PR: nothing is commented', async () => {
    const file = path.join(dir, 'push-event.json');
    writeFileSync(file, JSON.stringify({ workflow_run: { event: 'push', head_sha: H7, head_branch: 'main', pull_requests: [] } }));
    const target = await resolveReportTarget({ env: { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: file }, ci });
    expect(target.pr).toBeUndefined();
    writeFileSync(path.join(dir, 'diff.json'), forgedReport());
    const { outcomes } = await publishUntrustedReport({ file: path.join(dir, 'diff.json'), target, ci, env: { GITHUB_API_URL: gh.url }, githubToken: 'ghs_privileged', summary: false });
    expect(outcomes).toEqual([expect.objectContaining({ status: 'skipped', message: 'not a pull request run: nothing to comment on' })]);
    expect(gh.comments).toEqual([]);
  });
});
