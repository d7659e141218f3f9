/**
 * Stage 4: base vs head, as the one DiffReport that outputs and publishers consume. The
 * only place a DiffReport is built, for `ciprof diff`, the Action and `ciprof compare`:
 * one run a side is tested with the sampling model (plus the job's history), several
 * runs a side with the runs model; the changed call paths and the per-test section are
 * drawn from the same (per-run mean) profiles as the table. Launcher processes (npm,
 * npx, pnpm, yarn: process_role=launcher) are left out of every view unless asked for:
 * they only start the runner, and `npm test` on one side reads as a regression.
 */
import type { CiContext } from '../ci/context.js';
import { changedPaths } from '../diff/call-tree-diff.js';
import { DIFF_REPORT_SCHEMA, type BaselineProvenance, type DiffReport } from '../diff/diff-report.js';
import { diffProfiles, type DiffThresholds, type ProfileDiff } from '../diff/function-diff.js';
import type { HistoryNoise } from '../diff/noise-history.js';
import { diffRuns, meanProfile } from '../diff/runs.js';
import { decide } from '../diff/decision.js';
import { diffAllocations } from '../diff/alloc-diff.js';
import { alignMovedFunctions } from '../diff/moved-functions.js';
import type { Profile } from '../profile/model.js';
import { withoutLaunchers } from '../profile/roles.js';
import { readProfileFile } from '../profile/read.js';
import type { ProfileStore } from '../store/store.js';
import { VERSION } from '../version.js';
import { findBaseline } from './baseline.js';
import type { Settings } from './settings.js';

export interface DiffInput {
  ci: CiContext;
  /** The base's runs; empty when no baseline was found. */
  baseRuns: readonly Profile[];
  headRuns: readonly Profile[];
  provenance: BaselineProvenance;
  head: { commit?: string; profile?: string };
  thresholds: Partial<DiffThresholds>;
  history?: HistoryNoise;
  /** Repeated runs by design (`compare`): the runs model and per-run means even for one run a side. */
  repeated?: boolean;
  /** Keep launcher processes in the rows, verdicts and views (default: left out). */
  includeLaunchers?: boolean;
}

export interface DiffResult {
  report: DiffReport;
  /** The profiles the views are drawn from (per-run means when there were several runs). */
  base?: Profile;
  head: Profile;
}

export function buildDiffReport(input: DiffInput): DiffResult {
  const compared = (runs: readonly Profile[]): readonly Profile[] => (input.includeLaunchers ? runs : runs.map(withoutLaunchers));
  const headRuns = compared(input.headRuns);
  // A function an edit moved is one row, named where the head has it (moved-functions.ts).
  const baseRuns = alignMovedFunctions(compared(input.baseRuns), headRuns);
  const several = input.repeated || baseRuns.length > 1 || headRuns.length > 1;
  const side = (runs: readonly Profile[]): Profile => (runs.length > 1 || input.repeated ? meanProfile(runs) : runs[0]!);
  const head = side(headRuns);
  const base = baseRuns.length ? side(baseRuns) : undefined;
  let diff: ProfileDiff | undefined;
  if (base) diff = several ? diffRuns(baseRuns, headRuns, input.thresholds) : diffProfiles(base, head, input.thresholds, { history: input.history });
  const decided = base && diff ? decide(base, head, diff, several ? { base: baseRuns, head: headRuns } : undefined) : undefined;
  const ci = input.ci;
  const report: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: VERSION,
    jobKey: ci.jobKey,
    provider: ci.provider,
    repository: ci.repository,
    serverUrl: ci.serverUrl ?? (ci.provider === 'github' ? 'https://github.com' : undefined),
    pr: ci.pr,
    head: input.head,
    base: input.provenance,
    diff,
    changedPaths: base && diff ? changedPaths(base, head, diff, { minDeltaNs: diff.thresholds.minMs * 1e6 }) : [],
    links: { run: ci.runUrl, summary: ci.provider === 'github' ? ci.runUrl : undefined },
  };
  // The one decision: rows reconciled with the CPU clock, the per-test section (only when the
  // profiles carry test labels), the headline and its notes.
  if (decided?.tests) report.tests = decided.tests;
  if (decided) report.decision = decided.decision;
  const alloc = base && diffAllocations(base, head);
  if (alloc) report.alloc = alloc;
  return { report, base, head };
}

/** The head of a diff: the profile, and the file it is (or was written) in. */
export interface DiffHead {
  profile: Profile;
  file: string;
}

/** The head profile from its file (a diff in a later step or job than the run). */
export function readHead(file: string): DiffHead {
  return { profile: readProfileFile(file), file };
}

/** `s.base` against the head: the baseline stage, then the one DiffReport builder. */
export async function diffWithBaseline(s: Settings, head: DiffHead, store: ProfileStore): Promise<DiffResult> {
  // The head profile's own metadata knows which commit it measured; the env may be a later checkout.
  const commit = head.profile.meta.commit ?? s.ci.commit;
  const baseline = await findBaseline(s, commit, store);
  return buildDiffReport({ ci: s.ci, baseRuns: baseline.runs, headRuns: [head.profile], provenance: baseline.provenance, head: { commit, profile: head.file }, thresholds: s.thresholds, history: baseline.history, includeLaunchers: s.includeLaunchers });
}

/** `ciprof report --base`: the verdicts the HTML report colours, computed here, not by the renderer (launchers get none). */
export function diffForReport(base: Profile, head: Profile, thresholds?: Partial<DiffThresholds>): ProfileDiff {
  const comparedHead = withoutLaunchers(head);
  return diffProfiles(alignMovedFunctions([withoutLaunchers(base)], [comparedHead])[0]!, comparedHead, thresholds);
}
