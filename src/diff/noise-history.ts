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
 * The speed estimate is robust to the few functions a commit really changed, so code
 * changes between the historical commits do not count as noise.
 */
import { functionTable } from '../profile/aggregate.js';
import { functionKey, type Profile } from '../profile/model.js';
import { isPseudo } from './self-time.js';
import { restrictToCommonTests } from './common-tests.js';
import { environmentWarnings } from './environment.js';
import { speedFactor, type SpeedPrior } from './speed.js';

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
}

function selfSamplesByKey(profile: Profile): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of functionTable(profile).stats) if (!isPseudo(s.frame)) out.set(functionKey(s.frame), s.selfSamples);
  return out;
}

/**
 * `runs`: one profile per commit, newest first. Pairs whose environments differ are left
 * out: they measure a hardware change, not the noise between machines of one kind.
 * Undefined when fewer than MIN_HISTORY_PAIRS pairs remain.
 */
export function noiseFromHistory(runs: readonly Profile[]): HistoryNoise | undefined {
  const estimates: { logFactor: number; logVariance: number; dispersion: number }[] = [];
  for (let i = 0; i + 1 < runs.length; i++) {
    const newer = runs[i]!;
    const older = runs[i + 1]!;
    if (environmentWarnings(older.meta, newer.meta).length > 0) continue;
    const { base, head } = restrictToCommonTests(older, newer);
    const b = selfSamplesByKey(base);
    const h = selfSamplesByKey(head);
    const points = [...b].map(([k, n]) => ({ base: n, head: h.get(k) ?? 0 }));
    const e = speedFactor(points, 1);
    if (e.voters < 3) continue;
    estimates.push({ logFactor: Math.log(e.factor), logVariance: e.logVariance, dispersion: e.dispersion });
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
  };
}
