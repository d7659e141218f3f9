/**
 * The base checkout: a detached `git worktree` in a temporary directory. It must never
 * outlive the command, so every live worktree is registered here and removed by
 * `remove()` (the normal path, in a finally), by a process 'exit' hook (process.exit()
 * from a usage error) and on SIGINT/SIGTERM/SIGHUP.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import * as path from 'node:path';

export class BaseWorktree {
  private removed = false;

  private constructor(
    readonly repoRoot: string,
    /** Temporary parent directory (ours to delete). */
    readonly tmpDir: string,
    /** The worktree itself. */
    readonly dir: string,
    readonly commit: string,
  ) {}

  /** `git worktree add --detach` of `commit`; throws with git's message when it fails. */
  static add(repoRoot: string, commit: string): BaseWorktree {
    const tmpDir = mkdtempSync(path.join(tmpdir(), 'ciprof-base-'));
    // A path that does not exist yet: git creates it, whatever its version thinks of empty dirs.
    const dir = path.join(tmpDir, 'base');
    try {
      execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000 });
    } catch (err) {
      rmSync(tmpDir, { recursive: true, force: true });
      const stderr = (err as { stderr?: string }).stderr?.trim();
      throw new Error(`git worktree add ${commit.slice(0, 12)} failed${stderr ? `: ${stderr}` : ''}`);
    }
    const wt = new BaseWorktree(repoRoot, tmpDir, dir, commit);
    live.add(wt);
    installHooks();
    return wt;
  }

  /**
   * Synchronous on purpose: it also runs from 'exit' and signal handlers, where nothing
   * asynchronous completes. Each step fails soft so the next one still runs.
   */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    live.delete(this);
    const quiet = { cwd: this.repoRoot, stdio: 'ignore' as const, timeout: 60_000 };
    try {
      execFileSync('git', ['worktree', 'remove', '--force', '--force', this.dir], quiet);
    } catch {
      // Locked or half-created worktree: deleting the files and pruning still unregisters it.
    }
    rmSync(this.tmpDir, { recursive: true, force: true });
    try {
      execFileSync('git', ['worktree', 'prune'], quiet);
    } catch {
      // Nothing left to do: the directory is gone, a later `git worktree prune` tidies up.
    }
  }
}

const live = new Set<BaseWorktree>();
let hooked = false;

export function removeAllWorktrees(): void {
  for (const wt of [...live]) wt.remove();
}

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAllWorktrees);
}

/**
 * Ctrl-C during a compare: the running test command gets the signal too (forwarded by
 * runCommand, or from the terminal's process group), so the first signal only asks the
 * loop to stop after the current run; the caller's finally removes the worktree and the
 * exit code becomes 128 + signal. A second signal removes the worktree at once and exits.
 */
export function interruptOnSignals(onFirst: (signal: NodeJS.Signals) => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let seen = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (seen) {
      removeAllWorktrees();
      process.exit(128 + signalNumber(signal));
    }
    seen = true;
    onFirst(signal);
  };
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.removeListener(s, handler);
  };
}

export function signalNumber(signal: NodeJS.Signals): number {
  return constants.signals[signal] ?? 0;
}
