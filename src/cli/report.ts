import type { Command } from 'commander';
import { diffAllocations } from '../diff/alloc-diff.js';
import { alignMovedFunctions } from '../diff/moved-functions.js';
import { diffForReport } from '../pipeline/diff.js';
import { writeHtmlReport } from '../pipeline/outputs.js';
import { fail } from './io.js';
import { loadProfileOrFail } from './load.js';

/** `ciprof report [profile] [--base <profile>] -o report.html`: the self-contained HTML report. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a self-contained HTML report (flame graph, sandwich, tables; diff colours with --base)')
    .argument('[profile]', 'head profile (pprof or .cpuprofile)', '.ciprof/profile.pb.gz')
    .option('--base <profile>', 'base profile: colour frames slower/faster/within noise')
    .option('-o, --output <file>', 'output HTML file', 'report.html')
    .option('--title <text>', 'page title')
    .action(async (file: string, flags: { base?: string; output: string; title?: string }) => {
      const head = loadProfileOrFail(file);
      const loadedBase = flags.base ? loadProfileOrFail(flags.base) : undefined;
      // A function an edit moved is one function in every view, named where the head has it.
      const base = loadedBase && alignMovedFunctions([loadedBase], [head])[0];
      try {
        const r = await writeHtmlReport(flags.output, head, base, base ? diffForReport(base, head) : undefined, flags.title, base ? diffAllocations(base, head) : undefined);
        process.stderr.write(`ciprof: report written to ${r.path} (${(r.bytes / 1024).toFixed(0)} KB, ${r.nodes} frames)\n`);
      } catch (err) {
        fail(`cannot write the report: ${(err as Error).message}`);
      }
    });
}
