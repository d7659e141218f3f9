/**
 * The Action's `mode: report` with `report-file`, run from a clean action.yml + dist/ as
 * a workflow_run job runs it, against the local GitHub REST server (checked against
 * GitHub's OpenAPI description). The diff.json is a fork's to write: the comment goes to
 * the PR the event names whatever the file says, and a file about another commit is
 * refused with one warning and no comment.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIFF_REPORT_SCHEMA, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { ROOT } from '../helpers/cli.js';
import { FakeGithub } from '../helpers/github-server.js';

const H7 = '7'.repeat(40);
const H99 = '9'.repeat(40);
let work: string;
let actionDir: string;
let gh: FakeGithub;

function profile(slow: number) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (let i = 0; i < 20; i++) b.addSample([b.functionId(`steady${i}`, `src/s${i}.js`, 1), main], [50_000, 50_000e6]);
  b.addSample([b.functionId('hotB', 'lib/hot.js', 3), main], [100 * slow, 100e6 * slow]);
  return b.build();
}

/** Valid in shape, hostile in intent: it names another repository, PR 99 and a phishing link. */
function forged(headCommit: string): string {
  const report: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: 'test',
    jobKey: 'ci_test',
    provider: 'github',
    repository: 'victim/other',
    serverUrl: 'https://evil.example',
    pr: 99,
    head: { commit: headCommit },
    base: { source: 'store', found: true, commit: 'a'.repeat(40), wanted: 'a'.repeat(40), distance: 0, reason: 'merge-base', store: 'github-artifacts' },
    diff: diffProfiles(profile(1), profile(4)),
    changedPaths: [],
    links: { report: 'https://evil.example/phish' },
  };
  return serializeDiffReport(report);
}

async function runReportMode(reportText: string): Promise<{ status: number | null; stdout: string }> {
  const dir = mkdtempSync(path.join(work, 'run-'));
  writeFileSync(path.join(dir, 'diff.json'), reportText);
  writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ action: 'completed', workflow_run: { id: 77, event: 'pull_request', head_sha: H7, head_branch: 'main', head_repository: { owner: { login: 'mallory' } }, pull_requests: [] } }));
  writeFileSync(path.join(dir, 'outputs.txt'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_EVENT_NAME: 'workflow_run',
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
    GITHUB_SHA: 'd'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1000',
    GITHUB_WORKFLOW: 'ciprof comment',
    GITHUB_JOB: 'comment',
    GITHUB_OUTPUT: path.join(dir, 'outputs.txt'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    'INPUT_WORKING-DIRECTORY': dir,
    'INPUT_GITHUB-TOKEN': 'ghs_privileged',
    INPUT_MODE: 'report',
    'INPUT_REPORT-FILE': 'diff.json',
    'INPUT_UPLOAD-ARTIFACT': 'false',
  };
  // Async: the fake GitHub server lives in this process and must keep answering.
  const child = spawn(process.execPath, [path.join(actionDir, 'dist/index.js')], { cwd: dir, env, timeout: 90_000 });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-report-mode-'));
  actionDir = path.join(work, 'action');
  mkdirSync(actionDir);
  cpSync(path.join(ROOT, 'action.yml'), path.join(actionDir, 'action.yml'));
  cpSync(path.join(ROOT, 'dist'), path.join(actionDir, 'dist'), { recursive: true });
  gh = new FakeGithub();
  await gh.start();
});
afterAll(async () => {
  await gh.stop();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  gh.comments.length = 0;
  gh.pulls = new Map([
    [7, { headSha: H7, head: 'mallory:main' }],
    [99, { headSha: H99, head: 'acme:release' }],
  ]);
});

describe('mode: report with a diff.json from a fork\'s run', () => {
  it('comments on the PR the workflow_run event names, not the one the file names, without its foreign links', async () => {
    const r = await runReportMode(forged(H7));
    expect(r.status, r.stdout).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(gh.comments.map((c) => c.issue)).toEqual([7]);
    expect(gh.comments[0]!.body).toContain('**hotB**');
    expect(gh.comments[0]!.body).not.toMatch(/evil\.example|victim/);
  });

  it('refuses a file about another PR\'s head commit: one warning, no comment, the step does not fail', async () => {
    const r = await runReportMode(forged(H99));
    expect(r.status, r.stdout).toBe(0);
    expect(gh.comments).toEqual([]);
    expect(r.stdout).toMatch(/::warning::ciprof: .*diff\.json: the report is about commit 999999999999, not 777777777777/);
  });
});
