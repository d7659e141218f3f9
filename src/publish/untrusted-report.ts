/**
 * Publishing a diff.json that another job computed, from a job that may write where that
 * one could not: `ciprof comment` and the Action's report mode in a `workflow_run`
 * workflow, after a pull request's run that may be a fork's. The file is the fork's to
 * write, so it decides nothing about where the comment goes:
 *   - where: repository from this job's environment; pull request and head commit from
 *     the command line or the workflow_run event (GitHub writes it), never from the file;
 *   - what: the file must pass the schema (diff/report-schema.ts), must be about that
 *     head commit, and its links are kept only when they point into the repository (or
 *     at an origin the caller names, such as its Pyroscope server);
 *   - when: the PR's head must still be that commit at the moment of commenting;
 *   - verdict: recomputed from the rows the comment shows (a regression only where a row
 *     got slower, an improvement only where one got faster), never the file's own field.
 *     The caller must not fail a job on it either: the numbers are still the file's.
 * Everything it renders goes through the same escaping as a report computed in-job.
 */
import { getOctokit } from '@actions/github';
import type { CiContext, CiProvider } from '../ci/context.js';
import { readDiffReport, type DiffReport } from '../diff/diff-report.js';
import type { ProfileDiff } from '../diff/function-diff.js';
import { renderComment, renderJobSummary } from '../render/markdown.js';
import type { PublishOutcome } from './outcome.js';
import { githubToken, publishReport, type Env } from './publish.js';
import { isPullRequestRun, pullRequestOfRun, triggeringRun } from './workflow-run.js';

/** Where a report computed elsewhere may be published, from sources this job trusts. */
export interface ReportTarget {
  provider: CiProvider;
  /** owner/name (GitHub), group/project (GitLab): this job's own repository. */
  repository: string;
  serverUrl: string;
  /** The pull/merge request; undefined when the triggering run was not one (nothing to comment on). */
  pr?: number;
  /** The commit the report must be about, and the PR's head at commenting time. */
  headSha: string;
  /** Origins (scheme://host[:port]) that links may point at besides the repository, e.g. a Pyroscope server. */
  linkOrigins?: string[];
}

export interface ReportTargetSources {
  env: Env;
  /** This job's CI context (detectCi): repository, server, and the PR of a pull_request job. */
  ci: CiContext;
  /** `--pr`: overrides every other source. */
  pr?: number;
  /** `--head-sha`: required outside workflow_run; inside, must equal the event's. */
  headSha?: string;
  githubToken?: string;
  linkOrigins?: string[];
}

const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

/**
 * The target from trusted sources only. Throws a one-line Error when they do not add up
 * (no head commit, a --head-sha that is not the triggering run's, no repository).
 */
export async function resolveReportTarget(src: ReportTargetSources): Promise<ReportTarget> {
  const repository = src.ci.repository;
  if (!repository) throw new Error('the repository is unknown (GITHUB_REPOSITORY / CI_PROJECT_PATH is not set)');
  const base = { provider: src.ci.provider, repository, serverUrl: (src.ci.serverUrl ?? 'https://github.com').replace(/\/+$/, ''), linkOrigins: src.linkOrigins };
  if (src.headSha !== undefined && !FULL_SHA.test(src.headSha)) throw new Error(`--head-sha must be a full commit id, got "${src.headSha.slice(0, 80)}"`);

  const run = triggeringRun(src.env);
  if (!run) {
    if (!src.headSha) throw new Error('--head-sha is required: the commit the report must be about (the PR head that produced it)');
    return { ...base, pr: src.pr ?? src.ci.pr, headSha: src.headSha.toLowerCase() };
  }
  if (src.headSha && src.headSha.toLowerCase() !== run.headSha.toLowerCase()) {
    throw new Error(`--head-sha ${src.headSha.slice(0, 12)} is not the commit of the run that triggered this workflow (${run.headSha.slice(0, 12)})`);
  }
  const headSha = run.headSha.toLowerCase();
  if (src.pr !== undefined) return { ...base, pr: src.pr, headSha };
  if (!isPullRequestRun(run)) return { ...base, headSha };
  const token = githubToken(src.githubToken, src.env);
  if (!token) throw new Error('no token to find the pull request of the triggering run: set GITHUB_TOKEN');
  const [owner, repo] = repository.split('/') as [string, string];
  const apiUrl = src.env.GITHUB_API_URL?.trim();
  const pr = await pullRequestOfRun(run, getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {}), { owner, repo });
  return { ...base, pr, headSha };
}

/** Keeps a link only when it points into the repository or at an allowed origin. */
function allowedLink(url: string | undefined, target: ReportTarget): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password) return undefined;
  const inRepository = `${parsed.origin}${parsed.pathname}`.startsWith(`${target.serverUrl}/${target.repository}/`);
  const atOrigin = (target.linkOrigins ?? []).some((o) => {
    try {
      return new URL(o).origin === parsed.origin;
    } catch {
      return false;
    }
  });
  return inRepository || atOrigin ? url : undefined;
}

/**
 * The report as the target may show it: refused (one-line Error naming the file) unless it
 * is about the target's head commit; repository, server, provider and PR replaced by the
 * target's; links outside the repository dropped.
 */
export function bindReport(report: DiffReport, target: ReportTarget, file: string): DiffReport {
  const about = report.head.commit?.toLowerCase();
  if (about !== target.headSha) {
    throw new Error(`${file}: the report is about commit ${about ? about.slice(0, 12) : '(none)'}, not ${target.headSha.slice(0, 12)} (the head that was checked): refusing to publish it`);
  }
  const links = Object.fromEntries(
    Object.entries(report.links)
      .map(([k, v]) => [k, allowedLink(v, target)] as const)
      .filter(([, v]) => v !== undefined),
  ) as DiffReport['links'];
  const { pr: _fromFile, diff, ...rest } = report;
  return {
    ...rest,
    ...(diff ? { diff: judgedByRows(diff) } : {}),
    provider: target.provider,
    repository: target.repository,
    serverUrl: target.serverUrl,
    links,
    ...(target.pr ? { pr: target.pr } : {}),
  };
}

/**
 * The verdict as the rows show it: a row listed as a regression counts only when marked so
 * and slower, an improvement only when marked so and faster; the verdict follows from
 * what is left, as diffProfiles derives it. A file cannot put "slower" over a table that
 * shows nothing slower, nor "no change" over one that does.
 */
function judgedByRows(diff: ProfileDiff): ProfileDiff {
  const regressions = diff.regressions.filter((r) => r.status === 'regression' && r.selfDeltaNs > 0);
  const improvements = diff.improvements.filter((r) => r.status === 'improvement' && r.selfDeltaNs < 0);
  const verdict = regressions.length > 0 ? 'regression' : improvements.length > 0 ? 'improvement' : 'no-change';
  return { ...diff, regressions, improvements, verdict };
}

export interface UntrustedReportOptions {
  /** diff.json written by another job. */
  file: string;
  target: ReportTarget;
  /** This job's CI context. */
  ci: CiContext;
  env?: Env;
  githubToken?: string;
  comment?: boolean;
  summary?: boolean;
}

/** What was published: the report as checked and bound (what the comment shows), and the outcomes. */
export interface PublishedReport {
  report: DiffReport;
  outcomes: PublishOutcome[];
}

/**
 * Loads, checks and publishes a report computed elsewhere. Throws a one-line Error when
 * the file is refused (schema, size, another commit); otherwise returns the bound report
 * and the outcomes of publishReport, which never throws. The comment is posted only while
 * the PR's head is still the target's commit.
 */
export async function publishUntrustedReport(opts: UntrustedReportOptions): Promise<PublishedReport> {
  const report = bindReport(readDiffReport(opts.file), opts.target, opts.file);
  const ci: CiContext = { ...opts.ci, provider: opts.target.provider, repository: opts.target.repository, serverUrl: opts.target.serverUrl, pr: opts.target.pr, jobKey: report.jobKey };
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
    summary: opts.summary,
  });
  return { report, outcomes };
}
