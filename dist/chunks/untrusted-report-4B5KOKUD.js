import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  githubToken,
  publishReport
} from "./chunk-ITIC7PK7.js";
import "./chunk-TXLASEKR.js";
import {
  readDiffReport
} from "./chunk-XWCWDJFI.js";
import {
  renderComment,
  renderJobSummary
} from "./chunk-XDKVZJL5.js";
import "./chunk-KBBVG7QG.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-UO43WOGP.js";
import "./chunk-6MZMPYYD.js";
import {
  getOctokit
} from "./chunk-IJ3PMYQX.js";
import "./chunk-CLEKI64P.js";
import "./chunk-ZHB73YNC.js";

// src/publish/workflow-run.ts
import { readFileSync } from "node:fs";
var str = (v) => typeof v === "string" && v !== "" ? v : void 0;
function triggeringRun(env, read = (f) => readFileSync(f, "utf8")) {
  if (env.GITHUB_EVENT_NAME !== "workflow_run" || !env.GITHUB_EVENT_PATH) return void 0;
  let payload;
  try {
    payload = JSON.parse(read(env.GITHUB_EVENT_PATH));
  } catch (err) {
    throw new Error(`cannot read the workflow_run event (${env.GITHUB_EVENT_PATH}): ${err.message.split("\n")[0]}`);
  }
  const run = payload.workflow_run;
  const headSha = str(run?.head_sha);
  const event = str(run?.event);
  if (!run || !headSha || !event) throw new Error(`the workflow_run event (${env.GITHUB_EVENT_PATH}) names no triggering run`);
  return {
    ...typeof run.id === "number" ? { id: run.id } : {},
    event,
    headSha,
    headBranch: str(run.head_branch),
    headOwner: str(run.head_repository?.owner?.login),
    pullRequests: (run.pull_requests ?? []).filter((p) => typeof p.number === "number").map((p) => ({ number: p.number, headSha: str(p.head?.sha) }))
  };
}
function isPullRequestRun(run) {
  return run.event === "pull_request" || run.event === "pull_request_target";
}
async function pullRequestOfRun(run, octokit, repository) {
  const listed = run.pullRequests.find((p) => p.headSha?.toLowerCase() === run.headSha.toLowerCase());
  if (listed) return listed.number;
  if (!run.headOwner || !run.headBranch) return void 0;
  const { data } = await octokit.rest.pulls.list({ ...repository, state: "open", head: `${run.headOwner}:${run.headBranch}`, per_page: 100 });
  const heads = data.filter((p) => p.head.sha.toLowerCase() === run.headSha.toLowerCase());
  return heads.length === 1 ? heads[0].number : void 0;
}

// src/publish/untrusted-report.ts
var FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
async function resolveReportTarget(src) {
  const repository = src.ci.repository;
  if (!repository) throw new Error("the repository is unknown (GITHUB_REPOSITORY / CI_PROJECT_PATH is not set)");
  const base = { provider: src.ci.provider, repository, serverUrl: (src.ci.serverUrl ?? "https://github.com").replace(/\/+$/, ""), linkOrigins: src.linkOrigins };
  if (src.headSha !== void 0 && !FULL_SHA.test(src.headSha)) throw new Error(`--head-sha must be a full commit id, got "${src.headSha.slice(0, 80)}"`);
  const run = triggeringRun(src.env);
  if (!run) {
    if (!src.headSha) throw new Error("--head-sha is required: the commit the report must be about (the PR head that produced it)");
    return { ...base, pr: src.pr ?? src.ci.pr, headSha: src.headSha.toLowerCase() };
  }
  if (src.headSha && src.headSha.toLowerCase() !== run.headSha.toLowerCase()) {
    throw new Error(`--head-sha ${src.headSha.slice(0, 12)} is not the commit of the run that triggered this workflow (${run.headSha.slice(0, 12)})`);
  }
  const headSha = run.headSha.toLowerCase();
  if (src.pr !== void 0) return { ...base, pr: src.pr, headSha };
  if (!isPullRequestRun(run)) return { ...base, headSha };
  const token = githubToken(src.githubToken, src.env);
  if (!token) throw new Error("no token to find the pull request of the triggering run: set GITHUB_TOKEN");
  const [owner, repo] = repository.split("/");
  const apiUrl = src.env.GITHUB_API_URL?.trim();
  const pr = await pullRequestOfRun(run, getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {}), { owner, repo });
  return { ...base, pr, headSha };
}
function allowedLink(url, target) {
  if (!url) return void 0;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return void 0;
  }
  if (parsed.username || parsed.password) return void 0;
  const inRepository = `${parsed.origin}${parsed.pathname}`.startsWith(`${target.serverUrl}/${target.repository}/`);
  const atOrigin = (target.linkOrigins ?? []).some((o) => {
    try {
      return new URL(o).origin === parsed.origin;
    } catch {
      return false;
    }
  });
  return inRepository || atOrigin ? url : void 0;
}
function bindReport(report, target, file) {
  const about = report.head.commit?.toLowerCase();
  if (about !== target.headSha) {
    throw new Error(`${file}: the report is about commit ${about ? about.slice(0, 12) : "(none)"}, not ${target.headSha.slice(0, 12)} (the head that was checked): refusing to publish it`);
  }
  const links = Object.fromEntries(
    Object.entries(report.links).map(([k, v]) => [k, allowedLink(v, target)]).filter(([, v]) => v !== void 0)
  );
  const { pr: _fromFile, diff, ...rest } = report;
  return {
    ...rest,
    ...diff ? { diff: judgedByRows(diff) } : {},
    provider: target.provider,
    repository: target.repository,
    serverUrl: target.serverUrl,
    links,
    ...target.pr ? { pr: target.pr } : {}
  };
}
function judgedByRows(diff) {
  const regressions = diff.regressions.filter((r) => r.status === "regression" && r.selfDeltaNs > 0);
  const improvements = diff.improvements.filter((r) => r.status === "improvement" && r.selfDeltaNs < 0);
  const verdict = regressions.length > 0 ? "regression" : improvements.length > 0 ? "improvement" : "no-change";
  return { ...diff, regressions, improvements, verdict };
}
async function publishUntrustedReport(opts) {
  const report = bindReport(readDiffReport(opts.file), opts.target, opts.file);
  const ci = { ...opts.ci, provider: opts.target.provider, repository: opts.target.repository, serverUrl: opts.target.serverUrl, pr: opts.target.pr, jobKey: report.jobKey };
  const outcomes = await publishReport({
    report,
    // Rendered here, once, from the checked report: every name escaped as in-job.
    markdown: { comment: renderComment(report), summary: () => renderJobSummary(report) },
    ci,
    env: opts.env,
    pr: opts.target.pr,
    expectHeadSha: opts.target.headSha,
    githubToken: opts.githubToken,
    comment: opts.comment,
    summary: opts.summary
  });
  return { report, outcomes };
}
export {
  bindReport,
  publishUntrustedReport,
  resolveReportTarget
};
