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

  it('gives what localGitFacts gives on a detached HEAD: no branch', async () => {
    const detached = path.join(dir, 'detached');
    git(dir, 'clone', '-q', path.join(dir, 'origin'), 'detached');
    git(detached, 'checkout', '-q', '--detach');
    const facts = await localGitFactsAsync(detached);
    expect(facts).toEqual(localGitFacts(detached));
    expect(facts.commit).toBe(git(detached, 'rev-parse', 'HEAD'));
    expect(facts.branch).toBeUndefined();
    expect(facts.root).toBe(detached);
  });

  it('gives what localGitFacts gives in a repository without a commit: root and branch', async () => {
    const fresh = path.join(dir, 'fresh');
    git(dir, 'init', '-q', '-b', 'trunk', fresh);
    const facts = await localGitFactsAsync(fresh);
    expect(facts).toEqual(localGitFacts(fresh));
    expect(facts).toEqual({ root: fresh, commit: undefined, branch: 'trunk', upstream: undefined, mergeBase: undefined });
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
