/**
 * `ciprof compare` end to end, with the built CLI on a real temporary git repository:
 * commit 1 is the plain fixture, commit 2 triples hotB's work. The base is checked out
 * in a git worktree, runs are interleaved, and the worktree must be gone afterwards.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, FIXTURES, runCli } from '../helpers/cli.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();

interface Row {
  frame: { name: string };
  status: string;
}

let repo: string;
let plain: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ciprof-compare-e2e-'));
  cpSync(join(FIXTURES, 'plain'), join(repo, 'plain'), { recursive: true });
  cpSync(join(FIXTURES, 'lib'), join(repo, 'lib'), { recursive: true });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'base');
  const hot = join(repo, 'lib/hot.js');
  const src = readFileSync(hot, 'utf8');
  const slowed = src.replace('function hotB(iterations = 1e7)', 'function hotB(iterations = 3e7)');
  expect(slowed).not.toBe(src);
  writeFileSync(hot, slowed);
  git(repo, 'commit', '-qam', 'hotB does 3x the work');
  plain = join(repo, 'plain');
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

const worktrees = (): string[] => git(repo, 'worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree '));

describe('ciprof compare', () => {
  it('finds hotB as the top regression between HEAD~1 and the working tree, and removes the worktree', () => {
    // --json: stdout is the diff report alone; the runs' own output goes to stderr.
    const r = runCli(['compare', '--base', 'HEAD~1', '--runs', '2', '--install', '', '--out', 'out', '--json', '--', 'sh', '-c', 'echo output-of-the-tests && node main.js'], { cwd: plain });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { diff: { verdict: string } }).diff.verdict).toBe('regression');
    expect(r.stderr.match(/^output-of-the-tests$/gm)).toHaveLength(4);
    // Interleaved: base 1, head 1, base 2, head 2.
    const order = [...r.stderr.matchAll(/run \d\/4: (base|head) (\d)/g)].map((m) => `${m[1]}${m[2]}`);
    expect(order).toEqual(['base1', 'head1', 'base2', 'head2']);

    const out = join(plain, 'out');
    for (const f of ['base-1.pb.gz', 'base-2.pb.gz', 'head-1.pb.gz', 'head-2.pb.gz', 'base.pb.gz', 'head.pb.gz', 'diff.json', 'comment.md', 'report.html']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const report = JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8')) as { base: { commit: string }; diff: { verdict: string; regressions: Row[] } };
    expect(report.diff.verdict).toBe('regression');
    expect(report.diff.regressions[0]?.frame.name).toBe('hotB');
    expect(report.diff.regressions.map((x) => x.frame.name)).not.toContain('hotA');
    expect(report.base.commit).toBe(git(repo, 'rev-parse', 'HEAD~1'));
    expect(readFileSync(join(out, 'comment.md'), 'utf8')).toContain('hotB');

    const summary = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as { runs: Array<{ side: string; exitCode: number }>; failed?: unknown };
    expect(summary.runs.map((x) => x.exitCode)).toEqual([0, 0, 0, 0]);
    expect(summary.failed).toBeUndefined();
    expect(worktrees()).toEqual([`worktree ${repo}`]);
  });

  it('reports a failing head run with its exit code, runs the install command in the base checkout, and still cleans up', () => {
    // Head is the working tree: an uncommitted edit makes only the head's tests fail.
    const main = join(plain, 'main.js');
    const original = readFileSync(main, 'utf8');
    writeFileSync(main, original.replace("process.env.FIXTURE_EXIT || 0", "process.env.FIXTURE_EXIT || 5"));
    const marker = join(repo, 'install-cwd.txt');
    try {
      const r = runCli(['compare', '--base', 'HEAD', '--runs', '1', '--install', `pwd > ${marker}`, '--out', 'out-fail', '--fail-on-regression', '--', 'node', 'main.js'], { cwd: plain });
      expect(r.status, r.stderr).toBe(5);
      expect(r.stderr).toMatch(/failed in the head run 1 \(working tree\): exit code 5/);
      const summary = JSON.parse(readFileSync(join(plain, 'out-fail/compare.json'), 'utf8')) as { failed: { side: string; exitCode: number }; runs: Array<{ side: string; exitCode: number }> };
      expect(summary.failed).toEqual({ side: 'head', index: 1, exitCode: 5 });
      expect(summary.runs).toMatchObject([{ side: 'base', exitCode: 0 }, { side: 'head', exitCode: 5 }]);
      // --install runs in the base checkout's copy of the working directory (plain/).
      expect(readFileSync(marker, 'utf8').trim()).toMatch(/ciprof-base-[^/]+\/base\/plain$/);
      expect(worktrees()).toEqual([`worktree ${repo}`]);
    } finally {
      writeFileSync(main, original);
    }
  });

  it('refuses an unknown base with exit 2 and leaves no worktree', () => {
    const r = runCli(['compare', '--base', 'no-such-branch', '--install', '', '--', 'node', 'main.js'], { cwd: plain });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-branch/);
    expect(worktrees()).toEqual([`worktree ${repo}`]);
  });

  it('SIGINT mid-run: stops, removes the worktree, exits 130', async () => {
    const child = spawn(process.execPath, [CLI, 'compare', '--base', 'HEAD', '--runs', '2', '--install', '', '--out', 'out-int', '--', 'node', '-e', 'setTimeout(() => {}, 20000)'], {
      cwd: plain,
      env: { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const started = new Promise<void>((resolve) => {
      child.stderr.on('data', (d: string) => {
        stderr += d;
        if (stderr.includes('run 1/4')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await started;
    expect(worktrees()).toHaveLength(2);
    // Only the CLI gets the signal (no terminal process group here): it must forward it to the test command.
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stderr).not.toMatch(/run 2\/4/);
    expect(worktrees()).toEqual([`worktree ${repo}`]);
  });
});
