/**
 * The one place compare turns N base runs and N head runs into a ProfileDiff, and the
 * per-run-mean profiles its views (call paths, per-test section, HTML report) are drawn
 * from, so every number a reader sees is on the same per-run scale as the table.
 */
import { diffRuns, scaleProfile } from '../diff/runs.js';
import type { DiffThresholds, ProfileDiff } from '../diff/function-diff.js';
import { mergeProfiles } from '../profile/merge.js';
import type { Profile } from '../profile/model.js';

/** Which statistics produced the diff, recorded in compare.json so a reader knows. */
export const RUNS_DIFF_METHOD = 'diffRuns: per-run per-function self time, pooled t-test with a Poisson floor, Benjamini-Hochberg';

export function diffRunSets(baseRuns: readonly Profile[], headRuns: readonly Profile[], thresholds: Partial<DiffThresholds>): ProfileDiff {
  return diffRuns(baseRuns, headRuns, thresholds);
}

/** The runs of one side merged and divided by their count: "one typical run". */
export function meanProfile(runs: readonly Profile[]): Profile {
  const mean = scaleProfile(mergeProfiles(runs), 1 / Math.max(1, runs.length));
  mean.meta = { ...runs[0]?.meta, runs: String(runs.length) };
  return mean;
}
