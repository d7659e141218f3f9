import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LocalGitHistory } from '../baseline/history.js';
import { DEFAULT_MAX_WALK } from '../baseline/resolve.js';
import { detectCi } from '../ci/detect.js';
import { localGitFacts } from '../ci/git.js';
import { serializeDiffReport } from '../diff/diff-report.js';
import { DEFAULT_THRESHOLDS, type DiffThresholds } from '../diff/function-diff.js';
import { ProfileInputError } from '../profile/errors.js';
import { diffStage } from '../pipeline/diff.js';
import { defaultStoreDir, openStore, type StoreKind } from '../pipeline/stores.js';
import { renderComment } from '../render/markdown.js';
import { formatDiffText } from '../render/text.js';
import { EXIT_USAGE, fail, parsePositiveInt, warn } from './io.js';
import { addPyroscopeConnectionOptions } from './pyroscope-flags.js';
import { resolvePyroscopeStoreOptions, type PyroscopeFlags } from '../pyroscope/settings.js';

/** Exit code of `--fail-on-regression`: distinct from a test failure (1) and usage errors (2). */
export const EXIT_REGRESSION = 3;

interface DiffFlags extends PyroscopeFlags {
  window?: string;
  base?: string;
  head: string;
  json?: boolean;
  out?: string;
  minMs: string;
  minPct: string;
  alpha: string;
  minSamples: string;
  maxWalk: string;
  failOnRegression?: boolean;
  store: string;
  storeDir?: string;
  jobKey?: string;
  publish?: boolean;
}

function nonNegative(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a number >= 0, got "${v}"`, EXIT_USAGE);
  return n;
}

export function parseThresholds(flags: Pick<DiffFlags, 'minMs' | 'minPct' | 'alpha' | 'minSamples'>): DiffThresholds {
  const alpha = nonNegative('--alpha', flags.alpha);
  if (alpha <= 0 || alpha >= 1) fail(`--alpha must be between 0 and 1, got "${flags.alpha}"`, EXIT_USAGE);
  return { minMs: nonNegative('--min-ms', flags.minMs), minPct: nonNegative('--min-pct', flags.minPct), alpha, minSamples: nonNegative('--min-samples', flags.minSamples), minUnits: DEFAULT_THRESHOLDS.minUnits };
}

export function registerDiff(program: Command): void {
  const diff = program
    .command('diff')
    .description('compare this run with a base profile (a file, a commit, or a ref via its merge-base) and report what got slower')
    .option('--base <file|commit|ref>', 'base profile file, commit, or ref (default: the PR/upstream base branch)')
    .option('--head <file>', 'head profile', '.ciprof/profile.pb.gz')
    .option('--json', 'print the diff report as JSON on stdout')
    .option('-o, --out <dir>', 'where to write diff.json and comment.md (default: the head profile\'s directory)')
    .option('--min-ms <ms>', 'minimum absolute self-time change for a row', String(DEFAULT_THRESHOLDS.minMs))
    .option('--min-pct <pct>', 'minimum relative self-time change for a row, %', String(DEFAULT_THRESHOLDS.minPct))
    .option('--alpha <q>', 'false discovery rate (Benjamini-Hochberg)', String(DEFAULT_THRESHOLDS.alpha))
    .option('--min-samples <n>', 'samples a function needs before it can be reported', String(DEFAULT_THRESHOLDS.minSamples))
    .option('--max-walk <n>', 'how many first-parent commits to walk back for a stored baseline', String(DEFAULT_MAX_WALK))
    .option('--fail-on-regression', `exit ${EXIT_REGRESSION} when a regression is reported`)
    .option('--store <kind>', 'where baselines are stored: local | github | pyroscope', 'local')
    .option('--store-dir <dir>', 'local store directory (default: <repo root>/.ciprof/store)')
    .option('--job-key <key>', 'job key to look up (default: from CI env)')
    .option('--publish', 'also publish: job summary, PR comment / MR note (fails open)')
    .action(async (flags: DiffFlags) => {
      const thresholds = parseThresholds(flags);
      const maxWalk = parsePositiveInt('--max-walk', flags.maxWalk);
      if (flags.store !== 'local' && flags.store !== 'github' && flags.store !== 'pyroscope') fail('--store must be local, github or pyroscope', EXIT_USAGE);
      const env = flags.jobKey ? { ...process.env, CIPROF_JOB_KEY: flags.jobKey } : process.env;
      const git = localGitFacts(process.cwd());
      const ci = detectCi(env, { git });
      const repoRoot = git.root ?? process.cwd();
      const base = flags.base ?? (ci.provider === 'local' ? ci.baseBranch : ci.baseBranch ? `origin/${ci.baseBranch}` : undefined) ?? ci.baseCommit;
      if (!base) fail('no --base given and no base branch known (no PR context, no upstream branch)', EXIT_USAGE);
      let result;
      try {
        const store = await openStore({
          kind: flags.store as StoreKind,
          ci,
          storeDir: flags.storeDir ? path.resolve(flags.storeDir) : defaultStoreDir(repoRoot),
          githubToken: env.CIPROF_GITHUB_TOKEN ?? env.GITHUB_TOKEN,
          pyroscope: flags.store === 'pyroscope' ? resolvePyroscopeStoreOptions(flags, { repository: ci.repository, repoRoot, warn }) : undefined,
        });
        result = await diffStage({ headFile: flags.head, base, ci, store, history: new LocalGitHistory(process.cwd()), thresholds, maxWalk });
      } catch (err) {
        fail(err instanceof ProfileInputError ? err.message : (err as Error).message);
      }
      const report = result.report;
      const outDir = path.resolve(flags.out ?? path.dirname(flags.head));
      try {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(path.join(outDir, 'diff.json'), serializeDiffReport(report));
        writeFileSync(path.join(outDir, 'comment.md'), renderComment(report));
      } catch (err) {
        warn(`could not save the diff report in ${outDir}: ${(err as Error).message}`);
      }
      if (flags.json) process.stdout.write(serializeDiffReport(report));
      else process.stderr.write(`${formatDiffText(report)}\n`);
      if (flags.publish) {
        for (const o of await (await import('../publish/publish.js')).publishReport({ report, ci, env })) (o.status === 'failed' ? warn : (l: string) => process.stderr.write(`ciprof: ${l}\n`))(o.message);
      }
      if (flags.failOnRegression && report.diff?.verdict === 'regression') process.exitCode = EXIT_REGRESSION;
    });
  addPyroscopeConnectionOptions(diff).option('--window <duration>', 'with --store pyroscope: how far back to look for the base profile', '30d');
}
