/**
 * A small project in a git repository with two commits (main, and a feature commit that
 * makes one function 4x slower), checked out the way CI services do, so a recipe's own
 * shell lines can run against it as the service would run them.
 *
 * The one stand-in: the recipes' `npm ci` would install ciprof from the release tarball;
 * here node_modules links the ciprof being tested (what npm does for a `file:` dependency)
 * and the `npm ci` line itself is checked, not run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

export const git = (cwd: string, args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** `hot` does `loops` rounds; five steady functions do the same work on both commits. */
function source(loops: number): string {
  const spin = (name: string, n: number): string => `function ${name}() { let s = 0; for (let i = 0; i < ${n}; i++) s += Math.sqrt(i) * Math.sin(i); return s; }`;
  const steady = ['tax', 'ship', 'stock', 'price', 'audit'];
  return [
    ...steady.map((n) => spin(n, 1_000_000)),
    spin('hot', loops),
    `module.exports = { hot, steady: () => [${steady.join(', ')}].map((f) => f()) };`,
    '',
  ].join('\n');
}

export interface Origin {
  dir: string;
  main: string;
  feature: string;
}

/** A bare origin with `main` (commit A) and `feature` (commit B: `hot` 4x the work). */
export function makeOrigin(work: string): Origin {
  const src = join(work, 'src-repo');
  mkdirSync(join(src, 'src'), { recursive: true });
  mkdirSync(join(src, 'test'));
  git(src, ['init', '-q', '-b', 'main']);
  writeFileSync(join(src, 'package.json'), JSON.stringify({ name: 'shop', version: '1.0.0', private: true, scripts: { test: 'node --test test/*.test.js' } }, null, 2));
  writeFileSync(join(src, '.gitignore'), 'node_modules/\n.ciprof/\n');
  writeFileSync(
    join(src, 'test/shop.test.js'),
    "const test = require('node:test');\nconst { hot, steady } = require('../src/shop.js');\ntest('steady work', () => { steady(); });\ntest('hot path', () => { hot(); });\n",
  );
  writeFileSync(join(src, 'src/shop.js'), source(1_500_000));
  git(src, ['add', '-A']);
  git(src, ['commit', '-q', '-m', 'shop']);
  const main = git(src, ['rev-parse', 'HEAD']);
  git(src, ['checkout', '-q', '-b', 'feature']);
  writeFileSync(join(src, 'src/shop.js'), source(6_000_000));
  git(src, ['commit', '-q', '-am', 'hot path does more']);
  const feature = git(src, ['rev-parse', 'HEAD']);
  const dir = join(work, 'origin.git');
  git(work, ['clone', '-q', '--bare', src, dir]);
  return { dir, main, feature };
}

/** A full clone at `sha` (detached, as CI checks out), with ciprof in node_modules. */
export function checkout(origin: Origin, sha: string, dir: string): string {
  git(join(dir, '..'), ['clone', '-q', origin.dir, dir]);
  git(dir, ['checkout', '-q', '--detach', sha]);
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules/ciprof'), 'dir');
  symlinkSync('../ciprof/dist/cli.js', join(dir, 'node_modules/.bin/ciprof'));
  return dir;
}

export interface ScriptRun {
  status: number | null;
  output: string;
}

/**
 * Shell lines as GitLab's runner and CircleCI run them: one bash, stop at the first
 * failing line. The environment is the service's variables and nothing of ours.
 * Asynchronous: the test's own local servers must keep answering while it runs.
 */
export function runLines(lines: string[], cwd: string, env: Record<string, string>): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-eo', 'pipefail', '-c', lines.join('\n')], { cwd, env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

/** What a CI cache does: copy a directory out after a job, and back in before one. */
export function copyDir(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}
