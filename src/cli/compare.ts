import type { Command } from 'commander';
import * as path from 'node:path';
import { signalNumber } from '../compare/worktree.js';
import { withAllocSampling } from '../agent/protocol.js';
import { COMPARE_THRESHOLDS } from '../diff/function-diff.js';
import { compare, CompareUsageError, rediffSavedRuns } from '../pipeline/compare.js';
import { EXIT_REGRESSION, exitCodeFor, type RegressionGate } from '../pipeline/publish.js';
import { resolveSettings } from '../pipeline/settings.js';
import { cliLog, EXIT_USAGE, fail, parsePositiveInt, parseThresholds, warn } from './io.js';
import { printDiff } from './print-diff.js';

interface CompareFlags {
  base?: string;
  runs: string;
  install?: string;
  out: string;
  intervalUs: string;
  json?: boolean;
  minMs: string;
  minPct: string;
  alpha: string;
  minSamples: string;
  failOnRegression?: boolean;
  gate: string;
  alloc?: boolean;
  jobKey?: string;
  fromRuns?: string;
  includeLaunchers?: boolean;
}

const progress = (line: string): void => {
  process.stderr.write(`ciprof: compare: ${line}\n`);
};

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('profile the base commit (temporary git worktree) and the working tree on this machine, interleaved N times each, and diff them')
    .argument('[command...]', 'the test command, after --')
    .option('--base <ref>', 'base commit, branch or tag; a branch is compared through its merge-base with HEAD (default: the PR/upstream base branch)')
    .option('--runs <n>', 'runs per side, interleaved base/head', '3')
    .option('--install <cmd>', "install command for the base checkout (default: from the lockfile: npm ci, pnpm/yarn install --frozen-lockfile; '' skips)")
    .option('-o, --out <dir>', 'output directory: base-<i>/head-<i>.pb.gz, base/head.pb.gz, diff.json, comment.md, report.html', '.ciprof/compare')
    .option('--interval-us <n>', 'sampling interval in microseconds', '1000')
    .option('--json', 'print the diff report as JSON on stdout (the test runs\' output goes to stderr)')
    .option('--min-ms <ms>', 'minimum speed-adjusted self-time change for a row', String(COMPARE_THRESHOLDS.minMs))
    .option('--min-pct <pct>', 'minimum speed-adjusted self-time change for a row, %', String(COMPARE_THRESHOLDS.minPct))
    .option('--alpha <q>', 'false discovery rate (Benjamini-Hochberg)', String(COMPARE_THRESHOLDS.alpha))
    .option('--min-samples <n>', 'samples a function needs before it can be reported', String(COMPARE_THRESHOLDS.minSamples))
    .option('--alloc', 'also sample allocations in every run (as ciprof run --alloc) and diff them: the Allocations section, report.alloc in --json')
    .option('--fail-on-regression', `exit ${EXIT_REGRESSION} when a regression is reported (and no test failed)`)
    .option('--gate <cpu|alloc>', 'what --fail-on-regression looks at: CPU time, or allocations only (with --alloc)', 'cpu')
    .option('--job-key <key>', 'job key written into the profiles (default: from CI env)')
    .option('--include-launchers', 'keep package-manager launcher processes (npm, npx, pnpm, yarn) in the rows and verdicts')
    .option('--from-runs <dir>', 'run nothing: diff the base-<i>.pb.gz/head-<i>.pb.gz files already in <dir> (re-tune thresholds on saved runs)')
    .passThroughOptions()
    .action(async (command: string[], flags: CompareFlags) => {
      if (flags.gate !== 'cpu' && flags.gate !== 'alloc') fail('--gate must be cpu or alloc', EXIT_USAGE);
      const gate: RegressionGate = flags.gate;
      const thresholds = parseThresholds(flags);
      const runs = parsePositiveInt('--runs', flags.runs);
      const intervalUs = parsePositiveInt('--interval-us', flags.intervalUs);
      const s = resolveSettings({ cwd: process.cwd(), env: withAllocSampling(process.env, flags.alloc), jobKey: flags.jobKey, outDir: flags.out, base: flags.base, thresholds, intervalUs, includeLaunchers: flags.includeLaunchers }, cliLog);
      const failOnRegression = Boolean(flags.failOnRegression);

      if (flags.fromRuns) {
        let report;
        try {
          report = (await rediffSavedRuns(s, path.resolve(flags.fromRuns), cliLog)).report;
        } catch (err) {
          fail((err as Error).message);
        }
        printDiff(report, flags.json);
        process.exitCode = exitCodeFor(0, report, failOnRegression, gate);
        return;
      }

      if (command.length === 0) fail('no test command: ciprof compare --base <ref> -- <test command>', EXIT_USAGE);
      if (!s.inGit) fail('ciprof compare needs a git repository (it checks the base out in a git worktree)', EXIT_USAGE);
      if (!s.base) fail('no --base given and no base branch known (no PR context, no upstream branch)', EXIT_USAGE);

      let result;
      try {
        result = await compare(s, { base: s.base, runs, install: flags.install, command, progress, alloc: Boolean(flags.alloc) }, cliLog);
      } catch (err) {
        fail((err as Error).message, err instanceof CompareUsageError ? EXIT_USAGE : 1);
      }
      if (result.interrupted) {
        process.exitCode = 128 + signalNumber(result.interrupted);
        return;
      }
      if (result.report) printDiff(result.report, flags.json);
      for (const r of result.runs.filter((x) => x.exitCode !== 0)) warn(`the test command failed in the ${r.side} run ${r.index} (${r.side === 'base' ? result.baseCommit.slice(0, 12) : 'working tree'}): exit code ${r.exitCode}`);
      if (result.files) progress(`wrote ${path.relative(process.cwd(), s.outDir) || '.'}/{diff.json,comment.md${result.files.report ? ',report.html' : ''},base.pb.gz,head.pb.gz}`);
      // Failing tests first: a regression verdict over a broken suite is not worth a red build of its own.
      if (gate === 'alloc' && failOnRegression && result.report && !result.report.alloc) warn('--gate alloc: no allocation diff (pass --alloc); nothing to gate on');
      process.exitCode = exitCodeFor(result.failed?.exitCode ?? 0, result.report, failOnRegression, gate);
    });
}
