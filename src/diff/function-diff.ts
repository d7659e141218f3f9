/**
 * Base vs head, per function. A row is reported only when it has enough samples, a
 * large enough absolute (ms) and relative (%) change, and survives the exact
 * conditional binomial test on its sample counts after Benjamini-Hochberg correction
 * over every function tested. Everything else is "within noise" and only counted.
 *
 * Tests present on one side only are left out first (like with like, see
 * common-tests.ts). Each function is then tested against the run's overall speed
 * (speed.ts): a machine that ran 10% slower (another job on the runner, another CPU
 * clock) slows every function alike, which moves the suite total but no function row.
 * How much of the functions' speed estimate is believed depends on its precision and on
 * the machines: same kind, different, or what the job's history measured (speedPriorFor).
 * The suite total keeps its absolute comparison, with the same exact test.
 *
 * Blocked time (blocked.ts: bind/listen, sync fs, spawnSync, …) is not CPU: sampled as if
 * it ran, it swings tenfold between runs of the same code. Those rows never take the
 * sampling test, never vote on the speed and never count in the suite's test; they are
 * judged only against noise measured for them (the job's history, or repeated runs), and
 * are listed apart from the CPU rows (`blocked`).
 *
 * Code loading (code-load.ts: a runner's transform such as ts-jest compiling TypeScript,
 * Node's module loader compiling modules) is CPU, but how much of it a run does depends on
 * which worker compiled what and on caches. Those rows are judged against their class's
 * swing: the job's history, or without one a prior measured on real suites
 * (noise-history.ts), never sampling alone; listed apart (`codeLoad`), they never make the
 * verdict.
 */
import { functionTable, type FunctionTable } from '../profile/aggregate.js';
import { functionKey, IDLE_FRAME, type FunctionFrame, type Profile } from '../profile/model.js';
import { bootstrapOverFiles, commonUnits, samplingInterval, type ChangeInterval, type IntervalMethod } from './noise.js';
import { isPseudo, selfByTestFile } from './self-time.js';
import { benjaminiHochberg, normalQuantile, normalTwoSided, poissonRatioTest } from './stats.js';
import { restrictToCommonTests } from './common-tests.js';
import { applySpeedPrior, OTHER_ENVIRONMENT_SPEED_SD, SAME_ENVIRONMENT_SPEED_SD, speedFactor, type AppliedSpeed, type SpeedEstimate, type SpeedPrior, type SpeedPriorSource } from './speed.js';
import { ENV_KEYS, environmentWarnings } from './environment.js';
import { historyExtraLogVariance, type HistoryNoise } from './noise-history.js';
import { blockedClass, foldBlockedCallees, type BlockedClass } from '../profile/blocked.js';
import { codeLoadClassOf, codeLoadSelf, type CodeLoadClass } from '../profile/code-load.js';
import { onCpuProfile } from './cpu-clock.js';

export interface DiffThresholds {
  /** Samples (base + head, self) a function needs before it can be reported. */
  minSamples: number;
  /** Minimum absolute self-time change, ms. */
  minMs: number;
  /** Minimum relative self-time change, % of the base. */
  minPct: number;
  /** False discovery rate for the Benjamini-Hochberg corrected test. */
  alpha: number;
  /**
   * Test files a function must appear in (both sides together) before the paired
   * bootstrap over test files is used as a second gate against run-to-run noise.
   */
  minUnits: number;
}

export const DEFAULT_THRESHOLDS: DiffThresholds = { minSamples: 20, minMs: 20, minPct: 10, alpha: 0.01, minUnits: 5 };

/**
 * `ciprof compare` runs base and head interleaved on one machine, several times each:
 * its noise is measured, not assumed, so smaller changes can be reported
 * (calibrated in bench/calibrate.mjs, see README "How ciprof decides").
 */
export const COMPARE_THRESHOLDS: DiffThresholds = { ...DEFAULT_THRESHOLDS, minMs: 5, minPct: 3, alpha: 0.05 };

/** Level of the confidence intervals shown in the comment, JSON and report. */
export const INTERVAL_LEVEL = 0.95;

export interface SideStats {
  selfNs: number;
  totalNs: number;
  selfSamples: number;
  totalSamples: number;
}

export type DeltaStatus = 'regression' | 'improvement' | 'noise' | 'too-small';

export interface FunctionDelta {
  key: string;
  frame: FunctionFrame;
  base: SideStats;
  head: SideStats;
  selfDeltaNs: number;
  totalDeltaNs: number;
  /** Relative self change, % of base self (Infinity when new). */
  selfDeltaPct: number;
  /**
   * Change of the function's time adjusted for the run's overall speed, %: what the test
   * and the min-pct threshold judge (a machine that was slower everywhere cancels out).
   */
  adjustedPct: number;
  /** Share of suite CPU (idle excluded), %. */
  baseSelfSharePct: number;
  headSelfSharePct: number;
  pValue: number;
  qValue: number;
  status: DeltaStatus;
  onlyIn?: 'base' | 'head';
  /** Confidence interval of selfDeltaPct (reported rows and the most changed others). */
  interval?: ChangeInterval;
  /**
   * Set when the sampling test passed but run-to-run noise (test-file bootstrap) did not,
   * or ('cpu-clock') when the CPU clocks of the tests it changed in did not move (decision.ts).
   */
  demotedBy?: IntervalMethod | 'cpu-clock';
  /** Its self time is a wait in a blocking call (blocked.ts), not CPU. */
  blocked?: BlockedClass;
  /** Its self time is code loading (code-load.ts: a transform, the module loader): CPU whose amount swings with scheduling. */
  codeLoad?: CodeLoadClass;
  /**
   * Blocked and code-loading rows: the noise that judged it (`prior`: code loading without
   * history, its class's swing measured on real suites); absent when none (never reported then).
   */
  judgedBy?: 'history' | 'runs' | 'prior';
}

export interface SuiteTotals {
  /** Sampled non-idle time, ns. */
  cpuNs: number;
  idleNs: number;
  samples: number;
  /** Of cpuNs and samples: time in blocking calls (blocked.ts), charged by the sampler as if it ran. */
  blockedNs?: number;
  blockedSamples?: number;
  /** Of cpuNs and samples: code loading (code-load.ts), by the function rows judged as such. */
  codeLoadNs?: number;
  codeLoadSamples?: number;
  wallMs?: number;
  processes?: number;
  threads?: number;
}

export interface NoiseModel {
  sampling: true;
  /** Tests' samples were brought to their threads' CPU clocks (cpu-clock.ts) on both sides. */
  cpuClock?: boolean;
  testFiles?: number;
  runs?: { base: number; head: number };
  /**
   * Extra-Poisson variance factor applied to every function's sampling variance (>= 1):
   * the larger of what this pair's functions and the baseline history show.
   */
  dispersion?: number;
  /** The machine-speed adjustment: what the functions suggested, what was applied, and why. */
  speed?: {
    estimated: number;
    applied: number;
    /** Share of the estimate believed (0..1), from its precision against the prior. */
    weight: number;
    prior: SpeedPriorSource;
    /** The prior's standard deviation of the speed difference, %. */
    priorSdPct: number;
    /** Consecutive earlier runs of the job the prior and dispersion were measured on. */
    historyPairs?: number;
  };
}

/** What is known beyond the two profiles. */
export interface DiffContext {
  /** Run-to-run noise measured on the job's earlier runs (noise-history.ts). */
  history?: HistoryNoise;
  /**
   * Bring each clocked test's samples to its thread's CPU clock first (cpu-clock.ts);
   * default true. False: the profiles are compared as sampled (or were corrected already).
   */
  onCpu?: boolean;
}

export type Verdict = 'regression' | 'improvement' | 'no-change';

export interface ProfileDiff {
  base: SuiteTotals;
  head: SuiteTotals;
  suite: { deltaNs: number; deltaPct: number; pValue: number; significant: boolean };
  thresholds: DiffThresholds;
  /** Every function seen on either side, most changed (|self delta|) first. */
  functions: FunctionDelta[];
  regressions: FunctionDelta[];
  improvements: FunctionDelta[];
  /** Blocked-time rows (never among regressions/improvements), most changed first; status regression/improvement only when judged on measured noise. */
  blocked?: FunctionDelta[];
  /** Code-loading rows (never among regressions/improvements), most changed first; status regression/improvement only beyond their class's measured swing. */
  codeLoad?: FunctionDelta[];
  /** Functions tested and found within noise, or too small to test. */
  withinNoise: number;
  verdict: Verdict;
  /** Which noise model backed the verdicts: sampling only, or also test files / runs. */
  noiseModel: NoiseModel;
  /** Base and head ran on different hardware or software: comparisons are less reliable. */
  environmentWarnings: string[];
  /** Tests on one side only, left out of the function comparison (like with like). */
  excludedTests: { baseOnly: number; headOnly: number };
  /** Head/base overall speed of the runs (median over functions of head/base sample counts). */
  speedFactor: number;
}

const isIdle = (f: FunctionFrame): boolean => f.name === IDLE_FRAME && f.file === '';

const num = (meta: Record<string, string>, k: string): number | undefined => {
  const v = Number(meta[k]);
  return meta[k] !== undefined && Number.isFinite(v) ? v : undefined;
};

export function suiteTotals(profile: Profile, table: FunctionTable = functionTable(profile)): SuiteTotals {
  const idle = table.stats.filter((s) => isIdle(s.frame)).reduce((a, s) => a + s.self, 0);
  const idleSamples = table.stats.filter((s) => isIdle(s.frame)).reduce((a, s) => a + s.selfSamples, 0);
  const blocked = table.stats.filter((s) => blockedClass(s.frame) !== undefined);
  return {
    cpuNs: table.total - idle,
    idleNs: idle,
    samples: table.totalSamples - idleSamples,
    blockedNs: blocked.reduce((a, s) => a + s.self, 0),
    blockedSamples: blocked.reduce((a, s) => a + s.selfSamples, 0),
    wallMs: num(profile.meta, 'wall_ms'),
    processes: num(profile.meta, 'processes'),
    threads: num(profile.meta, 'threads'),
  };
}

const emptySide: SideStats = { selfNs: 0, totalNs: 0, selfSamples: 0, totalSamples: 0 };

const hasFingerprint = (meta: Record<string, string>): boolean => meta[ENV_KEYS.cpu] !== undefined && meta[ENV_KEYS.cores] !== undefined;

/** What to expect of the machines' speed difference before looking at the functions. */
export function speedPriorFor(baseMeta: Record<string, string>, headMeta: Record<string, string>, history?: HistoryNoise): SpeedPrior {
  if (environmentWarnings(baseMeta, headMeta).length > 0) return { logSd: OTHER_ENVIRONMENT_SPEED_SD, source: 'different-environment' };
  if (!hasFingerprint(baseMeta) || !hasFingerprint(headMeta)) return { logSd: OTHER_ENVIRONMENT_SPEED_SD, source: 'unknown-environment' };
  return history ? history.prior : { logSd: SAME_ENVIRONMENT_SPEED_SD, source: 'same-environment' };
}

export function diffProfiles(fullBase: Profile, fullHead: Profile, overrides: Partial<DiffThresholds> = {}, context: DiffContext = {}): ProfileDiff {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  const common = restrictToCommonTests(fullBase, fullHead);
  const { baseOnlyTests, headOnlyTests } = common;
  // Runs (runs.ts) come folded and on their clocks already.
  const folded = context.onCpu === false ? common : { base: foldBlockedCallees(common.base), head: foldBlockedCallees(common.head) };
  const base = context.onCpu === false ? folded.base : onCpuProfile(folded.base);
  const head = context.onCpu === false ? folded.head : onCpuProfile(folded.head);
  const clocked = base !== folded.base && head !== folded.head;
  const bt = functionTable(base);
  const ht = functionTable(head);
  const baseTotals = suiteTotals(base, bt);
  const headTotals = suiteTotals(head, ht);
  const rows = joinRows(bt, ht);
  classifyCodeLoad(rows, base, head);
  addCodeLoadTotals(rows, baseTotals, headTotals);
  const m = speedModel(rows, base, head, context.history);
  const tested = [...rows.values()].filter((row) => testRow(row, baseTotals, headTotals, m, thresholds));
  const fileUnits = judgeRows(tested, base, head, m.speed, thresholds, true);
  const functions = [...rows.values()].sort((a, b) => Math.abs(b.selfDeltaNs) - Math.abs(a.selfDeltaNs));
  addSamplingIntervals(functions.slice(0, 50), m);
  const { regressions, improvements, blocked, codeLoad, withinNoise, verdict } = partitionRows(functions);
  return {
    base: baseTotals,
    head: headTotals,
    suite: suiteChange(baseTotals, headTotals, thresholds),
    thresholds,
    functions,
    regressions,
    improvements,
    ...(blocked.length ? { blocked } : {}),
    ...(codeLoad.length ? { codeLoad } : {}),
    withinNoise,
    verdict,
    noiseModel: {
      sampling: true,
      ...(fileUnits > 0 ? { testFiles: fileUnits } : {}),
      ...(clocked ? { cpuClock: true } : {}),
      dispersion: m.dispersion,
      speed: {
        estimated: m.estimate.factor,
        applied: m.speed,
        weight: m.applied.weight,
        prior: m.prior.source,
        priorSdPct: m.prior.logSd * 100,
        ...(m.prior.pairs !== undefined ? { historyPairs: m.prior.pairs } : {}),
      },
    },
    environmentWarnings: environmentWarnings(base.meta, head.meta),
    excludedTests: { baseOnly: baseOnlyTests, headOnly: headOnlyTests },
    speedFactor: m.speed,
  };
}

/** Blocked and code-loading rows kept in a diff (most changed first): the ones worth a look. */
const APART_ROWS = 20;

/** The CPU rows reported each way, the blocked and code-loading rows apart, and the verdict the CPU rows make. */
export function partitionRows(functions: readonly FunctionDelta[]): Pick<ProfileDiff, 'regressions' | 'improvements' | 'withinNoise' | 'verdict'> & { blocked: FunctionDelta[]; codeLoad: FunctionDelta[] } {
  const cpu = functions.filter((r) => !r.blocked && !r.codeLoad);
  const regressions = cpu.filter((r) => r.status === 'regression');
  const improvements = cpu.filter((r) => r.status === 'improvement');
  const blocked = functions.filter((r) => r.blocked && r.status !== 'too-small').slice(0, APART_ROWS);
  const codeLoad = functions.filter((r) => r.codeLoad && r.status !== 'too-small').slice(0, APART_ROWS);
  return {
    regressions,
    improvements,
    blocked,
    codeLoad,
    withinNoise: cpu.filter((r) => !isPseudo(r.frame) && r.status !== 'regression' && r.status !== 'improvement').length,
    verdict: regressions.length > 0 ? 'regression' : improvements.length > 0 ? 'improvement' : 'no-change',
  };
}

/** One row per function seen on either side, keyed by (name, file, line). */
function joinRows(bt: FunctionTable, ht: FunctionTable): Map<string, FunctionDelta> {
  const rows = new Map<string, FunctionDelta>();
  const side = (s: { self: number; total: number; selfSamples: number; totalSamples: number }): SideStats => ({
    selfNs: s.self,
    totalNs: s.total,
    selfSamples: s.selfSamples,
    totalSamples: s.totalSamples,
  });
  for (const s of bt.stats) rows.set(functionKey(s.frame), newRow(s.frame, side(s), emptySide));
  for (const s of ht.stats) {
    const key = functionKey(s.frame);
    const row = rows.get(key);
    if (row) row.head = side(s);
    else rows.set(key, newRow(s.frame, emptySide, side(s)));
  }
  return rows;
}

/** Marks the rows whose self time is mostly code loading on the two sides together (blocked time stays blocked). */
function classifyCodeLoad(rows: ReadonlyMap<string, FunctionDelta>, base: Profile, head: Profile): void {
  const b = codeLoadSelf(base);
  const h = codeLoadSelf(head);
  for (const row of rows.values()) {
    if (row.blocked || isPseudo(row.frame)) continue;
    const cls = codeLoadClassOf(b.get(row.key), h.get(row.key));
    if (cls) row.codeLoad = cls;
  }
}

function addCodeLoadTotals(rows: ReadonlyMap<string, FunctionDelta>, base: SuiteTotals, head: SuiteTotals): void {
  let bNs = 0, bN = 0, hNs = 0, hN = 0;
  for (const r of rows.values()) {
    if (!r.codeLoad) continue;
    bNs += r.base.selfNs;
    bN += r.base.selfSamples;
    hNs += r.head.selfNs;
    hN += r.head.selfSamples;
  }
  Object.assign(base, { codeLoadNs: bNs, codeLoadSamples: bN });
  Object.assign(head, { codeLoadNs: hNs, codeLoadSamples: hN });
}

/** How the run's overall speed is judged: the functions' estimate, the prior, what is applied. */
interface SpeedModel {
  estimate: SpeedEstimate;
  prior: SpeedPrior;
  applied: AppliedSpeed;
  speed: number;
  speedLogVar: number;
  dispersion: number;
  history: HistoryNoise | undefined;
}

function speedModel(rows: ReadonlyMap<string, FunctionDelta>, base: Profile, head: Profile, history: HistoryNoise | undefined): SpeedModel {
  // The runs' overall speed ratio, in sample counts (so the sampling rate cancels too).
  // Code loading votes: it runs on the same machine, and its many functions steady the
  // median and its dispersion. Measured on the calibration pools, leaving it out lost
  // detections (class-validator: +40 ms in `execute` 4 → 2 of 20 under a neighbour) and
  // made no A/A pair cleaner; it is its rows, not its votes, that swing.
  const estimate = speedFactor(
    [...rows.values()].filter((r) => !isPseudo(r.frame) && !r.blocked).map((r) => ({ base: r.base.selfSamples, head: r.head.selfSamples })),
    // Too few functions to tell machine speed from code: assume the same speed.
    1,
  );
  const prior = speedPriorFor(base.meta, head.meta, history);
  const applied = applySpeedPrior(estimate, prior);
  // Small functions scatter more than sampling explains (speed.ts); every function's
  // sampling variance is scaled by that, or by the history's, whichever is larger.
  const dispersion = Math.max(estimate.dispersion, history?.dispersion ?? 1);
  return { estimate, prior, applied, speed: applied.factor, speedLogVar: applied.logVariance, dispersion, history };
}

/** Fills a row's changes and, when it can be tested, its p-value; true when it was tested. */
function testRow(row: FunctionDelta, baseTotals: SuiteTotals, headTotals: SuiteTotals, m: SpeedModel, thresholds: DiffThresholds): boolean {
  const { speed } = m;
  row.selfDeltaNs = row.head.selfNs - row.base.selfNs;
  row.totalDeltaNs = row.head.totalNs - row.base.totalNs;
  row.selfDeltaPct = row.base.selfNs > 0 ? (row.selfDeltaNs / row.base.selfNs) * 100 : row.head.selfNs > 0 ? Infinity : 0;
  row.baseSelfSharePct = baseTotals.cpuNs > 0 ? (row.base.selfNs / baseTotals.cpuNs) * 100 : 0;
  row.headSelfSharePct = headTotals.cpuNs > 0 ? (row.head.selfNs / headTotals.cpuNs) * 100 : 0;
  if (row.base.totalSamples === 0) row.onlyIn = 'head';
  else if (row.head.totalSamples === 0) row.onlyIn = 'base';
  // Under "unchanged", the head's count is the base's scaled by the runs' speed factor.
  row.adjustedPct = row.base.selfSamples > 0 ? (row.head.selfSamples / row.base.selfSamples / speed - 1) * 100 : row.head.selfSamples > 0 ? Infinity : 0;
  if (isPseudo(row.frame) || row.base.selfSamples + row.head.selfSamples < thresholds.minSamples || speed <= 0) return false;
  // What the job's history measured beyond sampling for this function (or its class of
  // wait or of code loading; for code loading without history, the class's prior).
  const extra = historyExtraLogVariance(m.history, row.key, row.blocked, row.codeLoad);
  if (row.blocked && extra === undefined) {
    // Blocked time without measured noise: sampling statistics say nothing about a wait.
    row.status = 'noise';
    return false;
  }
  if ((row.blocked || row.codeLoad) && extra) row.judgedBy = extra.source;
  // The exact test is right for small counts; the normal test on the log ratio adds the
  // dispersion, the function's measured swing and the uncertainty of the speed. A row
  // must pass both: take the larger p.
  const exact = poissonRatioTest(row.base.selfSamples, 1, row.head.selfSamples, speed);
  const b = row.base.selfSamples;
  const h = row.head.selfSamples;
  // A side with no sample: the exact test alone would judge it on sampling, the swing
  // known beyond it forgotten (ufo, A/A under a neighbour: vite's `isNodeInPattern`,
  // transform work, 0 -> 27 samples, a code-loading note at q 5e-7 against the class's
  // prior). With a known swing, the log ratio takes half a sample on each side instead.
  const half = (b === 0 || h === 0) && extra ? 0.5 : 0;
  const withSpeed =
    b + half > 0 && h + half > 0
      ? normalTwoSided(Math.log((h + half) / (b + half) / speed) / Math.sqrt(m.dispersion * (1 / (b + half) + 1 / (h + half)) + m.speedLogVar + (extra?.variance ?? 0)))
      : exact;
  row.pValue = Math.max(exact, withSpeed);
  return true;
}

/** The sampling interval of the most changed rows that have none from the test files. */
function addSamplingIntervals(rows: readonly FunctionDelta[], m: SpeedModel): void {
  const z = normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2);
  for (const r of rows) {
    if (!r.interval && !isPseudo(r.frame)) {
      const iv = samplingInterval(r.base.selfSamples, r.head.selfSamples, m.speed, m.speedLogVar, m.dispersion, z, INTERVAL_LEVEL);
      if (iv) r.interval = { ...iv, pValue: r.pValue };
    }
  }
}

/**
 * The suite total's absolute change, with the same exact test on its sample counts. The
 * test is on the time outside blocking calls: a server's bind that waited 500 ms longer
 * is not a CPU change of the suite (the table still shows the whole sampled time).
 */
export function suiteChange(baseTotals: SuiteTotals, headTotals: SuiteTotals, thresholds: DiffThresholds): ProfileDiff['suite'] {
  const onCpu = (t: SuiteTotals): { ns: number; samples: number } => ({ ns: t.cpuNs - (t.blockedNs ?? 0), samples: t.samples - (t.blockedSamples ?? 0) });
  const b = onCpu(baseTotals);
  const h = onCpu(headTotals);
  // Exposure: samples per ns actually achieved on each side, so a different interval
  // or a loaded machine that sampled late does not look like a change.
  const baseRate = b.ns > 0 ? b.samples / b.ns : 0;
  const headRate = h.ns > 0 ? h.samples / h.ns : 0;
  const onCpuDeltaNs = h.ns - b.ns;
  const onCpuDeltaPct = b.ns > 0 ? (onCpuDeltaNs / b.ns) * 100 : 0;
  const pValue = baseRate > 0 && headRate > 0 ? poissonRatioTest(b.samples, baseRate, h.samples, headRate) : 1;
  const deltaNs = headTotals.cpuNs - baseTotals.cpuNs;
  const deltaPct = baseTotals.cpuNs > 0 ? (deltaNs / baseTotals.cpuNs) * 100 : 0;
  const significant = pValue <= thresholds.alpha && Math.abs(onCpuDeltaNs) >= thresholds.minMs * 1e6 && Math.abs(onCpuDeltaPct) >= thresholds.minPct;
  return { deltaNs, deltaPct, pValue, significant };
}

/**
 * Large enough to report: the speed-adjusted change (base self × adjusted %) is at least
 * min-ms, and the adjusted change at least min-pct.
 */
export function bigEnough(r: FunctionDelta, t: DiffThresholds): boolean {
  const adjustedNs = Number.isFinite(r.adjustedPct) ? (r.base.selfNs * r.adjustedPct) / 100 : r.head.selfNs;
  return Math.abs(adjustedNs) >= t.minMs * 1e6 && Math.abs(r.adjustedPct) >= t.minPct;
}

/**
 * The verdict of every tested row, the same for single runs and repeated runs: the
 * p-values Benjamini-Hochberg corrected (qValues: CPU rows among themselves), a row
 * reported when its
 * q-value is within alpha and its change big enough; then the second gate, run-to-run
 * noise measured across test files where the profiles have them. Returns the test files
 * used as units (0: no gate).
 */
export function judgeRows(tested: readonly FunctionDelta[], base: Profile, head: Profile, speed: number, thresholds: DiffThresholds, setInterval: boolean): number {
  const q = qValues(tested, (r) => r, (r) => r.pValue);
  tested.forEach((r, i) => {
    r.qValue = q[i]!;
    r.status = r.qValue <= thresholds.alpha && bigEnough(r, thresholds) ? (r.adjustedPct > 0 ? 'regression' : 'improvement') : 'noise';
  });
  return gateByTestFiles(
    tested.filter((r) => r.status === 'regression' || r.status === 'improvement'),
    base,
    head,
    speed,
    thresholds,
    setInterval,
  );
}

/**
 * q-values (Benjamini-Hochberg) where CPU rows are corrected among themselves, and blocked
 * and code-loading rows over every tested row. CPU rows make the verdict; a code-loading
 * row's p-value beside them moved their q either way (a compile swing's tiny p lowered a
 * CPU row's q, a code-loading row judged right raised it: ufo under a noisy neighbour,
 * +40 ms in `encode`, q 0.0084 beside a false code-loading row, 0.017 without). The rows
 * judged apart keep the stricter correction over all rows: corrected only among
 * themselves, a single compile swing in a family of a few rows would become a note.
 */
function qValues<T>(items: readonly T[], rowOf: (item: T) => FunctionDelta, pOf: (item: T) => number): number[] {
  const all = benjaminiHochberg(items.map(pOf));
  const cpu = items.map((x, i) => ({ x, i })).filter(({ x }) => !rowOf(x).blocked && !rowOf(x).codeLoad);
  benjaminiHochberg(cpu.map(({ x }) => pOf(x))).forEach((q, k) => {
    all[cpu[k]!.i] = q;
  });
  return all;
}

/**
 * The second gate: a paired bootstrap over the test files present on both sides must agree
 * with each candidate row (BH-corrected, at 5x alpha: a gate against run-to-run noise, not a
 * second full test), or the row is demoted to "within noise". Returns how many test files
 * were units (0: too few, no gate). `setInterval`: the bootstrap's interval becomes the
 * row's (single runs); repeated runs keep their own.
 */
function gateByTestFiles(candidates: readonly FunctionDelta[], base: Profile, head: Profile, speed: number, thresholds: DiffThresholds, setInterval: boolean): number {
  const baseFiles = selfByTestFile(base);
  const headFiles = selfByTestFile(head);
  const units = commonUnits(baseFiles, headFiles);
  if (units.length < thresholds.minUnits) return 0;
  const gated = candidates
    .map((r) => ({ r, iv: spreadOverUnits(r.key, units, baseFiles, headFiles) >= thresholds.minUnits ? bootstrapOverFiles(r.key, units, baseFiles, headFiles, speed, INTERVAL_LEVEL) : undefined }))
    .filter((x): x is { r: FunctionDelta; iv: ChangeInterval } => x.iv !== undefined);
  const q = qValues(gated, (g) => g.r, (g) => g.iv.pValue);
  gated.forEach((g, i) => {
    if (setInterval) g.r.interval = g.iv;
    if (q[i]! > thresholds.alpha * 5) {
      // A change the sampling test (or the runs) believe but the test files do not agree on.
      g.r.status = 'noise';
      g.r.demotedBy = 'test-files';
    }
  });
  return units.length;
}

/** In how many test files the function ran at all, on either side. */
function spreadOverUnits(key: string, units: readonly string[], base: Map<string, Map<string, number>>, head: Map<string, Map<string, number>>): number {
  let n = 0;
  for (const u of units) if ((base.get(u)?.get(key) ?? 0) > 0 || (head.get(u)?.get(key) ?? 0) > 0) n++;
  return n;
}

function newRow(frame: FunctionFrame, base: SideStats, head: SideStats): FunctionDelta {
  const blocked = blockedClass(frame);
  return {
    ...(blocked ? { blocked } : {}),
    key: functionKey(frame),
    frame,
    base,
    head,
    selfDeltaNs: 0,
    totalDeltaNs: 0,
    selfDeltaPct: 0,
    adjustedPct: 0,
    baseSelfSharePct: 0,
    headSelfSharePct: 0,
    pValue: 1,
    qValue: 1,
    status: 'too-small',
  };
}
