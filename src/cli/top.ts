import type { Command } from 'commander';
import { formatFrame, functionTable } from '../profile/aggregate.js';
import { timeValueIndex } from '../profile/model.js';
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
      const profile = loadProfileOrFail(file);
      const table = functionTable(profile, timeValueIndex(profile));
      const rows = [...table.stats].sort((a, b) => (flags.cum ? b.total - a.total : b.self - a.self)).slice(0, n);
      const pct = (v: number): string => `${table.total ? ((v / table.total) * 100).toFixed(2) : '0.00'}%`;
      const msText = (v: number): string => `${(v / 1e6).toFixed(2)}ms`;
      const out: string[] = [`Total: ${msText(table.total)} in ${table.totalSamples} samples (${profile.functions.length} functions)`];
      out.push(`${'flat'.padStart(12)} ${'flat%'.padStart(7)} ${'sum%'.padStart(7)} ${'cum'.padStart(12)} ${'cum%'.padStart(7)}`);
      let sum = 0;
      for (const r of rows) {
        sum += r.self;
        out.push(`${msText(r.self).padStart(12)} ${pct(r.self).padStart(7)} ${pct(sum).padStart(7)} ${msText(r.total).padStart(12)} ${pct(r.total).padStart(7)}  ${formatFrame(r.frame)}`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
