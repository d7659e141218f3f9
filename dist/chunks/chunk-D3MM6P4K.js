import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  renderJobSummary
} from "./chunk-XDKVZJL5.js";

// src/pipeline/publish.ts
var EXIT_REGRESSION = 3;
function exitCodeFor(testExitCode, report, failOnRegression, gate = "cpu") {
  if (testExitCode !== 0) return testExitCode;
  const verdict = gate === "alloc" ? report?.alloc?.verdict : report?.diff?.verdict;
  return failOnRegression && verdict === "regression" ? EXIT_REGRESSION : 0;
}
async function publish(s, rendered, opts, log) {
  const report = rendered.report;
  const { publishReport } = await import("./publish-YRS32MRX.js");
  const outcomes = await publishReport({
    report,
    markdown: { comment: rendered.comment, summary: () => rendered.summary ?? renderJobSummary(report) },
    // The job key comes from the report: it names the comment to update.
    ci: { ...s.ci, jobKey: report.jobKey },
    env: s.env,
    githubToken: s.githubToken,
    ...opts
  });
  logOutcomes(outcomes, log);
  return outcomes;
}
async function publishSavedReport(s, file, opts, log) {
  const { publishUntrustedReport, resolveReportTarget } = await import("./untrusted-report-4B5KOKUD.js");
  const linkOrigins = s.pyroscope ? [s.pyroscope.server] : void 0;
  const target = await resolveReportTarget({ env: s.env, ci: s.ci, pr: opts.pr, headSha: opts.headSha, githubToken: s.githubToken, linkOrigins });
  const published = await publishUntrustedReport({ file, target, ci: s.ci, env: s.env, githubToken: s.githubToken, comment: opts.comment, summary: opts.summary });
  logOutcomes(published.outcomes, log);
  return published;
}
function logOutcomes(outcomes, log) {
  for (const o of outcomes) {
    if (o.status === "failed") log.warn(o.message);
    else if (o.status === "skipped" && o.target === "github-comment") log.notice(o.message);
    else log.info(o.message);
  }
}

export {
  EXIT_REGRESSION,
  exitCodeFor,
  publish,
  publishSavedReport
};
