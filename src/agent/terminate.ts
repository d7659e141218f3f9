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
import { join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { FLUSH_CHANNEL, type FlushMessage } from './protocol.js';
import { builtin, threadId, workerThreadsIfLoaded } from './thread.js';

const ANSWER_TIMEOUT_MS = 1000;
const WRITE_TIMEOUT_MS = 10_000;

export function wrapWorkerTerminate(rawDir: string): void {
  const loaded = workerThreadsIfLoaded();
  if (loaded) return wrapTerminate(loaded, rawDir);
  const channels = builtin<typeof DiagnosticsChannel>('node:diagnostics_channel');
  const onFirstWorker = (): void => {
    channels.unsubscribe(WORKER_CHANNEL, onFirstWorker);
    wrapTerminate(builtin<typeof WorkerThreads>('node:worker_threads'), rawDir);
  };
  channels.subscribe(WORKER_CHANNEL, onFirstWorker);
}

const WORKER_CHANNEL = 'worker_threads';

function wrapTerminate({ BroadcastChannel, Worker }: typeof WorkerThreads, rawDir: string): void {
  const proto = Worker.prototype;
  const originalTerminate = proto.terminate;
  proto.terminate = function terminate(this: WorkerThreads.Worker): Promise<number> {
    const target = this.threadId;
    if (target < 0 || !existsSync(join(rawDir, `${process.pid}-${target}.start`))) return originalTerminate.call(this);
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
