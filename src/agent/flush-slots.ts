/**
 * The flush request between a thread and the workers it makes, in shared memory.
 *
 * Why not a BroadcastChannel (the first protocol, left as the fallback in terminate.ts): the
 * first message a thread receives on one makes Node build a MessageEvent, which loads undici
 * and with it http, tls, crypto, http2, zlib and the web streams: ~45 ms of CPU in that
 * thread (Node 22 to 26), and every thread listening on the channel name receives every
 * message. Each worker.terminate() took ~50 ms instead of ~5 (`node --cpu-prof`), and the
 * program's threads gained modules it never loaded. pino closes its transports through
 * terminate(): one of its tests, which counts the process's 'exit' listeners while an
 * earlier transport closes, failed in 6 of 12 runs of its file under the agent on Node 26,
 * and in none without the wrapper.
 *
 * Here: one SharedArrayBuffer of slots, handed to new workers as environment data
 * (worker_threads.setEnvironmentData is cloned into each Worker as it is constructed, and a
 * worker hands it on to its own workers). A worker claims a slot by its threadId and waits
 * on it with Atomics.waitAsync, which keeps nothing alive; the thread that terminates it
 * writes the request into the slot and notifies; the worker sets the slot's state while it
 * writes (Flushing) and when done (Written). No module is loaded, no event dispatched, no
 * other thread woken; the round trip is under a millisecond.
 */
import type * as WorkerThreads from 'node:worker_threads';

/** The environment-data key (a string: environment data is keyed by any cloneable value). */
export const FLUSH_SLOTS_KEY = 'ciprof.flushSlots.v1';

/** Workers alive at once that can be asked to flush: more (a slot search finds none free) are terminated unflushed, counted lost. */
const SLOTS = 1024;
const FIELDS = 3;
const OWNER = 0;
const REQUEST = 1;
const STATE = 2;

export const SLOT_IDLE = 0;
export const SLOT_FLUSHING = 1;
export const SLOT_WRITTEN = 2;

/** Atomics.waitAsync (ES2024; Node 16+), which the TypeScript lib of this project does not declare. */
type WaitAsync = (view: Int32Array, index: number, value: number, timeoutMs?: number) => { async: false; value: string } | { async: true; value: Promise<string> };
const atomicsWaitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
const canWaitAsync = (): boolean => typeof atomicsWaitAsync === 'function';

/** Resolves when view[index] is no longer `value` (or after `timeoutMs`); never keeps the thread alive. */
function waitAsync(view: Int32Array, index: number, value: number, timeoutMs?: number): Promise<string> {
  const waited = atomicsWaitAsync!.call(Atomics, view, index, value, timeoutMs);
  return waited.async ? waited.value : Promise.resolve(waited.value);
}

/**
 * The slots this thread's new workers will inherit: the ones it inherited itself, else new
 * ones, set as environment data from now on. Undefined where Node lacks the means.
 */
export function shareFlushSlots(workerThreads: typeof WorkerThreads): Int32Array | undefined {
  if (!canWaitAsync() || typeof workerThreads.setEnvironmentData !== 'function') return undefined;
  const inherited = workerThreads.getEnvironmentData(FLUSH_SLOTS_KEY);
  if (inherited instanceof SharedArrayBuffer) return new Int32Array(inherited);
  const slots = new SharedArrayBuffer(SLOTS * FIELDS * Int32Array.BYTES_PER_ELEMENT);
  workerThreads.setEnvironmentData(FLUSH_SLOTS_KEY, slots);
  return new Int32Array(slots);
}

/** A worker's own slot, once claimed. */
export interface OwnSlot {
  /** Marks this thread's profile written (also when it wrote it at its own exit) and frees the slot. */
  written(): void;
}

/**
 * In a worker thread: claims a slot and calls `flush` when the thread that made the worker
 * asks. Undefined when the worker got no slots (made before they were shared: terminate.ts
 * falls back to the channel then) or all are taken.
 */
export function listenOnFlushSlot(workerThreads: typeof WorkerThreads, threadId: number, flush: () => void): OwnSlot | undefined {
  if (!canWaitAsync()) return undefined;
  const shared = workerThreads.getEnvironmentData(FLUSH_SLOTS_KEY);
  if (!(shared instanceof SharedArrayBuffer)) return undefined;
  const view = new Int32Array(shared);
  const base = claim(view, threadId);
  if (base < 0) return undefined;
  const written = (): void => {
    Atomics.store(view, base + STATE, SLOT_WRITTEN);
    Atomics.notify(view, base + STATE);
    Atomics.compareExchange(view, base + OWNER, threadId, 0);
  };
  void waitAsync(view, base + REQUEST, 0).then(() => {
    if (Atomics.load(view, base + OWNER) !== threadId) return;
    Atomics.store(view, base + STATE, SLOT_FLUSHING);
    Atomics.notify(view, base + STATE);
    try {
      flush();
    } finally {
      written();
    }
  });
  return { written };
}

/** The first free slot from threadId's own (linear probing), reset and owned; -1 when none is free. */
function claim(view: Int32Array, threadId: number): number {
  for (let i = 0; i < SLOTS; i++) {
    const base = ((threadId + i) % SLOTS) * FIELDS;
    // Request and state are reset before the slot is owned: a requester looks for the owner first.
    if (Atomics.load(view, base + OWNER) !== 0) continue;
    Atomics.store(view, base + REQUEST, 0);
    Atomics.store(view, base + STATE, SLOT_IDLE);
    if (Atomics.compareExchange(view, base + OWNER, 0, threadId) === 0) return base;
  }
  return -1;
}

/** The requester's view of a worker's slot, once asked. */
export interface AskedSlot {
  state(): number;
  /** Resolves when the state leaves `from` or after `ms`. */
  waitFor(from: number, ms: number): Promise<unknown>;
  /** Frees the slot of a worker that answered elsewhere (an interrupt, terminate.ts) and so never freed it itself. */
  release(): void;
}

/** Asks worker `threadId` to write its profile; undefined when it holds no slot here. */
export function askToFlush(view: Int32Array, threadId: number): AskedSlot | undefined {
  if (threadId <= 0) return undefined;
  let base = -1;
  for (let i = 0; i < SLOTS && base < 0; i++) {
    const at = ((threadId + i) % SLOTS) * FIELDS;
    if (Atomics.load(view, at + OWNER) === threadId) base = at;
  }
  if (base < 0) return undefined;
  Atomics.store(view, base + REQUEST, 1);
  Atomics.notify(view, base + REQUEST);
  return {
    state: () => Atomics.load(view, base + STATE),
    waitFor: (from, ms) => waitAsync(view, base + STATE, from, ms),
    release: () => void Atomics.compareExchange(view, base + OWNER, threadId, 0),
  };
}
