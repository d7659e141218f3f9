/**
 * The noise model beyond sampling. V8's sampling noise is Poisson and the exact test in
 * function-diff.ts handles it; real runs are noisier (JIT tiering, GC timing, the
 * machine's neighbours). Two sources of independent replication measure that noise:
 *
 * - test files: within one run, each test file is a unit whose per-function time varies
 *   independently; a paired bootstrap over the files present on both sides gives a
 *   confidence interval for a function's change that includes run-to-run noise.
 * - repeated runs (`ciprof compare`): per-run times of each function, compared with a
 *   pooled t-test whose variance is never below the Poisson floor.
 *
 * Intervals are for the relative change of self time, in % of the base.
 */
import { quantileSorted, seededRandom } from './stats.js';

export type IntervalMethod = 'sampling' | 'test-files' | 'runs';

export interface ChangeInterval {
  method: IntervalMethod;
  level: number;
  lowPct: number;
  highPct: number;
  /** Two-sided p-value of "no change" under this method. */
  pValue: number;
  units?: number;
}

/** Test files on both sides (the unit of the paired bootstrap); the outside-tests unit counts when both have it. */
export function commonUnits(base: Map<string, Map<string, number>>, head: Map<string, Map<string, number>>): string[] {
  return [...base.keys()].filter((k) => head.has(k)).sort();
}

const BOOTSTRAP_ROUNDS = 2000;

/**
 * Paired bootstrap over test files of a function's speed-adjusted change:
 * sum(head) / sum(base) / speed - 1. Deterministic: seeded by the function key.
 */
export function bootstrapOverFiles(
  fnKey: string,
  units: readonly string[],
  base: Map<string, Map<string, number>>,
  head: Map<string, Map<string, number>>,
  speed: number,
  level = 0.95,
): ChangeInterval | undefined {
  const n = units.length;
  const b = new Float64Array(n);
  const h = new Float64Array(n);
  units.forEach((u, i) => {
    b[i] = base.get(u)?.get(fnKey) ?? 0;
    h[i] = head.get(u)?.get(fnKey) ?? 0;
  });
  let seed = 2166136261;
  for (let i = 0; i < fnKey.length; i++) seed = Math.imul(seed ^ fnKey.charCodeAt(i), 16777619);
  const rand = seededRandom(seed);
  const ratios = new Float64Array(BOOTSTRAP_ROUNDS);
  let atOrBelowZero = 0;
  let atOrAboveZero = 0;
  let valid = 0;
  for (let r = 0; r < BOOTSTRAP_ROUNDS; r++) {
    let sb = 0;
    let sh = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      sb += b[j]!;
      sh += h[j]!;
    }
    if (sb <= 0) continue;
    const pct = (sh / sb / speed - 1) * 100;
    ratios[valid++] = pct;
    if (pct <= 0) atOrBelowZero++;
    if (pct >= 0) atOrAboveZero++;
  }
  if (valid < BOOTSTRAP_ROUNDS / 2) return undefined; // the function is absent from most resamples of the base
  const sorted = ratios.subarray(0, valid).sort();
  const tail = (1 - level) / 2;
  return {
    method: 'test-files',
    level,
    lowPct: quantileSorted(sorted, tail),
    highPct: quantileSorted(sorted, 1 - tail),
    pValue: Math.min(1, (2 * Math.min(atOrBelowZero, atOrAboveZero)) / valid),
    units: n,
  };
}

/**
 * Interval of a function's speed-adjusted change (Poisson counts scaled by the measured
 * dispersion, plus the speed's uncertainty; log-ratio normal approximation), for display.
 */
export function samplingInterval(baseSamples: number, headSamples: number, speed: number, speedLogVariance: number, dispersion: number, z: number, level: number): ChangeInterval | undefined {
  if (baseSamples <= 0 || headSamples <= 0 || speed <= 0) return undefined;
  const logRatio = Math.log(headSamples / baseSamples / speed);
  const se = Math.sqrt(dispersion * (1 / baseSamples + 1 / headSamples) + speedLogVariance);
  return { method: 'sampling', level, lowPct: (Math.exp(logRatio - z * se) - 1) * 100, highPct: (Math.exp(logRatio + z * se) - 1) * 100, pValue: NaN };
}
