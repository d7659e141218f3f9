/**
 * Which thread this is, without loading `node:worker_threads` where it is not loaded yet.
 *
 * In a worker thread Node has loaded it while booting the thread (free to ask). In a main
 * thread it is loaded only when the program asks for it, and loading it brings the
 * stream modules and the worker internals along: ~4 ms of wall time and ~6 ms of CPU
 * per process on Node 24 (a main thread that never prints nor makes a worker pays all
 * of it). So: a thread where none of the modules a worker thread boots with is loaded is
 * a main thread (threadId 0), and everything else asks node:worker_threads.
 */
import type * as WorkerThreads from 'node:worker_threads';

/** Loaded while a worker thread boots (Node 20 to 26), never in a main thread's boot. */
const WORKER_BOOT_MODULES = ['worker_threads', 'internal/worker', 'internal/worker/io', 'internal/process/worker_thread_only'];

/** A built-in module, loaded on demand (process.getBuiltinModule: Node 20.16+, 22.3+). */
export function builtin<T>(name: string): T {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (get ? get(name) : require(name)) as T;
}

/** node:worker_threads if it is loaded already (or if that cannot be told), else undefined. */
export function workerThreadsIfLoaded(): typeof WorkerThreads | undefined {
  const list = (process as { moduleLoadList?: unknown }).moduleLoadList;
  const loaded = !Array.isArray(list) || WORKER_BOOT_MODULES.some((m) => list.includes(`NativeModule ${m}`));
  return loaded ? builtin<typeof WorkerThreads>('node:worker_threads') : undefined;
}

const workerThreads = workerThreadsIfLoaded();
export const isMainThread: boolean = workerThreads ? workerThreads.isMainThread : true;
export const threadId: number = workerThreads ? workerThreads.threadId : 0;

/**
 * This process's pid, read as the preload runs: a program may replace the global `process`
 * (pino's test fixtures set `global.process = { __proto__: process, pid: 123456 }` for
 * stable log lines), and files named by that pid would leave the thread looking lost.
 */
export const pid: number = process.pid;

/** What the agent reads of Node's CommonJS Module class. */
export interface CommonJsModuleClass {
  _extensions?: Record<string, unknown>;
}

/**
 * Node's CommonJS Module class, without loading `node:module` where it is not loaded yet.
 * No thread has it loaded when the preloads run (Node 22 to 26), and loading it brings
 * the ESM loader's internals along in a worker thread: ~3 ms of CPU per thread (14
 * worker threads, Node 24: 1121 → 1074 ms), paid by every process and thread a suite
 * starts. In the CommonJS bundles (dist/agent.cjs, dist/runners/*.cjs) `module` is this
 * file's own Module, whose constructor is the very object `node:module` exports. Elsewhere
 * (the sources run as ES modules by the tests) node:module itself.
 */
export function commonJsModuleClass(): CommonJsModuleClass {
  const own = typeof module === 'object' && module !== null ? (module as { constructor?: unknown }).constructor : undefined;
  if (typeof own === 'function' && '_extensions' in own) return own as CommonJsModuleClass;
  return builtin<CommonJsModuleClass>('node:module');
}
