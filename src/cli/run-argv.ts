/**
 * `ciprof run`'s usual command lines read without commander, so that the test command
 * starts before commander and the other commands' code load (about a third of what the
 * CLI did before the spawn). Deliberately narrow: the flags below, in the forms `--flag`,
 * `--flag value` and `--flag=value`, then `--` and the command. Anything else (help,
 * --upload and the Pyroscope flags, a command without `--`, combined short flags, a value
 * that looks like a flag) returns undefined and goes through commander (run-options.ts),
 * which stays the one definition of the command's interface; a test checks that both read
 * every accepted line the same way.
 */
import type { RunFlags } from './run.js';

const BOOLEAN: Record<string, (f: RunFlags) => void> = {
  '--alloc': (f) => (f.alloc = true),
  '--json': (f) => (f.json = true),
  '--keep-raw': (f) => (f.keepRaw = true),
  '-q': (f) => (f.quiet = true),
  '--quiet': (f) => (f.quiet = true),
  '--no-store': (f) => (f.store = false),
  '--no-report': (f) => (f.report = false),
};

type ValueKey = 'out' | 'intervalUs' | 'storeDir' | 'jobKey';
const VALUED: Record<string, ValueKey> = { '-o': 'out', '--out': 'out', '--interval-us': 'intervalUs', '--store-dir': 'storeDir', '--job-key': 'jobKey' };

/** The command and flags of `ciprof run [flags] -- <command...>`, or undefined: let commander read it. */
export function parseRunArgv(argv: readonly string[]): { command: string[]; flags: RunFlags } | undefined {
  if (argv[2] !== 'run') return undefined;
  // Commander's defaults (run-options.ts).
  const flags: RunFlags = { out: '.ciprof', intervalUs: '1000', store: true, report: true };
  for (let i = 3; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      const command = argv.slice(i + 1);
      return command.length > 0 ? { command, flags } : undefined;
    }
    const set = Object.hasOwn(BOOLEAN, arg) ? BOOLEAN[arg] : undefined;
    if (set) {
      set(flags);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = Object.hasOwn(VALUED, name) ? VALUED[name] : undefined;
    if (!key) return undefined;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    flags[key] = value;
  }
  return undefined;
}
