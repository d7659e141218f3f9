/** Where a run happened: the facts every profile is tagged with and stored under. */
export type CiProvider = 'github' | 'gitlab' | 'circleci' | 'buildkite' | 'local';

export interface CiContext {
  provider: CiProvider;
  /** The commit whose code ran (for GitHub PRs the PR head, not the synthetic merge commit). */
  commit?: string;
  branch?: string;
  /** Target branch of the PR/MR, or the local upstream branch. */
  baseBranch?: string;
  /** The merge-base with the base branch when known (local git, GitHub event). */
  baseCommit?: string;
  pr?: number;
  /** owner/name (GitHub), group/project (GitLab) */
  repository?: string;
  serverUrl?: string;
  workflow?: string;
  job?: string;
  matrix?: string;
  runId?: string;
  runUrl?: string;
  runnerOs?: string;
  runnerName?: string;
  /** Stable name of the job across runs, under which profiles are stored and compared. */
  jobKey: string;
}

/** Job keys become directory names and label values: keep them to a safe alphabet. */
export function sanitizeJobKey(raw: string): string {
  const cleaned = raw
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[_.]+|_+$/g, '');
  return cleaned.slice(0, 120) || 'default';
}

/** The metadata keys written into profiles (pprof comments and profile.json). */
export function contextMeta(ctx: CiContext): Record<string, string> {
  const meta: Record<string, string> = {};
  const put = (k: string, v: string | number | undefined): void => {
    if (v !== undefined && v !== '') meta[k] = String(v);
  };
  put('ci.provider', ctx.provider);
  put('commit', ctx.commit);
  put('branch', ctx.branch);
  put('base_branch', ctx.baseBranch);
  put('base_commit', ctx.baseCommit);
  put('pr', ctx.pr);
  put('repository', ctx.repository);
  put('ci.workflow', ctx.workflow);
  put('ci.job', ctx.job);
  put('ci.matrix', ctx.matrix);
  put('ci.run_id', ctx.runId);
  put('ci.run_url', ctx.runUrl);
  put('runner.os', ctx.runnerOs);
  put('runner.name', ctx.runnerName);
  put('job_key', ctx.jobKey);
  return meta;
}
