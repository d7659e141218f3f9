/**
 * The one place compare turns N base runs and N head runs into a ProfileDiff.
 *
 * The multi-run noise model (`diffRuns` in src/diff/, per-run per-function times and
 * confidence intervals) is being written alongside this; until it lands, the runs of each
 * side are merged and compared with the sampling-only test. Switching is this one call.
 */
import { diffProfiles, type DiffThresholds, type ProfileDiff } from '../diff/function-diff.js';
import { mergeProfiles } from '../profile/merge.js';
import type { Profile } from '../profile/model.js';

/** Which statistics produced the diff, recorded in diff.json so a reader knows. */
export const RUNS_DIFF_METHOD = 'merged-runs/conditional-binomial';

export function diffRunSets(baseRuns: readonly Profile[], headRuns: readonly Profile[], thresholds: Partial<DiffThresholds>): ProfileDiff {
  return diffProfiles(mergeProfiles(baseRuns), mergeProfiles(headRuns), thresholds);
}
