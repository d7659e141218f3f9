/**
 * Writes a file so that readers see either the old content or the new, never a torn or
 * empty one: the data goes to a temp file in the same directory (a rename is atomic only
 * within one file system), is flushed to disk with fsync, and then renamed over the target.
 * A full disk or a killed process leaves the previous file as it was, plus at worst a
 * stray `.*.tmp` file that the next successful write does not depend on.
 *
 * `durable: false` skips the two fsyncs (the file's and its directory's): the rename still
 * makes the write atomic for every reader, a crash of the process included; only a crash of
 * the machine itself may then lose the new file. That is the right trade for what one run
 * leaves in its --out directory (a CI job's machine that crashes loses the job anyway), and
 * the wrong one for the profile store, which outlives the run.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /** Create the parent directory first (default false). */
  mkdir?: boolean;
  /** fsync the file and its directory, so the write survives a machine crash (default true). */
  durable?: boolean;
}

/** The real file behind a symlink, so the link stays a link and its target is replaced. */
function targetOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function fsyncDirectory(dir: string): void {
  // Makes the rename itself durable. Some platforms cannot open a directory: best effort.
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (Windows); the data itself was already flushed
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeTemp(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // already gone; the original error is the one to report
  }
}

export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const target = targetOf(file);
  const dir = path.dirname(target);
  if (options.mkdir) mkdirSync(dir, { recursive: true });
  // crypto loads when a file is first written, not with every module that can write one.
  const random = process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex');
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${random}.tmp`);
  // 'wx': never follow or reuse a file someone else put at the temp name.
  const fd = openSync(temp, 'wx', 0o666);
  try {
    writeFileSync(fd, data);
    if (options.durable !== false) fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    removeTemp(temp);
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (err) {
    removeTemp(temp);
    throw err;
  }
  if (options.durable !== false) fsyncDirectory(dir);
}
