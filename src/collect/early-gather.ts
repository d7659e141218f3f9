/**
 * Reads threads' profiles while the test command still runs. The CLI only waits then,
 * and a suite of many processes writes most of its profiles long before it ends:
 * reading, source-mapping and scanning them then leaves the end of the run with the
 * labelling (which needs every test record), the last few files and the outputs.
 *
 * A thread's files are done when its `.scripts.json` appears (the agent renames it into
 * place after the `.cpuprofile`). fs.watch says when; a missed event only means that
 * file is read at the end, as every file is without this. Any failure here turns it off
 * and the end reads everything itself: it never costs the profile or the exit code.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RawGatherer } from './gather.js';

const SCRIPTS_SUFFIX = '.scripts.json';
/**
 * Files are read in batches, not one by one as they come: reading one small profile
 * after each idle wait cost about twice the CPU of reading them in a row (measured on
 * Node 22, 175 profiles: +110-220 ms spread one per 50-150 ms, +10 ms in batches of 20).
 * What is still queued when the command ends is read with the rest, after it.
 */
const BATCH = 16;
const MAX_WAIT_MS = 2000;
/**
 * A profile this big is read at once, with whatever is queued: it is one of few (a
 * one-process suite's, a pool worker's), and reading it alone costs no more per byte
 * than in a batch. A one-process suite writes its profile while its process exits:
 * reading it then, in the 10-30 ms before the exit is seen, takes that much off the
 * work left after the command (mocha, 1,500 tests, a 634 kB profile: ~30 ms to read
 * and scan).
 */
export const READ_AT_ONCE_BYTES = 256 * 1024;

export class EarlyGather {
  private watcher: FSWatcher | undefined;
  private readonly queue: string[] = [];
  private gatherer: RawGatherer | undefined;
  private draining = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failed = false;
  /** A queued profile is at least READ_AT_ONCE_BYTES. */
  private big = false;

  /**
   * `gatherer` resolves once the gathering code has loaded and the repository root is known;
   * `alsoRead` is told each thread ("<pid>-<tid>") whose profile was read, for its other files.
   */
  constructor(
    private readonly rawDir: string,
    gatherer: Promise<RawGatherer>,
    private readonly alsoRead?: (threadKey: string) => void,
  ) {
    try {
      // Not persistent: it never keeps the CLI alive.
      this.watcher = watch(rawDir, { persistent: false }, (_event, name) => this.seen(name));
      this.watcher.on('error', () => this.fail());
    } catch {
      this.failed = true;
      return;
    }
    gatherer.then(
      (g) => {
        this.gatherer = g;
        this.schedule();
      },
      () => this.fail(),
    );
  }

  /**
   * Stops reading ahead; the gatherer holding what was read, or undefined when reading
   * ahead failed (the caller then gathers the raw directory from scratch).
   */
  finish(): RawGatherer | undefined {
    this.stopped = true;
    clearTimeout(this.timer);
    this.watcher?.close();
    return this.failed ? undefined : this.gatherer;
  }

  private seen(name: string | Buffer | null): void {
    if (typeof name !== 'string' || !name.endsWith(SCRIPTS_SUFFIX)) return;
    const profile = `${name.slice(0, -SCRIPTS_SUFFIX.length)}.cpuprofile`;
    this.queue.push(profile);
    if (!this.big && this.bytes(profile) >= READ_AT_ONCE_BYTES) this.big = true;
    this.schedule();
  }

  /** Bytes of a queued profile (0 when it cannot be told: it is then read with its batch). */
  private bytes(profile: string): number {
    try {
      return statSync(path.join(this.rawDir, profile)).size;
    } catch {
      return 0;
    }
  }

  /** A full batch, or one holding a big profile, is read now; a smaller one once its first file has waited MAX_WAIT_MS. */
  private schedule(): void {
    if (!this.gatherer || this.draining || this.stopped || this.failed || this.queue.length === 0) return;
    if (this.queue.length >= BATCH || this.big) {
      this.big = false;
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.drain();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.drain();
      }, MAX_WAIT_MS);
      this.timer.unref();
    }
  }

  /** One file per turn of the event loop: the CLI keeps forwarding signals meanwhile. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.stopped && !this.failed && this.queue.length > 0) {
        const name = this.queue.shift()!;
        this.gatherer!.prefetch(name);
        this.alsoRead?.(threadKeyOf(name));
        await nextTurn();
      }
    } catch {
      this.fail();
    } finally {
      this.draining = false;
      if (this.queue.length === 0) this.big = false;
    }
    this.schedule();
  }

  private fail(): void {
    this.failed = true;
    this.watcher?.close();
  }
}

/** "<pid>-<tid>" of a profile named "<pid>-<tid>-<seq>.cpuprofile". */
function threadKeyOf(profile: string): string {
  return profile.split('-', 2).join('-');
}
