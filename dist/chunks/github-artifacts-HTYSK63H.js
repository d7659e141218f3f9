import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  sanitizeJobKey
} from "./chunk-UO43WOGP.js";
import {
  DefaultArtifactClient
} from "./chunk-DF2NLE2A.js";
import {
  getOctokit
} from "./chunk-IJ3PMYQX.js";
import "./chunk-CLEKI64P.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
import "./chunk-ZHB73YNC.js";

// src/store/github-artifacts.ts
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
var COMMIT_RE = /^[0-9a-f]{7,64}$/i;
function artifactName(jobKey, commit) {
  if (!COMMIT_RE.test(commit)) throw new Error(`github artifacts: "${commit}" is not a commit id`);
  return `ciprof-${sanitizeJobKey(jobKey)}-${commit.toLowerCase()}.pb.gz`;
}
var TRUSTED_EVENTS = /* @__PURE__ */ new Set(["push", "merge_group"]);
var MAX_RUNS_CHECKED = 20;
function isTrustedBaselineRun(run, commit, branch) {
  if (!TRUSTED_EVENTS.has(run.event)) return false;
  if (!run.head_repository || run.head_repository.id !== run.repository.id) return false;
  if (run.head_sha.toLowerCase() !== commit.toLowerCase()) return false;
  const onBranch = run.event === "merge_group" ? (run.head_branch ?? "").startsWith(`gh-readonly-queue/${branch}/`) : run.head_branch === branch;
  return onBranch;
}
var GithubArtifactStore = class {
  constructor(opts) {
    this.opts = opts;
    const [owner, repo] = opts.repository.split("/");
    if (!owner || !repo) throw new Error(`github artifacts: repository must be owner/name, got "${opts.repository}"`);
    this.owner = owner;
    this.repo = repo;
  }
  opts;
  name = "github-artifacts";
  // One artifact name per (job key, commit): a re-run replaces, so one run per commit.
  capabilities = { separateRuns: false, runsByCommit: true };
  owner;
  repo;
  client = new DefaultArtifactClient();
  runs = /* @__PURE__ */ new Map();
  octokit() {
    return getOctokit(this.opts.token, this.opts.apiUrl ? { baseUrl: this.opts.apiUrl } : {});
  }
  async put(entry, pprofGzip) {
    const name = artifactName(entry.jobKey, entry.commit);
    const dir = mkdtempSync(path.join(tmpdir(), "ciprof-artifact-"));
    try {
      const file = path.join(dir, name);
      writeFileAtomic(file, pprofGzip);
      const res = await this.client.uploadArtifact(name, [file], dir, { skipArchive: true, retentionDays: this.opts.retentionDays });
      return { id: String(res.id ?? ""), jobKey: entry.jobKey, commit: entry.commit, branch: entry.branch, createdAt: (/* @__PURE__ */ new Date()).toISOString() };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  /** Profiles of (jobKey, commit) from trusted runs only (isTrustedBaselineRun), newest first. */
  async find(jobKey, commit) {
    const name = artifactName(jobKey, commit);
    const octokit = this.octokit();
    const rows = await octokit.paginate(octokit.rest.actions.listArtifactsForRepo, { owner: this.owner, repo: this.repo, name, per_page: 100 });
    const candidates = rows.filter((a) => a.name === name && !a.expired && a.workflow_run?.id).filter(({ workflow_run: run }) => {
      const sameCommit = run.head_sha === void 0 || run.head_sha.toLowerCase() === commit.toLowerCase();
      const ownCode = run.head_repository_id === void 0 || run.head_repository_id === run.repository_id;
      return sameCommit && ownCode;
    }).sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? "")).slice(0, MAX_RUNS_CHECKED);
    if (candidates.length === 0) return [];
    const branch = this.opts.baseBranch ?? (await octokit.rest.repos.get({ owner: this.owner, repo: this.repo })).data.default_branch;
    const trusted = [];
    for (const a of candidates) {
      const run = await this.workflowRun(octokit, a.workflow_run.id);
      if (!run || !isTrustedBaselineRun(run, commit, branch)) continue;
      trusted.push({ id: `${a.id}@${run.id}`, jobKey, commit, branch: run.head_branch ?? void 0, createdAt: a.created_at ?? "", runId: run.id });
    }
    return trusted;
  }
  /** One lookup per run (several artifacts can share one); a run deleted since is no baseline. */
  workflowRun(octokit, runId) {
    let run = this.runs.get(runId);
    if (!run) {
      run = octokit.rest.actions.getWorkflowRun({ owner: this.owner, repo: this.repo, run_id: runId }).then(
        (r) => r.data,
        (err) => {
          if (err.status === 404) return void 0;
          throw err;
        }
      );
      this.runs.set(runId, run);
    }
    return run;
  }
  async get(entry) {
    const [artifactId, runId] = entry.id.split("@").map(Number);
    if (!artifactId || !runId) throw new Error(`github artifacts: bad artifact handle "${entry.id}"`);
    const dir = mkdtempSync(path.join(tmpdir(), "ciprof-baseline-"));
    try {
      const res = await this.client.downloadArtifact(artifactId, {
        path: dir,
        findBy: { token: this.opts.token, workflowRunId: runId, repositoryOwner: this.owner, repositoryName: this.repo }
      });
      if (res.digestMismatch) throw new Error(`github artifacts: artifact ${artifactId} failed its digest check`);
      const files = readdirSync(dir).filter((f) => f.endsWith(".pb.gz") || f.endsWith(".pb"));
      if (files.length === 0) throw new Error(`github artifacts: artifact ${artifactId} held no profile`);
      return readFileSync(path.join(dir, files[0]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
};
export {
  GithubArtifactStore,
  artifactName,
  isTrustedBaselineRun
};
