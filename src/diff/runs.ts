/**
 * Base vs head when each side ran several times (`ciprof compare`, interleaved on one
 * machine). A run's time for a function varies by V8's sampling noise, which is known
 * (Poisson: variance = count), plus run-to-run noise (JIT, GC, neighbours), which is not.
 * The variance used is the Poisson floor plus whatever the runs show beyond it, with
 * Welch-Satterthwaite degrees of freedom: when the runs scatter no more than sampling
 * explains, the test is a z-test on known variance (three runs a side are then enough);
 * the more unexplained scatter, the fewer degrees of freedom and the wider the interval.
 * Unlike single runs on two machines, the times are not speed-adjusted: interleaving on
 * one machine already balances its drift, and the runs' scatter measures the rest.
 * The table compares per-run means; intervals are of the speed-corrected relative change.
 */
import { functionKey, type Profile } from '../profile/model.js';
import { mergeProfiles } from '../profile/merge.js';
import { DEFAULT_THRESHOLDS, diffProfiles, INTERVAL_LEVEL, judgeRows, partitionRows, type DiffThresholds, type FunctionDelta, type ProfileDiff } from './function-diff.js';
import { selfByFunctionKey, selfByTestFile } from './self-time.js';
import { foldBlockedCallees } from '../profile/blocked.js';
import { onCpuProfile } from './cpu-clock.js';
import { CODE_LOAD_PRIOR } from './noise-history.js';
import { normalQuantile, studentTQuantile, tOrNormalTwoSided } from './stats.js';

/** Which statistics produced the diff, recorded in compare.json so a reader knows. */
export const RUNS_DIFF_METHOD = 'diffRuns: per-run per-function self time, pooled t-test with a Poisson floor, Benjamini-Hochberg';

/** The runs of one side merged and divided by their count: "one typical run", with the first run's metadata. */
export function meanProfile(runs: readonly Profile[]): Profile {
  const merged = mergeProfiles(runs);
  const factor = 1 / Math.max(1, runs.length);
  return { ...merged, samples: merged.samples.map((s) => ({ ...s, values: s.values.map((v) => v * factor) })), meta: { ...runs[0]?.meta, runs: String(runs.length) } };
}

export function diffRuns(sampledBaseRuns: readonly Profile[], sampledHeadRuns: readonly Profile[], overrides: Partial<DiffThresholds> = {}): ProfileDiff {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  const n = sampledBaseRuns.length;
  const m = sampledHeadRuns.length;
  if (n === 0 || m === 0) throw new Error('diffRuns needs at least one run on each side');
  // Each run to its tests' CPU clocks first: a mean profile keeps the first run's clocks only.
  // Node's helpers under a blocking wrapper folded into the wait first (blocked.ts).
  const foldedBase = sampledBaseRuns.map(foldBlockedCallees);
  const foldedHead = sampledHeadRuns.map(foldBlockedCallees);
  const baseRuns = foldedBase.map(onCpuProfile);
  const headRuns = foldedHead.map(onCpuProfile);
  const clocked = baseRuns.some((r, i) => r !== foldedBase[i]) && headRuns.some((r, i) => r !== foldedHead[i]);
  const meanBase = meanProfile(baseRuns);
  const meanHead = meanProfile(headRuns);
  // One run each: nothing to estimate run-to-run noise from; the single-run model applies.
  if (n + m < 3) return diffProfiles(meanBase, meanHead, overrides, { onCpu: false });

  const diff = diffProfiles(meanBase, meanHead, { ...thresholds, minUnits: Number.POSITIVE_INFINITY }, { onCpu: false });
  const baseSelf = baseRuns.map(selfByFunctionKey);
  const headSelf = headRuns.map(selfByFunctionKey);
  const nsPerSample = (diff.base.cpuNs + diff.head.cpuNs) / Math.max(1, diff.base.samples + diff.head.samples);
  // No speed adjustment here (speed 1): the runs were interleaved on one machine, so its
  // drift is spread over both sides and shows up in the runs' scatter, which the test
  // measures. (A speed read off the other functions would add its own uncertainty, and with
  // a few small functions that is as large as the changes `compare` is meant to find.)

  const perFile = perFileVariance(baseRuns, headRuns, thresholds.minUnits);
  const runs: RunsOfSides = { baseSelf, headSelf, nsPerSample, perFile };
  const tested = diff.functions.filter((row) => row.status !== 'too-small' && testRowOverRuns(row, runs));
  // The runs' scatter is measured on a few runs; the test files inside them are many more
  // replicates. A row the runs believe but the files disagree on (a JIT inlining decision
  // that moved samples in a few processes) is noise, as for single runs.
  const fileUnits = judgeRows(tested, meanBase, meanHead, 1, thresholds, false);
  for (const r of tested) if (r.blocked) r.judgedBy = 'runs';
  const { regressions, improvements, blocked, codeLoad, withinNoise, verdict } = partitionRows(diff.functions);
  return {
    ...diff,
    thresholds,
    regressions,
    improvements,
    ...(blocked.length ? { blocked } : {}),
    ...(codeLoad.length ? { codeLoad } : {}),
    withinNoise,
    verdict,
    noiseModel: { sampling: true, runs: { base: n, head: m }, ...(fileUnits > 0 ? { testFiles: fileUnits } : {}), ...(clocked ? { cpuClock: true } : {}) },
    speedFactor: 1,
  };
}

/** Per-run self time by function key on each side, and what the variance model needs. */
interface RunsOfSides {
  baseSelf: Map<string, number>[];
  headSelf: Map<string, number>[];
  nsPerSample: number;
  perFile: ((key: string) => { v: number; df: number }) | undefined;
}

export interface OverRuns {
  /** Per-run means of each side. */
  mx: number;
  my: number;
  se: number;
  dfEff: number;
  pValue: number;
}

/**
 * Base runs `x` vs head runs `y` of one quantity (ns): the pooled t-test whose variance is
 * never below the Poisson floor, with `also` a second measured variance (test files) of
 * which the larger counts. For function rows and, in decision.ts, for test rows.
 */
export function overRuns(x: readonly number[], y: readonly number[], nsPerSample: number, also?: { v: number; df: number }): OverRuns {
  const n = x.length;
  const m = y.length;
  const df = n + m - 2;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / m;
  const ss = x.reduce((a, v) => a + (v - mx) ** 2, 0) + y.reduce((a, v) => a + (v - my) ** 2, 0);
  // Poisson floor: a run's sample count of this function varies by sqrt(count) at least.
  const floor = ((mx + my) / 2) * nsPerSample;
  // The larger of the two measured run-to-run variances (run totals; test files within runs).
  const measured = [{ v: df > 0 ? ss / df : 0, df }, ...(also ? [also] : [])].reduce((a, b) => (b.v > a.v ? b : a));
  const extra = measured.df > 0 ? Math.max(0, measured.v - floor) : 0;
  const variance = floor + extra;
  const dfEff = extra > 0 ? (variance * variance) / ((extra * extra) / measured.df) : Number.POSITIVE_INFINITY;
  const se = Math.sqrt(variance * (1 / n + 1 / m));
  const delta = my - mx;
  return { mx, my, se, dfEff, pValue: se > 0 ? tOrNormalTwoSided(delta / se, dfEff) : delta === 0 ? 1 : 0 };
}

/** A row's change of per-run mean, its p-value and interval over the runs; always tested. */
function testRowOverRuns(row: FunctionDelta, r: RunsOfSides): boolean {
  const n = r.baseSelf.length;
  const m = r.headSelf.length;
  const key = functionKey(row.frame);
  const x = r.baseSelf.map((run) => run.get(key) ?? 0);
  const y = r.headSelf.map((run) => run.get(key) ?? 0);
  const perFile = r.perFile?.(key);
  const floor = row.codeLoad ? codeLoadFloor(row, x, y, perFile) : undefined;
  const { mx, my, se, dfEff, pValue } = overRuns(x, y, r.nsPerSample, floor ?? perFile);
  const delta = my - mx;
  row.adjustedPct = mx > 0 ? (delta / mx) * 100 : my > 0 ? Infinity : 0;
  row.pValue = pValue;
  if (mx > 0) {
    const crit = dfEff > 1000 ? normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2) : studentTQuantile(1 - INTERVAL_LEVEL, dfEff);
    row.interval = { method: 'runs', level: INTERVAL_LEVEL, lowPct: ((delta - crit * se) / mx) * 100, highPct: ((delta + crit * se) / mx) * 100, pValue: row.pValue, units: n + m };
  }
  return true;
}

/**
 * Code loading over runs: three runs a side can agree by chance while the class swings
 * (class-validator, compare windows of the calibration pools: 4 of 20 got a code-loading
 * note on TypeScript parser functions ts-jest ran in one window and not the other), so the
 * per-run variance is never below the class's prior (noise-history.ts), as for single runs.
 * The prior is a variance of the log ratio of two runs: one run's share of it is half, in
 * ns² the mean's square times that. Sets what judged the row: the prior when it was the
 * larger, the runs otherwise. Returns the variance to pass as the second measured one.
 */
function codeLoadFloor(row: FunctionDelta, x: readonly number[], y: readonly number[], perFile: { v: number; df: number } | undefined): { v: number; df: number } {
  const mean = (x.reduce((a, b) => a + b, 0) + y.reduce((a, b) => a + b, 0)) / (x.length + y.length);
  const prior = { v: mean * mean * (CODE_LOAD_PRIOR[row.codeLoad!] / 2), df: Number.POSITIVE_INFINITY };
  const n = x.length + y.length - 2;
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  const runs = n > 0 ? (x.reduce((a, v) => a + (v - mx) ** 2, 0) + y.reduce((a, v) => a + (v - my) ** 2, 0)) / n : 0;
  const measured = Math.max(runs, perFile?.v ?? 0);
  row.judgedBy = prior.v >= measured ? 'prior' : 'runs';
  return perFile && perFile.v > prior.v ? perFile : prior;
}

/**
 * Run-to-run variance of a function's per-run time, measured inside the runs: every test
 * file is a replicate, so 3 + 3 runs of 8 files give 32 degrees of freedom instead of 4.
 * Per file, the scatter of its time across the runs of each side; summed over files (files
 * run in separate processes, their noise is independent), with Satterthwaite degrees of
 * freedom. A small function whose samples a JIT inlining decision moves in some processes
 * and not others scatters here even when the 3 run totals happened to agree. Undefined
 * when fewer than `minUnits` test files are in every run.
 */
function perFileVariance(baseRuns: readonly Profile[], headRuns: readonly Profile[], minUnits: number): ((key: string) => { v: number; df: number }) | undefined {
  const n = baseRuns.length;
  const m = headRuns.length;
  const df = n + m - 2;
  if (df <= 0) return undefined;
  const base = baseRuns.map(selfByTestFile);
  const head = headRuns.map(selfByTestFile);
  const all = [...base, ...head];
  const units = [...all[0]!.keys()].filter((u) => all.every((r) => r.has(u)));
  if (units.length < minUnits) return undefined;
  return (key) => {
    let sum = 0;
    let sumSq = 0;
    for (const u of units) {
      const x = base.map((r) => r.get(u)!.get(key) ?? 0);
      const y = head.map((r) => r.get(u)!.get(key) ?? 0);
      const mx = x.reduce((a, b) => a + b, 0) / n;
      const my = y.reduce((a, b) => a + b, 0) / m;
      const v = (x.reduce((a, b) => a + (b - mx) ** 2, 0) + y.reduce((a, b) => a + (b - my) ** 2, 0)) / df;
      sum += v;
      sumSq += (v * v) / df;
    }
    return { v: sum, df: sumSq > 0 ? (sum * sum) / sumSq : Number.POSITIVE_INFINITY };
  };
}
