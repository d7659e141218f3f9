/** Plain local git facts. Every call fails soft: no git, no repo, no upstream -> undefined. */
import { execFile, execFileSync } from 'node:child_process';

const GIT_OPTIONS = { encoding: 'utf8', timeout: 10_000 } as const;

export function git(cwd: string, args: string[]): string | undefined {
  try {
    const out = execFileSync('git', args, { ...GIT_OPTIONS, cwd, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/** `git` without blocking the event loop: `ciprof run` asks while the test command runs. */
export function gitAsync(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', args, { ...GIT_OPTIONS, cwd }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
    // execFile pipes stdin; git never reads it, and a closed stdin is what the sync call gives.
    child.stdin?.end();
  });
}

export interface LocalGitFacts {
  root?: string;
  commit?: string;
  branch?: string;
  upstream?: string;
  mergeBase?: string;
}

/** The questions localGitFacts asks, after the root (which says whether there is a repository at all). */
const COMMIT = ['rev-parse', 'HEAD'];
const BRANCH = ['symbolic-ref', '--short', '-q', 'HEAD'];
const UPSTREAM = ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'];
const MERGE_BASE = ['merge-base', 'HEAD', '@{upstream}'];
const ROOT = ['rev-parse', '--show-toplevel'];

export function localGitFacts(cwd: string): LocalGitFacts {
  const root = git(cwd, ROOT);
  if (!root) return {};
  const commit = git(cwd, COMMIT);
  const branch = git(cwd, BRANCH);
  const upstream = git(cwd, UPSTREAM);
  const mergeBase = upstream ? git(cwd, MERGE_BASE) : undefined;
  return { root, commit, branch, upstream, mergeBase };
}

/** Root, commit and branch in one process: `HEAD` on the third line when it is detached (no branch). */
const HEAD_FACTS = ['rev-parse', '--show-toplevel', 'HEAD', '--abbrev-ref', 'HEAD'];

/**
 * localGitFacts with the questions asked in parallel, none of them blocking, in two git
 * processes where localGitFacts starts four: `ciprof run` asks while the test command runs,
 * and each process costs the CLI a spawn (a few ms of CPU) beside git's own.
 */
export async function localGitFactsAsync(cwd: string): Promise<LocalGitFacts> {
  const [head, upstream] = await Promise.all([gitAsync(cwd, HEAD_FACTS), gitAsync(cwd, UPSTREAM)]);
  const lines = head?.split('\n');
  let facts: LocalGitFacts;
  if (lines?.length === 3) {
    facts = { root: lines[0], commit: lines[1], branch: lines[2] === 'HEAD' ? undefined : lines[2] };
  } else {
    // No repository, or one whose branch has no commit yet (HEAD names nothing): one question at a time.
    const root = await gitAsync(cwd, ROOT);
    if (!root) return {};
    const [commit, branch] = await Promise.all([gitAsync(cwd, COMMIT), gitAsync(cwd, BRANCH)]);
    facts = { root, commit, branch };
  }
  const mergeBase = upstream ? await gitAsync(cwd, MERGE_BASE) : undefined;
  return { ...facts, upstream, mergeBase };
}
