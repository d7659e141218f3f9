import type { Command } from 'commander';
import * as path from 'node:path';
import { detectCi } from '../ci/detect.js';
import { localGitFacts } from '../ci/git.js';
import { setupAttribution } from '../collect/attribution.js';
import { profileCommand } from '../collect/profile-command.js';
import { formatSummaryText } from '../collect/summary.js';
import { parsePositiveInt, warn } from './io.js';
import { addPyroscopeUploadOptions } from './pyroscope-flags.js';
import { uploadAfterRun } from './upload.js';
import { resolvePyroscopeSettings, type PyroscopeFlags, type PyroscopeSettings } from '../pyroscope/settings.js';

interface RunFlags extends PyroscopeFlags {
  upload?: boolean;
  out: string;
  intervalUs: string;
  json?: boolean;
  store: boolean;
  storeDir?: string;
  jobKey?: string;
  keepRaw?: boolean;
  quiet?: boolean;
  report: boolean;
}

export function registerRun(program: Command): void {
  const run = program
    .command('run')
    .description('run a test command with every Node process and worker profiled; write one merged pprof profile')
    .argument('<command...>', 'the test command, after --')
    .option('-o, --out <dir>', 'output directory for profile.pb.gz and profile.json', '.ciprof')
    .option('--interval-us <n>', 'sampling interval in microseconds', '1000')
    .option('--json', 'print the run summary as JSON on stdout')
    .option('--store-dir <dir>', 'local store directory (default: <repo root>/.ciprof/store)')
    .option('--no-store', 'do not save the profile in the local store')
    .option('--job-key <key>', 'name under which profiles of this job are stored and compared (default: from CI env)')
    .option('--keep-raw', 'keep the raw V8 .cpuprofile files and print where')
    .option('-q, --quiet', 'no text summary on stderr')
    .option('--no-report', 'do not write the HTML report (report.html) beside the profile')
    .passThroughOptions()
    .action(async (command: string[], flags: RunFlags) => {
      const intervalUs = parsePositiveInt('--interval-us', flags.intervalUs);
      const env = flags.jobKey ? { ...process.env, CIPROF_JOB_KEY: flags.jobKey } : process.env;
      const git = localGitFacts(process.cwd());
      const ci = detectCi(env, { git });
      const repoRoot = git.root ?? process.cwd();
      // Checked before the tests run so a typo is seen early; a bad setting only skips the upload.
      let pyroscope: PyroscopeSettings | undefined;
      if (flags.upload) {
        try {
          pyroscope = resolvePyroscopeSettings(flags, { repository: ci.repository, repoRoot, warn });
        } catch (err) {
          warn(`Pyroscope upload disabled: ${(err as Error).message}`);
        }
      }
      const storeDir = flags.store ? path.resolve(flags.storeDir ?? process.env.CIPROF_STORE_DIR ?? path.join(repoRoot, '.ciprof', 'store')) : undefined;
      // Per-test attribution: recognise the runner and add its hook; otherwise one notice.
      const { attribution, notice } = setupAttribution(command, { env: process.env, cwd: process.cwd(), repoRoot, warn });
      if (notice && !flags.quiet) process.stderr.write(`ciprof: ${notice}\n`);
      const result = await profileCommand({
        command,
        attribution,
        outDir: path.resolve(flags.out),
        intervalUs,
        ci,
        repoRoot,
        storeDir,
        keepRaw: flags.keepRaw,
        report: flags.report,
        warn,
      });
      if (result.summary) {
        if (!flags.quiet) process.stderr.write(`${formatSummaryText(result.summary)}\n`);
        if (flags.json) process.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`);
      }
      if (pyroscope && result.profilePath) await uploadAfterRun(result.profilePath, pyroscope);
      process.exitCode = result.exitCode;
    });
  run.option('--upload', 'after the run, send the profile to Grafana Pyroscope (fails open; see ciprof upload --help)');
  addPyroscopeUploadOptions(run);
}
