/**
 * The settings stage makes each shared decision once. The store directory is the one a
 * real bug came from (stored under the root, looked up under the working directory): from
 * any directory of a checkout it is the root's, unless a flag or CIPROF_STORE_DIR says
 * otherwise; the job key override and the default base are decided here too.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings, storeDirFor, type Log } from '../../src/pipeline/settings.js';

let repo: string;
const log: Log = { info: () => undefined, notice: () => undefined, warn: (l) => expect.fail(l) };
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, ...extra });

beforeAll(() => {
  repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'ciprof-settings-')));
  mkdirSync(path.join(repo, 'packages/x'), { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'c'], { cwd: repo });
});
afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('the store directory', () => {
  it('is the repository root\'s from a package directory and from the root alike', () => {
    const fromPackage = resolveSettings({ cwd: path.join(repo, 'packages/x'), env: env() }, log);
    const fromRoot = resolveSettings({ cwd: repo, env: env() }, log);
    expect(fromPackage.storeDir).toBe(path.join(repo, '.ciprof/store'));
    expect(fromRoot.storeDir).toBe(fromPackage.storeDir);
    expect(fromPackage.repoRoot).toBe(repo);
    expect(fromPackage.outDir).toBe(path.join(repo, 'packages/x/.ciprof'));
  });

  it('a flag beats CIPROF_STORE_DIR, which beats the default; relative ones start at the working directory', () => {
    const cwd = path.join(repo, 'packages/x');
    expect(storeDirFor(repo, cwd, env({ CIPROF_STORE_DIR: 'shared' }), 'mine')).toBe(path.join(cwd, 'mine'));
    expect(storeDirFor(repo, cwd, env({ CIPROF_STORE_DIR: 'shared' }))).toBe(path.join(cwd, 'shared'));
    expect(storeDirFor(repo, cwd, env({ CIPROF_STORE_DIR: '/var/ciprof' }))).toBe('/var/ciprof');
  });
});

describe('the CI facts', () => {
  it('a job key override replaces the detected one; the default base is the PR base branch on GitHub', () => {
    const s = resolveSettings({ cwd: repo, env: env({ GITHUB_ACTIONS: 'true', GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'a/b' }), jobKey: 'my job' }, log);
    expect(s.ci.jobKey).toBe('my_job');
    expect(s.base).toBe('origin/main');
    expect(resolveSettings({ cwd: repo, env: env(), base: 'v1.2' }, log).base).toBe('v1.2');
  });

  it("store 'auto' is GitHub artifacts only with a token and a repository", () => {
    const gh = env({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'a/b' });
    expect(resolveSettings({ cwd: repo, env: gh, store: 'auto', githubToken: 't0ken' }, log).store).toBe('github');
    expect(resolveSettings({ cwd: repo, env: gh, store: 'auto' }, log).store).toBe('local');
    expect(resolveSettings({ cwd: repo, env: env(), store: 'auto', githubToken: 't0ken' }, log).store).toBe('local');
  });
});
