import type { Command } from 'commander';
import * as path from 'node:path';
import { DEFAULT_MAX_WALK } from '../baseline/resolve.js';
import { DEFAULT_THRESHOLDS } from '../diff/function-diff.js';
import { diffWithBaseline } from '../pipeline/diff.js';
import { writeDiffOutputs } from '../pipeline/outputs.js';
import { EXIT_REGRESSION, exitCodeFor, publish } from '../pipeline/publish.js';
import { resolveSettings, type Settings, type StoreKind } from '../pipeline/settings.js';
import { openStore } from '../pipeline/store.js';
import type { PyroscopeFlags } from '../pyroscope/settings.js';
import { cliLog, EXIT_USAGE, fail, parsePositiveInt, parseThresholds } from './io.js';
import { printDiff } from './print-diff.js';
import { loadProfileOrFail } from './load.js';
import { addPyroscopeConnectionOptions } from './pyroscope-flags.js';

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
  includeLaunchers?: boolean;
  gate: string;
}

function settingsOf(flags: DiffFlags): Settings {
  const thresholds = parseThresholds(flags);
  const maxWalk = parsePositiveInt('--max-walk', flags.maxWalk);
  if (flags.store !== 'local' && flags.store !== 'github' && flags.store !== 'pyroscope') fail('--store must be local, github or pyroscope', EXIT_USAGE);
  const store = flags.store as StoreKind;
  try {
    return resolveSettings(
      { cwd: process.cwd(), env: process.env, jobKey: flags.jobKey, storeDir: flags.storeDir, base: flags.base, thresholds, maxWalk, store, includeLaunchers: flags.includeLaunchers, pyroscope: store === 'pyroscope' ? { flags, query: true } : undefined },
      cliLog,
    );
  } catch (err) {
    fail((err as Error).message);
  }
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
    .option('--gate <cpu|alloc>', 'what --fail-on-regression looks at: CPU time, or allocations only (both runs with --alloc)', 'cpu')
    .option('--store <kind>', 'where baselines are stored: local | github | pyroscope', 'local')
    .option('--store-dir <dir>', 'local store directory (default: <repo root>/.ciprof/store)')
    .option('--job-key <key>', 'job key to look up (default: from CI env)')
    .option('--publish', 'also publish: job summary, PR comment / MR note (fails open)')
    .option('--include-launchers', 'keep package-manager launcher processes (npm, npx, pnpm, yarn) in the rows and verdicts')
    .action(async (flags: DiffFlags) => {
      if (flags.gate !== 'cpu' && flags.gate !== 'alloc') fail('--gate must be cpu or alloc', EXIT_USAGE);
      const s = settingsOf(flags);
      if (!s.base) fail('no --base given and no base branch known (no PR context, no upstream branch)', EXIT_USAGE);
      const head = { profile: loadProfileOrFail(flags.head), file: flags.head };
      let result;
      try {
        result = await diffWithBaseline(s, head, await openStore(s));
      } catch (err) {
        fail((err as Error).message);
      }
      const { rendered } = await writeDiffOutputs(s, result, { dir: path.resolve(flags.out ?? path.dirname(flags.head)), html: false, uploadReport: false }, cliLog);
      printDiff(result.report, flags.json);
      if (flags.publish) await publish(s, rendered, {}, cliLog);
      if (flags.gate === 'alloc' && flags.failOnRegression && !result.report.alloc) cliLog.warn('--gate alloc: no allocation diff (run both sides with ciprof run --alloc); nothing to gate on');
      process.exitCode = exitCodeFor(0, result.report, Boolean(flags.failOnRegression), flags.gate);
    });
  addPyroscopeConnectionOptions(diff).option('--window <duration>', 'with --store pyroscope: how far back to look for the base profile', '30d');
}
