/**
 * One place decides the store directory (pipeline/settings.ts storeDirFor): the Action in
 * a package of a monorepo (`working-directory: packages/x`) stores its profile under the
 * repository root and looks the baseline up there too, and `ciprof diff` run from the
 * root finds the same profile. Before, the Action stored under the root and looked under
 * the working directory, so it never found a baseline.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/diff-report.js';
import { actionOutput, installAction, runActionDist } from '../helpers/action-run.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

let work: string;
let repo: string;
let actionDir: string;
const pkg = (): string => path.join(repo, 'packages/x');
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();

const action = (inputs: Record<string, string>, sha: string) =>
  runActionDist({
    actionDir,
    workspace: repo,
    inputs: { run: 'node plain/main.js', 'working-directory': 'packages/x', 'job-key': 'wd', 'upload-artifact': 'false', 'github-token': '', ...inputs },
    env: { GITHUB_REPOSITORY: 'acme/mono', GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' },
  });

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-action-wd-'));
  actionDir = installAction(work);
  repo = path.join(work, 'repo');
  mkdirSync(path.join(repo, 'packages/x'), { recursive: true });
  cpSync(path.join(FIXTURES, 'plain'), path.join(pkg(), 'plain'), { recursive: true });
  cpSync(path.join(FIXTURES, 'lib'), path.join(pkg(), 'lib'), { recursive: true });
  writeFileSync(path.join(repo, '.gitignore'), '.ciprof/\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Action with working-directory: packages/x', () => {
  it('stores under the repository root, and the next run finds that profile as its baseline', async () => {
    const base = git('rev-parse', 'HEAD');
    const first = await action({ mode: 'collect' }, base);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const stored = path.join(repo, '.ciprof/store/wd', base);
    expect(readdirSync(stored).filter((f) => f.endsWith('.pb.gz'))).toHaveLength(1);
    expect(existsSync(path.join(pkg(), '.ciprof/store'))).toBe(false);
    expect(actionOutput(first, 'profile')).toBe(path.join(pkg(), '.ciprof/profile.pb.gz'));

    const hot = path.join(pkg(), 'lib/hot.js');
    writeFileSync(hot, readFileSync(hot, 'utf8').replace('const n = iterations * Number(process.env.FIXTURE_SLOW_B || 1);', 'const n = iterations * 3;'));
    git('commit', '-qam', 'slow hotB');
    const second = await action({ mode: 'all', base }, git('rev-parse', 'HEAD'));
    expect(second.status, second.stdout + second.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(pkg(), '.ciprof/diff.json'), 'utf8')) as DiffReport;
    expect(report.base).toMatchObject({ source: 'store', store: 'local', found: true, commit: base, distance: 0 });
    expect(actionOutput(second, 'verdict')).not.toBe('no-baseline');
    expect(second.summary).toContain(base.slice(0, 12));

    // `ciprof diff` from the root, the way a developer would run it, meets the same store.
    const fromRoot = runCli(['diff', '--json', '--job-key', 'wd', '--base', base, '--head', 'packages/x/.ciprof/profile.pb.gz', '-o', path.join(work, 'root-diff')], { cwd: repo });
    expect(fromRoot.status, fromRoot.stderr).toBe(0);
    expect((JSON.parse(fromRoot.stdout) as DiffReport).base).toMatchObject({ found: true, commit: base });
  });
});
