/**
 * The diff stage of the pipeline, shared by `ciprof diff` and the Action: find the base
 * profile (a file, or the store via baseline resolution), diff, fold the changed call
 * paths, and return one DiffReport that renderers and publishers consume.
 */
import { existsSync, statSync } from 'node:fs';
import { resolveBaseline } from '../baseline/resolve.js';
import type { CommitHistory } from '../baseline/history.js';
import type { CiContext } from '../ci/context.js';
import { changedPaths } from '../diff/call-tree-diff.js';
import { DIFF_REPORT_SCHEMA, type BaselineProvenance, type DiffReport } from '../diff/diff-report.js';
import { diffProfiles, type DiffThresholds } from '../diff/function-diff.js';
import { noiseFromHistory, type HistoryNoise } from '../diff/noise-history.js';
import { diffRuns, scaleProfile } from '../diff/runs.js';
import { mergeProfiles } from '../profile/merge.js';
import { significantTestChanges } from '../diff/test-significance.js';
import type { Profile } from '../profile/model.js';
import { parseProfileBytes, readProfileFile } from '../profile/read.js';
import type { ProfileStore, StoredProfile } from '../store/store.js';
import { VERSION } from '../version.js';

export interface DiffStageOptions {
  headFile: string;
  /** A profile file, a commit or a ref. */
  base: string;
  ci: CiContext;
  store: ProfileStore;
  history: CommitHistory;
  thresholds?: Partial<DiffThresholds>;
  links?: DiffReport['links'];
  maxWalk?: number;
}

export interface DiffStageResult {
  report: DiffReport;
  base?: Profile;
  head: Profile;
}

const isFile = (p: string): boolean => {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Most runs of one commit used as the baseline (newest first). */
const MAX_BASE_RUNS = 5;

async function loadBaseRuns(store: ProfileStore, newest: StoredProfile, jobKey: string, commit: string): Promise<Profile[]> {
  const decode = async (entry: StoredProfile): Promise<Profile> => {
    const parsed = parseProfileBytes(`${store.kind}:${entry.id}`, await store.get(entry));
    if (parsed.kind !== 'pprof') throw new Error(`${store.kind} store returned a non-pprof profile for ${commit}`);
    return parsed.profile;
  };
  const runs = [await decode(newest)];
  if (store.kind !== 'local') return runs; // remote stores hold one (merged) profile per commit
  for (const entry of (await store.find(jobKey, commit)).filter((e) => e.id !== newest.id).slice(0, MAX_BASE_RUNS - 1)) {
    try {
      runs.push(await decode(entry));
    } catch {
      // one unreadable older run does not cost the comparison
    }
  }
  return runs;
}

/** Earlier commits' runs read for the run-to-run noise history, and how far back to look. */
const HISTORY_RUNS = 6;
const HISTORY_WALK = 20;

/**
 * The newest run of each of the base commit and its first-parent ancestors (newest first),
 * for noise-history.ts. Best effort: whatever cannot be found or read is skipped. Pyroscope
 * is left out: it returns a merge over a time window, not one run per commit.
 */
async function loadHistory(store: ProfileStore, history: CommitHistory, jobKey: string, baseCommit: string): Promise<Profile[]> {
  if (store.kind === 'pyroscope') return [];
  const runs: Profile[] = [];
  for (const commit of history.firstParentChain(baseCommit, HISTORY_WALK)) {
    if (runs.length >= HISTORY_RUNS) break;
    try {
      const newest = (await store.find(jobKey, commit))[0];
      if (!newest) continue;
      const parsed = parseProfileBytes(`${store.kind}:${newest.id}`, await store.get(newest));
      if (parsed.kind === 'pprof') runs.push(parsed.profile);
    } catch {
      // one missing or unreadable run only makes the history shorter
    }
  }
  return runs;
}

export async function diffStage(opts: DiffStageOptions): Promise<DiffStageResult> {
  const head = readProfileFile(opts.headFile);
  // The head profile's own metadata knows which commit it measured; the env may be a later checkout.
  const headCommit = head.meta.commit ?? opts.ci.commit;
  let base: Profile | undefined;
  let baseRuns: Profile[] = [];
  let provenance: BaselineProvenance;
  let historyNoise: HistoryNoise | undefined;

  if (isFile(opts.base)) {
    base = readProfileFile(opts.base);
    provenance = { source: 'file', found: true, file: opts.base, commit: base.meta.commit, reason: `profile file ${opts.base} given as the base` };
  } else {
    const found = await resolveBaseline({
      store: opts.store,
      history: opts.history,
      jobKey: opts.ci.jobKey,
      base: opts.base,
      head: headCommit ?? 'HEAD',
      fallbackCommit: opts.ci.baseCommit,
      maxWalk: opts.maxWalk,
    });
    if (found.found) {
      baseRuns = await loadBaseRuns(opts.store, found.stored, opts.ci.jobKey, found.commit);
      base = baseRuns.length > 1 ? scaleProfile(mergeProfiles(baseRuns), 1 / baseRuns.length) : baseRuns[0]!;
      provenance = { source: 'store', found: true, commit: found.commit, wanted: found.wanted, distance: found.distance, reason: found.reason, store: opts.store.kind };
      historyNoise = noiseFromHistory(await loadHistory(opts.store, opts.history, opts.ci.jobKey, found.commit));
    } else {
      provenance = { source: 'store', found: false, wanted: found.wanted, reason: found.reason, store: opts.store.kind };
    }
  }

  // Several stored runs of the base commit: their scatter is measured run-to-run noise.
  // Otherwise the job's earlier runs, when there are enough, say how noisy its machines are.
  const diff = base ? (baseRuns.length > 1 ? diffRuns(baseRuns, [head], opts.thresholds) : diffProfiles(base, head, opts.thresholds, { history: historyNoise })) : undefined;
  const paths = base && diff ? changedPaths(base, head, diff, { minDeltaNs: diff.thresholds.minMs * 1e6 }) : [];
  const report: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: VERSION,
    jobKey: opts.ci.jobKey,
    provider: opts.ci.provider,
    repository: opts.ci.repository,
    serverUrl: opts.ci.serverUrl ?? (opts.ci.provider === 'github' ? 'https://github.com' : undefined),
    pr: opts.ci.pr,
    head: { commit: headCommit, profile: opts.headFile },
    base: provenance,
    diff,
    changedPaths: paths,
    links: { run: opts.ci.runUrl, summary: opts.ci.provider === 'github' ? opts.ci.runUrl : undefined, ...opts.links },
  };
  // Per-test section only when the profiles carry test labels (runner adapters).
  const tests = base && diff ? significantTestChanges(base, head, diff.base, diff.head, diff.thresholds) : undefined;
  if (tests) report.tests = tests;
  return { report, base, head };
}
