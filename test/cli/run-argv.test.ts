/**
 * `ciprof run`'s fast path (src/cli/run-argv.ts) starts the command without commander. It
 * must read every line it accepts exactly as commander does (run-options.ts is the
 * definition), and hand every other line to commander. Checked here against commander
 * itself, line by line; the e2e tests (test/cli, test/collect) run through the fast path.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseRunArgv } from '../../src/cli/run-argv.js';
import { registerRun } from '../../src/cli/run-options.js';
import type { RunFlags } from '../../src/cli/run.js';

/** The flags `ciprof run` reads without --upload (the Pyroscope ones matter only with it). */
const KEYS: (keyof RunFlags)[] = ['out', 'intervalUs', 'alloc', 'json', 'store', 'storeDir', 'jobKey', 'keepRaw', 'quiet', 'report', 'upload'];
const pick = (flags: RunFlags): Partial<RunFlags> => Object.fromEntries(KEYS.filter((k) => flags[k] !== undefined).map((k) => [k, flags[k]]));

async function viaCommander(args: string[]): Promise<{ command: string[]; flags: Partial<RunFlags> }> {
  const program = new Command('ciprof').enablePositionalOptions().exitOverride();
  let got: { command: string[]; flags: Partial<RunFlags> } | undefined;
  registerRun(program, async (command, flags) => {
    got = { command, flags: pick(flags) };
  });
  await program.parseAsync(['node', 'ciprof', ...args]);
  return got!;
}

const ACCEPTED: string[][] = [
  ['run', '--', 'npm', 'test'],
  ['run', '-q', '--store-dir', 'S', '--out', 'O', '--', 'node', 'mocha.js', '--reporter', 'dot', 'test/'],
  ['run', '--json', '--no-store', '--no-report', '--keep-raw', '--alloc', '--', 'node', '-e', '1'],
  ['run', '-o', 'out dir', '--interval-us', '500', '--job-key', 'unit', '--quiet', '--', 'npm test'],
  ['run', '--out=O', '--store-dir=a=b', '--interval-us=250', '--', 'node', '--test', '--', 'x'],
  ['run', '--out', 'first', '--out', 'second', '--', 'node', '-q', '--json'],
  ['run', '--interval-us', 'abc', '--', 'node'],
];

const REFUSED: string[][] = [
  ['run', 'npm', 'test'],
  ['run', '-q', 'npm', 'test'],
  ['run', '--'],
  ['run', '--help'],
  ['run', '-h', '--', 'x'],
  ['run', '--upload', '--server', 'http://p', '--', 'npm', 'test'],
  ['run', '--server', 'http://p', '--', 'npm', 'test'],
  ['run', '-qo', 'O', '--', 'x'],
  ['run', '--out', '--', 'x'],
  ['run', '--out'],
  ['run', '--out=', '--', 'x'],
  ['run', '--json=1', '--', 'x'],
  ['run', '--store', '--', 'x'],
  ['run', '--toString', '--', 'x'],
  ['diff', '--', 'x'],
  ['--version'],
  [],
];

describe('ciprof run fast path', () => {
  it.each(ACCEPTED.map((a) => [a.join(' '), a]))('reads `%s` as commander does', async (_, args) => {
    const fast = parseRunArgv(['node', 'ciprof', ...(args as string[])]);
    expect(fast).toBeDefined();
    expect({ command: fast!.command, flags: pick(fast!.flags) }).toEqual(await viaCommander(args as string[]));
  });

  it.each(REFUSED.map((a) => [a.join(' '), a]))('leaves `%s` to commander', (_, args) => {
    expect(parseRunArgv(['node', 'ciprof', ...(args as string[])])).toBeUndefined();
  });
});
