/** Plain local git facts. Every call fails soft: no git, no repo, no upstream -> undefined. */
import { execFileSync } from 'node:child_process';

export function git(cwd: string, args: string[]): string | undefined {
  try {
    const out = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

export interface LocalGitFacts {
  root?: string;
  commit?: string;
  branch?: string;
  upstream?: string;
  mergeBase?: string;
}

export function localGitFacts(cwd: string): LocalGitFacts {
  const root = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!root) return {};
  const commit = git(cwd, ['rev-parse', 'HEAD']);
  const branch = git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']);
  const upstream = git(cwd, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
  const mergeBase = upstream ? git(cwd, ['merge-base', 'HEAD', '@{upstream}']) : undefined;
  return { root, commit, branch, upstream, mergeBase };
}
