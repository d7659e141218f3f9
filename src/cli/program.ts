import { Command } from 'commander';
import { VERSION } from '../version.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded on demand: `ciprof run` starts the test command sooner
 * when it does not first parse the code of diff, compare, report and the rest (their
 * modules and the builtins they pull in: crypto, zlib, the Actions toolkit).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  run: async () => (await import('./run-options.js')).registerRun,
  merge: async () => (await import('./merge.js')).registerMerge,
  export: async () => (await import('./export.js')).registerExport,
  top: async () => (await import('./top.js')).registerTop,
  report: async () => (await import('./report.js')).registerReport,
  upload: async () => (await import('./upload.js')).registerUpload,
  diff: async () => (await import('./diff.js')).registerDiff,
  comment: async () => (await import('./comment.js')).registerComment,
  compare: async () => (await import('./compare.js')).registerCompare,
};

/**
 * The program with the command named in `argv` registered, or with every command when
 * none is named (`--help`, `help run`, a typo: commander then lists or suggests them all).
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('ciprof')
    .description('Profile a Node test suite in CI and tell the pull request where the CPU time went')
    .version(VERSION)
    .enablePositionalOptions();
  const named = argv[2];
  const names = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
  return program;
}
