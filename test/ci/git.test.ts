/**
 * `ciprof run` asks git while the test command runs (localGitFactsAsync); the answers must
 * be the ones the blocking calls give, upstream and merge-base included, and nothing at all
 * outside a repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localGitFacts, localGitFactsAsync } from '../../src/ci/git.js';

let dir: string;
const git = (cwd: string, ...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd, encoding: 'utf8' }).trim();

beforeAll(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'ciprof-git-')));
  const origin = path.join(dir, 'origin');
  git(dir, 'init', '-q', '-b', 'main', origin);
  git(origin, 'commit', '-q', '--allow-empty', '-m', 'base');
  git(dir, 'clone', '-q', origin, 'clone');
  const clone = path.join(dir, 'clone');
  git(clone, 'checkout', '-q', '-b', 'feature', '--track', 'origin/main');
  git(clone, 'commit', '-q', '--allow-empty', '-m', 'head');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('localGitFactsAsync', () => {
  it('gives what localGitFacts gives: root, commit, branch, upstream, merge-base', async () => {
    const clone = path.join(dir, 'clone');
    const facts = await localGitFactsAsync(clone);
    expect(facts).toEqual(localGitFacts(clone));
    expect(facts).toEqual({ root: clone, commit: git(clone, 'rev-parse', 'HEAD'), branch: 'feature', upstream: 'origin/main', mergeBase: git(clone, 'rev-parse', 'HEAD~1') });
  });

  it('gives nothing outside a repository', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'ciprof-nogit-'));
    try {
      expect(await localGitFactsAsync(outside)).toEqual({});
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
