/**
 * Profiles kept as GitHub Actions artifacts. Each run uploads its profile as one
 * unzipped artifact named from the job key and commit, `ciprof-<jobKey>-<commit>.pb.gz`,
 * so finding the baseline for (jobKey, commit) starts with one exact-name query of the
 * repository's artifact list.
 *
 * The name proves nothing: every pull request run, a fork's included, can upload an
 * artifact of any name to this repository. A fork could then make every PR look
 * unchanged, or fail CI with invented regressions. So a baseline is taken only from a
 * run the project trusts (isTrustedBaselineRun): a push or merge-queue run of this
 * repository's own code on the base branch, whose head commit is the commit looked up.
 *
 * Upload goes through @actions/artifact (it speaks the Actions runtime's results
 * service, only reachable inside a job); lookup and download use the public REST API
 * through the same client with `findBy`, so a token with `actions: read` suffices.
 */
import { DefaultArtifactClient } from '@actions/artifact';
import { getOctokit } from '@actions/github';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sanitizeJobKey } from '../ci/context.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ProfileStore, StoredProfile, StoreCapabilities } from './store.js';

export interface GithubArtifactStoreOptions {
  token: string;
  /** owner/name */
  repository: string;
  /** Only runs on this branch are baselines (the PR's base branch); the repository's default branch when omitted. */
  baseBranch?: string;
  retentionDays?: number;
  /** REST base URL (GITHUB_API_URL); @actions/github reads the env when omitted. */
  apiUrl?: string;
}

const COMMIT_RE = /^[0-9a-f]{7,64}$/i;

export function artifactName(jobKey: string, commit: string): string {
  if (!COMMIT_RE.test(commit)) throw new Error(`github artifacts: "${commit}" is not a commit id`);
  // Artifact names refuse " : < > | * ? \ / and CR/LF; a sanitized job key has none.
  return `ciprof-${sanitizeJobKey(jobKey)}-${commit.toLowerCase()}.pb.gz`;
}

interface ArtifactRow {
  id: number;
  name: string;
  expired: boolean;
  created_at?: string | null;
  workflow_run?: { id?: number; repository_id?: number; head_repository_id?: number; head_branch?: string | null; head_sha?: string } | null;
}

/** What a workflow run says about where its code came from (GET /repos/{owner}/{repo}/actions/runs/{id}). */
export interface WorkflowRunFacts {
  id: number;
  event: string;
  head_branch: string | null;
  head_sha: string;
  repository: { id: number };
  head_repository?: { id: number } | null;
}

/**
 * Runs whose code is already in the branch and that only people with write access can
 * start. pull_request, pull_request_target, workflow_run, issue_comment and the like run
 * on code or events from outside; workflow_dispatch and schedule are left out too, as
 * they can run any branch.
 */
const TRUSTED_EVENTS = new Set(['push', 'merge_group']);

/** Artifacts of one name whose runs are asked about, newest first: bounds the API calls a flood of fakes can cause. */
const MAX_RUNS_CHECKED = 20;

/**
 * Whether a run's profile may be the baseline for `commit` on `branch`: a push (or merge
 * queue) run, of this repository's own code (not a fork's), on the base branch (the merge
 * queue's `gh-readonly-queue/<branch>/...` for merge_group), whose head is that commit.
 */
export function isTrustedBaselineRun(run: WorkflowRunFacts, commit: string, branch: string): boolean {
  if (!TRUSTED_EVENTS.has(run.event)) return false;
  if (!run.head_repository || run.head_repository.id !== run.repository.id) return false;
  if (run.head_sha.toLowerCase() !== commit.toLowerCase()) return false;
  const onBranch = run.event === 'merge_group' ? (run.head_branch ?? '').startsWith(`gh-readonly-queue/${branch}/`) : run.head_branch === branch;
  return onBranch;
}

export class GithubArtifactStore implements ProfileStore {
  readonly name = 'github-artifacts';
  // One artifact name per (job key, commit): a re-run replaces, so one run per commit.
  readonly capabilities: StoreCapabilities = { separateRuns: false, runsByCommit: true };
  private readonly owner: string;
  private readonly repo: string;
  private readonly client = new DefaultArtifactClient();
  private readonly runs = new Map<number, Promise<WorkflowRunFacts | undefined>>();

  constructor(private readonly opts: GithubArtifactStoreOptions) {
    const [owner, repo] = opts.repository.split('/');
    if (!owner || !repo) throw new Error(`github artifacts: repository must be owner/name, got "${opts.repository}"`);
    this.owner = owner;
    this.repo = repo;
  }

  private octokit(): ReturnType<typeof getOctokit> {
    return getOctokit(this.opts.token, this.opts.apiUrl ? { baseUrl: this.opts.apiUrl } : {});
  }

  async put(entry: Omit<StoredProfile, 'id' | 'createdAt'>, pprofGzip: Buffer): Promise<StoredProfile> {
    const name = artifactName(entry.jobKey, entry.commit);
    const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-artifact-'));
    try {
      const file = path.join(dir, name);
      writeFileAtomic(file, pprofGzip);
      // skipArchive: one raw file, the file name is the artifact name, downloads need no unzip.
      const res = await this.client.uploadArtifact(name, [file], dir, { skipArchive: true, retentionDays: this.opts.retentionDays });
      return { id: String(res.id ?? ''), jobKey: entry.jobKey, commit: entry.commit, branch: entry.branch, createdAt: new Date().toISOString() };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Profiles of (jobKey, commit) from trusted runs only (isTrustedBaselineRun), newest first. */
  async find(jobKey: string, commit: string): Promise<StoredProfile[]> {
    const name = artifactName(jobKey, commit);
    const octokit = this.octokit();
    const rows = (await octokit.paginate(octokit.rest.actions.listArtifactsForRepo, { owner: this.owner, repo: this.repo, name, per_page: 100 })) as ArtifactRow[];
    // The listing already tells a fork's run and another commit's apart: skip those unasked.
    const candidates = rows
      .filter((a) => a.name === name && !a.expired && a.workflow_run?.id)
      .filter(({ workflow_run: run }) => {
        const sameCommit = run!.head_sha === undefined || run!.head_sha.toLowerCase() === commit.toLowerCase();
        const ownCode = run!.head_repository_id === undefined || run!.head_repository_id === run!.repository_id;
        return sameCommit && ownCode;
      })
      .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''))
      .slice(0, MAX_RUNS_CHECKED);
    if (candidates.length === 0) return [];
    const branch = this.opts.baseBranch ?? (await octokit.rest.repos.get({ owner: this.owner, repo: this.repo })).data.default_branch;
    const trusted: StoredProfile[] = [];
    for (const a of candidates) {
      const run = await this.workflowRun(octokit, a.workflow_run!.id!);
      if (!run || !isTrustedBaselineRun(run, commit, branch)) continue;
      // The REST download needs both ids.
      trusted.push({ id: `${a.id}@${run.id}`, jobKey, commit, branch: run.head_branch ?? undefined, createdAt: a.created_at ?? '', runId: run.id });
    }
    return trusted;
  }

  /** One lookup per run (several artifacts can share one); a run deleted since is no baseline. */
  private workflowRun(octokit: ReturnType<typeof getOctokit>, runId: number): Promise<WorkflowRunFacts | undefined> {
    let run = this.runs.get(runId);
    if (!run) {
      run = octokit.rest.actions.getWorkflowRun({ owner: this.owner, repo: this.repo, run_id: runId }).then(
        (r) => r.data as WorkflowRunFacts,
        (err: { status?: number }) => {
          if (err.status === 404) return undefined;
          throw err;
        },
      );
      this.runs.set(runId, run);
    }
    return run;
  }

  async get(entry: StoredProfile): Promise<Buffer> {
    const [artifactId, runId] = entry.id.split('@').map(Number);
    if (!artifactId || !runId) throw new Error(`github artifacts: bad artifact handle "${entry.id}"`);
    const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-baseline-'));
    try {
      const res = await this.client.downloadArtifact(artifactId, {
        path: dir,
        findBy: { token: this.opts.token, workflowRunId: runId, repositoryOwner: this.owner, repositoryName: this.repo },
      });
      if (res.digestMismatch) throw new Error(`github artifacts: artifact ${artifactId} failed its digest check`);
      const files = readdirSync(dir).filter((f) => f.endsWith('.pb.gz') || f.endsWith('.pb'));
      if (files.length === 0) throw new Error(`github artifacts: artifact ${artifactId} held no profile`);
      return readFileSync(path.join(dir, files[0]!));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
