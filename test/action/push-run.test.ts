/**
 * A push run (the one that makes the baseline) has nothing to compare with, and still
 * leaves something to read: the job summary (top functions, slowest tests) and the HTML
 * report. Before, it wrote neither. The same for a collect-only step.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionOutput, installAction, runActionDist } from '../helpers/action-run.js';
import { FIXTURES } from '../helpers/cli.js';

let work: string;
let repo: string;
let actionDir: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-push-'));
  actionDir = installAction(work);
  repo = path.join(work, 'repo');
  mkdirSync(repo, { recursive: true });
  // The fixture's tests require ../../lib, as in the fixtures' own tree.
  cpSync(path.join(FIXTURES, 'node-test'), path.join(repo, 'node-test'), { recursive: true });
  cpSync(path.join(FIXTURES, 'lib'), path.join(repo, 'lib'), { recursive: true });
  writeFileSync(path.join(repo, '.gitignore'), '.ciprof/\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Action on a push event', () => {
  for (const mode of ['all', 'collect']) {
    it(`mode ${mode}: writes the job summary (top functions, slowest tests) and the HTML report`, async () => {
      const sha = git('rev-parse', 'HEAD');
      const r = await runActionDist({
        actionDir,
        workspace: repo,
        inputs: { run: 'node --test', 'working-directory': 'node-test', mode, 'job-key': `push-${mode}`, 'upload-artifact': 'false', 'github-token': '' },
        env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' },
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.summary).toContain('### ciprof: profile of');
      expect(r.summary).toMatch(/#### Top functions \(self time\)\n\n\| function \| where \| self/);
      expect(r.summary).toMatch(/#### Slowest tests\n\n\| test \| file \| wall \| CPU \(thread clock\) \| sampled on-CPU \| blocked in system calls \|[\s\S]*a\\.test\\.js/);
      expect(r.summary).not.toMatch(/slower|faster|no significant change/);
      const report = actionOutput(r, 'report');
      expect(report).toBe(path.join(repo, 'node-test/.ciprof/report.html'));
      expect(existsSync(report!)).toBe(true);
    });
  }
});
