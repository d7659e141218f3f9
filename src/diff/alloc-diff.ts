/**
 * Base vs head for allocations (`ciprof run --alloc` on both sides): per function (bytes
 * allocated by the function itself, the leaf of the allocation's stack) and per test.
 *
 * Noise model. V8's sampling heap profiler takes a sample every ~interval bytes on
 * average (exponential gaps), so a function's sample count is Poisson, its bytes
 * ≈ count × interval for small objects. Runs of the same code also differ beyond
 * sampling: what JIT tier ran (optimized code allocates less: escape analysis), GC-timed
 * work, retries. So the count test is quasi-Poisson: counts are divided by a dispersion
 * φ ≥ 1: this diff's own robust estimate, the median over functions of
 * (k₂ − k₁)² / (k₁ + k₂) divided by the χ²₁ median 0.455 (most functions do not change
 * between commits); when the suite has too few test files for the gates below, never
 * less than ALLOC_AA_DISPERSION, measured on A/A runs (bench/alloc-calibrate.mjs).
 * Then the exact conditional binomial test (two Poisson counts, equal exposure: bytes do
 * not depend on the machine's speed), Benjamini-Hochberg over the rows, and minimums: a
 * relative change, a share of the suite's bytes, and enough samples.
 *
 * The count used is the bytes the samples stand for divided by the interval, so an object
 * larger than the interval (sampled almost surely, counted once) weighs by its size.
 *
 * Measured on A/A runs of real suites, two kinds of function break any dispersion, and
 * each has its gate (numbers: README, "Calibration on real suites"):
 * - Moves (gateByConservation): the optimizing compiler decides which function of an
 *   inlined group an allocation is charged to, so bytes jump between a function, its
 *   script's other functions and its caller's subtree while their sum stays put. A row
 *   stands only when its script and its callers' subtrees change with it.
 * - JIT-timed code (gateByTestFiles): allocation that depends on when TurboFan optimizes
 *   (a numeric loop allocates heap numbers until it does) moves by 40-100% in one or two
 *   test files. Test files are the replication unit, as for CPU: the row's change must
 *   hold, as a ratio, across the files where the function allocates.
 * A test row is reported only when a reported function row carries at least half of its
 * change: a test has no replicate within one run, its functions do.
 */
import { ALLOC_SAMPLES, ALLOC_SPACE, CIPROF_FRAME, functionKey, type FunctionFrame, type Profile } from '../profile/model.js';
import { TEST_FILE_LABEL, TEST_NAME_LABEL } from '../profile/tests.js';
import { restrictToCommonTests } from './common-tests.js';
import { commonUnits } from './noise.js';
import { benjaminiHochberg, poissonRatioTest, studentTTwoSided } from './stats.js';

/** Dispersion measured on A/A runs (see ALLOC_CALIBRATION in bench results); never assumed 1. */
export const ALLOC_AA_DISPERSION = 1.5;
/** Median of χ² with one degree of freedom: turns a median of squared z-scores into a dispersion. */
const CHI2_1_MEDIAN = 0.4549;
/** Rows with at least this many samples (both sides) vote on the dispersion. */
const DISPERSION_MIN_SAMPLES = 20;

export interface AllocThresholds {
  /** Samples (base + head) a row needs before it can be reported. */
  minSamples: number;
  /** Minimum relative change of bytes, %. */
  minPct: number;
  /** Minimum absolute change, % of the base suite's bytes. */
  minSharePct: number;
  /** False discovery rate (Benjamini-Hochberg). */
  alpha: number;
  /** Test files on both sides needed for the test-file gate (fewer: the sampling test alone). */
  minUnits: number;
}

export const DEFAULT_ALLOC_THRESHOLDS: AllocThresholds = { minSamples: 20, minPct: 10, minSharePct: 0.5, alpha: 0.01, minUnits: 5 };
/** The test-file gate's two-sided p-value limit. */
const UNITS_P = 0.05;
/** A test file votes in the replication test when the function has this many samples there (both sides). */
const MIN_CELL_SAMPLES = 10;
/** Files that must vote before a row can be replicated at all. */
const MIN_ACTIVE_UNITS = 3;

export interface AllocSide {
  bytes: number;
  samples: number;
}

export type AllocStatus = 'regression' | 'improvement' | 'noise' | 'too-small';

export interface AllocRow {
  /** Function rows: the function; test rows: file and name. */
  frame?: FunctionFrame;
  test?: { file: string; name: string };
  base: AllocSide;
  head: AllocSide;
  deltaBytes: number;
  /** % of the base (Infinity when the base had none). */
  deltaPct: number;
  pValue: number;
  qValue: number;
  status: AllocStatus;
  /** Function rows the sampling test passed: the paired t-test over test files' p-value, when it ran. */
  unitsP?: number;
}

export interface AllocDiff {
  intervalBytes: number;
  base: AllocSide;
  head: AllocSide;
  suiteDeltaPct: number;
  dispersion: { aa: number; estimated: number; used: number; rows: number };
  /** Test files on both sides (the units of the test-file gate). */
  units: number;
  thresholds: AllocThresholds;
  /** Reported rows first, then the largest other changes (capped). */
  functions: AllocRow[];
  tests: AllocRow[];
  regressions: number;
  improvements: number;
  withinNoise: number;
  verdict: 'regression' | 'improvement' | 'no-change';
}

/** Rows kept besides the reported ones, per table. */
const KEPT_ROWS = 30;

const allocSpaceIndex = (profile: Profile): number => profile.sampleTypes.findIndex((t) => t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);

export function hasAllocationSamples(profile: Pick<Profile, 'sampleTypes'>): boolean {
  return profile.sampleTypes.some((t) => t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);
}

interface Keyed {
  frame?: FunctionFrame;
  test?: { file: string; name: string };
  side: AllocSide;
}

interface Allocations {
  total: AllocSide;
  functions: Map<string, Keyed>;
  tests: Map<string, Keyed>;
  /** Bytes by test file (or '' outside every file), then by function key: the bootstrap's units. */
  byFile: Map<string, Map<string, number>>;
  /** Bytes by test key, then by function key. */
  byTest: Map<string, Map<string, number>>;
  byScript: Map<string, number>;
  interval: number;
  view: Profile;
}

const addTo = (map: Map<string, Map<string, number>>, outer: string, inner: string, v: number): void => {
  let m = map.get(outer);
  if (!m) map.set(outer, (m = new Map()));
  m.set(inner, (m.get(inner) ?? 0) + v);
};

/** Bytes and samples by function (leaf) and by test. ciprof's own allocations are not the code's. */
function allocationsOf(profile: Profile): Allocations {
  const bi = allocSpaceIndex(profile);
  const ci = profile.sampleTypes.findIndex((t) => t.type === ALLOC_SAMPLES.type && t.unit === ALLOC_SAMPLES.unit);
  const out: Allocations = { total: { bytes: 0, samples: 0 }, functions: new Map(), tests: new Map(), byFile: new Map(), byTest: new Map(), byScript: new Map(), interval: Number(profile.meta['alloc.interval_bytes']) || 32768, view: profile };
  const add = (map: Map<string, Keyed>, key: string, make: () => Omit<Keyed, 'side'>, bytes: number, samples: number): void => {
    let e = map.get(key);
    if (!e) map.set(key, (e = { ...make(), side: { bytes: 0, samples: 0 } }));
    e.side.bytes += bytes;
    e.side.samples += samples;
  };
  for (const s of profile.samples) {
    const bytes = bi >= 0 ? (s.values[bi] ?? 0) : 0;
    if (bytes === 0) continue;
    const frame = profile.functions[s.stack[0] ?? -1];
    if (!frame || frame.name === CIPROF_FRAME) continue;
    const samples = ci >= 0 ? (s.values[ci] ?? 0) : 0;
    const fnKey = functionKey(frame);
    out.total.bytes += bytes;
    out.total.samples += samples;
    add(out.functions, fnKey, () => ({ frame }), bytes, samples);
    const file = String(s.labels[TEST_FILE_LABEL] ?? '');
    addTo(out.byFile, file, fnKey, bytes);
    out.byScript.set(frame.file, (out.byScript.get(frame.file) ?? 0) + bytes);
    const name = s.labels[TEST_NAME_LABEL];
    if (name !== undefined) {
      const testKey = `${file}\u0000${String(name)}`;
      add(out.tests, testKey, () => ({ test: { file, name: String(name) } }), bytes, samples);
      addTo(out.byTest, testKey, fnKey, bytes);
    }
  }
  return out;
}

/** The diff's own dispersion estimate: robust to the few rows that really changed. */
export function estimateDispersion(pairs: readonly [number, number][]): { estimated: number; rows: number } {
  const z2 = pairs.filter(([a, b]) => a + b >= DISPERSION_MIN_SAMPLES).map(([a, b]) => (b - a) ** 2 / (a + b));
  if (z2.length < 5) return { estimated: 1, rows: z2.length };
  z2.sort((x, y) => x - y);
  const mid = z2.length >> 1;
  const median = z2.length % 2 ? z2[mid]! : (z2[mid - 1]! + z2[mid]!) / 2;
  return { estimated: median / CHI2_1_MEDIAN, rows: z2.length };
}

type Judged = AllocRow & { key: string };

function judge(base: Map<string, Keyed>, head: Map<string, Keyed>, interval: number, dispersion: number, suiteBytes: number, t: AllocThresholds): Judged[] {
  const keys = new Set([...base.keys(), ...head.keys()]);
  const rows: Judged[] = [];
  const eff = (side: AllocSide): number => side.bytes / interval;
  for (const key of keys) {
    const b = base.get(key);
    const h = head.get(key);
    const bs = b?.side ?? { bytes: 0, samples: 0 };
    const hs = h?.side ?? { bytes: 0, samples: 0 };
    const deltaBytes = hs.bytes - bs.bytes;
    rows.push({
      key,
      ...(b?.frame ?? h?.frame ? { frame: (b ?? h)!.frame! } : {}),
      ...(b?.test ?? h?.test ? { test: (b ?? h)!.test! } : {}),
      base: bs,
      head: hs,
      deltaBytes,
      deltaPct: bs.bytes > 0 ? (deltaBytes / bs.bytes) * 100 : Infinity,
      pValue: poissonRatioTest(eff(bs) / dispersion, 1, eff(hs) / dispersion, 1),
      qValue: 1,
      status: 'noise',
    });
  }
  // The false-discovery family is the rows with enough samples to be judged at all. The
  // conditional test is conditioned on the pair's total count, so filtering on that total
  // leaves the family's null p-values uniform (independent filtering); counting the
  // hundreds of rows of a few samples, which can never be reported, only made q larger
  // (on the allocation fixture under load a +20% row at p = 1.4e-4 sat at q = 0.014).
  const testable = rows.filter((r) => r.base.samples + r.head.samples >= t.minSamples);
  const q = benjaminiHochberg(testable.map((r) => r.pValue));
  testable.forEach((r, i) => {
    r.qValue = q[i]!;
    const big = Math.abs(r.deltaPct) >= t.minPct && Math.abs(r.deltaBytes) >= (t.minSharePct / 100) * suiteBytes;
    if (big && r.qValue <= t.alpha) r.status = r.deltaBytes > 0 ? 'regression' : 'improvement';
  });
  for (const r of rows) if (r.base.samples + r.head.samples < t.minSamples) r.status = 'too-small';
  return rows;
}

const isReported = (r: AllocRow): boolean => r.status === 'regression' || r.status === 'improvement';

/**
 * Replication over test files: each file where the function allocates (≥ MIN_CELL_SAMPLES
 * there, both sides together) gives an estimate of log(head / base) with its sampling
 * variance 1/b + 1/h; a random-effects mean over them must differ from 0 (two-sided t).
 * Log ratios, and only the files where it allocates: a change in the code is a change in
 * proportion in every file that runs it, however many others do not (+20% in 3 of 14
 * files passed no test over all files). Weighted by precision: the file with 12,000
 * samples outweighs one with 15, whose ratio sampling alone can turn upside down (an
 * unweighted t missed 10 of 20 +20% changes on class-validator for such files). A
 * JIT-timed swing, one or two files moving among flat ones, shows as between-file
 * variance, which widens the interval instead of moving the mean.
 * Undefined (cannot replicate) with fewer than MIN_ACTIVE_UNITS such files.
 */
export function unitsLogRatioP(key: string, units: readonly string[], base: Map<string, Map<string, number>>, head: Map<string, Map<string, number>>, interval: number): number | undefined {
  const y: number[] = [];
  const v: number[] = [];
  for (const u of units) {
    const b = (base.get(u)?.get(key) ?? 0) / interval + 0.5;
    const h = (head.get(u)?.get(key) ?? 0) / interval + 0.5;
    if (b + h - 1 < MIN_CELL_SAMPLES) continue;
    y.push(Math.log(h / b));
    v.push(1 / b + 1 / h);
  }
  const k = y.length;
  if (k < MIN_ACTIVE_UNITS) return undefined;
  // The between-file variance τ² (DerSimonian-Laird) is what JIT timing adds to sampling;
  // Knapp-Hartung's standard error keeps the t's tails honest with few files.
  const w = v.map((x) => 1 / x);
  const sw = w.reduce((a, x) => a + x, 0);
  const fixed = w.reduce((a, x, i) => a + x * y[i]!, 0) / sw;
  const q = w.reduce((a, x, i) => a + x * (y[i]! - fixed) ** 2, 0);
  const tau2 = Math.max(0, (q - (k - 1)) / (sw - w.reduce((a, x) => a + x * x, 0) / sw));
  const ws = v.map((x) => 1 / (x + tau2));
  const sws = ws.reduce((a, x) => a + x, 0);
  const mu = ws.reduce((a, x, i) => a + x * y[i]!, 0) / sws;
  const se = Math.sqrt(ws.reduce((a, x, i) => a + x * (y[i]! - mu) ** 2, 0) / ((k - 1) * sws));
  if (se === 0) return mu === 0 ? 1 : 0;
  return studentTTwoSided(mu / se, k - 1);
}

/** Function rows the sampling test passed must also hold across test files (JIT-timed allocation moves by whole files). */
function gateByTestFiles(rows: Judged[], base: Allocations, head: Allocations, t: AllocThresholds): number {
  const units = commonUnits(base.byFile, head.byFile);
  if (units.length < t.minUnits) return units.length;
  for (const r of rows) {
    if (!isReported(r)) continue;
    const p = unitsLogRatioP(r.key, units, base.byFile, head.byFile, base.interval);
    r.unitsP = p ?? 1;
    if (p === undefined || p > UNITS_P) r.status = 'noise';
  }
  return units.length;
}

/**
 * Conservation. Which function an allocation is charged to depends on the optimizing
 * compiler: when TurboFan inlines a callee and folds its allocations into one, the bytes
 * are charged to another function of the same compiled unit (measured on express A/A:
 * supertest's `module.exports` and its closure two lines below swapped ~600 samples
 * file by file; path-to-regexp's `match` lost 6,400 samples that `process` and router's
 * `Layer` gained). A real change adds bytes to the whole; a move does not. So a row
 * stands only when at least half of its change is also a change of
 * - its script (all functions of its source file), and
 * - its callers' subtrees (every sample under a function that called it), unless that
 *   subtree is so large that its own sampling noise (2σ) could hide the difference.
 */
function gateByConservation(rows: Judged[], base: Allocations, head: Allocations): void {
  for (const r of rows) {
    if (!isReported(r) || !r.frame) continue;
    const script = (head.byScript.get(r.frame.file) ?? 0) - (base.byScript.get(r.frame.file) ?? 0);
    if (script / r.deltaBytes < 0.5) {
      r.status = 'noise';
      continue;
    }
    const callers = new Set<string>([...callersOf(base.view, r.key), ...callersOf(head.view, r.key)]);
    const ib = bytesUnder(base.view, callers);
    const ih = bytesUnder(head.view, callers);
    const sigma = Math.sqrt(ALLOC_AA_DISPERSION * (ib + ih) * base.interval);
    if ((ih - ib) / r.deltaBytes < 0.5 && Math.abs(r.deltaBytes - (ih - ib)) > 2 * sigma) r.status = 'noise';
  }
}

/** Keys of the functions that called `key` where it allocated (the leaf itself for a root). */
function callersOf(profile: Profile, key: string): Set<string> {
  const bi = allocSpaceIndex(profile);
  const out = new Set<string>();
  for (const s of profile.samples) {
    const leaf = profile.functions[s.stack[0] ?? -1];
    if (!(s.values[bi] ?? 0) || !leaf || functionKey(leaf) !== key) continue;
    const caller = profile.functions[s.stack[Math.min(1, s.stack.length - 1)]!];
    if (caller) out.add(functionKey(caller));
  }
  return out;
}

/** Bytes of the samples with any of `keys` on their stack, each sample counted once. */
function bytesUnder(profile: Profile, keys: Set<string>): number {
  const bi = allocSpaceIndex(profile);
  const memo = new Map<number, boolean>();
  const isKey = (id: number): boolean => {
    let v = memo.get(id);
    if (v === undefined) memo.set(id, (v = keys.has(functionKey(profile.functions[id]!))));
    return v;
  };
  let total = 0;
  for (const s of profile.samples) {
    const bytes = s.values[bi] ?? 0;
    if (bytes && s.stack.some(isKey)) total += bytes;
  }
  return total;
}

/** A test row stands only when reported function rows carry at least half of its change. */
function gateTestsByFunctions(tests: Judged[], functions: Judged[], base: Allocations, head: Allocations): void {
  const reported = new Set(functions.filter(isReported).map((r) => r.key));
  for (const r of tests) {
    if (!isReported(r)) continue;
    const b = base.byTest.get(r.key);
    const h = head.byTest.get(r.key);
    let explained = 0;
    for (const key of reported) explained += (h?.get(key) ?? 0) - (b?.get(key) ?? 0);
    if (explained / r.deltaBytes < 0.5) r.status = 'noise';
  }
}

/** Reported rows first, then by size of change; the key stays internal. */
function ordered(rows: Judged[]): AllocRow[] {
  return rows
    .sort((x, y) => Number(isReported(y)) - Number(isReported(x)) || Math.abs(y.deltaBytes) - Math.abs(x.deltaBytes))
    .map(({ key: _key, ...row }) => row);
}

/** Undefined unless both profiles carry allocation samples. */
export function diffAllocations(baseProfile: Profile, headProfile: Profile, thresholds: Partial<AllocThresholds> = {}): AllocDiff | undefined {
  if (!hasAllocationSamples(baseProfile) || !hasAllocationSamples(headProfile)) return undefined;
  const t = { ...DEFAULT_ALLOC_THRESHOLDS, ...thresholds };
  // Like with like: tests run on one side only are left out, as for CPU.
  const view = restrictToCommonTests(baseProfile, headProfile);
  const base = allocationsOf(view.base);
  const head = allocationsOf(view.head);
  const interval = Number(headProfile.meta['alloc.interval_bytes']) || Number(baseProfile.meta['alloc.interval_bytes']) || 32768;
  const pairs: [number, number][] = [...base.functions].map(([k, b]) => [b.side.bytes / interval, (head.functions.get(k)?.side.bytes ?? 0) / interval]);
  const { estimated, rows: dispersionRows } = estimateDispersion(pairs);
  // With test files to replicate over, the heavy tails (moves, JIT-timed functions) have
  // their own gates, so the sampling test takes this diff's own dispersion, the bulk of the
  // functions' spread (a fixed 1.5 missed 3 of 40 +20% rows on the fixture and ufo under a
  // noisy neighbour). Without them, never less than the A/A-measured floor.
  const units = commonUnits(base.byFile, head.byFile).length;
  const used = units >= t.minUnits ? Math.max(1, estimated) : Math.max(ALLOC_AA_DISPERSION, estimated);
  const judgedFunctions = judge(base.functions, head.functions, interval, used, base.total.bytes, t);
  gateByConservation(judgedFunctions, base, head);
  gateByTestFiles(judgedFunctions, base, head, t);
  const judgedTests = judge(base.tests, head.tests, interval, used, base.total.bytes, t);
  gateTestsByFunctions(judgedTests, judgedFunctions, base, head);
  const functions = ordered(judgedFunctions);
  const tests = ordered(judgedTests);
  const count = (rows: AllocRow[], s: AllocStatus): number => rows.filter((r) => r.status === s).length;
  const regressions = count(functions, 'regression') + count(tests, 'regression');
  const improvements = count(functions, 'improvement') + count(tests, 'improvement');
  const keep = (rows: AllocRow[]): AllocRow[] => rows.filter((r, i) => r.status === 'regression' || r.status === 'improvement' || i < KEPT_ROWS);
  return {
    intervalBytes: interval,
    base: base.total,
    head: head.total,
    suiteDeltaPct: base.total.bytes > 0 ? ((head.total.bytes - base.total.bytes) / base.total.bytes) * 100 : Infinity,
    dispersion: { aa: ALLOC_AA_DISPERSION, estimated, used, rows: dispersionRows },
    units,
    thresholds: t,
    functions: keep(functions),
    tests: keep(tests),
    regressions,
    improvements,
    withinNoise: count(functions, 'noise'),
    verdict: regressions > 0 ? 'regression' : improvements > 0 ? 'improvement' : 'no-change',
  };
}
