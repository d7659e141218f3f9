/**
 * Baselines from GitHub artifacts, against the local GitHub REST server (every request
 * checked against GitHub's OpenAPI description). Any pull request run, a fork's
 * included, can upload an artifact with the baseline's exact name; only a push or
 * merge-queue run of the repository's own code on the base branch, at that commit, is
 * a baseline. Same rule when walking back along the base branch's history.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommitHistory } from '../../src/baseline/history.js';
import { resolveBaseline } from '../../src/baseline/resolve.js';
import { FakeGithub, type FakeArtifact } from '../helpers/github-server.js';

type StoreModule = typeof import('../../src/store/github-artifacts.js');

const JOB = 'ci_test';
const c = (n: number): string => n.toString(16).padStart(40, '0');
const BASE = c(4);
const FORK_REPO = 4242;
let gh: FakeGithub;
let apiUrl: string;
let mod: StoreModule;
const savedApiUrl = process.env.GITHUB_API_URL;

const at = (minutes: number): string => new Date(Date.UTC(2026, 10, 1, 12, minutes)).toISOString();
function artifact(id: number, over: Partial<Omit<FakeArtifact, 'bytes'>> & { bytes: string }): FakeArtifact {
  return { id, runId: id * 10, name: mod.artifactName(JOB, over.headSha ?? BASE), headBranch: 'main', headSha: BASE, createdAt: at(id), ...over, bytes: Buffer.from(over.bytes) };
}
const store = (baseBranch?: string) => new mod.GithubArtifactStore({ token: 'ghs_token', repository: 'acme/shop', apiUrl, ...(baseBranch ? { baseBranch } : {}) });

beforeAll(async () => {
  gh = new FakeGithub();
  apiUrl = await gh.start();
  // @actions/artifact's download takes the API URL from the environment when the toolkit loads.
  process.env.GITHUB_API_URL = apiUrl;
  mod = await import('../../src/store/github-artifacts.js');
});
afterAll(async () => {
  process.env.GITHUB_API_URL = savedApiUrl;
  await gh.stop();
});
beforeEach(() => {
  gh.artifacts.length = 0;
  gh.requests.length = 0;
});

describe('GithubArtifactStore.find', () => {
  it('ignores a fork run\'s artifact with the base commit and branch main, and uses the push run\'s', async () => {
    gh.artifacts.push(
      artifact(1, { bytes: 'PUSH', event: 'push' }),
      // Newer, same name, same head_sha, branch named main: a fork's pull_request run.
      artifact(2, { bytes: 'FORK', event: 'pull_request', headRepositoryId: FORK_REPO }),
    );
    const found = await store('main').find(JOB, BASE);
    expect(found.map((f) => f.runId)).toEqual([10]);
    expect(found[0]).toMatchObject({ id: '1@10', commit: BASE, branch: 'main', runId: 10 });
    expect((await store('main').get(found[0]!)).toString()).toBe('PUSH');
    expect(gh.violations).toEqual([]);
    // The fork's artifact was dropped from the listing alone: its run was never fetched.
    expect(gh.requests.filter((r) => r.template === '/repos/{owner}/{repo}/actions/runs/{run_id}').map((r) => r.path)).toEqual(['/repos/acme/shop/actions/runs/10']);
  });

  it('takes neither pull request runs of the repository itself, nor other branches, events or commits', async () => {
    gh.artifacts.push(
      artifact(1, { bytes: 'same-repo PR', event: 'pull_request' }),
      artifact(2, { bytes: 'pull_request_target', event: 'pull_request_target' }),
      artifact(3, { bytes: 'feature push', event: 'push', headBranch: 'feature' }),
      artifact(4, { bytes: 'dispatch', event: 'workflow_dispatch' }),
      // Named for BASE but run on another commit.
      { ...artifact(5, { bytes: 'other commit', event: 'push' }), headSha: c(5) },
      artifact(6, { bytes: 'merge queue', event: 'merge_group', headBranch: 'gh-readonly-queue/main/pr-12-abc' }),
      artifact(7, { bytes: 'push', event: 'push' }),
    );
    const found = await store('main').find(JOB, BASE);
    expect(found.map((f) => f.runId)).toEqual([70, 60]);
    expect(gh.violations).toEqual([]);
  });

  it('without a base branch, trusts the repository\'s default branch', async () => {
    gh.defaultBranch = 'trunk';
    try {
      gh.artifacts.push(artifact(1, { bytes: 'main', event: 'push' }), artifact(2, { bytes: 'trunk', event: 'push', headBranch: 'trunk' }));
      expect((await store().find(JOB, BASE)).map((f) => f.runId)).toEqual([20]);
      expect(gh.requests.some((r) => r.template === '/repos/{owner}/{repo}')).toBe(true);
    } finally {
      gh.defaultBranch = 'main';
    }
  });
});

describe('baseline resolution over GitHub artifacts', () => {
  // main: c1 <- c2 <- c3 <- c4 (first parents); the PR's merge-base is c4.
  const chain = [c(4), c(3), c(2), c(1)];
  const history: CommitHistory = {
    resolve: (r) => (r === 'origin/main' ? c(4) : chain.find((x) => x.startsWith(r))),
    mergeBase: () => c(4),
    firstParentChain: (commit, limit) => chain.slice(chain.indexOf(commit)).slice(0, limit),
  };

  it('walks past commits that only a fork uploaded for, to the nearest trusted run, and says which run', async () => {
    gh.artifacts.push(
      artifact(1, { bytes: 'fork c4', event: 'pull_request', headRepositoryId: FORK_REPO, headSha: c(4) }),
      artifact(2, { bytes: 'fork c3', event: 'pull_request', headRepositoryId: FORK_REPO, headSha: c(3) }),
      artifact(3, { bytes: 'push c2', event: 'push', headSha: c(2) }),
    );
    const r = await resolveBaseline({ store: store('main'), history, jobKey: JOB, base: 'origin/main', head: c(9) });
    expect(r).toMatchObject({ found: true, commit: c(2), distance: 2, stored: { runId: 30 } });
    expect(gh.violations).toEqual([]);
  });
});

describe('isTrustedBaselineRun', () => {
  const run = { id: 1, event: 'push', head_branch: 'main', head_sha: BASE, repository: { id: 1 }, head_repository: { id: 1 } };
  it('needs the event, the repository, the branch and the commit to agree', () => {
    expect(mod.isTrustedBaselineRun(run, BASE.toUpperCase(), 'main')).toBe(true);
    expect(mod.isTrustedBaselineRun({ ...run, head_repository: null }, BASE, 'main')).toBe(false);
    expect(mod.isTrustedBaselineRun({ ...run, head_repository: { id: 2 } }, BASE, 'main')).toBe(false);
    expect(mod.isTrustedBaselineRun({ ...run, event: 'pull_request' }, BASE, 'main')).toBe(false);
    expect(mod.isTrustedBaselineRun(run, c(5), 'main')).toBe(false);
    expect(mod.isTrustedBaselineRun(run, BASE, 'release')).toBe(false);
    expect(mod.isTrustedBaselineRun({ ...run, event: 'merge_group', head_branch: 'gh-readonly-queue/main/pr-1-x' }, BASE, 'main')).toBe(true);
    expect(mod.isTrustedBaselineRun({ ...run, event: 'merge_group', head_branch: 'gh-readonly-queue/mainline/pr-1-x' }, BASE, 'main')).toBe(false);
  });
});

describe('the baseline stage over GitHub artifacts, and the comment', () => {
  it('takes the newest trusted run of the base commit, not a newer fork run; the comment links the run it used', async () => {
    const { ProfileBuilder } = await import('../../src/profile/model.js');
    const { encodePprofGzip } = await import('../../src/profile/gzip.js');
    const { findBaseline } = await import('../../src/pipeline/baseline.js');
    const { buildDiffReport } = await import('../../src/pipeline/diff.js');
    const { renderComment } = await import('../../src/render/markdown.js');
    const { DEFAULT_THRESHOLDS } = await import('../../src/diff/function-diff.js');
    const profile = (who: string, ms: number) => {
      const b = new ProfileBuilder();
      b.addSample([b.functionId('work', 'src/work.js', 1)], [ms, ms * 1e6]);
      b.meta = { who };
      return b.build();
    };
    const pprof = (who: string, ms: number): Buffer => encodePprofGzip(profile(who, ms));
    const entry = (id: number, who: string, event: string, fork = false): FakeArtifact => ({ ...artifact(id, { bytes: '', event, ...(fork ? { headRepositoryId: FORK_REPO } : {}) }), bytes: pprof(who, 100) });
    // Two push runs of the base commit (a re-run), and a newer fork run with the same name, commit and branch.
    // One artifact name per commit: the store takes one run, the newest trusted one.
    gh.artifacts.push(entry(1, 'push-1', 'push'), entry(2, 'push-2', 'push'), entry(3, 'fork', 'pull_request', true));
    const history: CommitHistory = { resolve: () => BASE, mergeBase: () => BASE, firstParentChain: (commit) => [commit] };
    const ci = { provider: 'github' as const, repository: 'acme/shop', serverUrl: 'https://github.com', jobKey: JOB };
    const s = { base: 'origin/main', cwd: process.cwd(), ci, maxWalk: 5 } as unknown as Parameters<typeof findBaseline>[0];
    const baseline = await findBaseline(s, c(9), store('main'), history);
    expect(baseline.runs.map((p) => p.meta.who)).toEqual(['push-2']);
    expect(baseline.provenance).toMatchObject({ found: true, commit: BASE, runId: 20, store: 'github-artifacts' });
    expect(gh.violations).toEqual([]);

    const { report } = buildDiffReport({ ci, baseRuns: baseline.runs, headRuns: [profile('head', 400)], provenance: baseline.provenance, head: { commit: c(9) }, thresholds: DEFAULT_THRESHOLDS });
    expect(renderComment(report)).toContain('[run 20](https://github.com/acme/shop/actions/runs/20)');
  });
});
