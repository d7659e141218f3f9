/**
 * The Action's `mode: report` with a `report-file` (a workflow_run job publishing a fork's
 * diff.json), run from a clean action.yml + dist/ against the local GitHub REST server
 * (checked against GitHub's OpenAPI description). The file may comment, but it decides
 * neither the verdict nor the job's result:
 *   - the verdict (comment line, `verdict` and `regressions` outputs) is recomputed from
 *     the rows the comment shows, whatever the file's `verdict` field says;
 *   - with fail-on-regression, a regression in the file does not fail the privileged job
 *     (a notice says why); the same input still fails a job that computed the diff itself
 *     (test/action/failing-tests.test.ts and the pipeline's exitCodeFor);
 *   - outside workflow_run the file must be about the pull_request event's head commit,
 *     and where no event names one (a push), nothing is published.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIFF_REPORT_SCHEMA, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';
import { diffProfiles, type ProfileDiff } from '../../src/diff/function-diff.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { actionOutput, installAction, runActionDist, type ActionRun } from '../helpers/action-run.js';
import { FakeGithub } from '../helpers/github-server.js';

const H7 = '7'.repeat(40);
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

function report(diff: ProfileDiff, headCommit = H7): string {
  const r: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: 'test',
    jobKey: 'ci_test',
    head: { commit: headCommit },
    base: { source: 'store', found: true, commit: 'a'.repeat(40), reason: 'merge-base', store: 'github-artifacts' },
    diff,
    changedPaths: [],
    links: {},
  };
  return serializeDiffReport(r);
}

const WORKFLOW_RUN = { name: 'workflow_run', payload: { action: 'completed', workflow_run: { id: 77, event: 'pull_request', head_sha: H7, head_branch: 'main', head_repository: { owner: { login: 'mallory' } }, pull_requests: [] } } };
/** A same-repository pull_request job: GitHub's event names PR 7 and its head commit. */
const PULL_REQUEST = { name: 'pull_request', payload: { number: 7, pull_request: { number: 7, head: { sha: H7, ref: 'feature' }, base: { sha: 'a'.repeat(40), ref: 'main' } } } };
const PUSH = { name: 'push', payload: { ref: 'refs/heads/main', after: H7 } };

async function runReport(diffJson: string, inputs: Record<string, string> = {}, event: { name: string; payload: unknown } = WORKFLOW_RUN): Promise<ActionRun> {
  const workspace = mkdtempSync(path.join(work, 'ws-'));
  writeFileSync(path.join(workspace, 'diff.json'), diffJson);
  const eventFile = path.join(workspace, 'event.json');
  writeFileSync(eventFile, JSON.stringify(event.payload));
  return runActionDist({
    actionDir,
    workspace,
    inputs: { mode: 'report', 'report-file': 'diff.json', 'github-token': 'ghs_privileged', 'upload-artifact': 'false', ...inputs },
    env: {
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_SHA: 'd'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
    },
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-report-verdict-'));
  actionDir = installAction(work);
  gh = new FakeGithub();
  await gh.start();
});
afterAll(async () => {
  await gh.stop();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  gh.comments.length = 0;
  gh.pulls = new Map([[7, { headSha: H7, head: 'mallory:main' }]]);
});

describe('mode: report, report-file: the verdict and the result are not the file\'s to decide', () => {
  it('a real regression with fail-on-regression: commented, verdict regression, but the step passes with a notice', async () => {
    const diff = diffProfiles(profile(1), profile(4));
    expect(diff.verdict).toBe('regression');
    const r = await runReport(report(diff), { 'fail-on-regression': 'true' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/::error::/);
    expect(r.stdout).toMatch(/::notice::ciprof: fail-on-regression does not apply to a report-file/);
    expect(gh.comments.map((c) => c.issue)).toEqual([7]);
    expect(gh.comments[0]!.body).toContain('**hotB**');
    expect(actionOutput(r, 'verdict')).toBe('regression');
    expect(actionOutput(r, 'regressions')).toBe(String(diff.regressions.length));
    expect(gh.violations).toEqual([]);
  });

  it('a file saying "regression" over rows that show nothing slower: the comment and the outputs say no change', async () => {
    const diff = diffProfiles(profile(1), profile(1));
    expect(diff.regressions).toEqual([]);
    diff.verdict = 'regression';
    const r = await runReport(report(diff), { 'fail-on-regression': 'true' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(actionOutput(r, 'verdict')).toBe('no-change');
    expect(actionOutput(r, 'regressions')).toBe('0');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).not.toMatch(/slower/i);
  });

  it('a file saying "no-change" over a regression row, or listing a faster row as a regression: recomputed from the rows', async () => {
    const slower = diffProfiles(profile(1), profile(4));
    slower.verdict = 'no-change';
    const hidden = await runReport(report(slower));
    expect(actionOutput(hidden, 'verdict')).toBe('regression');
    expect(gh.comments[0]!.body).toMatch(/slower/i);

    gh.comments.length = 0;
    const faster = diffProfiles(profile(4), profile(1));
    expect(faster.improvements.length).toBeGreaterThan(0);
    // The faster row relabelled as a regression, and the verdict with it.
    faster.regressions = faster.improvements.map((row) => ({ ...row, status: 'regression' as const }));
    faster.improvements = [];
    faster.verdict = 'regression';
    const relabelled = await runReport(report(faster), { 'fail-on-regression': 'true' });
    expect(relabelled.status).toBe(0);
    expect(actionOutput(relabelled, 'verdict')).toBe('no-change');
    expect(actionOutput(relabelled, 'regressions')).toBe('0');
  });
});

describe('mode: report, report-file outside workflow_run', () => {
  it('in a pull_request job, the event\'s head commit is the one the file must be about', async () => {
    const ok = await runReport(report(diffProfiles(profile(1), profile(4))), {}, PULL_REQUEST);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(gh.comments.map((c) => c.issue)).toEqual([7]);
    expect(actionOutput(ok, 'verdict')).toBe('regression');

    gh.comments.length = 0;
    const other = await runReport(report(diffProfiles(profile(1), profile(4)), '9'.repeat(40)), {}, PULL_REQUEST);
    expect(other.status).toBe(0);
    expect(gh.comments).toEqual([]);
    expect(other.stdout).toMatch(/::warning::ciprof: report step failed: .*diff\.json: the report is about commit 999999999999, not 777777777777/);
  });

  it('in a push job, nothing names the commit: one warning, nothing published', async () => {
    const r = await runReport(report(diffProfiles(profile(1), profile(4))), { 'fail-on-regression': 'true' }, PUSH);
    expect(r.status).toBe(0);
    expect(gh.comments).toEqual([]);
    expect(r.stdout).toMatch(/::warning::ciprof: report-file is published only in a workflow_run or pull_request job/);
    expect(actionOutput(r, 'verdict')).toBeUndefined();
  });
});
