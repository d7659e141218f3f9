/**
 * worker.terminate() ends a worker without running its exit handlers, which is how
 * thread pools (vitest threads, tinypool, piscina, jest's workerThreads) retire workers.
 * The wrapper asks the worker over a BroadcastChannel to write its profile first, then
 * terminates. It waits only for workers that started profiling (their .start marker
 * exists), so a worker without the agent is not delayed; a worker that does not answer
 * within ANSWER_TIMEOUT_MS (busy in a loop, which is often why it is being terminated)
 * is terminated as is and counted lost; one that answered gets WRITE_TIMEOUT_MS to
 * write, which matters on a loaded CI machine where writing can take longer than the
 * answer. Worker.prototype is per thread: the wrapper lives only where the agent runs.
 *
 * A main thread that has not loaded node:worker_threads (most processes never do) is not
 * made to load it (thread.ts): the wrapper is put in place when the program makes its
 * first Worker. Node publishes every new Worker on the `worker_threads` diagnostics
 * channel, synchronously at the end of its constructor, so the wrapper is there before
 * the program holds the worker; the subscription is dropped at that first Worker.
 */
import type * as DiagnosticsChannel from 'node:diagnostics_channel';
import { existsSync } from 'node:fs';
import type * as WorkerThreads from 'node:worker_threads';
import { FLUSH_CHANNEL, FLUSHING_SUFFIX, inRawDir, type FlushMessage } from './protocol.js';
import { builtin, pid, threadId, workerThreadsIfLoaded } from './thread.js';

const ANSWER_TIMEOUT_MS = 1000;
const WRITE_TIMEOUT_MS = 10_000;

export function wrapWorkerTerminate(rawDir: string): void {
  const channels = builtin<typeof DiagnosticsChannel>('node:diagnostics_channel');
  const loaded = workerThreadsIfLoaded();
  if (loaded) wrapTerminate(loaded, rawDir);
  // Every Worker this thread makes is remembered (weakly) for flushLiveWorkersAtExit; the
  // first one, where node:worker_threads was not loaded before, also puts the wrapper in.
  let wrapped = loaded !== undefined;
  channels.subscribe(WORKER_CHANNEL, (message: unknown) => {
    if (!wrapped) {
      wrapped = true;
      wrapTerminate(builtin<typeof WorkerThreads>('node:worker_threads'), rawDir);
    }
    const worker = (message as { worker?: WorkerThreads.Worker }).worker;
    if (worker) remember(worker);
  });
}

const WORKER_CHANNEL = 'worker_threads';

/** Workers this thread made: weak, so a pool's retired workers are not kept alive by us. */
let madeHere: WeakRef<WorkerThreads.Worker>[] = [];

function remember(worker: WorkerThreads.Worker): void {
  // A Worker's threadId turns -1 once its thread has ended.
  if (madeHere.length >= 64) madeHere = madeHere.filter((ref) => (ref.deref()?.threadId ?? -1) >= 0);
  madeHere.push(new WeakRef(worker));
}

/** How long the main thread's exit waits for a live worker to begin its flush; it then has WRITE_TIMEOUT_MS to finish. */
const EXIT_ANSWER_TIMEOUT_MS = 250;

/**
 * When the main thread ends (a natural end, process.exit), Node stops the worker threads
 * still running without running any of their JavaScript: no 'exit' event there, so no
 * profile. pino's transports are such workers (thread-stream: the logger's process ends
 * while the transport's thread is alive, unref'd): pino's suite lost 25 threads a run
 * that `node --cpu-prof`, native, writes at the thread's teardown.
 *
 * So, from the main thread's 'exit': ask each worker this thread made that is still
 * running and profiling to write its profile (the terminate wrapper's request), do the
 * main thread's own flush meanwhile (`ownFlush`), then wait, sleeping, until each has
 * written it: EXIT_ANSWER_TIMEOUT_MS for a worker to start (one busy in a loop, or blocked
 * in Atomics.wait, never hears the request: it is left, counted lost, and that is the
 * longest the exit is delayed), then WRITE_TIMEOUT_MS to write.
 */
export function flushLiveWorkersAtExit(rawDir: string, ownFlush: () => void): void {
  const marker = (tid: number, suffix: string): string => inRawDir(rawDir, `${pid}-${tid}${suffix}`);
  const pending = madeHere
    .map((ref) => ref.deref()?.threadId ?? -1)
    .filter((tid) => tid > 0 && existsSync(marker(tid, '.start')) && !existsSync(marker(tid, '-0.cpuprofile')));
  madeHere = [];
  if (pending.length === 0) return ownFlush();
  const { BroadcastChannel } = builtin<typeof WorkerThreads>('node:worker_threads');
  const channel = new BroadcastChannel(FLUSH_CHANNEL);
  try {
    for (const tid of pending) channel.postMessage({ type: 'flush', threadId: tid } satisfies FlushMessage);
    ownFlush();
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    const started = Date.now();
    let waiting = pending;
    while (waiting.length > 0) {
      const elapsed = Date.now() - started;
      waiting = waiting.filter((tid) => {
        if (existsSync(marker(tid, '-0.cpuprofile'))) return false;
        return elapsed < (existsSync(marker(tid, FLUSHING_SUFFIX)) ? EXIT_ANSWER_TIMEOUT_MS + WRITE_TIMEOUT_MS : EXIT_ANSWER_TIMEOUT_MS);
      });
      if (waiting.length > 0) Atomics.wait(sleeper, 0, 0, 2);
    }
  } finally {
    channel.close();
  }
}

function wrapTerminate({ BroadcastChannel, Worker }: typeof WorkerThreads, rawDir: string): void {
  const proto = Worker.prototype;
  const originalTerminate = proto.terminate;
  proto.terminate = function terminate(this: WorkerThreads.Worker): Promise<number> {
    const target = this.threadId;
    if (target < 0 || !existsSync(inRawDir(rawDir, `${pid}-${target}.start`))) return originalTerminate.call(this);
    return new Promise<void>((resolve) => {
      const channel = new BroadcastChannel(FLUSH_CHANNEL);
      const finish = (): void => {
        clearTimeout(timer);
        channel.close();
        resolve();
      };
      let timer = setTimeout(finish, ANSWER_TIMEOUT_MS);
      channel.onmessage = (event: unknown) => {
        const data = (event as { data?: FlushMessage }).data;
        if (data?.threadId !== target) return;
        if (data.type === 'ack') finish();
        else if (data.type === 'flushing') {
          clearTimeout(timer);
          timer = setTimeout(finish, WRITE_TIMEOUT_MS);
        }
      };
      const request: FlushMessage = { type: 'flush', threadId: target };
      channel.postMessage(request);
    }).then(() => originalTerminate.call(this));
  };
}

/** In a worker thread: answer a flush request addressed to this thread. */
export function listenForFlushRequests(flush: () => void): void {
  const { BroadcastChannel } = builtin<typeof WorkerThreads>('node:worker_threads');
  const channel = new BroadcastChannel(FLUSH_CHANNEL);
  channel.unref();
  channel.onmessage = (event: unknown) => {
    const data = (event as { data?: FlushMessage }).data;
    if (data?.type !== 'flush' || data.threadId !== threadId) return;
    const answer: FlushMessage = { type: 'flushing', threadId };
    channel.postMessage(answer);
    flush();
    const ack: FlushMessage = { type: 'ack', threadId };
    channel.postMessage(ack);
  };
}
