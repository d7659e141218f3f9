import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextMeta, sanitizeJobKey } from '../../src/ci/context.js';
import { detectCi } from '../../src/ci/detect.js';
import { localGitFacts } from '../../src/ci/git.js';

const noGit = { git: {} };

// Variable sets as each provider documents and sets them on a pull/merge request build.
describe('detectCi', () => {
  it('GitHub Actions pull_request: PR head commit (not the merge commit), PR number, job key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-gh-'));
    const eventPath = join(dir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({ number: 42, pull_request: { number: 42, head: { sha: 'a'.repeat(40), ref: 'feature' }, base: { sha: 'b'.repeat(40), ref: 'main' } } }),
    );
    const ctx = detectCi(
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_SHA: 'c'.repeat(40),
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_REF_NAME: '42/merge',
        GITHUB_HEAD_REF: 'feature',
        GITHUB_BASE_REF: 'main',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '987',
        GITHUB_WORKFLOW: 'CI',
        GITHUB_JOB: 'test',
        RUNNER_OS: 'Linux',
        RUNNER_NAME: 'GitHub Actions 3',
        CIPROF_MATRIX: 'node-20',
      },
      noGit,
    );
    expect(ctx).toMatchObject({
      provider: 'github',
      commit: 'a'.repeat(40),
      branch: 'feature',
      baseBranch: 'main',
      baseCommit: 'b'.repeat(40),
      pr: 42,
      repository: 'acme/shop',
      runUrl: 'https://github.com/acme/shop/actions/runs/987',
      runnerOs: 'Linux',
      jobKey: 'CI_test_node-20',
    });
  });

  it('GitHub Actions push without event file falls back to GITHUB_SHA and the ref name', () => {
    const ctx = detectCi({ GITHUB_ACTIONS: 'true', GITHUB_SHA: 'd'.repeat(40), GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'unit' }, noGit);
    expect(ctx).toMatchObject({ commit: 'd'.repeat(40), branch: 'main', jobKey: 'CI_unit' });
    expect(ctx.pr).toBeUndefined();
  });

  it('GitLab CI merge request pipeline', () => {
    const ctx = detectCi(
      {
        GITLAB_CI: 'true',
        CI: 'true',
        CI_COMMIT_SHA: 'e'.repeat(40),
        CI_COMMIT_REF_NAME: 'feature',
        CI_MERGE_REQUEST_IID: '7',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_MERGE_REQUEST_DIFF_BASE_SHA: 'f'.repeat(40),
        CI_PROJECT_PATH: 'acme/shop',
        CI_SERVER_URL: 'https://gitlab.example.com',
        CI_JOB_NAME: 'test: [20]',
        CI_PIPELINE_ID: '555',
        CI_JOB_URL: 'https://gitlab.example.com/acme/shop/-/jobs/1',
      },
      noGit,
    );
    expect(ctx).toMatchObject({ provider: 'gitlab', commit: 'e'.repeat(40), branch: 'feature', baseBranch: 'main', baseCommit: 'f'.repeat(40), pr: 7, jobKey: 'test_20' });
  });

  it('CircleCI on a GitHub PR, parallel node', () => {
    const ctx = detectCi(
      {
        CIRCLECI: 'true',
        CI: 'true',
        CIRCLE_SHA1: '1'.repeat(40),
        CIRCLE_BRANCH: 'feature',
        CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/19',
        CIRCLE_PROJECT_USERNAME: 'acme',
        CIRCLE_PROJECT_REPONAME: 'shop',
        CIRCLE_JOB: 'test',
        CIRCLE_WORKFLOW_ID: 'wf-uuid',
        CIRCLE_BUILD_NUM: '77',
        CIRCLE_NODE_INDEX: '1',
        CIRCLE_NODE_TOTAL: '4',
      },
      noGit,
    );
    expect(ctx).toMatchObject({ provider: 'circleci', commit: '1'.repeat(40), pr: 19, repository: 'acme/shop', jobKey: 'test_node1' });
  });

  it('Buildkite PR build', () => {
    const ctx = detectCi(
      {
        BUILDKITE: 'true',
        BUILDKITE_COMMIT: '2'.repeat(40),
        BUILDKITE_BRANCH: 'feature',
        BUILDKITE_PULL_REQUEST: '31',
        BUILDKITE_PULL_REQUEST_BASE_BRANCH: 'main',
        BUILDKITE_PIPELINE_SLUG: 'shop',
        BUILDKITE_STEP_KEY: 'unit-tests',
        BUILDKITE_BUILD_NUMBER: '12',
      },
      noGit,
    );
    expect(ctx).toMatchObject({ provider: 'buildkite', commit: '2'.repeat(40), pr: 31, baseBranch: 'main', jobKey: 'shop_unit-tests' });
    expect(detectCi({ BUILDKITE: 'true', BUILDKITE_PULL_REQUEST: 'false' }, noGit).pr).toBeUndefined();
  });

  it('job names with non-ASCII characters keep distinct keys; ASCII keys stay readable', () => {
    const key = (job: string): string => detectCi({ GITLAB_CI: 'true', CI_JOB_NAME: job }, noGit).jobKey;
    const zh = key('测试/test');
    const ja = key('ビルド/test');
    expect(zh).not.toBe(ja);
    expect(zh).toMatch(/^test-[0-9a-f]{8}$/);
    expect(ja).toMatch(/^test-[0-9a-f]{8}$/);
    // Only non-ASCII characters: a hash alone still tells them apart.
    expect(key('测试')).not.toBe(key('ビルド'));
    expect(key('测试')).toMatch(/^job-[0-9a-f]{8}$/);
    // Same name, same key across runs (and NFC/NFD spellings of one name agree).
    expect(key('測試 é/unit')).toBe(key('測試 e\u0301/unit'));
    expect(key('test: [20, linux]')).toBe('test_20_linux');
    expect(sanitizeJobKey('CI/test (20)')).toBe('CI_test_20');
  });

  it('sanitizing a key again changes nothing (stores and artifact names re-sanitize)', () => {
    for (const raw of ['测试/test', 'ビルド', 'CI/unit', `${'x'.repeat(118)}/é`, `${'a'.repeat(119)}/b`, '  ', '../../etc passwd']) {
      const once = sanitizeJobKey(raw);
      expect(sanitizeJobKey(once), raw).toBe(once);
      expect(once.length).toBeLessThanOrEqual(120);
      expect(once).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    }
  });

  it('CIPROF_JOB_KEY overrides and is sanitized', () => {
    expect(detectCi({ CIPROF_JOB_KEY: '../../etc passwd' }, noGit).jobKey).toBe('etc_passwd');
    expect(sanitizeJobKey('  ')).toBe('default');
  });

  it('local git: commit, branch, upstream and merge-base from a real repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-git-'));
    const g = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
    g('init', '-q', '-b', 'main');
    g('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'base');
    const base = g('rev-parse', 'HEAD');
    g('checkout', '-q', '-b', 'feature');
    g('branch', '-q', '--set-upstream-to=main');
    g('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'head');
    const head = g('rev-parse', 'HEAD');
    const ctx = detectCi({}, { git: localGitFacts(dir) });
    expect(ctx).toMatchObject({ provider: 'local', commit: head, branch: 'feature', baseBranch: 'main', baseCommit: base, jobKey: 'local' });
    expect(contextMeta(ctx)).toMatchObject({ commit: head, branch: 'feature', base_commit: base, 'ci.provider': 'local' });
  });

  it('outside a git repository: no commit, no crash', () => {
    expect(localGitFacts(mkdtempSync(join(tmpdir(), 'ciprof-nogit-')))).toEqual({});
  });
});
