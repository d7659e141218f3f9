/**
 * Stage 6: what leaves the machine after a diff, and the exit code. The comment rendered
 * once by outputs.ts (links included) goes to the PR comment / MR note, and the job
 * summary beside it. Publishing fails open; the exit code rule lives here once: failing
 * tests win, then a regression with fail-on-regression.
 */
import type { DiffReport } from '../diff/diff-report.js';
import type { PublishOutcome } from '../publish/outcome.js';
import { renderJobSummary } from '../render/markdown.js';
import type { RenderedReport } from './outputs.js';
import type { Log, Settings } from './settings.js';

/** Exit code of fail-on-regression: distinct from a test failure (1) and usage errors (2). */
export const EXIT_REGRESSION = 3;

/** The test command's exit code when it failed; else EXIT_REGRESSION for a regression when asked; else 0. */
export function exitCodeFor(testExitCode: number, report: DiffReport | undefined, failOnRegression: boolean): number {
  if (testExitCode !== 0) return testExitCode;
  return failOnRegression && report?.diff?.verdict === 'regression' ? EXIT_REGRESSION : 0;
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
    markdown: { comment: rendered.comment, summary: () => renderJobSummary(report) },
    // The job key comes from the report: it names the comment to update.
    ci: { ...s.ci, jobKey: report.jobKey },
    env: s.env,
    githubToken: s.githubToken,
    ...opts,
  });
  for (const o of outcomes) {
    if (o.status === 'failed') log.warn(o.message);
    else if (o.status === 'skipped' && o.target === 'github-comment') log.notice(o.message);
    else log.info(o.message);
  }
  return outcomes;
}
