/**
 * How much faster or slower the head's run was overall, estimated robustly: the
 * sample-weighted median, over functions seen on both sides, of head/base self time.
 * A machine that is 10% slower moves every function alike and so moves the median; a
 * code change that slows a few functions does not (each vote is capped at 10% of the
 * weight, so even one function that is most of the run cannot carry the median). (The same
 * idea as median-of-ratios normalisation of sequencing counts.) Comparing each function
 * against this factor keeps machine speed out of the function rows without letting one
 * ballooning function make every other look faster, as a share-of-run test would.
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

export interface SpeedEstimate {
  factor: number;
  /**
   * Variance of log(factor) from the voters' own sampling noise (Poisson: 1/base + 1/head
   * each), times pi/2 for a median: a speed read off a few small functions is uncertain,
   * and the function tests must carry that uncertainty rather than trust the estimate.
   */
  logVariance: number;
}

export function speedFactor(points: readonly SpeedPoint[], fallback: number): SpeedEstimate {
  const votes = points.filter((p) => p.base >= MIN_VOTE && p.head >= MIN_VOTE).map((p) => ({ ratio: p.head / p.base, weight: p.base + p.head, v: 1 / p.base + 1 / p.head }));
  if (votes.length < 3) return { factor: fallback, logVariance: 0 };
  const cap = votes.reduce((a, v) => a + v.weight, 0) * MAX_VOTE_SHARE;
  for (const v of votes) v.weight = Math.min(v.weight, cap);
  const total = votes.reduce((a, v) => a + v.weight, 0);
  const logVariance = (Math.PI / 2) * votes.reduce((a, v) => a + v.weight * v.weight * v.v, 0) / (total * total);
  votes.sort((a, b) => a.ratio - b.ratio);
  let acc = 0;
  for (const v of votes) {
    acc += v.weight;
    if (acc >= total / 2) return { factor: v.ratio, logVariance };
  }
  return { factor: fallback, logVariance };
}
