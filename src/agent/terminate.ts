/**
 * worker.terminate() ends a worker without running its exit handlers, which is how
 * thread pools (vitest threads, tinypool, piscina, jest's workerThreads) retire workers.
 * The wrapper asks the worker to write its profile first, then terminates. It waits only
 * for workers that started profiling (their .start marker exists), so a worker without
 * the agent is not delayed. A worker that has not answered within SLOT_ANSWER_MS (blocked
 * in Atomics.wait, busy in a loop, which is often why it is being terminated) is asked
 * again as an inspector interrupt (worker-interrupt.ts); one that still does not start
 * writing within ANSWER_TIMEOUT_MS is terminated as is and counted lost; one that started
 * gets WRITE_TIMEOUT_MS to write, which matters on a loaded CI machine. Worker.prototype
 * is per thread: the wrapper lives only where the agent runs.
 *
 * The request goes through shared memory (flush-slots.ts): under a millisecond, nothing
 * loaded, no other thread woken. A worker made before the slots were shared has none; it
 * is asked over a BroadcastChannel, and the requester watches the raw directory for the
 * answer instead of listening on the channel (the first message a thread receives on a
 * BroadcastChannel loads undici, ~45 ms of CPU, into a thread of the program).
 *
 * A main thread that has not loaded node:worker_threads (most processes never do) is not
 * made to load it (thread.ts): the wrapper and the slots are put in place when the
 * program makes its first Worker. Node publishes every new Worker on the `worker_threads`
 * diagnostics channel, synchronously at the end of its constructor, so the wrapper is
 * there before the program holds the worker; that first worker was constructed before
 * the slots were shared, and is the one asked over the channel.
 */
import type * as DiagnosticsChannel from 'node:diagnostics_channel';
import { existsSync } from 'node:fs';
import type * as WorkerThreads from 'node:worker_threads';
import { askToFlush, listenOnFlushSlot, shareFlushSlots, SLOT_FLUSHING, SLOT_IDLE, SLOT_WRITTEN, type AskedSlot, type OwnSlot } from './flush-slots.js';
import { FLUSH_CHANNEL, FLUSHING_SUFFIX, inRawDir, type FlushMessage } from './protocol.js';
import { builtin, pid, threadId, workerThreadsIfLoaded } from './thread.js';
import { interruptToFlush } from './worker-interrupt.js';

const ANSWER_TIMEOUT_MS = 1000;
/**
 * How long a worker has to answer its slot before it is asked again through the inspector
 * (worker-interrupt.ts): a worker whose event loop is free answers in under a millisecond;
 * one blocked in Atomics.wait (piscina's idle workers) or busy in a loop never does.
 */
const SLOT_ANSWER_MS = 20;
const WRITE_TIMEOUT_MS = 10_000;
/** The last file a thread's flush writes (profiler.ts: after the .cpuprofile): its flush is over. */
const LAST_FILE = '-0.scripts.json';

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
 * The slots of this thread's workers (flush-slots.ts), once shared; set where the wrapper
 * goes in, which is before the program holds any Worker but the first.
 */
let slots: Int32Array | undefined;

/**
 * When the main thread ends (a natural end, process.exit), Node stops the worker threads
 * still running without running any of their JavaScript: no 'exit' event there, so no
 * profile. pino's transports are such workers (thread-stream: the logger's process ends
 * while the transport's thread is alive, unref'd): pino's suite lost 25 threads a run
 * that `node --cpu-prof`, native, writes at the thread's teardown.
 *
 * So, from the main thread's 'exit': ask each worker this thread made that is still
 * running and profiling to write its profile, do the main thread's own flush meanwhile
 * (`ownFlush`), then wait, sleeping, until each has written it: EXIT_ANSWER_TIMEOUT_MS for
 * a worker to start (one busy in a loop, or blocked in Atomics.wait, never hears the
 * request: it is left, counted lost, and that is the longest the exit is delayed), then
 * WRITE_TIMEOUT_MS to write. The raw directory says when (the same for both ways of asking).
 */
export function flushLiveWorkersAtExit(rawDir: string, ownFlush: () => void): void {
  const marker = (tid: number, suffix: string): string => inRawDir(rawDir, `${pid}-${tid}${suffix}`);
  const pending = madeHere
    .map((ref) => ref.deref()?.threadId ?? -1)
    .filter((tid) => tid > 0 && existsSync(marker(tid, '.start')) && !existsSync(marker(tid, LAST_FILE)));
  madeHere = [];
  if (pending.length === 0) return ownFlush();
  const asked = new Map<number, AskedSlot>();
  for (const tid of pending) {
    const slot = slots && askToFlush(slots, tid);
    if (slot) asked.set(tid, slot);
  }
  const unslotted = pending.filter((tid) => !asked.has(tid));
  if (unslotted.length > 0) askOverChannel(unslotted);
  ownFlush();
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const started = Date.now();
  let waiting = pending;
  while (waiting.length > 0) {
    const elapsed = Date.now() - started;
    waiting = waiting.filter((tid) => {
      const slot = asked.get(tid);
      const state = slot ? slot.state() : stateOnDisk(rawDir, tid);
      if (state === SLOT_WRITTEN) return false;
      return elapsed < (state === SLOT_FLUSHING ? EXIT_ANSWER_TIMEOUT_MS + WRITE_TIMEOUT_MS : EXIT_ANSWER_TIMEOUT_MS);
    });
    if (waiting.length > 0) Atomics.wait(sleeper, 0, 0, 2);
  }
}

/**
 * The fallback request, for workers without a slot: posted, never listened to here. Only
 * such workers listen on the channel (listenForFlushRequests), so no other thread wakes.
 */
function askOverChannel(threadIds: number[]): void {
  const { BroadcastChannel } = builtin<typeof WorkerThreads>('node:worker_threads');
  const channel = new BroadcastChannel(FLUSH_CHANNEL);
  try {
    for (const tid of threadIds) channel.postMessage({ type: 'flush', threadId: tid } satisfies FlushMessage);
  } finally {
    channel.close();
  }
}

/** The workers that have not answered their slot are asked through the inspector; a refusal leaves them to the timeouts, as before. */
function interruptUnanswered(threadIds: number[]): void {
  try {
    interruptToFlush(threadIds);
  } catch {
    // no inspector for this (the permission model, a debugger's session in the way): they are waited for, then counted lost
  }
}

/** Waits until an asked worker has written its profile, or gave no sign in time. Keeps the program alive meanwhile, as a pending terminate() does. */
async function slotWritten(asked: AskedSlot, rawDir: string, target: number): Promise<Asked> {
  const keepAlive = setTimeout(() => undefined, ANSWER_TIMEOUT_MS + WRITE_TIMEOUT_MS);
  try {
    if (asked.state() === SLOT_IDLE) await asked.waitFor(SLOT_IDLE, SLOT_ANSWER_MS);
    // Unanswered: asked again as an interrupt, which answers on disk, not in the slot (agent.ts).
    if (asked.state() === SLOT_IDLE) {
      const answer = await writtenOnDisk(rawDir, target, Date.now() - SLOT_ANSWER_MS);
      asked.release();
      return answer;
    }
    if (asked.state() === SLOT_FLUSHING) await asked.waitFor(SLOT_FLUSHING, WRITE_TIMEOUT_MS);
    return { interrupted: false };
  } finally {
    clearTimeout(keepAlive);
  }
}

/** How a worker was asked for its profile: through an interrupt or not (then terminate() is sent again until it ends). */
interface Asked {
  interrupted: boolean;
}

/** POLL_MS apart, the raw directory is looked at for a worker asked over the channel. */
const POLL_MS = 2;

/** A worker's flush as its files in the raw directory tell it, in the slots' terms (for a worker without a slot). */
function stateOnDisk(rawDir: string, tid: number): number {
  if (existsSync(inRawDir(rawDir, `${pid}-${tid}${LAST_FILE}`))) return SLOT_WRITTEN;
  return existsSync(inRawDir(rawDir, `${pid}-${tid}${FLUSHING_SUFFIX}`)) ? SLOT_FLUSHING : SLOT_IDLE;
}

/** Waits for a worker's files; one that has not begun to write SLOT_ANSWER_MS after `started` is asked again as an interrupt. */
function writtenOnDisk(rawDir: string, target: number, started = Date.now()): Promise<Asked> {
  let interrupted = false;
  return new Promise((resolve) => {
    const look = (): void => {
      const state = stateOnDisk(rawDir, target);
      if (!interrupted && state === SLOT_IDLE && Date.now() - started >= SLOT_ANSWER_MS) {
        interrupted = true;
        interruptUnanswered([target]);
      }
      const limit = state === SLOT_FLUSHING ? ANSWER_TIMEOUT_MS + WRITE_TIMEOUT_MS : ANSWER_TIMEOUT_MS;
      if (state === SLOT_WRITTEN || Date.now() - started >= limit) resolve({ interrupted });
      else setTimeout(look, POLL_MS);
    };
    look();
  });
}

function wrapTerminate(workerThreads: typeof WorkerThreads, rawDir: string): void {
  slots = shareFlushSlots(workerThreads);
  const proto = workerThreads.Worker.prototype;
  const originalTerminate = proto.terminate;
  proto.terminate = function terminate(this: WorkerThreads.Worker): Promise<number> {
    const target = this.threadId;
    if (target < 0 || !existsSync(inRawDir(rawDir, `${pid}-${target}.start`)) || existsSync(inRawDir(rawDir, `${pid}-${target}${LAST_FILE}`))) return originalTerminate.call(this);
    const asked = slots && askToFlush(slots, target);
    let written: Promise<Asked>;
    if (asked) written = slotWritten(asked, rawDir, target);
    else {
      askOverChannel([target]);
      written = writtenOnDisk(rawDir, target);
    }
    return written.then(
      (how) => (how.interrupted ? terminateUntilEnded(this, originalTerminate) : originalTerminate.call(this)),
      () => originalTerminate.call(this),
    );
  };
}

/** Every RETERMINATE_MS while an interrupted worker has not ended, for a minute at most (a worker that a native call holds). */
const RETERMINATE_MS = 50;
const RETERMINATE_TIMES = 1200;

/**
 * terminate() for a worker that wrote its profile from an interrupt. A termination that
 * arrives while the worker still runs that interrupt, inside its Atomics.wait, is lost
 * (Node 22 to 26): the worker goes back to waiting, and the program that awaits it hangs.
 * The interrupt has returned a moment later; a terminate() sent then ends the worker. So
 * it is sent again until the worker is gone (its threadId turns -1): a worker that ended
 * at the first never sees a second.
 */
function terminateUntilEnded(worker: WorkerThreads.Worker, originalTerminate: () => Promise<number>): Promise<number> {
  const ended = originalTerminate.call(worker);
  let times = 0;
  const again = (): void => {
    if (worker.threadId < 0 || ++times > RETERMINATE_TIMES) return;
    originalTerminate.call(worker).catch(() => undefined);
    setTimeout(again, RETERMINATE_MS).unref();
  };
  setTimeout(again, RETERMINATE_MS).unref();
  return ended;
}

/**
 * In a worker thread: answer a request to write this thread's profile, through its slot,
 * or, where it has none, on the channel. The slot (when there is one) is returned so the
 * agent can mark the profile written when the thread writes it at its own exit.
 */
export function listenForFlushRequests(flush: () => void): OwnSlot | undefined {
  const workerThreads = builtin<typeof WorkerThreads>('node:worker_threads');
  const own = listenOnFlushSlot(workerThreads, threadId, flush);
  if (own) return own;
  const channel = new workerThreads.BroadcastChannel(FLUSH_CHANNEL);
  channel.unref();
  channel.onmessage = (event: unknown) => {
    const data = (event as { data?: FlushMessage }).data;
    if (data?.type !== 'flush' || data.threadId !== threadId) return;
    flush();
  };
  return undefined;
}
