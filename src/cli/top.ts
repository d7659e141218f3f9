import type { Command } from 'commander';
import { formatTopTable } from '../render/text.js';
import { parsePositiveInt } from './io.js';
import { loadProfileOrFail } from './load.js';

/** Like `go tool pprof -top`: flat, flat%, sum%, cum, cum% per function. */
export function registerTop(program: Command): void {
  program
    .command('top')
    .description('print the functions with the most self time, like go tool pprof -top')
    .argument('<file>', 'profile (pprof or .cpuprofile)')
    .option('-n, --nodes <n>', 'how many functions', '20')
    .option('--cum', 'sort by cumulative (total) time')
    .action((file: string, flags: { nodes: string; cum?: boolean }) => {
      const n = parsePositiveInt('--nodes', flags.nodes);
      process.stdout.write(`${formatTopTable(loadProfileOrFail(file), n, Boolean(flags.cum))}\n`);
    });
}
