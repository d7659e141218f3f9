/**
 * Run-to-run noise measured on the job's own baseline history: the stored runs of earlier
 * commits on the base's first-parent line. Consecutive runs are mostly the same code on
 * different CI machines, which is exactly what a PR's base and head are, so two things are
 * read off each consecutive pair:
 *
 * - how much the machines' speed really differed: the pairs' speed estimates scatter by
 *   the machines' difference plus the estimates' own noise; subtracting the latter
 *   (method of moments) leaves the former, which becomes the speed prior of the diff;
 * - how much more than Poisson sampling the functions scatter (dispersion), which widens
 *   every function's test and interval when the history is noisier than this pair shows.
 *
 * - how much each function swings beyond sampling (its log ratio's scatter around the
 *   pair's speed, less the Poisson part): functions known to swing (a JIT decision, a GC
 *   landing, a wait in bind()) then need a larger change to be reported. Blocked time
 *   (blocked.ts) is pooled by class too, so a wait never seen in the history is still
 *   judged by the waits that were; so is code loading (code-load.ts: a runner's transform,
 *   Node's module loader), whose functions, hundreds of TypeScript parser frames each with
 *   a few samples, are too small to be measured one by one.
 *
 * The speed estimate is robust to the few functions a commit really changed, so code
 * changes between the historical commits do not count as noise (for the speed; a function
 * a commit changed does look swingier, which errs on the side of fewer false rows).
 */
import { functionTable } from '../profile/aggregate.js';
import { functionKey, type Profile } from '../profile/model.js';
import { isPseudo } from './self-time.js';
import { restrictToCommonTests } from './common-tests.js';
import { environmentWarnings } from './environment.js';
import { speedFactor, type SpeedPrior } from './speed.js';
import { blockedClass, foldBlockedCallees, type BlockedClass } from '../profile/blocked.js';
import { codeLoadClassOf, codeLoadSelf, type CodeLoadClass } from '../profile/code-load.js';
import { onCpuProfile } from './cpu-clock.js';

/** Pairs needed before the history's scatter is trusted over the default prior. */
export const MIN_HISTORY_PAIRS = 3;
/** Even a very quiet history does not make the speed prior narrower than this. */
const MIN_SPEED_SD = 0.01;

export interface HistoryNoise {
  prior: SpeedPrior;
  /** Median dispersion of the pairs (>= 1). */
  dispersion: number;
  /** Consecutive pairs of same-environment runs measured. */
  pairs: number;
  /** Each pair's speed ratio, newer/older, for the report. */
  speedRatios: number[];
  /** Variance of log(head/base) beyond sampling, per function key measured in enough pairs. */
  functionSwing?: Map<string, number>;
  /** The same, pooled over the blocked functions of each class. */
  blockedSwing?: Map<BlockedClass, number>;
  /** The same, pooled over the code-loading functions of each class (code-load.ts). */
  codeLoadSwing?: Map<CodeLoadClass, number>;
}

/** Samples (both runs of a pair) a function needs for its swing to count. */
const MIN_SWING_SAMPLES = 10;

interface SwingSum {
  excess: number;
  n: number;
}

interface KeyedSamples {
  samples: Map<string, number>;
  blocked: Map<string, BlockedClass>;
  codeLoad: Map<string, CodeLoadClass>;
}

function selfSamplesByKey(profile: Profile): KeyedSamples {
  const samples = new Map<string, number>();
  const blocked = new Map<string, BlockedClass>();
  const codeLoad = new Map<string, CodeLoadClass>();
  const loading = codeLoadSelf(profile);
  for (const s of functionTable(profile).stats) {
    if (isPseudo(s.frame)) continue;
    const key = functionKey(s.frame);
    samples.set(key, s.selfSamples);
    const cls = blockedClass(s.frame);
    const load = cls ? undefined : codeLoadClassOf(loading.get(key));
    if (cls) blocked.set(key, cls);
    else if (load) codeLoad.set(key, load);
  }
  return { samples, blocked, codeLoad };
}

function addSwing(into: Map<string, SwingSum>, key: string, excess: number): void {
  const sum = into.get(key) ?? { excess: 0, n: 0 };
  sum.excess += excess;
  sum.n++;
  into.set(key, sum);
}

/** Mean excess over the pairs, for keys seen in at least MIN_HISTORY_PAIRS of them. */
function swingOf<K extends string>(sums: Map<K, SwingSum>): Map<K, number> {
  const out = new Map<K, number>();
  for (const [k, s] of sums) if (s.n >= MIN_HISTORY_PAIRS) out.set(k, Math.max(0, s.excess / s.n));
  return out;
}

/**
 * Variance of the log ratio beyond sampling that code loading is judged with when no history
 * measured it, from the calibration pools (bench/calibrate-pool.mjs: class-validator, ufo,
 * express, quiet and under a noisy neighbour, 40 same-code A/A and A/B pairs each). The
 * class's mean swing there (squared log ratio less Poisson, pooled over its functions) was
 * 0.35 for transform (ts-jest's compiles under the neighbour; 0.004 on a quiet machine) and
 * 0.05 for module loading, but heavy-tailed: one function in a pair moved ×15 (13 → 203 ms).
 * This is the smallest variance at which no code-loading row of the class-validator and
 * ufo pools was beyond z = 3.5 (at 0.35, three were); on express at --interval-us 250 one
 * module body (mime-types' table, one 211 ms sample under the neighbour) stays beyond it.
 * Conservative on purpose: without history a compile's swing is judged as the worst measured.
 */
export const CODE_LOAD_PRIOR: Readonly<Record<CodeLoadClass, number>> = { transform: 0.6, 'module-load': 0.6 };

/** What judged a row's swing beyond sampling, and how large it is (a variance of the log ratio). */
export interface ExtraVariance {
  variance: number;
  source: 'history' | 'prior';
}

/**
 * What is known beyond sampling for one function: its own swing in the history; else for a
 * blocked function its class's (undefined when unmeasured: a wait is not judged on
 * sampling). A code-loading function takes the larger of its own and its class's swing in
 * the history, never less than the class's prior (codeLoadVariance): compile work swings
 * with scheduling, and its functions are too small for their own swing to be read off six runs.
 */
export function historyExtraLogVariance(history: HistoryNoise | undefined, key: string, blocked: BlockedClass | undefined, codeLoad?: CodeLoadClass): ExtraVariance | undefined {
  const own = history?.functionSwing?.get(key);
  if (codeLoad) return codeLoadVariance(codeLoad, Math.max(own ?? 0, history?.codeLoadSwing?.get(codeLoad) ?? 0));
  if (own !== undefined) return { variance: own, source: 'history' };
  const cls = blocked ? history?.blockedSwing?.get(blocked) : undefined;
  return cls === undefined ? undefined : { variance: cls, source: 'history' };
}

/**
 * A code-loading function's variance beyond sampling: what was measured for it (its own or
 * its class's swing in the history, the runs' scatter in `compare`), never below its class's
 * prior. Six runs of a job see five pairs; the class's swing is heavy-tailed (one compile
 * moved x15 in a pair of the calibration pools), so a steady history is no proof that the
 * next pair will be: judged below the prior, A/A pairs with history got code-loading notes
 * the same pairs without history did not (class-validator under a neighbour: 3 of 20 A/B
 * pairs against 1). `source`: which of the two was larger.
 */
export function codeLoadVariance(cls: CodeLoadClass, measured: number): ExtraVariance {
  const prior = CODE_LOAD_PRIOR[cls];
  return measured > prior ? { variance: measured, source: 'history' } : { variance: prior, source: 'prior' };
}

/**
 * `runs`: one profile per commit, newest first. Pairs whose environments differ are left
 * out: they measure a hardware change, not the noise between machines of one kind.
 * Undefined when fewer than MIN_HISTORY_PAIRS pairs remain.
 */
export function noiseFromHistory(runs: readonly Profile[]): HistoryNoise | undefined {
  const estimates: { logFactor: number; logVariance: number; dispersion: number }[] = [];
  const functionSums = new Map<string, SwingSum>();
  const classSums = new Map<BlockedClass, SwingSum>();
  const loadSums = new Map<CodeLoadClass, SwingSum>();
  for (let i = 0; i + 1 < runs.length; i++) {
    const newer = runs[i]!;
    const older = runs[i + 1]!;
    if (environmentWarnings(older.meta, newer.meta).length > 0) continue;
    const common = restrictToCommonTests(older, newer);
    // Measured as the diff will measure: tests on their CPU clocks where they have one.
    const base = onCpuProfile(foldBlockedCallees(common.base));
    const head = onCpuProfile(foldBlockedCallees(common.head));
    const b = selfSamplesByKey(base);
    const h = selfSamplesByKey(head);
    const points = [...b.samples].filter(([k]) => !b.blocked.has(k)).map(([k, n]) => ({ base: n, head: h.samples.get(k) ?? 0 }));
    const e = speedFactor(points, 1);
    if (e.voters < 3) continue;
    estimates.push({ logFactor: Math.log(e.factor), logVariance: e.logVariance, dispersion: e.dispersion });
    for (const key of new Set([...b.samples.keys(), ...h.samples.keys()])) {
      const x = b.samples.get(key) ?? 0;
      const y = h.samples.get(key) ?? 0;
      if (x + y < MIN_SWING_SAMPLES) continue;
      // Squared log ratio around the pair's speed, less what Poisson sampling explains (+0.5: a side may be 0).
      const r = Math.log((y + 0.5) / (x + 0.5)) - Math.log(e.factor);
      const excess = r * r - (1 / (x + 0.5) + 1 / (y + 0.5));
      addSwing(functionSums, key, excess);
      const cls = b.blocked.get(key) ?? h.blocked.get(key);
      if (cls) addSwing(classSums as Map<string, SwingSum>, cls, excess);
      const load = cls ? undefined : (b.codeLoad.get(key) ?? h.codeLoad.get(key));
      if (load) addSwing(loadSums as Map<string, SwingSum>, load, excess);
    }
  }
  if (estimates.length < MIN_HISTORY_PAIRS) return undefined;
  // E[log factor²] = machine variance + estimate variance (the machines have no trend).
  const meanSquare = estimates.reduce((a, e) => a + e.logFactor * e.logFactor, 0) / estimates.length;
  const meanEstimateVariance = estimates.reduce((a, e) => a + e.logVariance, 0) / estimates.length;
  const logSd = Math.max(MIN_SPEED_SD, Math.sqrt(Math.max(0, meanSquare - meanEstimateVariance)));
  const dispersions = estimates.map((e) => e.dispersion).sort((a, b) => a - b);
  const mid = dispersions.length >> 1;
  const dispersion = dispersions.length % 2 ? dispersions[mid]! : (dispersions[mid - 1]! + dispersions[mid]!) / 2;
  return {
    prior: { logSd, source: 'history', pairs: estimates.length },
    dispersion,
    pairs: estimates.length,
    speedRatios: estimates.map((e) => Math.exp(e.logFactor)),
    functionSwing: swingOf(functionSums),
    blockedSwing: swingOf(classSums),
    codeLoadSwing: swingOf(loadSums),
  };
}
