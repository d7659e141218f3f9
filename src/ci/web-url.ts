/**
 * The web address of the repository a CI build checked out, for the commit and file links
 * in comments: `${serverUrl}/${repository}/blob/<sha>/<file>`. CI providers name the
 * repository by its clone URL (ssh or https) or not at all, so the web origin is derived.
 */
import type { Env } from './context.js';

export interface RepositoryWeb {
  /** Scheme and host of the web UI (`https://github.com`, `https://ghe.example.com`). */
  serverUrl: string;
  /** owner/name as it appears in web paths. */
  repository: string;
}

const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);

/**
 * `git@host:owner/repo.git`, `ssh://git@host:7999/owner/repo.git`, `https://host/owner/repo`
 * -> web origin and path. An ssh port is the git server's, not the web UI's: dropped.
 */
export function parseCloneUrl(url: string | undefined): RepositoryWeb | undefined {
  const text = nonEmpty(url);
  if (!text) return undefined;
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(text);
  let host: string;
  let path: string;
  if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git+ssh:'].includes(parsed.protocol)) return undefined;
    host = parsed.protocol.startsWith('http') ? parsed.host : parsed.hostname;
    path = decodeURIComponent(parsed.pathname);
  }
  const repository = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  if (!/^[^/]+\/[^/].*$/.test(repository) || repository.includes('..')) return undefined;
  const scheme = !scp && text.startsWith('http:') ? 'http' : 'https';
  return { serverUrl: `${scheme}://${host}`, repository };
}

/** A GitHub-style pull request URL: `https://host/owner/repo/pull/19`. */
function githubPullRequest(url: string | undefined): RepositoryWeb | undefined {
  const m = /^(https?:\/\/[^/]+)\/([^/]+\/[^/]+)\/pull\/\d+\/?$/.exec(nonEmpty(url) ?? '');
  return m ? { serverUrl: m[1]!, repository: m[2]! } : undefined;
}

/**
 * CircleCI: only GitHub repositories get links (CircleCI comments go to GitHub PRs, and
 * Bitbucket's and GitLab's link layouts differ). GitHub is known from the PR URL, the
 * github.com host, or the build URL's VCS segment (`/gh/`, `/pipelines/github/`), which
 * also covers GitHub Enterprise servers.
 */
export function circleciRepositoryWeb(env: Env): RepositoryWeb | undefined {
  const fromPr = githubPullRequest(env.CIRCLE_PULL_REQUEST);
  const clone = parseCloneUrl(env.CIRCLE_REPOSITORY_URL);
  const user = nonEmpty(env.CIRCLE_PROJECT_USERNAME);
  const name = nonEmpty(env.CIRCLE_PROJECT_REPONAME);
  const repository = user && name ? `${user}/${name}` : (clone?.repository ?? fromPr?.repository);
  if (!repository) return undefined;
  if (fromPr) return { serverUrl: fromPr.serverUrl, repository };
  const githubBuild = /^https?:\/\/[^/]+\/(gh|pipelines\/(gh|github))\//.test(nonEmpty(env.CIRCLE_BUILD_URL) ?? '');
  if (clone && (clone.serverUrl === 'https://github.com' || githubBuild)) return { serverUrl: clone.serverUrl, repository };
  return undefined;
}

/**
 * GitLab: CI_PROJECT_URL is the project's web address, right for self-managed servers
 * under a sub-path too; CI_SERVER_URL is the fallback.
 */
export function gitlabRepositoryWeb(env: Env): RepositoryWeb | undefined {
  const repository = nonEmpty(env.CI_PROJECT_PATH);
  if (!repository) return undefined;
  const projectUrl = nonEmpty(env.CI_PROJECT_URL)?.replace(/\/+$/, '');
  if (projectUrl?.endsWith(`/${repository}`)) return { serverUrl: projectUrl.slice(0, -repository.length - 1), repository };
  const server = nonEmpty(env.CI_SERVER_URL)?.replace(/\/+$/, '');
  return server ? { serverUrl: server, repository } : undefined;
}
