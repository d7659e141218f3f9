/**
 * The few questions baseline resolution asks of version control, as an interface so the
 * resolution logic is pure and testable, and a CI API (GitHub's compare/commits) can
 * answer them when the checkout is shallow.
 */
import { git } from '../ci/git.js';

export interface CommitHistory {
  /** Full commit id for a commit id or ref name; undefined when unknown. */
  resolve(refOrCommit: string): string | undefined;
  /** Best common ancestor of two commits or refs. */
  mergeBase(a: string, b: string): string | undefined;
  /** `commit` and its first-parent ancestors, nearest first, at most `limit` entries. */
  firstParentChain(commit: string, limit: number): string[];
}

/** Answers from the local git checkout. Shallow clones simply answer with less history. */
export class LocalGitHistory implements CommitHistory {
  constructor(readonly cwd: string) {}

  resolve(refOrCommit: string): string | undefined {
    // `^{commit}` refuses trees/blobs and peels annotated tags; `--end-of-options` stops a
    // ref that starts with '-' from being read as a flag.
    return git(this.cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${refOrCommit}^{commit}`]);
  }

  mergeBase(a: string, b: string): string | undefined {
    return git(this.cwd, ['merge-base', '--end-of-options', a, b]);
  }

  firstParentChain(commit: string, limit: number): string[] {
    const out = git(this.cwd, ['rev-list', '--first-parent', `--max-count=${limit}`, '--end-of-options', commit]);
    return out ? out.split('\n').filter(Boolean) : [];
  }
}
