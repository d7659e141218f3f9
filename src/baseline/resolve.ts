/**
 * Which profile is "before": the profile of the merge-base commit for the same job key,
 * or, when that commit has none (CI skipped it, artifact expired), the nearest
 * first-parent ancestor that has one. Pure over a ProfileStore and a CommitHistory, so
 * the local store, GitHub artifacts and Pyroscope all resolve the same way.
 *
 * The result always says which commit was used, how far back it is and why, because a
 * reviewer must be able to judge a comparison against a commit 30 commits old.
 */
import type { ProfileStore, StoredProfile } from '../store/store.js';
import type { CommitHistory } from './history.js';

/** How far back along first-parent history we look before giving up. */
export const DEFAULT_MAX_WALK = 50;

export interface BaselineRequest {
  store: ProfileStore;
  history: CommitHistory;
  jobKey: string;
  /** A commit id or a ref; a ref is compared through its merge-base with `head`. */
  base: string;
  /** The head commit or ref (default HEAD). */
  head?: string;
  /** Used as the starting commit when git cannot resolve `base` (shallow CI checkouts). */
  fallbackCommit?: string;
  maxWalk?: number;
}

export interface BaselineFound {
  found: true;
  /** The commit whose profile is used. */
  commit: string;
  /** The commit we wanted (merge-base or the given commit). */
  wanted: string;
  /** First-parent steps from `wanted` back to `commit` (0: exact). */
  distance: number;
  /** One sentence: how `wanted` was chosen and why `commit` was used. */
  reason: string;
  stored: StoredProfile;
  /** How many stored profiles that commit has (the newest is used). */
  candidates: number;
}

export interface BaselineMissing {
  found: false;
  wanted?: string;
  searched: number;
  reason: string;
}

export type BaselineResult = BaselineFound | BaselineMissing;

const FULL_COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
const short = (c: string): string => c.slice(0, 12);

/** Turns `base` into the commit we want: a commit stays itself, a ref becomes its merge-base with head. */
export function wantedCommit(req: Pick<BaselineRequest, 'history' | 'base' | 'head' | 'fallbackCommit'>): { commit?: string; how: string } {
  const head = req.head ?? 'HEAD';
  const resolved = req.history.resolve(req.base);
  const looksLikeCommit = /^[0-9a-f]{7,64}$/i.test(req.base);
  if (resolved && looksLikeCommit && resolved.toLowerCase().startsWith(req.base.toLowerCase())) {
    return { commit: resolved, how: `commit ${short(resolved)} given as the base` };
  }
  if (resolved) {
    const mb = req.history.mergeBase(resolved, head);
    if (mb) return { commit: mb, how: `merge-base of ${req.base} and ${head === 'HEAD' ? 'HEAD' : short(head)} is ${short(mb)}` };
  }
  if (FULL_COMMIT.test(req.base)) {
    // Not in the local history (shallow clone), but a full id can still be looked up in the store.
    return { commit: req.base.toLowerCase(), how: `commit ${short(req.base)} given as the base (not in local git history)` };
  }
  if (req.fallbackCommit) {
    return {
      commit: req.fallbackCommit,
      how: `${req.base} could not be resolved in local git history (shallow checkout? use fetch-depth: 0); using the PR's base commit ${short(req.fallbackCommit)}`,
    };
  }
  return { how: `${req.base} is neither a known commit nor a ref in this checkout` };
}

export async function resolveBaseline(req: BaselineRequest): Promise<BaselineResult> {
  const maxWalk = req.maxWalk ?? DEFAULT_MAX_WALK;
  const wanted = wantedCommit(req);
  if (!wanted.commit) return { found: false, searched: 0, reason: wanted.how };

  const chain = req.history.firstParentChain(wanted.commit, maxWalk);
  // Without history we can still try the wanted commit itself.
  if (chain.length === 0) chain.push(wanted.commit);
  for (let distance = 0; distance < chain.length; distance++) {
    const commit = chain[distance]!;
    const stored = await req.store.find(req.jobKey, commit);
    if (stored.length === 0) continue;
    const why =
      distance === 0
        ? `${wanted.how}; it has a stored profile for job ${req.jobKey}`
        : `${wanted.how}, which has no stored profile for job ${req.jobKey}; the nearest first-parent ancestor with one is ${short(commit)}, ${distance} commit${distance === 1 ? '' : 's'} back`;
    return { found: true, commit, wanted: wanted.commit, distance, reason: why, stored: stored[0]!, candidates: stored.length };
  }
  return {
    found: false,
    wanted: wanted.commit,
    searched: chain.length,
    reason: `${wanted.how}; none of it and its ${chain.length - 1} nearest first-parent ancestors has a stored profile for job ${req.jobKey} in the ${req.store.name} store`,
  };
}
