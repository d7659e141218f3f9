import type { Command } from 'commander';
import { toCollapsed } from '../profile/collapsed.js';
import { encodePprofGzip } from '../profile/gzip.js';
import { toSpeedscope } from '../profile/speedscope.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { EXIT_USAGE, fail } from './io.js';
import { loadProfileOrFail } from './load.js';

const FORMATS = ['pprof', 'collapsed', 'speedscope'] as const;

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('convert a profile to pprof, collapsed stacks or speedscope JSON')
    .argument('<file>', 'input profile (pprof or .cpuprofile)')
    .requiredOption('-f, --format <format>', FORMATS.join('|'))
    .option('-o, --output <file>', 'output file (default: stdout; pprof needs a file or a pipe)')
    .action((file: string, flags: { format: string; output?: string }) => {
      if (!FORMATS.includes(flags.format as (typeof FORMATS)[number])) fail(`--format must be one of ${FORMATS.join(', ')}`, EXIT_USAGE);
      const profile = loadProfileOrFail(file);
      let data: string | Buffer;
      if (flags.format === 'pprof') {
        if (!flags.output && process.stdout.isTTY) fail('pprof is binary: give -o FILE or pipe stdout', EXIT_USAGE);
        data = encodePprofGzip(profile);
      } else if (flags.format === 'collapsed') data = toCollapsed(profile);
      else data = `${JSON.stringify(toSpeedscope(profile, file))}\n`;
      if (!flags.output) return void process.stdout.write(data);
      try {
        writeFileAtomic(flags.output, data);
      } catch (err) {
        fail(`cannot write ${flags.output}: ${(err as Error).message}`);
      }
    });
}
