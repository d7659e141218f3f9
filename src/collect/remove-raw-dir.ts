/**
 * Removes the agent's raw directory once its profiles are in memory, without making
 * `ciprof run` wait for it.
 *
 * Removing it (four or five files per profiled thread) can cost more than converting it:
 * on ext4 mounted with online `discard` (this machine, and the lead measured 0.5-1.2 s on
 * a CI disk for 175 processes) every unlink of a written-back file waits in the syscall.
 * Done by libuv's threads beside the encoding, it still held the CLI's exit: 30-40 ms on
 * the 175-process suite on Node 22, the last thing before exit (self-profile of
 * `ciprof run`, bench/after-run.mjs's suite).
 *
 * So a detached `rm -rf` removes a large one: the CLI exits once its outputs are written,
 * and the directory, in the system's temporary directory and never read again, goes a
 * moment later. A small one (a suite of a process or two) is removed here, at once:
 * starting `rm` from the CLI's process costs more than the few unlinks (6 ms against
 * under 1 ms, mocha 1,500 tests in one process, Node 24, self-profile). Where `rm` cannot
 * be started (no such program), the CLI removes it itself, as before; a failure is a
 * warning, never the exit code.
 */
import { spawn } from 'node:child_process';
import { readdirSync, rm, rmSync } from 'node:fs';

/** Entries up to which the directory is removed in-process: two or three threads' files. */
const SMALL_DIR_ENTRIES = 16;

export function removeRawDirInBackground(dir: string, warn: (line: string) => void): void {
  const fail = (err: Error): void => warn(`raw directory ${dir} not removed: ${err.message}`);
  const inProcess = (): void => rm(dir, { recursive: true, force: true }, (err) => err && fail(err));
  try {
    if (readdirSync(dir).length <= SMALL_DIR_ENTRIES) return rmSync(dir, { recursive: true, force: true });
  } catch (err) {
    // Already gone is what was asked for.
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : fail(err as Error);
  }
  try {
    // `--`: the directory's name never reads as an option.
    const child = spawn('rm', ['-rf', '--', dir], { detached: true, stdio: 'ignore' });
    // ENOENT and the like come as an event, on a later tick, while the CLI still runs.
    child.once('error', inProcess);
    child.unref();
  } catch {
    inProcess();
  }
}
