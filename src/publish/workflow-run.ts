/**
 * The `workflow_run` event: a privileged workflow (write token, default-branch code)
 * started by a pull request's run, which may be a fork's. The event payload is written
 * by GitHub, so it is what the report is checked against: which commit ran, and which
 * pull request that commit heads. diff.json, written by the run itself, decides neither.
 */
import { readFileSync } from 'node:fs';
import type { getOctokit } from '@actions/github';

type Env = Readonly<Record<string, string | undefined>>;
type Octokit = ReturnType<typeof getOctokit>;

export interface TriggeringRun {
  id?: number;
  /** The event that started the triggering run: pull_request, push, ... */
  event: string;
  headSha: string;
  headBranch?: string;
  /** Owner of the repository the run's code came from (the fork's owner for fork PRs). */
  headOwner?: string;
  /** Pull requests GitHub attached to the run (empty for fork PRs). */
  pullRequests: { number: number; headSha?: string }[];
}

interface WorkflowRunPayload {
  workflow_run?: {
    id?: unknown;
    event?: unknown;
    head_sha?: unknown;
    head_branch?: unknown;
    head_repository?: { owner?: { login?: unknown } } | null;
    pull_requests?: { number?: unknown; head?: { sha?: unknown } }[] | null;
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The run that triggered this workflow, when this is a workflow_run event; undefined otherwise. */
export function triggeringRun(env: Env, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): TriggeringRun | undefined {
  if (env.GITHUB_EVENT_NAME !== 'workflow_run' || !env.GITHUB_EVENT_PATH) return undefined;
  let payload: WorkflowRunPayload;
  try {
    payload = JSON.parse(read(env.GITHUB_EVENT_PATH)) as WorkflowRunPayload;
  } catch (err) {
    throw new Error(`cannot read the workflow_run event (${env.GITHUB_EVENT_PATH}): ${(err as Error).message.split('\n')[0]}`);
  }
  const run = payload.workflow_run;
  const headSha = str(run?.head_sha);
  const event = str(run?.event);
  if (!run || !headSha || !event) throw new Error(`the workflow_run event (${env.GITHUB_EVENT_PATH}) names no triggering run`);
  return {
    ...(typeof run.id === 'number' ? { id: run.id } : {}),
    event,
    headSha,
    headBranch: str(run.head_branch),
    headOwner: str(run.head_repository?.owner?.login),
    pullRequests: (run.pull_requests ?? [])
      .filter((p) => typeof p.number === 'number')
      .map((p) => ({ number: p.number as number, headSha: str(p.head?.sha) })),
  };
}

export function isPullRequestRun(run: TriggeringRun): boolean {
  return run.event === 'pull_request' || run.event === 'pull_request_target';
}

/**
 * The open pull request whose head is the triggering run's commit. GitHub lists it on the
 * run for same-repository PRs; for a fork's it does not, so the pulls of the fork's
 * `owner:branch` are asked, and only one whose head is still that commit is taken.
 */
export async function pullRequestOfRun(run: TriggeringRun, octokit: Octokit, repository: { owner: string; repo: string }): Promise<number | undefined> {
  const listed = run.pullRequests.find((p) => p.headSha?.toLowerCase() === run.headSha.toLowerCase());
  if (listed) return listed.number;
  if (!run.headOwner || !run.headBranch) return undefined;
  const { data } = await octokit.rest.pulls.list({ ...repository, state: 'open', head: `${run.headOwner}:${run.headBranch}`, per_page: 100 });
  const heads = data.filter((p) => p.head.sha.toLowerCase() === run.headSha.toLowerCase());
  return heads.length === 1 ? heads[0]!.number : undefined;
}
