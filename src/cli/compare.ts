import type { Command } from 'commander';
import * as path from 'node:path';
import { detectCi } from '../ci/detect.js';
import { localGitFacts } from '../ci/git.js';
import { compare, CompareUsageError } from '../compare/compare.js';
import { rediffSavedRuns } from '../compare/rediff.js';
import { signalNumber } from '../compare/worktree.js';
import { serializeDiffReport, type DiffReport } from '../diff/diff-report.js';
import { COMPARE_THRESHOLDS } from '../diff/function-diff.js';
import { formatDiffText } from '../render/text.js';
import { EXIT_REGRESSION, parseThresholds } from './diff.js';
import { EXIT_USAGE, fail, parsePositiveInt, warn } from './io.js';

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
  jobKey?: string;
  fromRuns?: string;
}

const log = (line: string): void => {
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
    .option('--json', 'print the diff report as JSON on stdout')
    .option('--min-ms <ms>', 'minimum speed-adjusted self-time change for a row', String(COMPARE_THRESHOLDS.minMs))
    .option('--min-pct <pct>', 'minimum speed-adjusted self-time change for a row, %', String(COMPARE_THRESHOLDS.minPct))
    .option('--alpha <q>', 'false discovery rate (Benjamini-Hochberg)', String(COMPARE_THRESHOLDS.alpha))
    .option('--min-samples <n>', 'samples a function needs before it can be reported', String(COMPARE_THRESHOLDS.minSamples))
    .option('--fail-on-regression', `exit ${EXIT_REGRESSION} when a regression is reported (and no test failed)`)
    .option('--job-key <key>', 'job key written into the profiles (default: from CI env)')
    .option('--from-runs <dir>', 'run nothing: diff the base-<i>.pb.gz/head-<i>.pb.gz files already in <dir> (re-tune thresholds on saved runs)')
    .passThroughOptions()
    .action(async (command: string[], flags: CompareFlags) => {
      const thresholds = parseThresholds(flags);
      const runs = parsePositiveInt('--runs', flags.runs);
      const intervalUs = parsePositiveInt('--interval-us', flags.intervalUs);
      const env = flags.jobKey ? { ...process.env, CIPROF_JOB_KEY: flags.jobKey } : process.env;
      const git = localGitFacts(process.cwd());
      const ci = detectCi(env, { git });
      const outDir = path.resolve(flags.out);
      const emit = (report: DiffReport | undefined): void => {
        if (!report) return;
        if (flags.json) process.stdout.write(serializeDiffReport(report));
        else process.stderr.write(`${formatDiffText(report)}\n`);
      };
      const regressed = (report: DiffReport | undefined): boolean => Boolean(flags.failOnRegression && report?.diff?.verdict === 'regression');

      if (flags.fromRuns) {
        let report: DiffReport;
        try {
          report = rediffSavedRuns({ dir: path.resolve(flags.fromRuns), outDir, thresholds, ci, warn }).report;
        } catch (err) {
          fail((err as Error).message);
        }
        emit(report);
        if (regressed(report)) process.exitCode = EXIT_REGRESSION;
        return;
      }

      if (command.length === 0) fail('no test command: ciprof compare --base <ref> -- <test command>', EXIT_USAGE);
      if (!git.root) fail('ciprof compare needs a git repository (it checks the base out in a git worktree)', EXIT_USAGE);
      const base = flags.base ?? (ci.provider === 'local' ? ci.baseBranch : ci.baseBranch ? `origin/${ci.baseBranch}` : undefined) ?? ci.baseCommit;
      if (!base) fail('no --base given and no base branch known (no PR context, no upstream branch)', EXIT_USAGE);

      let result;
      try {
        result = await compare({ base, runs, install: flags.install, outDir, command, intervalUs, thresholds, ci, repoRoot: git.root, cwd: process.cwd(), env, warn, log });
      } catch (err) {
        fail((err as Error).message, err instanceof CompareUsageError ? EXIT_USAGE : 1);
      }
      if (result.interrupted) {
        process.exitCode = 128 + signalNumber(result.interrupted);
        return;
      }
      emit(result.report);
      const failures = result.runs.filter((r) => r.exitCode !== 0);
      for (const r of failures) warn(`the test command failed in the ${r.side} run ${r.index} (${r.side === 'base' ? result.baseCommit.slice(0, 12) : 'working tree'}): exit code ${r.exitCode}`);
      if (result.outputs) log(`wrote ${path.relative(process.cwd(), outDir) || '.'}/{diff.json,comment.md${result.outputs.files.report ? ',report.html' : ''},base.pb.gz,head.pb.gz}`);
      // Failing tests first: a regression verdict over a broken suite is not worth a red build of its own.
      if (result.failed) process.exitCode = result.failed.exitCode;
      else if (regressed(result.report)) process.exitCode = EXIT_REGRESSION;
    });
}
