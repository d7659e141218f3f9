/**
 * Stage 6: what leaves the machine after a diff, and the exit code. The comment rendered
 * once by outputs.ts (links included) goes to the PR comment / MR note, and the job
 * summary beside it. Publishing fails open; the exit code rule lives here once: failing
 * tests win, then a regression with fail-on-regression.
 */
import { DIFF_REPORT_SCHEMA, type DiffReport } from '../diff/diff-report.js';
import type { PublishOutcome } from '../publish/outcome.js';
import { commentMarker, renderJobSummary } from '../render/markdown.js';
import { safeUrl } from '../render/escape.js';
import { renderRunSummary } from '../render/run-summary.js';
import { VERSION } from '../version.js';
import type { RunSummary } from '../collect/summary.js';
import type { RenderedReport } from './outputs.js';
import type { Log, Settings } from './settings.js';
import { testsFailedLine } from './store.js';

/** Exit code of fail-on-regression: distinct from a test failure (1) and usage errors (2). */
export const EXIT_REGRESSION = 3;

/** What fail-on-regression looks at (`--gate`): CPU time (default) or allocations only. */
export type RegressionGate = 'cpu' | 'alloc';

/** The test command's exit code when it failed; else EXIT_REGRESSION for a regression when asked; else 0. */
export function exitCodeFor(testExitCode: number, report: DiffReport | undefined, failOnRegression: boolean, gate: RegressionGate = 'cpu'): number {
  if (testExitCode !== 0) return testExitCode;
  const verdict = gate === 'alloc' ? report?.alloc?.verdict : report?.diff?.verdict;
  return failOnRegression && verdict === 'regression' ? EXIT_REGRESSION : 0;
}

export interface PublishStageOptions {
  /** Post the PR comment / MR note (default true). */
  comment?: boolean;
  /** Write the GitHub job summary when available (default true). */
  summary?: boolean;
  /** Overrides the PR number (a workflow_run job publishing another run's report). */
  pr?: number;
  /** Comment only if the PR's head is this commit. */
  expectHeadSha?: string;
}

export async function publish(s: Settings, rendered: RenderedReport, opts: PublishStageOptions, log: Log): Promise<PublishOutcome[]> {
  const report = rendered.report;
  // Loaded on demand: the Actions toolkit is megabytes that `ciprof diff` alone never needs.
  const { publishReport } = await import('../publish/publish.js');
  const outcomes = await publishReport({
    report,
    markdown: { comment: rendered.comment, summary: () => rendered.summary ?? renderJobSummary(report) },
    // The job key comes from the report: it names the comment to update.
    ci: { ...s.ci, jobKey: report.jobKey },
    env: s.env,
    githubToken: s.githubToken,
    ...opts,
  });
  logOutcomes(outcomes, log);
  return outcomes;
}

/**
 * A run whose tests failed: no diff is computed, so the comment and the summary carry no
 * performance verdict, only the one line saying why (the same line the CLI prints). The
 * sticky comment of this job key is replaced, so an earlier verdict does not linger.
 */
export function testsFailedReport(s: Settings, exitCode: number, headCommit?: string): RenderedReport {
  const line = testsFailedLine(exitCode);
  const report: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: VERSION,
    jobKey: s.ci.jobKey,
    provider: s.ci.provider,
    repository: s.ci.repository,
    pr: s.ci.pr,
    head: { commit: headCommit ?? s.ci.commit },
    base: { source: 'store', found: false, reason: line },
    changedPaths: [],
    links: { run: s.ci.runUrl },
  };
  // The run URL is the CI's (CI_JOB_URL, CIRCLE_BUILD_URL...), put in a link like any other: only http(s), encoded.
  const runUrl = safeUrl(s.ci.runUrl);
  const run = runUrl ? ` ([run](${runUrl}))` : '';
  const comment = `${commentMarker(report.jobKey)}\n### ❌ ciprof: ${line}\n\nThe profile of this run is kept in the job's output directory but not stored as a baseline${run}.\n`;
  return { report, comment, summary: comment };
}

/**
 * The job summary of a run with no diff after it (a push that makes the baseline, a
 * collect-only step, failing tests): top functions and slowest tests. Fails open.
 */
export async function publishRunSummary(s: Settings, summary: RunSummary, reportUrl: string | undefined, log: Log): Promise<void> {
  const { writeJobSummary } = await import('../publish/job-summary.js');
  logOutcomes([await writeJobSummary(renderRunSummary(summary, { links: { report: reportUrl } }), s.env)], log);
}

export interface SavedReportOptions extends Omit<PublishStageOptions, 'expectHeadSha'> {
  /** The commit the report must be about (`--head-sha`); a workflow_run event gives it. */
  headSha?: string;
}

/**
 * A diff.json another job computed, maybe a fork's (`ciprof comment`, the Action's
 * report-file): where it goes comes from this job's own facts, and the file is checked and
 * re-rendered (publish/untrusted-report.ts) before it is published. Throws a one-line Error
 * when the report is refused; publishing itself fails open. Returns the report as bound
 * and checked (its verdict recomputed from its rows): never decide an exit code on it.
 */
export async function publishSavedReport(s: Settings, file: string, opts: SavedReportOptions, log: Log): Promise<{ report: DiffReport; outcomes: PublishOutcome[] }> {
  const { publishUntrustedReport, resolveReportTarget } = await import('../publish/untrusted-report.js');
  // Links to this job's own Pyroscope server are the only ones kept outside the repository.
  const linkOrigins = s.pyroscope ? [s.pyroscope.server] : undefined;
  const target = await resolveReportTarget({ env: s.env, ci: s.ci, pr: opts.pr, headSha: opts.headSha, githubToken: s.githubToken, linkOrigins });
  const published = await publishUntrustedReport({ file, target, ci: s.ci, env: s.env, githubToken: s.githubToken, comment: opts.comment, summary: opts.summary });
  logOutcomes(published.outcomes, log);
  return published;
}

function logOutcomes(outcomes: readonly PublishOutcome[], log: Log): void {
  for (const o of outcomes) {
    if (o.status === 'failed') log.warn(o.message);
    else if (o.status === 'skipped' && o.target === 'github-comment') log.notice(o.message);
    else log.info(o.message);
  }
}
