/**
 * `ciprof run` + `ciprof diff` end to end on a real git repo: the second commit makes
 * hotB three times the work; diff finds it as the top regression. A/A (two runs of one
 * commit) gives no rows, and a commit without a profile falls back to its nearest
 * first-parent ancestor that has one.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/diff-report.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

let repo: string;
let c1: string;
let c2: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();
const env = { CIPROF_JOB_KEY: 'e2e', FIXTURE_SLOW_B: '' };
const run = (): void => {
  const r = runCli(['run', '-q', '--', process.execPath, 'plain/main.js'], { cwd: repo, env });
  expect(r.status, r.stderr).toBe(0);
};
const diff = (...args: string[]): { status: number | null; report: DiffReport; stderr: string } => {
  const r = runCli(['diff', '--json', ...args], { cwd: repo, env });
  return { status: r.status, report: JSON.parse(r.stdout) as DiffReport, stderr: r.stderr };
};

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'ciprof-diff-e2e-'));
  cpSync(path.join(FIXTURES, 'plain'), path.join(repo, 'plain'), { recursive: true });
  cpSync(path.join(FIXTURES, 'lib'), path.join(repo, 'lib'), { recursive: true });
  writeFileSync(path.join(repo, '.gitignore'), '.ciprof/\n*.pb.gz\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
  c1 = git('rev-parse', 'HEAD');
  run();
  copyFileSync(path.join(repo, '.ciprof/profile.pb.gz'), path.join(repo, 'a1.pb.gz'));
  run();
  copyFileSync(path.join(repo, '.ciprof/profile.pb.gz'), path.join(repo, 'a2.pb.gz'));
  // The "slow" commit: hotB does 3x the iterations.
  const hot = path.join(repo, 'lib/hot.js');
  writeFileSync(hot, readFileSync(hot, 'utf8').replace('const n = iterations * Number(process.env.FIXTURE_SLOW_B || 1);', 'const n = iterations * 3;'));
  git('commit', '-qam', 'slow hotB');
  c2 = git('rev-parse', 'HEAD');
  run();
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('ciprof diff on real runs', () => {
  it('finds hotB as the top regression against the first commit, with the right sign', () => {
    const { status, report, stderr } = diff('--base', c1, '--fail-on-regression');
    expect(status, stderr).toBe(3);
    expect(report.base).toMatchObject({ found: true, commit: c1, distance: 0, source: 'store' });
    expect(report.head.commit).toBe(c2);
    // c1 was run twice: both stored runs are used, their scatter measures run-to-run noise.
    expect(report.diff!.noiseModel.runs).toEqual({ base: 2, head: 1 });
    const top = report.diff!.regressions[0]!;
    expect(top.frame.name).toBe('hotB');
    expect(top.frame.file).toBe('lib/hot.js');
    expect(top.selfDeltaNs).toBeGreaterThan(0);
    // 3x the work: about +200% (wide band, shared CI cores).
    expect(top.selfDeltaPct).toBeGreaterThan(100);
    expect(top.selfDeltaPct).toBeLessThan(400);
    expect(report.diff!.regressions.map((r) => r.frame.name)).not.toContain('hotA');
    expect(report.diff!.verdict).toBe('regression');
    const md = readFileSync(path.join(repo, '.ciprof/comment.md'), 'utf8');
    expect(md).toContain('<!-- ciprof:e2e -->');
    expect(md).toMatch(/```diff\n[\s\S]*- .*hotB lib\/hot\.js:\d+/);
  });

  it('A/A: two runs of the same commit give no regression rows', () => {
    const { status, report } = diff('--base', 'a1.pb.gz', '--head', 'a2.pb.gz', '--fail-on-regression');
    expect(report.base.source).toBe('file');
    expect(report.diff!.regressions).toEqual([]);
    expect(report.diff!.improvements).toEqual([]);
    expect(status).toBe(0);
  });

  it('falls back to the nearest first-parent ancestor with a profile, and says so', () => {
    git('commit', '-q', '--allow-empty', '-m', 'no run here');
    git('commit', '-q', '--allow-empty', '-m', 'nor here');
    // A commit (not a ref) is taken as is, so the walk starts from it.
    const { report } = diff('--base', git('rev-parse', 'HEAD'));
    expect(report.base).toMatchObject({ found: true, commit: c2, distance: 2 });
    expect(report.base.reason).toMatch(/2 commits back/);
    // A ref goes through its merge-base with the head profile's commit: here c2 itself.
    const { report: viaRef } = diff('--base', 'HEAD');
    expect(viaRef.base).toMatchObject({ found: true, commit: c2, distance: 0 });
    expect(viaRef.base.reason).toMatch(/merge-base of HEAD/);
    const { report: none } = diff('--base', 'HEAD', '--job-key', 'other');
    expect(none.base.found).toBe(false);
    expect(none.diff).toBeUndefined();
  });
});
