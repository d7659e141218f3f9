/**
 * CI detection from the environment each provider documents. Pure over (env, git facts,
 * event file reader) so every provider is tested with real variable sets.
 */
import { readFileSync } from 'node:fs';
import { sanitizeJobKey, type CiContext, type Env } from './context.js';
import { localGitFacts, type LocalGitFacts } from './git.js';
import { circleciRepositoryWeb, gitlabRepositoryWeb } from './web-url.js';

export type { Env };

export interface DetectOptions {
  cwd?: string;
  /** Injected for tests; defaults to reading the file. */
  readEvent?: (path: string) => unknown;
  git?: LocalGitFacts;
}

const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() !== '' ? v : undefined);
const int = (v: string | undefined): number | undefined => {
  const n = v ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

interface GithubEvent {
  number?: number;
  pull_request?: { number?: number; head?: { sha?: string; ref?: string }; base?: { sha?: string; ref?: string } };
}

function github(env: Env, opts: DetectOptions): Omit<CiContext, 'jobKey'> & { jobKeyParts: string[] } {
  let event: GithubEvent = {};
  const eventPath = nonEmpty(env.GITHUB_EVENT_PATH);
  if (eventPath) {
    try {
      event = (opts.readEvent ?? ((p) => JSON.parse(readFileSync(p, 'utf8'))))(eventPath) as GithubEvent;
    } catch {
      event = {};
    }
  }
  const pr = event.pull_request;
  const prFromRef = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '')?.[1];
  const server = nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com';
  const repo = nonEmpty(env.GITHUB_REPOSITORY);
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  return {
    provider: 'github',
    // On pull_request events GITHUB_SHA is a synthetic merge commit nobody else knows;
    // the PR head is the commit people talk about and later runs can find.
    commit: pr?.head?.sha ?? nonEmpty(env.GITHUB_SHA),
    branch: nonEmpty(env.GITHUB_HEAD_REF) ?? nonEmpty(env.GITHUB_REF_NAME),
    baseBranch: nonEmpty(env.GITHUB_BASE_REF) ?? pr?.base?.ref,
    baseCommit: pr?.base?.sha,
    pr: pr?.number ?? event.number ?? int(prFromRef),
    repository: repo,
    serverUrl: server,
    workflow: nonEmpty(env.GITHUB_WORKFLOW),
    job: nonEmpty(env.GITHUB_JOB),
    matrix: nonEmpty(env.CIPROF_MATRIX),
    runId,
    runUrl: repo && runId ? `${server}/${repo}/actions/runs/${runId}` : undefined,
    runnerOs: nonEmpty(env.RUNNER_OS),
    runnerName: nonEmpty(env.RUNNER_NAME),
    jobKeyParts: [env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', env.CIPROF_MATRIX ?? ''],
  };
}

function gitlab(env: Env): Omit<CiContext, 'jobKey'> & { jobKeyParts: string[] } {
  const web = gitlabRepositoryWeb(env);
  return {
    provider: 'gitlab',
    commit: nonEmpty(env.CI_COMMIT_SHA),
    branch: nonEmpty(env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME) ?? nonEmpty(env.CI_COMMIT_BRANCH) ?? nonEmpty(env.CI_COMMIT_REF_NAME),
    baseBranch: nonEmpty(env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) ?? nonEmpty(env.CI_DEFAULT_BRANCH),
    baseCommit: nonEmpty(env.CI_MERGE_REQUEST_DIFF_BASE_SHA),
    pr: int(env.CI_MERGE_REQUEST_IID),
    repository: nonEmpty(env.CI_PROJECT_PATH),
    serverUrl: web?.serverUrl ?? nonEmpty(env.CI_SERVER_URL),
    workflow: nonEmpty(env.CI_PIPELINE_NAME) ?? nonEmpty(env.CI_PIPELINE_SOURCE),
    // parallel:matrix jobs carry their matrix values in the job name ("test: [20, linux]").
    job: nonEmpty(env.CI_JOB_NAME),
    matrix: nonEmpty(env.CIPROF_MATRIX),
    runId: nonEmpty(env.CI_PIPELINE_ID),
    runUrl: nonEmpty(env.CI_JOB_URL) ?? nonEmpty(env.CI_PIPELINE_URL),
    runnerOs: nonEmpty(env.CI_RUNNER_EXECUTABLE_ARCH),
    runnerName: nonEmpty(env.CI_RUNNER_DESCRIPTION),
    jobKeyParts: [env.CI_JOB_NAME ?? '', env.CIPROF_MATRIX ?? ''],
  };
}

function circleci(env: Env): Omit<CiContext, 'jobKey'> & { jobKeyParts: string[] } {
  const prUrl = nonEmpty(env.CIRCLE_PULL_REQUEST);
  const web = circleciRepositoryWeb(env);
  const user = nonEmpty(env.CIRCLE_PROJECT_USERNAME);
  const name = nonEmpty(env.CIRCLE_PROJECT_REPONAME);
  return {
    provider: 'circleci',
    commit: nonEmpty(env.CIRCLE_SHA1),
    branch: nonEmpty(env.CIRCLE_BRANCH),
    baseBranch: nonEmpty(env.CIPROF_BASE_BRANCH),
    pr: int(/\/pull\/(\d+)/.exec(prUrl ?? '')?.[1]) ?? int(env.CIRCLE_PR_NUMBER),
    repository: user && name ? `${user}/${name}` : web?.repository,
    serverUrl: web?.serverUrl,
    workflow: nonEmpty(env.CIRCLE_WORKFLOW_ID),
    job: nonEmpty(env.CIRCLE_JOB),
    matrix: nonEmpty(env.CIPROF_MATRIX) ?? (int(env.CIRCLE_NODE_TOTAL) && env.CIRCLE_NODE_TOTAL !== '1' ? `node${env.CIRCLE_NODE_INDEX}` : undefined),
    runId: nonEmpty(env.CIRCLE_BUILD_NUM),
    runUrl: nonEmpty(env.CIRCLE_BUILD_URL),
    runnerName: nonEmpty(env.CIRCLE_NODE_INDEX) ? `node ${env.CIRCLE_NODE_INDEX}` : undefined,
    // The workflow id changes per run; the job name (and parallel index) does not.
    jobKeyParts: [env.CIRCLE_JOB ?? '', env.CIPROF_MATRIX ?? '', int(env.CIRCLE_NODE_TOTAL) && env.CIRCLE_NODE_TOTAL !== '1' ? `node${env.CIRCLE_NODE_INDEX}` : ''],
  };
}

function buildkite(env: Env): Omit<CiContext, 'jobKey'> & { jobKeyParts: string[] } {
  const prRaw = env.BUILDKITE_PULL_REQUEST;
  return {
    provider: 'buildkite',
    commit: nonEmpty(env.BUILDKITE_COMMIT),
    branch: nonEmpty(env.BUILDKITE_BRANCH),
    baseBranch: nonEmpty(env.BUILDKITE_PULL_REQUEST_BASE_BRANCH) ?? nonEmpty(env.BUILDKITE_PIPELINE_DEFAULT_BRANCH),
    pr: prRaw && prRaw !== 'false' ? int(prRaw) : undefined,
    repository: nonEmpty(env.BUILDKITE_REPO),
    workflow: nonEmpty(env.BUILDKITE_PIPELINE_SLUG),
    job: nonEmpty(env.BUILDKITE_STEP_KEY) ?? nonEmpty(env.BUILDKITE_LABEL),
    matrix: nonEmpty(env.CIPROF_MATRIX),
    runId: nonEmpty(env.BUILDKITE_BUILD_NUMBER),
    runUrl: nonEmpty(env.BUILDKITE_BUILD_URL),
    runnerName: nonEmpty(env.BUILDKITE_AGENT_NAME),
    jobKeyParts: [env.BUILDKITE_PIPELINE_SLUG ?? '', env.BUILDKITE_STEP_KEY ?? env.BUILDKITE_LABEL ?? '', env.CIPROF_MATRIX ?? ''],
  };
}

export function detectCi(env: Env = process.env, opts: DetectOptions = {}): CiContext {
  let found: Omit<CiContext, 'jobKey'> & { jobKeyParts: string[] };
  if (env.GITHUB_ACTIONS === 'true') found = github(env, opts);
  else if (env.GITLAB_CI === 'true') found = gitlab(env);
  else if (env.CIRCLECI === 'true') found = circleci(env);
  else if (env.BUILDKITE === 'true') found = buildkite(env);
  else found = { provider: 'local', jobKeyParts: ['local'] };

  // Fill what the provider left out from the checkout itself (also the whole local case).
  const facts = opts.git ?? localGitFacts(opts.cwd ?? process.cwd());
  found.commit ??= facts.commit;
  found.branch ??= facts.branch;
  if (found.provider === 'local') {
    found.baseBranch ??= facts.upstream;
    found.baseCommit ??= facts.mergeBase;
  }
  if (!found.runnerOs && found.provider === 'local') found.runnerOs = process.platform;

  const { jobKeyParts, ...ctx } = found;
  const explicit = nonEmpty(env.CIPROF_JOB_KEY);
  const jobKey = sanitizeJobKey(explicit ?? jobKeyParts.filter(Boolean).join('/'));
  return { ...ctx, jobKey };
}
