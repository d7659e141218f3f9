/**
 * Where a run happened: the facts every profile is tagged with and stored under.
 * node:crypto is loaded only for a key that needs its hash: `ciprof run` reads this module
 * before the test command starts, and loading crypto costs ~10 ms.
 */

/** An environment as CI detection reads it. */
export type Env = Readonly<Record<string, string | undefined>>;

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

const MAX_JOB_KEY = 120;
const tidy = (key: string): string => key.replace(/^[_.]+|_+$/g, '');

/**
 * Job keys become directory names, artifact names and label values: keep them to a safe
 * alphabet. ASCII names keep a readable key (`CI/test (20)` -> `CI_test_20`). Names with
 * other characters would lose them and collapse (`测试/test` and `ビルド/test` both read
 * `test`), so they get a short hash of the whole name: `test-5d1c9e0a`. Idempotent, so a
 * key can be sanitized again wherever it is used.
 */
export function sanitizeJobKey(raw: string): string {
  const name = raw.trim().normalize('NFC');
  const cleaned = tidy(name.replace(/[^A-Za-z0-9._-]+/g, '_'));
  if (!/\P{ASCII}/u.test(name)) return tidy(cleaned.slice(0, MAX_JOB_KEY)) || 'default';
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${tidy(cleaned.slice(0, MAX_JOB_KEY - hash.length - 1)) || 'job'}-${hash}`;
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
