/**
 * The shape of one diff as diff.json holds it (diff-report.ts writes and reads it,
 * report-schema.ts checks a file against it). Types only, so both can use them.
 */
import type { ChangedPathNode } from './call-tree-diff.js';
import type { ProfileDiff } from './function-diff.js';
import type { TestSection } from './test-significance.js';
import type { Decision } from './decision.js';
import type { AllocDiff } from './alloc-diff.js';

/** The `schema` field of every diff.json ciprof writes. */
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
  /** The CI run whose profile was used (GitHub Actions run id), linked from the comment. */
  runId?: number;
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
  /** The one decision the headline, notes and tables are read from (decision.ts). */
  decision?: Decision;
  /** Allocations per function and per test, when both profiles have them (`ciprof run --alloc`). */
  alloc?: AllocDiff;
}
