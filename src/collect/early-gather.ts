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
import { watch, type FSWatcher } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RawGatherer } from './gather.js';

const SCRIPTS_SUFFIX = '.scripts.json';

export class EarlyGather {
  private watcher: FSWatcher | undefined;
  private readonly queue: string[] = [];
  private gatherer: RawGatherer | undefined;
  private draining = false;
  private stopped = false;
  private failed = false;

  /** `gatherer` resolves once the gathering code has loaded and the repository root is known. */
  constructor(rawDir: string, gatherer: Promise<RawGatherer>) {
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
        void this.drain();
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
    this.watcher?.close();
    return this.failed ? undefined : this.gatherer;
  }

  private seen(name: string | Buffer | null): void {
    if (typeof name !== 'string' || !name.endsWith(SCRIPTS_SUFFIX)) return;
    this.queue.push(`${name.slice(0, -SCRIPTS_SUFFIX.length)}.cpuprofile`);
    if (this.gatherer && !this.draining) void this.drain();
  }

  /** One file per turn of the event loop: the CLI keeps forwarding signals meanwhile. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (!this.stopped && !this.failed && this.queue.length > 0) {
        this.gatherer!.prefetch(this.queue.shift()!);
        await nextTurn();
      }
    } catch {
      this.fail();
    } finally {
      this.draining = false;
    }
  }

  private fail(): void {
    this.failed = true;
    this.watcher?.close();
  }
}
