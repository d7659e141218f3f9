/** `ciprof run`'s flags for commander (run-argv.ts reads the common ones without it). */
import type { Command } from 'commander';
import { addPyroscopeUploadOptions } from './pyroscope-flags.js';
import { runTests, type RunFlags } from './run.js';

/** `action` defaults to running the tests; a test passes its own to compare with run-argv.ts. */
export function registerRun(program: Command, action: (command: string[], flags: RunFlags) => Promise<void> = runTests): void {
  const run = program
    .command('run')
    .description('run a test command with every Node process and worker profiled; write one merged pprof profile')
    .argument('<command...>', 'the test command, after --')
    .option('-o, --out <dir>', 'output directory for profile.pb.gz and profile.json', '.ciprof')
    .option('--interval-us <n>', 'sampling interval in microseconds', '1000')
    .option('--alloc', 'also sample allocations (V8 sampling heap profiler, every process and worker): alloc_samples/alloc_space in the same profile')
    .option('--json', 'print the run summary as JSON on stdout, and nothing else there (the command\'s stdout goes to stderr)')
    .option('--store-dir <dir>', 'local store directory (default: <repo root>/.ciprof/store)')
    .option('--no-store', 'do not save the profile in the local store')
    .option('--job-key <key>', 'name under which profiles of this job are stored and compared (default: from CI env)')
    .option('--keep-raw', 'keep the raw V8 .cpuprofile files and print where')
    .option('-q, --quiet', 'no text summary on stderr')
    .option('--no-report', 'do not write the HTML report (report.html) beside the profile')
    .passThroughOptions()
    .action((command: string[], flags: RunFlags) => action(command, flags));
  run.option('--upload', 'after the run, send the profile to Grafana Pyroscope (fails open; see ciprof upload --help)');
  addPyroscopeUploadOptions(run);
}
