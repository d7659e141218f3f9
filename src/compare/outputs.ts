/**
 * What a compare leaves in its output directory, from the per-run profiles: merged
 * base/head profiles, diff.json and comment.md exactly as `ciprof diff` writes them, and
 * the HTML report. The report is assembled the way the diff stage assembles it (changed
 * call paths, per-test section); only the statistics differ (several runs per side).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CiContext } from '../ci/context.js';
import { changedPaths } from '../diff/call-tree-diff.js';
import { DIFF_REPORT_SCHEMA, serializeDiffReport, type DiffReport } from '../diff/diff-report.js';
import type { DiffThresholds } from '../diff/function-diff.js';
import { significantTestChanges } from '../diff/test-significance.js';
import { encodePprofGzip } from '../profile/gzip.js';
import { mergeProfiles } from '../profile/merge.js';
import type { Profile } from '../profile/model.js';
import { renderComment } from '../render/markdown.js';
import { writeReport } from '../render/report.js';
import { VERSION } from '../version.js';
import { diffRunSets, meanProfile } from './diff-runs.js';

export interface CompareOutputInput {
  outDir: string;
  baseRuns: Profile[];
  headRuns: Profile[];
  thresholds: Partial<DiffThresholds>;
  ci: CiContext;
  baseCommit?: string;
  headCommit?: string;
  /** One sentence: how the base commit was chosen and how it was run. */
  reason: string;
  warn: (line: string) => void;
}

export interface CompareOutputs {
  report: DiffReport;
  files: { base: string; head: string; diff: string; comment: string; report?: string };
}

export function writeCompareOutputs(input: CompareOutputInput): CompareOutputs {
  // base.pb.gz/head.pb.gz are the plain merges (sums, like `ciprof merge`); the views below
  // use per-run means because diffRuns reports per-run means.
  const base = meanProfile(input.baseRuns);
  const head = meanProfile(input.headRuns);
  const files = {
    base: path.join(input.outDir, 'base.pb.gz'),
    head: path.join(input.outDir, 'head.pb.gz'),
    diff: path.join(input.outDir, 'diff.json'),
    comment: path.join(input.outDir, 'comment.md'),
    report: path.join(input.outDir, 'report.html') as string | undefined,
  };
  mkdirSync(input.outDir, { recursive: true });
  writeFileSync(files.base, encodePprofGzip(mergeProfiles(input.baseRuns)));
  writeFileSync(files.head, encodePprofGzip(mergeProfiles(input.headRuns)));

  const diff = diffRunSets(input.baseRuns, input.headRuns, input.thresholds);
  const report: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: VERSION,
    jobKey: input.ci.jobKey,
    provider: input.ci.provider,
    repository: input.ci.repository,
    serverUrl: input.ci.serverUrl ?? (input.ci.provider === 'github' ? 'https://github.com' : undefined),
    pr: input.ci.pr,
    head: { commit: input.headCommit, profile: files.head },
    // 'file' is the honest provenance: the base profile is the file this job just wrote.
    base: { source: 'file', found: true, file: path.relative(process.cwd(), files.base) || files.base, commit: input.baseCommit, reason: input.reason },
    diff,
    changedPaths: changedPaths(base, head, diff, { minDeltaNs: diff.thresholds.minMs * 1e6 }),
    links: { run: input.ci.runUrl, summary: input.ci.provider === 'github' ? input.ci.runUrl : undefined },
  };
  const tests = significantTestChanges(base, head, diff.base, diff.head, diff.thresholds);
  if (tests) report.tests = tests;

  writeFileSync(files.diff, serializeDiffReport(report));
  writeFileSync(files.comment, renderComment(report));
  try {
    writeReport(head, base, { output: files.report!, diff, title: `ciprof compare · ${input.baseCommit?.slice(0, 8) ?? 'base'} → ${input.headCommit?.slice(0, 8) ?? 'head'}` });
  } catch (err) {
    // The comment and diff.json are the result; the HTML view is a bonus that must not sink it.
    input.warn(`HTML report not written: ${(err as Error).message}`);
    files.report = undefined;
  }
  return { report, files };
}
