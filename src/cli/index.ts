#!/usr/bin/env node
import { buildProgram } from './program.js';

buildProgram(process.argv)
  .then((program) => program.parseAsync(process.argv))
  .catch((err: unknown) => {
    process.stderr.write(`ciprof: error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
