/**
 * Profiles kept as GitHub Actions artifacts. Each run uploads its profile as one
 * unzipped artifact named from the job key and commit, `ciprof-<jobKey>-<commit>.pb.gz`,
 * so finding the baseline for (jobKey, commit) is one exact-name query of the
 * repository's artifact list; among the matches, runs on the base branch are preferred.
 *
 * Upload goes through @actions/artifact (it speaks the Actions runtime's results
 * service, only reachable inside a job); lookup and download use the public REST API
 * through the same client with `findBy`, so a token with `actions: read` suffices.
 */
import { DefaultArtifactClient } from '@actions/artifact';
import { getOctokit } from '@actions/github';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sanitizeJobKey } from '../ci/context.js';
import type { ProfileStore, StoredProfile, StoreCapabilities } from './store.js';

export interface GithubArtifactStoreOptions {
  token: string;
  /** owner/name */
  repository: string;
  /** Runs on this branch are preferred when several runs profiled the same commit. */
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
  workflow_run?: { id?: number; head_branch?: string | null; head_sha?: string } | null;
}

export class GithubArtifactStore implements ProfileStore {
  readonly name = 'github-artifacts';
  // One artifact name per (job key, commit): a re-run replaces, so one run per commit.
  readonly capabilities: StoreCapabilities = { separateRuns: false, runsByCommit: true };
  private readonly owner: string;
  private readonly repo: string;
  private readonly client = new DefaultArtifactClient();

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
      writeFileSync(file, pprofGzip);
      // skipArchive: one raw file, the file name is the artifact name, downloads need no unzip.
      const res = await this.client.uploadArtifact(name, [file], dir, { skipArchive: true, retentionDays: this.opts.retentionDays });
      return { id: String(res.id ?? ''), jobKey: entry.jobKey, commit: entry.commit, branch: entry.branch, createdAt: new Date().toISOString() };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async find(jobKey: string, commit: string): Promise<StoredProfile[]> {
    const name = artifactName(jobKey, commit);
    const rows = (await this.octokit().paginate(this.octokit().rest.actions.listArtifactsForRepo, {
      owner: this.owner,
      repo: this.repo,
      name,
      per_page: 100,
    })) as ArtifactRow[];
    const live = rows.filter((a) => a.name === name && !a.expired && a.workflow_run?.id);
    const onBase = (a: ArtifactRow): number => (this.opts.baseBranch && a.workflow_run?.head_branch === this.opts.baseBranch ? 0 : 1);
    return live
      .sort((a, b) => onBase(a) - onBase(b) || (b.created_at ?? '').localeCompare(a.created_at ?? ''))
      .map((a) => ({
        // The REST download needs both ids.
        id: `${a.id}@${a.workflow_run!.id}`,
        jobKey,
        commit,
        branch: a.workflow_run?.head_branch ?? undefined,
        createdAt: a.created_at ?? '',
      }));
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
