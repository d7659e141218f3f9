/**
 * A failing test command gets no performance verdict and never becomes a baseline: the
 * Action (mode all, a base given) and `ciprof run` keep the profile in the output
 * directory, store nothing, and say "tests failed (exit N): no comparison" in the job
 * summary. Before, a failing suite got "faster — 3 functions improved" and its broken
 * profile became that commit's baseline.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionOutput, installAction, runActionDist } from '../helpers/action-run.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

let work: string;
let repo: string;
let actionDir: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();

const action = (inputs: Record<string, string>, sha: string) =>
  runActionDist({
    actionDir,
    workspace: repo,
    inputs: { 'job-key': 'failing', 'upload-artifact': 'false', 'github-token': '', ...inputs },
    env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' },
  });

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-failing-'));
  actionDir = installAction(work);
  repo = path.join(work, 'repo');
  mkdirSync(repo, { recursive: true });
  cpSync(path.join(FIXTURES, 'plain'), path.join(repo, 'plain'), { recursive: true });
  cpSync(path.join(FIXTURES, 'lib'), path.join(repo, 'lib'), { recursive: true });
  writeFileSync(path.join(repo, '.gitignore'), '.ciprof/\nout/\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const storedRuns = (commit: string): number => {
  const dir = path.join(repo, '.ciprof/store/failing', commit);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pb.gz')).length : 0;
};

describe('a failing test command', () => {
  it('the Action: no verdict in the summary, the profile kept but not stored as a baseline', async () => {
    const base = git('rev-parse', 'HEAD');
    const first = await action({ mode: 'collect', run: 'node plain/main.js' }, base);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(storedRuns(base)).toBe(1);

    writeFileSync(path.join(repo, 'plain/extra.txt'), 'x\n');
    git('add', '.');
    git('commit', '-qm', 'breaks the tests');
    const head = git('rev-parse', 'HEAD');
    const failed = await action({ mode: 'all', run: 'node plain/main.js && exit 5', base }, head);
    expect(failed.status, failed.stdout + failed.stderr).toBe(5);
    expect(failed.summary).toContain('tests failed (exit 5): no comparison');
    expect(failed.summary).not.toMatch(/slower|faster|no significant change/);
    expect(actionOutput(failed, 'verdict')).toBe('tests-failed');
    expect(existsSync(path.join(repo, '.ciprof/profile.pb.gz'))).toBe(true);
    expect(existsSync(path.join(repo, '.ciprof/diff.json'))).toBe(false);
    expect(storedRuns(head)).toBe(0);
  });

  it('ciprof run: the profile is written, nothing is stored, the exit code stands', () => {
    const commit = git('rev-parse', 'HEAD');
    const r = runCli(['run', '-q', '--job-key', 'failing', '--out', 'out', '--', 'sh', '-c', 'node plain/main.js && exit 6'], { cwd: repo });
    expect(r.status, r.stderr).toBe(6);
    expect(r.stderr).toContain('tests failed (exit 6): no comparison');
    expect(readdirSync(path.join(repo, 'out'))).toContain('profile.pb.gz');
    expect(storedRuns(commit)).toBe(0);
  });
});
