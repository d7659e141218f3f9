/**
 * jest ends its worker processes with `Worker.end()` (jest-worker): it asks each to end,
 * and force-exits one that has not exited after a grace of 500 ms (SIGTERM, then SIGKILL
 * 500 ms later), printing "A worker process has failed to exit gracefully". A worker whose
 * agent is still writing a large profile at exit (seconds, for a suite with hundreds of
 * thousands of call paths) would be killed mid-write and reported as leaking.
 *
 * In jest's main process, `end()` therefore lets a worker's exit count as done as soon as
 * its agent has started writing (its `.flushing` marker): jest goes on, the worker finishes
 * writing and exits on its own, and ciprof waits for such processes before merging. A
 * worker that hangs for any other reason is force-exited at the same moment as before,
 * with the same message.
 */
import { existsSync } from 'node:fs';
import { FLUSHING_SUFFIX, inRawDir } from '../../../agent/protocol.js';

const POLL_MS = 20;

interface PoolWorker {
  waitForExit?: () => Promise<void>;
  _child?: { pid?: number };
}
interface JestWorker {
  _workerPool?: { getWorkers?: () => PoolWorker[] };
  end: (...args: unknown[]) => Promise<unknown>;
}
export type JestWorkerClass = { prototype: JestWorker };

/** Resolves when the process's main thread starts writing its profile; never if it does not. */
function writingStarted(rawDir: string, pid: number, until: Promise<void>): Promise<void> {
  const marker = inRawDir(rawDir, `${pid}-0${FLUSHING_SUFFIX}`);
  return new Promise((resolve) => {
    let done = false;
    void until.then(() => (done = true));
    const poll = (): void => {
      if (done) return;
      if (existsSync(marker)) resolve();
      else setTimeout(poll, POLL_MS).unref();
    };
    poll();
  });
}

function endedOrWriting(worker: PoolWorker, rawDir: string): void {
  const original = worker.waitForExit;
  const pid = worker._child?.pid;
  if (typeof original !== 'function' || typeof pid !== 'number') return;
  worker.waitForExit = function waitForExit(this: PoolWorker): Promise<void> {
    const exited = original.call(this);
    return Promise.race([exited, writingStarted(rawDir, pid, exited)]);
  };
}

export function letWorkersFinishWriting(Worker: JestWorkerClass, rawDir: string): void {
  const originalEnd = Worker.prototype.end;
  if (typeof originalEnd !== 'function') return;
  Worker.prototype.end = function end(this: JestWorker, ...args: unknown[]): Promise<unknown> {
    try {
      for (const worker of this._workerPool?.getWorkers?.() ?? []) endedOrWriting(worker, rawDir);
    } catch {
      // jest-worker's internals changed: end as jest would
    }
    return originalEnd.apply(this, args);
  };
}
