import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  freeArtifactName
} from "./chunk-XOH6V4IZ.js";
import {
  serializeDiffReport
} from "./chunk-XWCWDJFI.js";
import {
  renderComment
} from "./chunk-XDKVZJL5.js";
import {
  encodePprofGzip
} from "./chunk-UYWEAYXS.js";
import {
  CPU_TIME_TYPE,
  labelSelector,
  sanitizeAppName,
  sanitizeLabelValue
} from "./chunk-Q777HXUX.js";
import {
  sanitizeJobKey
} from "./chunk-UO43WOGP.js";
import {
  mergeProfiles
} from "./chunk-E4RVWPFF.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
import {
  makeDirs
} from "./chunk-MIHNHIUD.js";

// src/pipeline/outputs.ts
import * as path from "node:path";

// src/pyroscope/ui.ts
function pyroscopeDiffUrl(o) {
  const type = o.profileTypeId ?? CPU_TIME_TYPE;
  const query = (commit) => type + labelSelector([
    { name: "service_name", value: sanitizeAppName(o.app) },
    { name: "job_key", value: sanitizeLabelValue(o.jobKey) },
    { name: "commit", value: sanitizeLabelValue(commit) }
  ]);
  const params = new URLSearchParams({
    query: type + labelSelector([{ name: "service_name", value: sanitizeAppName(o.app) }]),
    from: String(Math.min(o.base.from, o.head.from)),
    until: String(Math.max(o.base.until, o.head.until)),
    leftQuery: query(o.base.commit),
    leftFrom: String(o.base.from),
    leftUntil: String(o.base.until),
    rightQuery: query(o.head.commit),
    rightFrom: String(o.head.from),
    rightUntil: String(o.head.until)
  });
  return `${o.server.replace(/\/+$/, "")}/comparison-diff?${params}`;
}

// src/pipeline/outputs.ts
var RUN_OUTPUT = { durable: false };
async function writeRunOutputs(s, c, opts, log) {
  if (!c.profile || !c.pprofGzip || !c.summary) return void 0;
  try {
    makeDirs(s.outDir);
    const files = { profile: path.join(s.outDir, "profile.pb.gz"), summary: path.join(s.outDir, "profile.json") };
    writeFileAtomic(files.profile, c.pprofGzip, RUN_OUTPUT);
    if (opts.report) files.report = await writeRunReport(s, c, log, opts.reportThread);
    c.summary = withFiles(c.summary, files, opts.stored);
    writeFileAtomic(files.summary, `${JSON.stringify({ ...c.summary, threadsDetail: c.threads, lost: c.lost }, null, 2)}
`, RUN_OUTPUT);
    return files;
  } catch (err) {
    log.warn(`profile not written: ${err.message}`);
    return void 0;
  }
}
async function writeRunReport(s, c, log, thread) {
  const reply = await thread?.result();
  if (reply && !reply.ok) log.warn(`report not written: ${reply.message}`);
  if (reply) return reply.ok ? reply.path : void 0;
  try {
    const { writeReport } = await import("./report-6YAJTLC6.js");
    return writeReport(c.profile, void 0, { output: path.join(s.outDir, "report.html"), headWalls: c.walls }).path;
  } catch (err) {
    log.warn(`report not written: ${err.message}`);
    return void 0;
  }
}
function withFiles(summary, files, stored) {
  const { tests, ...rest } = summary;
  const out = { ...rest, profile: files.profile };
  if (tests) out.tests = tests;
  if (stored?.storedAs) out.storedAs = stored.storedAs;
  if (files.report) out.report = files.report;
  return out;
}
function renderDiffReport(report) {
  return { report, comment: renderComment(report) };
}
function writeDiffFiles(dir, rendered) {
  makeDirs(dir);
  const files = { diff: path.join(dir, "diff.json"), comment: path.join(dir, "comment.md") };
  writeFileAtomic(files.diff, serializeDiffReport(rendered.report), RUN_OUTPUT);
  writeFileAtomic(files.comment, rendered.comment, RUN_OUTPUT);
  return files;
}
async function writeHtmlReport(file, head, base, diff, title, allocDiff) {
  const { writeReport } = await import("./report-6YAJTLC6.js");
  return writeReport(head, base, { output: file, diff, title, allocDiff });
}
async function writeDiffHtml(file, result, log, title) {
  try {
    return (await writeHtmlReport(file, result.head, result.base, result.report.diff, title, result.report.alloc)).path;
  } catch (err) {
    log.warn(`HTML report not written: ${err.message}`);
    return void 0;
  }
}
function compareProfileFiles(dir) {
  return { base: path.join(dir, "base.pb.gz"), head: path.join(dir, "head.pb.gz") };
}
async function writeCompareOutputs(dir, baseRuns, headRuns, result, title, log) {
  makeDirs(dir);
  const merged = compareProfileFiles(dir);
  writeFileAtomic(merged.base, encodePprofGzip(mergeProfiles(baseRuns)), RUN_OUTPUT);
  writeFileAtomic(merged.head, encodePprofGzip(mergeProfiles(headRuns)), RUN_OUTPUT);
  const rendered = renderDiffReport(result.report);
  const files = { ...merged, ...writeDiffFiles(dir, rendered) };
  const report = await writeDiffHtml(path.join(dir, "report.html"), result, log, title);
  if (report) files.report = report;
  return { files, rendered };
}
async function writeDiffOutputs(s, result, opts, log) {
  const report = opts.html ? await writeDiffHtml(path.join(opts.dir, "report.html"), result, log) : void 0;
  await addReportLinks(s, result, report, opts.uploadReport, log);
  const rendered = renderDiffReport(result.report);
  try {
    return { rendered, files: { ...writeDiffFiles(opts.dir, rendered), report } };
  } catch (err) {
    log.warn(`could not save the diff report in ${opts.dir}: ${err.message}`);
    return { rendered, files: { report } };
  }
}
async function addReportLinks(s, result, reportFile, uploadReport, log) {
  const links = result.report.links;
  if (s.pyroscope && result.base) links.pyroscope = pyroscopeLink(s, result.base, result.head);
  if (uploadReport && reportFile) {
    const url = await uploadHtmlReport(s, reportFile, log);
    if (url) links.report = url;
  }
}
async function uploadHtmlReport(s, reportFile, log) {
  try {
    const { uploadReportArtifact } = await import("./report-artifact-UVAF3BYK.js");
    await freeArtifactName(`ciprof-report-${sanitizeJobKey(s.ci.jobKey)}.html`, s.env, log);
    return (await uploadReportArtifact(reportFile, s.ci.jobKey, s.env))?.url;
  } catch (err) {
    log.warn(`HTML report not uploaded: ${err.message}`);
    return void 0;
  }
}
function pyroscopeLink(s, base, head) {
  const side = (p) => {
    const commit = p.meta.commit;
    if (!commit || !p.timeNanos) return void 0;
    const start = Math.floor(p.timeNanos / 1e6);
    return { commit, from: start - 6e4, until: start + Math.ceil(p.durationNanos / 1e6) + 6e4 };
  };
  const b = side(base);
  const h = side(head);
  if (!b || !h || !s.pyroscope) return void 0;
  return pyroscopeDiffUrl({ server: s.pyroscope.server, app: s.pyroscope.app, jobKey: s.ci.jobKey, base: b, head: h });
}

export {
  writeRunOutputs,
  writeHtmlReport,
  compareProfileFiles,
  writeCompareOutputs,
  writeDiffOutputs
};
