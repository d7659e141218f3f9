/**
 * One diff, as written to disk (diff.json) and read back by `ciprof comment`: the
 * function deltas, the baseline's provenance, the changed call paths and the links the
 * comment needs. The renderers and publishers consume only this, so a privileged
 * workflow can publish a report computed elsewhere without touching profiles.
 */
import { readFileSync } from 'node:fs';
import type { ChangedPathNode } from './call-tree-diff.js';
import type { FunctionDelta, ProfileDiff } from './function-diff.js';
import type { TestSection } from './test-significance.js';

export const DIFF_REPORT_SCHEMA = 'ciprof.diff/1';

export interface BaselineProvenance {
  /** Where the base profile came from. */
  source: 'file' | 'store';
  found: boolean;
  /** The commit whose profile was used. */
  commit?: string;
  /** The commit we wanted (merge-base); differs from `commit` after a fallback. */
  wanted?: string;
  /** First-parent commits between `wanted` and `commit`. */
  distance?: number;
  reason: string;
  file?: string;
  store?: string;
}

export interface DiffReport {
  schema: typeof DIFF_REPORT_SCHEMA;
  ciprofVersion: string;
  jobKey: string;
  /** CI provider (decides link layout: GitLab's blob URLs differ). */
  provider?: string;
  repository?: string;
  serverUrl?: string;
  pr?: number;
  head: { commit?: string; profile?: string };
  base: BaselineProvenance;
  /** Absent when no baseline was found. */
  diff?: ProfileDiff;
  changedPaths: ChangedPathNode[];
  links: { report?: string; summary?: string; run?: string; pyroscope?: string };
  /** Per-test changes ("tests that got slower, and why"), when the profiles carry test labels. */
  tests?: TestSection;
}

/** Rows kept in diff.json besides the reported ones: enough for "what else moved". */
const KEPT_NOISE_ROWS = 200;

/** A copy fit for JSON: fewer rows, Infinity (a new function) as null. */
export function serializeDiffReport(report: DiffReport): string {
  const diff = report.diff
    ? { ...report.diff, functions: report.diff.functions.filter((r, i) => r.status === 'regression' || r.status === 'improvement' || i < KEPT_NOISE_ROWS) }
    : undefined;
  return `${JSON.stringify({ ...report, diff }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

export function parseDiffReport(text: string, file = 'diff report'): DiffReport {
  let data: DiffReport;
  try {
    data = JSON.parse(text) as DiffReport;
  } catch (err) {
    throw new Error(`${file}: invalid JSON (${(err as Error).message})`);
  }
  if (!data || data.schema !== DIFF_REPORT_SCHEMA) throw new Error(`${file}: not a ciprof diff report (schema ${DIFF_REPORT_SCHEMA} expected)`);
  const revive = (r: FunctionDelta): void => {
    if (r.selfDeltaPct === null) r.selfDeltaPct = r.base.selfNs > 0 ? 0 : Infinity;
  };
  if (data.diff) {
    data.diff.functions.forEach(revive);
    data.diff.regressions.forEach(revive);
    data.diff.improvements.forEach(revive);
  }
  data.changedPaths ??= [];
  data.links ??= {};
  return data;
}

export function readDiffReport(file: string): DiffReport {
  return parseDiffReport(readFileSync(file, 'utf8'), file);
}


