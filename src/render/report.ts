/**
 * The HTML report: one self-contained file (no network, works from file://) with the
 * flame graph, diff colouring, sandwich view and tables. Front doors (`ciprof report`,
 * `ciprof run`, the Action) call writeReport or renderReport; the data comes from the
 * core model and the verdicts from the diff the caller computed (the comment's), never
 * from re-reading pprof or judging anything here.
 */
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AllocDiff } from '../diff/alloc-diff.js';
import type { ProfileDiff } from '../diff/function-diff.js';
import { makeDirs } from '../util/make-dirs.js';
import type { Profile } from '../profile/model.js';
import type { TestWall } from '../profile/tests.js';
import { buildReportData } from './report-data.js';
import { fillTemplate, jsonForScript } from './report-html.js';
import { reportTemplate, reportUiScript } from './ui-bundle.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface ReportOptions {
  /** Output file; writeReport creates its directory. */
  output: string;
  title?: string;
  /** The diff of base and head (the PR comment's), so the report shows the same verdicts; none: no colours. */
  diff?: ProfileDiff;
  /** The allocation diff (both sides ran `--alloc`), for the Allocations view's colours. */
  allocDiff?: AllocDiff;
  /** The head's recorded tests, when known already (`ciprof run`): saves reading them back from its metadata. */
  headWalls?: ReadonlyMap<string, TestWall>;
}

export interface ReportResult {
  path: string;
  bytes: number;
  /** Sizes, to keep the report's weight visible (bench, tests). */
  scriptBytes: number;
  dataBytes: number;
  nodes: number;
  functions: number;
}

export function renderReport(head: Profile, base?: Profile, options: Omit<ReportOptions, 'output'> = {}): { html: string } & Omit<ReportResult, 'path' | 'bytes'> {
  const diffs = base ? { cpu: options.diff, alloc: options.allocDiff } : {};
  const data = buildReportData(head, base, diffs, options.title ?? defaultTitle(head), options.headWalls);
  // Always gzipped: the page inflates it with DecompressionStream, which needs no network.
  // Level 6: as small as 9 on real reports (28.3 vs 28.8 kB for 1,500 tests) and 4x faster.
  const blob = gzipSync(data.blob, { level: 6 }).toString('base64');
  const dataJson = jsonForScript({ meta: data.meta, blob });
  const script = reportUiScript();
  const html = fillTemplate(reportTemplate(), { title: data.meta.title, dataJson, script });
  return { html, scriptBytes: Buffer.byteLength(script), dataBytes: Buffer.byteLength(dataJson), nodes: data.stats.nodes, functions: data.stats.functions };
}

export function writeReport(head: Profile, base: Profile | undefined, options: ReportOptions): ReportResult {
  const { html, ...rest } = renderReport(head, base, options);
  makeDirs(path.dirname(path.resolve(options.output)));
  // An output of the run, like profile.pb.gz: atomic, not fsynced (util/atomic-write.ts).
  writeFileAtomic(options.output, html, { durable: false });
  return { path: options.output, bytes: Buffer.byteLength(html), ...rest };
}

function defaultTitle(head: Profile): string {
  const parts = ['ciprof'];
  if (head.meta.job_key) parts.push(head.meta.job_key);
  if (head.meta.commit) parts.push(head.meta.commit.slice(0, 8));
  return parts.join(' · ');
}
