/**
 * `ciprof run` starts the test command before it asks git (the answers arrive while the
 * command runs): the commit and branch still reach profile.json and the profile, the run is
 * still stored under that commit, and the command's exit code and output are its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let repo: string;
const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd: repo, encoding: 'utf8' }).trim();

beforeAll(() => {
  repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'ciprof-run-git-')));
  git('init', '-q', '-b', 'topic');
  git('commit', '-q', '--allow-empty', '-m', 'c');
});
afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('ciprof run in a git checkout', () => {
  it('records the commit and branch, stores under the commit, keeps exit code and output', () => {
    const r = runCli(['run', '-q', '--out', 'out', '--store-dir', 'store', '--job-key', 'k', '--', 'node', '-e', 'let s = 0; for (let i = 0; i < 3e6; i++) s += i; console.log("out", s > 0)'], { cwd: repo });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('out true\n');
    const summary = JSON.parse(readFileSync(path.join(repo, 'out/profile.json'), 'utf8')) as { meta: Record<string, string>; storedAs?: string };
    const commit = git('rev-parse', 'HEAD');
    expect(summary.meta).toMatchObject({ 'ci.provider': 'local', commit, branch: 'topic', job_key: 'k' });
    expect(summary.storedAs).toContain(commit);
    expect(existsSync(path.join(repo, summary.storedAs!))).toBe(true);
  });

  it('a failing command keeps its exit code, with the facts recorded all the same', () => {
    const r = runCli(['run', '-q', '--no-store', '--out', 'fail', '--', 'node', '-e', 'process.exitCode = 5'], { cwd: repo });
    expect(r.status).toBe(5);
    const summary = JSON.parse(readFileSync(path.join(repo, 'fail/profile.json'), 'utf8')) as { exitCode: number; meta: Record<string, string> };
    expect(summary.exitCode).toBe(5);
    expect(summary.meta.commit).toBe(git('rev-parse', 'HEAD'));
  });
});
