import type { Command } from 'commander';
import { encodePprofGzip } from '../profile/gzip.js';
import { mergeProfileFiles } from '../profile/merge-files.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { fail, warn } from './io.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('merge pprof and V8 .cpuprofile files (gzipped or not) into one gzipped pprof')
    .argument('<files...>', 'input profiles')
    .requiredOption('-o, --output <file>', 'output file (gzipped pprof)')
    .option('--strict', 'exit 1 if any input could not be read (default: skip it with a warning)')
    .action((files: string[], flags: { output: string; strict?: boolean }) => {
      const { profile, merged, errors } = mergeProfileFiles(files);
      for (const e of errors) warn(`skipped ${e.message}`);
      if (merged === 0) fail(`none of the ${files.length} input file(s) could be read`);
      try {
        writeFileAtomic(flags.output, encodePprofGzip(profile));
      } catch (err) {
        fail(`cannot write ${flags.output}: ${(err as Error).message}`);
      }
      process.stderr.write(`ciprof: merged ${merged} profile(s) into ${flags.output}${errors.length ? `, skipped ${errors.length}` : ''}\n`);
      if (errors.length && flags.strict) process.exitCode = 1;
    });
}
