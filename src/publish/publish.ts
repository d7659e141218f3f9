/**
 * Publishes one DiffReport, already rendered, wherever this run can: the GitHub job
 * summary, and a sticky comment on the PR (GitHub Actions, CircleCI building a GitHub
 * repo) or MR note (GitLab). Fails open: every problem is an outcome with a message, never
 * an exception, so publishing cannot change the test command's exit code.
 */
import type { CiContext } from '../ci/context.js';
import { maskSecret } from '../ci/mask.js';
import type { DiffReport } from '../diff/diff-report.js';
import { commentMarker } from '../render/markdown.js';
import { parsePullRequestUrl, publishGithubComment, type GithubPullRequest } from './github-comment.js';
import { publishGitlabNote } from './gitlab-note.js';
import { writeJobSummary } from './job-summary.js';
import type { PublishOutcome } from './outcome.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface PublishOptions {
  report: DiffReport;
  /** The comment as written to comment.md (rendered once), and the job summary, rendered only when it is written. */
  markdown: { comment: string; summary: () => string };
  ci: CiContext;
  env?: Env;
  /** Post the PR/MR comment (default true). */
  comment?: boolean;
  /** Write the GitHub job summary when available (default true). */
  summary?: boolean;
  githubToken?: string;
  /**
   * Overrides the CI context's PR number (a trusted source: the command line or the
   * workflow_run event). The report's own `pr` and `repository` are never used: a report
   * computed elsewhere must not choose where it is published (see untrusted-report.ts).
   */
  pr?: number;
  /** Comment only if the PR's head is this commit (see GithubCommentOptions). */
  expectHeadSha?: string;
}

const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** The token to talk to GitHub with: the explicit one, then CIPROF_GITHUB_TOKEN, then GITHUB_TOKEN. */
export function githubToken(explicit: string | undefined, env: Env): string | undefined {
  return nonEmpty(explicit) ?? nonEmpty(env.CIPROF_GITHUB_TOKEN) ?? nonEmpty(env.GITHUB_TOKEN);
}

function githubTarget(opts: PublishOptions, env: Env): { pr?: GithubPullRequest; token?: string; apiUrl?: string; why?: string } {
  const token = githubToken(opts.githubToken, env);
  const apiUrl = nonEmpty(env.GITHUB_API_URL);
  if (opts.ci.provider === 'circleci') {
    const pr = parsePullRequestUrl(env.CIRCLE_PULL_REQUEST);
    if (!pr) return { why: 'not a pull request build (CIRCLE_PULL_REQUEST is not set)' };
    if (opts.pr) pr.number = opts.pr;
    return { pr, token, apiUrl };
  }
  const [owner, repo] = (opts.ci.repository ?? '').split('/');
  const number = opts.pr ?? opts.ci.pr;
  if (!owner || !repo) return { why: 'the repository is unknown (GITHUB_REPOSITORY is not set)' };
  if (!number) return { why: 'not a pull request run: nothing to comment on' };
  return { pr: { owner, repo, number }, token, apiUrl };
}

export async function publishReport(opts: PublishOptions): Promise<PublishOutcome[]> {
  const env = opts.env ?? process.env;
  const out: PublishOutcome[] = [];
  const marker = commentMarker(opts.report.jobKey);

  if (opts.summary !== false && env.GITHUB_STEP_SUMMARY) {
    out.push(await writeJobSummary(opts.markdown.summary(), env));
  }
  if (opts.comment === false) return out;

  try {
    if (opts.ci.provider === 'gitlab') {
      const token = nonEmpty(env.CIPROF_GITLAB_TOKEN) ?? nonEmpty(env.GITLAB_TOKEN);
      const apiUrl = nonEmpty(env.CI_API_V4_URL);
      const projectId = nonEmpty(env.CI_PROJECT_ID);
      const iid = opts.pr ?? opts.ci.pr;
      if (!apiUrl || !projectId || !iid) out.push({ target: 'gitlab-note', status: 'skipped', message: 'not a merge request pipeline: nothing to comment on' });
      else if (!token) out.push({ target: 'gitlab-note', status: 'skipped', message: 'no token: set CIPROF_GITLAB_TOKEN (a project access token with api scope) to comment' });
      else out.push(await publishGitlabNote({ apiUrl, projectId, mergeRequestIid: iid, token, marker, body: opts.markdown.comment }));
      return out;
    }
    if (opts.ci.provider === 'github' || opts.ci.provider === 'circleci' || opts.pr) {
      const t = githubTarget(opts, env);
      if (!t.pr) out.push({ target: 'github-comment', status: 'skipped', message: t.why ?? 'no pull request' });
      else if (!t.token) out.push({ target: 'github-comment', status: 'skipped', message: 'no token: set GITHUB_TOKEN (or the github-token input) to comment' });
      else {
        maskSecret(t.token, env);
        out.push(await publishGithubComment({ token: t.token, apiUrl: t.apiUrl, pr: t.pr, marker, body: opts.markdown.comment, expectHeadSha: opts.expectHeadSha }));
      }
    }
  } catch (err) {
    out.push({ target: opts.ci.provider === 'gitlab' ? 'gitlab-note' : 'github-comment', status: 'failed', message: `publishing failed: ${(err as Error).message}` });
  }
  return out;
}
