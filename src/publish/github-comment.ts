/** The sticky PR comment on GitHub (also used from CircleCI for a GitHub repo). */
import { getOctokit } from '@actions/github';
import { redact } from '../ci/mask.js';
import { isPermissionStatus, type PublishOutcome } from './outcome.js';
import { upsertSticky, type CommentApi, type CommentAuthor } from './sticky.js';

export interface GithubPullRequest {
  owner: string;
  repo: string;
  number: number;
}

export interface GithubCommentOptions {
  token: string;
  apiUrl?: string;
  pr: GithubPullRequest;
  marker: string;
  body: string;
  /**
   * When set, refuse to comment unless the PR's head commit is this one: a privileged
   * workflow_run job must not be steered onto another PR by an artifact a fork wrote.
   */
  expectHeadSha?: string;
}

type Octokit = ReturnType<typeof getOctokit>;

/**
 * GITHUB_TOKEN (an installation token of the GitHub Actions app) writes as this bot user,
 * on github.com and on GitHub Enterprise Server alike; its numeric id differs between them.
 */
export const GITHUB_ACTIONS_BOT: CommentAuthor = { login: 'github-actions[bot]' };

/**
 * Who the token comments as. A personal access token answers `GET /user`; an installation
 * token may not (403 "Resource not accessible by integration"), and for GITHUB_TOKEN that
 * identity is the Actions bot. marocchino/sticky-pull-request-comment asks GraphQL's
 * `viewer` the same question; this stays on REST so one token scope suffices. A token of
 * another GitHub App is taken for the Actions bot too: its earlier comments are then not
 * recognised and a new one is posted, never somebody else's edited.
 */
async function tokenIdentity(octokit: Octokit): Promise<CommentAuthor> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { id: data.id, login: data.login };
  } catch (err) {
    if ((err as { status?: number }).status === 403) return GITHUB_ACTIONS_BOT;
    throw err;
  }
}

function commentApi(octokit: Octokit, pr: GithubPullRequest): CommentApi {
  const where = { owner: pr.owner, repo: pr.repo };
  return {
    whoAmI: () => tokenIdentity(octokit),
    list: async () =>
      (await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: pr.number, per_page: 100 })).map((c) => ({
        id: c.id,
        body: c.body ?? '',
        ...(c.user ? { author: { id: c.user.id, login: c.user.login } } : {}),
      })),
    create: async (body) => {
      const res = await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body });
      return { id: res.data.id, body: res.data.body ?? '' };
    },
    update: async (id, body) => {
      await octokit.rest.issues.updateComment({ ...where, comment_id: id, body });
    },
    remove: async (id) => {
      await octokit.rest.issues.deleteComment({ ...where, comment_id: id });
    },
  };
}

/** Parses `https://github.com/<owner>/<repo>/pull/<n>` (CircleCI's CIRCLE_PULL_REQUEST). */
export function parsePullRequestUrl(url: string | undefined): GithubPullRequest | undefined {
  const m = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/pull\/(\d+)\/?$/.exec(url?.trim() ?? '');
  return m ? { owner: m[1]!, repo: m[2]!, number: Number(m[3]) } : undefined;
}

export async function publishGithubComment(opts: GithubCommentOptions): Promise<PublishOutcome> {
  const octokit = getOctokit(opts.token, opts.apiUrl ? { baseUrl: opts.apiUrl } : {});
  const where = `${opts.pr.owner}/${opts.pr.repo}#${opts.pr.number}`;
  try {
    if (opts.expectHeadSha) {
      const pr = await octokit.rest.pulls.get({ owner: opts.pr.owner, repo: opts.pr.repo, pull_number: opts.pr.number });
      if (pr.data.head.sha.toLowerCase() !== opts.expectHeadSha.toLowerCase()) {
        return {
          target: 'github-comment',
          status: 'skipped',
          message: `not commenting on ${where}: its head is ${pr.data.head.sha.slice(0, 12)}, the report is for ${opts.expectHeadSha.slice(0, 12)} (PR updated since, or the report names the wrong PR)`,
        };
      }
    }
    const res = await upsertSticky(commentApi(octokit, opts.pr), opts.marker, opts.body);
    const dup = res.removed ? `, removed ${res.removed} duplicate(s)` : '';
    return { target: 'github-comment', status: res.action, message: `${res.action} the ciprof comment on ${where}${dup}` };
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (isPermissionStatus(status)) {
      return {
        target: 'github-comment',
        status: 'skipped',
        message: `not commenting on ${where}: the token may not write to this pull request (HTTP ${status}; a fork PR's token is read-only). The job summary has the report; see the README's fork-safe workflow_run setup.`,
      };
    }
    return { target: 'github-comment', status: 'failed', message: `could not comment on ${where}: ${redact((err as Error).message)}` };
  }
}
