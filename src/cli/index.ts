#!/usr/bin/env node
import { enableCompileCache } from './compile-cache.js';

// Before the rest of the CLI loads, so that its modules are compiled from the cache.
enableCompileCache();
const { buildProgram } = await import('./program.js');

buildProgram(process.argv)
  .then((program) => program.parseAsync(process.argv))
  .catch((err: unknown) => {
    process.stderr.write(`ciprof: error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
