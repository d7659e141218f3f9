import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { encodePprofGzip } from '../profile/gzip.js';
import { mergeProfiles } from '../profile/merge.js';
import { fail } from './io.js';
import { loadProfiles } from './load.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('merge pprof and V8 .cpuprofile files (gzipped or not) into one gzipped pprof')
    .argument('<files...>', 'input profiles')
    .requiredOption('-o, --output <file>', 'output file (gzipped pprof)')
    .option('--strict', 'exit 1 if any input could not be read (default: skip it with a warning)')
    .action((files: string[], flags: { output: string; strict?: boolean }) => {
      const { profiles, failed } = loadProfiles(files);
      if (profiles.length === 0) fail(`none of the ${files.length} input file(s) could be read`);
      writeFileSync(flags.output, encodePprofGzip(mergeProfiles(profiles)));
      process.stderr.write(`ciprof: merged ${profiles.length} profile(s) into ${flags.output}${failed ? `, skipped ${failed}` : ''}\n`);
      if (failed && flags.strict) process.exitCode = 1;
    });
}
