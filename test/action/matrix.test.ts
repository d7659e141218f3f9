/**
 * Matrix legs get their own job key (baseline, sticky comment, artifact names) from the
 * `matrix` input, whose default in action.yml is `${{ toJson(matrix) }}`. Before, the legs
 * shared one key: one comment overwritten by each leg, and artifact names GitHub rejected.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrixKey } from '../../src/action/inputs.js';
import { installAction, runActionDist } from '../helpers/action-run.js';
import { FIXTURES } from '../helpers/cli.js';

let work: string;
let repo: string;
let actionDir: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-matrix-'));
  actionDir = installAction(work);
  repo = path.join(work, 'repo');
  mkdirSync(repo, { recursive: true });
  cpSync(path.join(FIXTURES, 'plain'), path.join(repo, 'plain'), { recursive: true });
  cpSync(path.join(FIXTURES, 'lib'), path.join(repo, 'lib'), { recursive: true });
  writeFileSync(path.join(repo, '.gitignore'), '.ciprof/\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('matrixKey', () => {
  it('is short, readable and independent of key order', () => {
    expect(matrixKey('{"os":"ubuntu-24.04","node":24}')).toBe('24-ubuntu-24.04');
    expect(matrixKey('{\n  "node": 24,\n  "os": "ubuntu-24.04"\n}')).toBe('24-ubuntu-24.04');
    expect(matrixKey('{"include":{"shard":2}}')).toBe('{"shard":2}');
  });
  it('is empty outside a matrix (toJson of no matrix is null or empty)', () => {
    expect(matrixKey('null')).toBe('');
    expect(matrixKey('')).toBe('');
  });
});

describe('the Action in a matrix', () => {
  it('stores each leg under its own job key', async () => {
    const sha = git('rev-parse', 'HEAD');
    for (const node of [22, 24]) {
      const r = await runActionDist({
        actionDir,
        workspace: repo,
        inputs: { run: 'node plain/main.js', mode: 'collect', matrix: JSON.stringify({ node, os: 'ubuntu-24.04' }), 'upload-artifact': 'false', 'github-token': '' },
        env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' },
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    }
    expect(readdirSync(path.join(repo, '.ciprof/store')).sort()).toEqual(['ci_test_22-ubuntu-24.04', 'ci_test_24-ubuntu-24.04']);
  });
});
