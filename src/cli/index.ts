#!/usr/bin/env node
import { enableCompileCache } from './compile-cache.js';
import { parseRunArgv } from './run-argv.js';

// Before the rest of the CLI loads, so that its modules are compiled from the cache.
enableCompileCache();
// `ciprof run [flags] -- <command>`, the line CI runs, starts the command without loading
// commander first (run-argv.ts); every other line goes through commander.
const fast = parseRunArgv(process.argv);
const main = fast
  ? import('./run.js').then((m) => m.runTests(fast.command, fast.flags))
  : import('./program.js').then(async ({ buildProgram }) => (await buildProgram(process.argv)).parseAsync(process.argv));
main.catch((err: unknown) => {
  process.stderr.write(`ciprof: error: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
