/**
 * How much faster or slower the head's run was overall, estimated robustly: the
 * sample-weighted median, over functions seen on both sides, of head/base self time.
 * A machine that is 10% slower moves every function alike and so moves the median; a
 * code change that slows a few functions does not (each vote is capped at 10% of the
 * weight, so even one function that is most of the run cannot carry the median). (The same
 * idea as median-of-ratios normalisation of sequencing counts.) Comparing each function
 * against this factor keeps machine speed out of the function rows without letting one
 * ballooning function make every other look faster, as a share-of-run test would.
 *
 * Measured on real runs (bench/calibrate.mjs): small functions scatter up to twice as much
 * as Poisson sampling explains (JIT inlining moves samples between caller and callee, GC
 * pauses land on whichever allocation-heavy function is running), so the voters' own
 * scatter, not Poisson alone, sets how uncertain the median is (`dispersion`). Even so, a
 * median over a dozen small functions is uncertain to several percent, as much as the
 * machines really differ when they are of one kind: `applySpeedPrior` weighs the estimate
 * against what is known about the two machines before dividing every function by it.
 */
export interface SpeedPoint {
  base: number;
  head: number;
}

/** Minimum self samples on each side for a function to vote. */
const MIN_VOTE = 10;
/** No function's vote weighs more than this share of all votes: one hot function that
 * changed (the very thing a diff should find) must not become the run's "speed". */
const MAX_VOTE_SHARE = 0.1;
/** Fewer voters than this: their scatter says too little to estimate a dispersion from. */
const MIN_VOTERS_FOR_DISPERSION = 5;
/** median |z| of a standard normal: turns the median absolute residual into a standard deviation. */
const MEDIAN_ABS_NORMAL = 0.6745;

export interface SpeedEstimate {
  /** Head/base speed ratio as the functions see it (1 when too few functions vote). */
  factor: number;
  /**
   * Variance of log(factor): the voters' sampling noise (1/base + 1/head each) times their
   * dispersion, times pi/2 for a median. The function tests carry it, rather than trust
   * a speed read off a few small functions.
   */
  logVariance: number;
  /**
   * How much more the voters scatter around the median than Poisson sampling explains
   * (>= 1): the squared robust scale (median absolute residual) of their standardized log
   * ratios. Robust, so a few functions that really changed do not inflate it.
   */
  dispersion: number;
  voters: number;
}

export function speedFactor(points: readonly SpeedPoint[], fallback: number): SpeedEstimate {
  const votes = points.filter((p) => p.base >= MIN_VOTE && p.head >= MIN_VOTE).map((p) => ({ ratio: p.head / p.base, weight: p.base + p.head, v: 1 / p.base + 1 / p.head }));
  if (votes.length < 3) return { factor: fallback, logVariance: 0, dispersion: 1, voters: votes.length };
  const cap = voteCap(votes.map((v) => v.weight));
  for (const v of votes) v.weight = Math.min(v.weight, cap);
  const total = votes.reduce((a, v) => a + v.weight, 0);
  const poissonLogVariance = votes.reduce((a, v) => a + v.weight * v.weight * v.v, 0) / (total * total);
  votes.sort((a, b) => a.ratio - b.ratio);
  let acc = 0;
  let factor = fallback;
  for (const v of votes) {
    acc += v.weight;
    if (acc >= total / 2) {
      factor = v.ratio;
      break;
    }
  }
  const dispersion = votes.length >= MIN_VOTERS_FOR_DISPERSION ? robustDispersion(
          votes.map((v) => (Math.log(v.ratio) - Math.log(factor)) / Math.sqrt(v.v)),
          votes.map((v) => v.weight),
        )
      : 1;
  return { factor, logVariance: (Math.PI / 2) * dispersion * poissonLogVariance, dispersion, voters: votes.length };
}

/**
 * The weight cap under which no vote is more than MAX_VOTE_SHARE of the capped total (or an
 * equal share, with fewer than 1/MAX_VOTE_SHARE voters). Capping at a share of the uncapped
 * total is not enough: a function that is half the run would still hold a quarter of the
 * votes after it, and drag the median towards its own change.
 */
function voteCap(weights: readonly number[]): number {
  const share = Math.max(MAX_VOTE_SHARE, 1 / weights.length);
  let cap = share * weights.reduce((a, w) => a + w, 0);
  // c = share * sum(min(w, c)) only falls from its start: a few rounds reach the fixed point.
  for (let i = 0; i < 60; i++) {
    const next = share * weights.reduce((a, w) => a + Math.min(w, cap), 0);
    if (Math.abs(next - cap) <= 1e-9 * cap) break;
    cap = next;
  }
  return cap;
}

/**
 * (median |z| / 0.6745)², at least 1: the extra-Poisson variance factor of standardized
 * residuals. Weighted like the speed's median (optional), so the functions that carry the
 * speed estimate also say how far functions scatter: many tiny functions that all changed
 * do not make one large steady function look noisy.
 */
export function robustDispersion(z: readonly number[], weights?: readonly number[]): number {
  if (z.length === 0) return 1;
  const pairs = z.map((x, i) => ({ abs: Math.abs(x), w: weights?.[i] ?? 1 })).sort((a, b) => a.abs - b.abs);
  const total = pairs.reduce((a, p) => a + p.w, 0);
  let acc = 0;
  let median = pairs[pairs.length - 1]!.abs;
  for (let i = 0; i < pairs.length; i++) {
    acc += pairs[i]!.w;
    if (acc > total / 2) {
      median = pairs[i]!.abs;
      break;
    }
    if (acc === total / 2) {
      // exactly half the weight below: the midpoint, as an unweighted median of an even count
      median = (pairs[i]!.abs + pairs[i + 1]!.abs) / 2;
      break;
    }
  }
  return Math.max(1, (median / MEDIAN_ABS_NORMAL) ** 2);
}

/** Where the expectation about the two machines' speed difference comes from. */
export type SpeedPriorSource = 'same-environment' | 'different-environment' | 'unknown-environment' | 'history';

export interface SpeedPrior {
  /** Standard deviation of log(head/base speed) expected before looking at the functions. */
  logSd: number;
  source: SpeedPriorSource;
  /** Pairs of earlier runs it was measured on (source 'history'). */
  pairs?: number;
}

/**
 * Two runs on machines of one kind (same CPU model, cores, OS, Node) differ in speed by a
 * few percent; 3% is the default until the job's own history says otherwise
 * (noise-history.ts). Different or unknown machines: up to a quarter either way.
 */
export const SAME_ENVIRONMENT_SPEED_SD = 0.03;
export const OTHER_ENVIRONMENT_SPEED_SD = 0.25;

export interface AppliedSpeed {
  /** The speed ratio every function is compared against. */
  factor: number;
  /** Its remaining uncertainty (variance of the log), carried into every function test. */
  logVariance: number;
  /** How much of the estimate was believed: 0 = none (same speed assumed), 1 = all. */
  weight: number;
}

/**
 * Normal-normal shrinkage of log(speed) toward 0 (same speed): the estimate is believed in
 * proportion to how precise it is compared with how much the machines could differ. A
 * precise estimate (many voters, a clearly slower machine) is applied almost whole even on
 * same-kind machines; a noisy one is mostly discounted there, instead of dividing a real
 * 20% regression by a speed difference that was only the small functions' scatter.
 */
export function applySpeedPrior(estimate: SpeedEstimate, prior: SpeedPrior): AppliedSpeed {
  const sigma2 = estimate.logVariance;
  const tau2 = prior.logSd * prior.logSd;
  if (sigma2 <= 0) return { factor: estimate.factor, logVariance: 0, weight: 1 };
  const weight = tau2 / (tau2 + sigma2);
  return { factor: Math.exp(weight * Math.log(estimate.factor)), logVariance: weight * sigma2, weight };
}
