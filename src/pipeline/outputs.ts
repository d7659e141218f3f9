/**
 * Stage 5: the files a run or a diff leaves behind, each written once, from data that is
 * complete before anything is rendered:
 *   run:     profile.pb.gz, report.html, profile.json
 *   diff:    report.html, then the links (the report's artifact, Pyroscope), then
 *            diff.json and comment.md rendered once; publish posts that same markdown.
 *   compare: base.pb.gz and head.pb.gz besides the diff's files.
 * A file that cannot be written is a warning: the exit code is the tests'. Every file is
 * written atomically (util/atomic-write.ts): a full disk leaves the previous one, never half.
 */
import * as path from 'node:path';
import { serializeDiffReport, type DiffReport } from '../diff/diff-report.js';
import type { RunSummary } from '../collect/summary.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { makeDirs } from '../util/make-dirs.js';
import { encodePprofGzip } from '../profile/gzip.js';
import { mergeProfiles } from '../profile/merge.js';
import type { Profile } from '../profile/model.js';
import type { ProfileDiff } from '../diff/function-diff.js';
import type { AllocDiff } from '../diff/alloc-diff.js';
import type { ReportResult } from '../render/report.js';
import { pyroscopeDiffUrl } from '../pyroscope/ui.js';
import { renderComment } from '../render/markdown.js';
import type { Collected } from './collect.js';
import type { ReportThread } from './report-thread.js';
import type { DiffResult } from './diff.js';
import type { Log, Settings } from './settings.js';
import { freeArtifactName, type StoredRun } from './store.js';
import { sanitizeJobKey } from '../ci/context.js';

export { prepareOutDir } from './out-dir.js';

/** What a run leaves in --out: atomic for every reader, not fsynced (util/atomic-write.ts says why). */
const RUN_OUTPUT = { durable: false } as const;

export interface RunFiles {
  profile: string;
  report?: string;
  summary: string;
}

/** profile.pb.gz, report.html (unless `report` is false) and profile.json; fills the summary's file fields. */
export async function writeRunOutputs(s: Settings, c: Collected, opts: { report: boolean; stored?: StoredRun; reportThread?: ReportThread }, log: Log): Promise<RunFiles | undefined> {
  if (!c.profile || !c.pprofGzip || !c.summary) return undefined;
  try {
    makeDirs(s.outDir);
    const files: RunFiles = { profile: path.join(s.outDir, 'profile.pb.gz'), summary: path.join(s.outDir, 'profile.json') };
    writeFileAtomic(files.profile, c.pprofGzip, RUN_OUTPUT);
    if (opts.report) files.report = await writeRunReport(s, c, log, opts.reportThread);
    c.summary = withFiles(c.summary, files, opts.stored);
    writeFileAtomic(files.summary, `${JSON.stringify({ ...c.summary, threadsDetail: c.threads, lost: c.lost }, null, 2)}\n`, RUN_OUTPUT);
    return files;
  } catch (err) {
    log.warn(`profile not written: ${(err as Error).message}`);
    return undefined;
  }
}

async function writeRunReport(s: Settings, c: Collected, log: Log, thread: ReportThread | undefined): Promise<string | undefined> {
  // Rendered on the worker from the same profile while this thread encoded and stored it; no reply: render here.
  const reply = await thread?.result();
  if (reply && !reply.ok) log.warn(`report not written: ${reply.message}`);
  if (reply) return reply.ok ? reply.path : undefined;
  try {
    const { writeReport } = await import('../render/report.js');
    return writeReport(c.profile!, undefined, { output: path.join(s.outDir, 'report.html'), headWalls: c.walls }).path;
  } catch (err) {
    log.warn(`report not written: ${(err as Error).message}`);
    return undefined;
  }
}

/** The summary with where its files went, keys in the order profile.json has always had. */
function withFiles(summary: RunSummary, files: RunFiles, stored: StoredRun | undefined): RunSummary {
  const { tests, ...rest } = summary;
  const out: RunSummary = { ...rest, profile: files.profile };
  if (tests) out.tests = tests;
  if (stored?.storedAs) out.storedAs = stored.storedAs;
  if (files.report) out.report = files.report;
  return out;
}

/** The comment of one diff, rendered once: written to comment.md and posted by publish. */
export interface RenderedReport {
  report: DiffReport;
  comment: string;
  /** The job summary when it is not the report's full tables (a run without a diff). */
  summary?: string;
}

function renderDiffReport(report: DiffReport): RenderedReport {
  return { report, comment: renderComment(report) };
}

export interface DiffFiles {
  diff: string;
  comment: string;
}

/** diff.json and comment.md in `dir`; throws when they cannot be written. */
function writeDiffFiles(dir: string, rendered: RenderedReport): DiffFiles {
  makeDirs(dir);
  const files = { diff: path.join(dir, 'diff.json'), comment: path.join(dir, 'comment.md') };
  writeFileAtomic(files.diff, serializeDiffReport(rendered.report), RUN_OUTPUT);
  writeFileAtomic(files.comment, rendered.comment, RUN_OUTPUT);
  return files;
}

/** The HTML report; throws when it cannot be written. `diff`: the verdicts to colour (base given). */
export async function writeHtmlReport(file: string, head: Profile, base: Profile | undefined, diff: ProfileDiff | undefined, title?: string, allocDiff?: AllocDiff): Promise<ReportResult> {
  // Loaded on demand: `ciprof run` never parses the report's page script unless it writes one.
  const { writeReport } = await import('../render/report.js');
  return writeReport(head, base, { output: file, diff, title, allocDiff });
}

/** The HTML report of a diff (the same verdicts as the comment); undefined, warned, when it cannot be written. */
async function writeDiffHtml(file: string, result: DiffResult, log: Log, title?: string): Promise<string | undefined> {
  try {
    return (await writeHtmlReport(file, result.head, result.base, result.report.diff, title, result.report.alloc)).path;
  } catch (err) {
    // The comment and diff.json are the result; the HTML view is a bonus that must not sink it.
    log.warn(`HTML report not written: ${(err as Error).message}`);
    return undefined;
  }
}

export interface CompareFiles extends DiffFiles {
  base: string;
  head: string;
  report?: string;
}

/** Where a compare's merged profiles go: known before the diff, whose provenance names them. */
export function compareProfileFiles(dir: string): { base: string; head: string } {
  return { base: path.join(dir, 'base.pb.gz'), head: path.join(dir, 'head.pb.gz') };
}

/**
 * A compare's files: base.pb.gz/head.pb.gz are the plain merges of the runs (sums, like
 * `ciprof merge`); diff.json, comment.md and report.html are drawn from per-run means,
 * because the runs model reports per-run means. Throws when the diff cannot be written.
 */
export async function writeCompareOutputs(dir: string, baseRuns: readonly Profile[], headRuns: readonly Profile[], result: DiffResult, title: string, log: Log): Promise<{ files: CompareFiles; rendered: RenderedReport }> {
  makeDirs(dir);
  const merged = compareProfileFiles(dir);
  writeFileAtomic(merged.base, encodePprofGzip(mergeProfiles(baseRuns)), RUN_OUTPUT);
  writeFileAtomic(merged.head, encodePprofGzip(mergeProfiles(headRuns)), RUN_OUTPUT);
  const rendered = renderDiffReport(result.report);
  const files: CompareFiles = { ...merged, ...writeDiffFiles(dir, rendered) };
  const report = await writeDiffHtml(path.join(dir, 'report.html'), result, log, title);
  if (report) files.report = report;
  return { files, rendered };
}

export interface DiffOutputOptions {
  /** Where diff.json, comment.md (and report.html) go. */
  dir: string;
  /** Also write report.html. */
  html: boolean;
  /** Upload report.html as an artifact and link it (in a job). */
  uploadReport: boolean;
}

/**
 * A diff's files in order: report.html, then the links only this run knows, then the
 * comment rendered once into comment.md (and kept for publish) with diff.json. A file that
 * cannot be written is a warning; the rendered comment is returned either way.
 */
export async function writeDiffOutputs(s: Settings, result: DiffResult, opts: DiffOutputOptions, log: Log): Promise<{ rendered: RenderedReport; files: Partial<DiffFiles> & { report?: string } }> {
  const report = opts.html ? await writeDiffHtml(path.join(opts.dir, 'report.html'), result, log) : undefined;
  await addReportLinks(s, result, report, opts.uploadReport, log);
  const rendered = renderDiffReport(result.report);
  try {
    return { rendered, files: { ...writeDiffFiles(opts.dir, rendered), report } };
  } catch (err) {
    log.warn(`could not save the diff report in ${opts.dir}: ${(err as Error).message}`);
    return { rendered, files: { report } };
  }
}

/**
 * Adds the links the comment shows and only this run knows: Pyroscope's diff view (when
 * uploading there) and the HTML report uploaded as an artifact (`uploadReport`, in a job).
 */
async function addReportLinks(s: Settings, result: DiffResult, reportFile: string | undefined, uploadReport: boolean, log: Log): Promise<void> {
  const links = result.report.links;
  if (s.pyroscope && result.base) links.pyroscope = pyroscopeLink(s, result.base, result.head);
  if (uploadReport && reportFile) {
    const url = await uploadHtmlReport(s, reportFile, log);
    if (url) links.report = url;
  }
}

/** The HTML report as an artifact of this job (in a GitHub job; elsewhere nothing); its page's URL. Fails open. */
export async function uploadHtmlReport(s: Settings, reportFile: string, log: Log): Promise<string | undefined> {
  try {
    const { uploadReportArtifact } = await import('../publish/report-artifact.js');
    // The name publish/report-artifact.ts gives it.
    await freeArtifactName(`ciprof-report-${sanitizeJobKey(s.ci.jobKey)}.html`, s.env, log);
    return (await uploadReportArtifact(reportFile, s.ci.jobKey, s.env))?.url;
  } catch (err) {
    log.warn(`HTML report not uploaded: ${(err as Error).message}`);
    return undefined;
  }
}

/** Pyroscope's diff view of the two commits, each over a window around its profile. */
function pyroscopeLink(s: Settings, base: Profile, head: Profile): string | undefined {
  const side = (p: Profile) => {
    const commit = p.meta.commit;
    if (!commit || !p.timeNanos) return undefined;
    const start = Math.floor(p.timeNanos / 1e6);
    return { commit, from: start - 60_000, until: start + Math.ceil(p.durationNanos / 1e6) + 60_000 };
  };
  const b = side(base);
  const h = side(head);
  if (!b || !h || !s.pyroscope) return undefined;
  return pyroscopeDiffUrl({ server: s.pyroscope.server, app: s.pyroscope.app, jobKey: s.ci.jobKey, base: b, head: h });
}
