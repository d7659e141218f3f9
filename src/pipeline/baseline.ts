/**
 * Stage 3: the "before" of a diff. A profile file given as the base, or the store's
 * profile of the merge-base commit for the same job key (nearest first-parent ancestor
 * with one, baseline/resolve.ts), with every stored run of that commit when the store
 * keeps them apart, and the job's earlier runs for the noise history when it keeps runs
 * by commit. What a store can do is asked of its capabilities, never of its name.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LocalGitHistory, type CommitHistory } from '../baseline/history.js';
import { resolveBaseline } from '../baseline/resolve.js';
import type { BaselineProvenance } from '../diff/diff-report.js';
import { noiseFromHistory, type HistoryNoise } from '../diff/noise-history.js';
import type { Profile } from '../profile/model.js';
import { parseProfileBytes, readProfileFile } from '../profile/read.js';
import type { ProfileStore, StoredProfile } from '../store/store.js';
import type { Settings } from './settings.js';

export interface Baseline {
  provenance: BaselineProvenance;
  /** The base commit's runs, newest first; empty when none was found. */
  runs: Profile[];
  /** Run-to-run noise measured on the job's earlier runs, when there were enough. */
  history?: HistoryNoise;
}

/** Most runs of one commit used as the baseline (newest first). */
const MAX_BASE_RUNS = 5;
/** Earlier commits' runs read for the run-to-run noise history, and how far back to look. */
const HISTORY_RUNS = 6;
const HISTORY_WALK = 20;

const isFile = (p: string): boolean => {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
};

/** `s.base` must be set (the door says what to do without one). `headCommit`: the commit the head profile measured. */
export async function findBaseline(s: Settings, headCommit: string | undefined, store: ProfileStore, history: CommitHistory = new LocalGitHistory(s.cwd)): Promise<Baseline> {
  const base = s.base!;
  if (isFile(path.resolve(s.cwd, base))) {
    const profile = readProfileFile(path.resolve(s.cwd, base));
    return { runs: [profile], provenance: { source: 'file', found: true, file: base, commit: profile.meta.commit, reason: `profile file ${base} given as the base` } };
  }
  const found = await resolveBaseline({ store, history, jobKey: s.ci.jobKey, base, head: headCommit ?? 'HEAD', fallbackCommit: s.ci.baseCommit, maxWalk: s.maxWalk });
  if (!found.found) return { runs: [], provenance: { source: 'store', found: false, wanted: found.wanted, reason: found.reason, store: store.name } };
  const runs = await loadBaseRuns(store, found.stored, s.ci.jobKey, found.commit);
  const provenance: BaselineProvenance = { source: 'store', found: true, commit: found.commit, wanted: found.wanted, distance: found.distance, reason: found.reason, store: store.name };
  // The CI run that stored it (GitHub artifacts), linked from the comment.
  if (found.stored.runId !== undefined) provenance.runId = found.stored.runId;
  // Several runs of the base commit measure run-to-run noise themselves; the history is for one run.
  if (runs.length > 1) return { runs, provenance };
  return { runs, provenance, history: noiseFromHistory(await loadHistory(store, history, s.ci.jobKey, found.commit)) };
}

async function decode(store: ProfileStore, entry: StoredProfile): Promise<Profile> {
  const parsed = parseProfileBytes(`${store.name}:${entry.id}`, await store.get(entry));
  if (parsed.kind !== 'pprof') throw new Error(`${store.name} store returned a non-pprof profile for ${entry.commit}`);
  return parsed.profile;
}

async function loadBaseRuns(store: ProfileStore, newest: StoredProfile, jobKey: string, commit: string): Promise<Profile[]> {
  const runs = [await decode(store, newest)];
  if (!store.capabilities.separateRuns) return runs;
  for (const entry of (await store.find(jobKey, commit)).filter((e) => e.id !== newest.id).slice(0, MAX_BASE_RUNS - 1)) {
    try {
      runs.push(await decode(store, entry));
    } catch {
      // one unreadable older run does not cost the comparison
    }
  }
  return runs;
}

/**
 * The newest run of each of the base commit and its first-parent ancestors (newest first),
 * for noise-history.ts. Best effort: whatever cannot be found or read is skipped.
 */
async function loadHistory(store: ProfileStore, history: CommitHistory, jobKey: string, baseCommit: string): Promise<Profile[]> {
  if (!store.capabilities.runsByCommit) return [];
  const runs: Profile[] = [];
  for (const commit of history.firstParentChain(baseCommit, HISTORY_WALK)) {
    if (runs.length >= HISTORY_RUNS) break;
    try {
      const newest = (await store.find(jobKey, commit))[0];
      if (newest) runs.push(await decode(store, newest));
    } catch {
      // one missing or unreadable run only makes the history shorter
    }
  }
  return runs;
}
