/**
 * Commit and file links in comments from CircleCI and GitLab builds: the repository's web
 * address derived from each provider's documented variables, then rendered into a real
 * comment (renderComment) to check the link layout each forge serves.
 */
import { describe, expect, it } from 'vitest';
import { detectCi, type Env } from '../../src/ci/detect.js';
import { circleciRepositoryWeb, gitlabRepositoryWeb, parseCloneUrl } from '../../src/ci/web-url.js';
import { DIFF_REPORT_SCHEMA, type DiffReport } from '../../src/diff/diff-report.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { renderComment } from '../../src/render/markdown.js';

const noGit = { git: {} };
const HEAD = 'c'.repeat(40);
const BASE = 'a'.repeat(40);

function profile(slowMs: number): Profile {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (let i = 0; i < 20; i++) b.addSample([b.functionId(`steady${i}`, `src/steady${i}.js`, 3), main], [50_000, 50_000 * 1e6]);
  b.addSample([b.functionId('slowFn', 'src/slow fn.js', 7), main], [slowMs, slowMs * 1e6]);
  return b.build();
}

/** A comment for a build detected from `env`: one regressed function, a stored base commit. */
function commentFor(env: Env): string {
  const ci = detectCi(env, noGit);
  const report: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: 'test',
    jobKey: ci.jobKey,
    provider: ci.provider,
    repository: ci.repository,
    serverUrl: ci.serverUrl,
    head: { commit: HEAD },
    base: { source: 'store', found: true, commit: BASE, wanted: BASE, distance: 0, reason: 'merge-base', store: 'local' },
    diff: diffProfiles(profile(100), profile(400)),
    changedPaths: [],
    links: {},
  };
  expect(report.diff!.regressions.map((r) => r.frame.name)).toEqual(['slowFn']);
  return renderComment(report);
}

const CIRCLE_PR: Env = {
  CIRCLECI: 'true',
  CI: 'true',
  CIRCLE_SHA1: HEAD,
  CIRCLE_BRANCH: 'feature',
  CIRCLE_JOB: 'test',
  CIRCLE_BUILD_NUM: '77',
  CIRCLE_PROJECT_USERNAME: 'acme',
  CIRCLE_PROJECT_REPONAME: 'shop',
};

describe('clone URLs', () => {
  it.each([
    ['git@github.com:acme/shop.git', 'https://github.com', 'acme/shop'],
    ['https://github.com/acme/shop', 'https://github.com', 'acme/shop'],
    ['https://github.com/acme/shop.git/', 'https://github.com', 'acme/shop'],
    ['ssh://git@ghe.example.com:7999/acme/shop.git', 'https://ghe.example.com', 'acme/shop'],
    ['https://git.example.com:8443/group/sub/project.git', 'https://git.example.com:8443', 'group/sub/project'],
  ])('%s', (url, serverUrl, repository) => {
    expect(parseCloneUrl(url)).toEqual({ serverUrl, repository });
  });

  it.each(['', 'not a url', 'file:///srv/repo.git', 'https://github.com/', 'https://github.com/acme', 'git@github.com:../x'])('rejects %j', (url) => {
    expect(parseCloneUrl(url)).toBeUndefined();
  });
});

describe('CircleCI', () => {
  it('a GitHub PR build: links to the commit and to file:line at the head commit', () => {
    const env = { ...CIRCLE_PR, CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/19', CIRCLE_REPOSITORY_URL: 'git@github.com:acme/shop.git', CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/shop/77' };
    expect(detectCi(env, noGit)).toMatchObject({ provider: 'circleci', serverUrl: 'https://github.com', repository: 'acme/shop', pr: 19 });
    const comment = commentFor(env);
    expect(comment).toContain(`(https://github.com/acme/shop/blob/${HEAD}/src/slow%20fn.js#L7)`);
    expect(comment).toContain(`(https://github.com/acme/shop/commit/${BASE})`);
  });

  it('a push build on GitHub Enterprise: the server from the clone URL, GitHub known from the build URL', () => {
    const env = { ...CIRCLE_PR, CIRCLE_REPOSITORY_URL: 'git@ghe.example.com:acme/shop.git', CIRCLE_BUILD_URL: 'https://circleci.example.com/gh/acme/shop/77' };
    expect(circleciRepositoryWeb(env)).toEqual({ serverUrl: 'https://ghe.example.com', repository: 'acme/shop' });
    expect(commentFor(env)).toContain(`(https://ghe.example.com/acme/shop/blob/${HEAD}/src/slow%20fn.js#L7)`);
  });

  it('the new build URL layout (/pipelines/github/) also says GitHub', () => {
    const env = { ...CIRCLE_PR, CIRCLE_REPOSITORY_URL: 'https://ghe.example.com/acme/shop.git', CIRCLE_BUILD_URL: 'https://app.circleci.com/pipelines/github/acme/shop/12/workflows/x/jobs/77' };
    expect(circleciRepositoryWeb(env)?.serverUrl).toBe('https://ghe.example.com');
  });

  it('a Bitbucket repository gets no links rather than wrong ones', () => {
    const env = { ...CIRCLE_PR, CIRCLE_REPOSITORY_URL: 'git@bitbucket.org:acme/shop.git', CIRCLE_BUILD_URL: 'https://circleci.com/bb/acme/shop/77' };
    expect(detectCi(env, noGit).serverUrl).toBeUndefined();
    const comment = commentFor(env);
    expect(comment).toContain('**slowFn**<br>src');
    expect(comment).not.toMatch(/\]\(https?:/);
  });
});

describe('GitLab', () => {
  const MR: Env = {
    GITLAB_CI: 'true',
    CI_COMMIT_SHA: HEAD,
    CI_JOB_NAME: 'ciprof',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: '7',
    CI_PROJECT_PATH: 'acme/shop',
  };

  it('links use the project URL and GitLab’s /-/ routes', () => {
    const env = { ...MR, CI_SERVER_URL: 'https://gitlab.example.com', CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop' };
    const comment = commentFor(env);
    expect(comment).toContain(`(https://gitlab.example.com/acme/shop/-/blob/${HEAD}/src/slow%20fn.js#L7)`);
    expect(comment).toContain(`(https://gitlab.example.com/acme/shop/-/commit/${BASE})`);
  });

  it('a server under a sub-path: CI_PROJECT_URL has it', () => {
    const env = { ...MR, CI_SERVER_URL: 'https://example.com', CI_PROJECT_URL: 'https://example.com/gitlab/acme/shop' };
    expect(gitlabRepositoryWeb(env)).toEqual({ serverUrl: 'https://example.com/gitlab', repository: 'acme/shop' });
    expect(commentFor(env)).toContain(`(https://example.com/gitlab/acme/shop/-/blob/${HEAD}/`);
  });

  it('without CI_PROJECT_URL, CI_SERVER_URL', () => {
    expect(gitlabRepositoryWeb({ ...MR, CI_SERVER_URL: 'https://gitlab.example.com/' })).toEqual({ serverUrl: 'https://gitlab.example.com', repository: 'acme/shop' });
  });
});
