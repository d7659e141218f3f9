/** What the preload agent, the runner hooks and the collector agree on. No runtime imports: the agent is tiny. */

export const FLUSH_CHANNEL = 'ciprof:flush';

/**
 * A file in the raw directory. Not path.join: these names are made in every process the
 * tests start, before their code runs, and a cold path.join costs ~15 µs a call there
 * (the node:test file check makes ~20); the directory is the absolute path ciprof made.
 */
export const inRawDir = (rawDir: string, name: string): string => `${rawDir}/${name}`;

/** Asks a worker without a flush slot (terminate.ts) to write its profile; the asker watches the raw directory for the answer. */
export type FlushMessage = { type: 'flush'; threadId: number };

export type FlushReason = 'exit' | 'signal' | 'terminate';

/**
 * The runner hooks (a separate bundle, preloaded beside the agent) put their flush
 * functions in an array under this global symbol; the agent calls them whenever it
 * writes a profile segment, so per-test records and samples are written together and
 * nothing in the hooks needs a listener of its own.
 */
export const HOOK_FLUSHERS = Symbol.for('ciprof.hookFlushers');
export type HookFlusher = (reason: FlushReason) => void;

/**
 * In a worker thread, the agent puts under this global symbol (non-enumerable) the function
 * that writes the thread's profile when its parent asks through the inspector
 * (worker-interrupt.ts): called with the threadIds asked for, it flushes only if its own
 * is one of them. It runs as an interrupt, so it reaches a worker blocked in Atomics.wait
 * or busy in a loop, which never sees the request in its flush slot.
 */
export const INTERRUPT_FLUSH = Symbol.for('ciprof.interruptFlush');
export type InterruptFlush = (threadIds: readonly number[]) => void;

/**
 * jest's transform caches a worker's tests used, by the jest hook (under this global
 * symbol, keyed `<directory>\0<config id>`), for the agent's `.scripts.json`: the collector
 * then reads only `<directory>/jest-transform-cache-<config id>-*` for that worker's maps,
 * not every transform cache of every project this machine ran (and finds a custom
 * `cacheDirectory`, which the default location would miss).
 */
export const JEST_TRANSFORM_CACHES = Symbol.for('ciprof.jestTransformCaches');
export interface JestTransformCacheRef {
  /** The project's jest `cacheDirectory`. */
  directory: string;
  /** The project's jest config id (`ProjectConfig.id`), which names its transform cache. */
  configId: string;
}

/**
 * `<pid>-<tid>.flushing`, written when a thread starts writing its profile at exit or on
 * SIGTERM: a pool waiting for that process to end can tell "writing" from "hung".
 */
export const FLUSHING_SUFFIX = '.flushing';
/** Warnings of one thread, a line each (run-warnings.ts). */
export const WARNINGS_SUFFIX = '.warnings';

/** Content of `<pid>-<tid>.start`, written when a thread starts profiling. */
export interface StartMarker {
  startUs: number;
  /** Main threads only: parent pid chain, nearest first (see AgentThreadInfo.ancestors). */
  ancestors?: number[];
}

/**
 * The longest argument the agent records, in characters. Enough for a script path and
 * the flags that tell a jest worker or a package manager; arguments can be far longer (execa's
 * suite passes one of 10,000 characters to a node child), and the reader bounds what it trusts.
 */
export const MAX_ARG_CHARS = 1024;

/** Script and first arguments (process.argv[1..3]), each clipped to MAX_ARG_CHARS. */
export function recordedArgv(argv: readonly string[]): string[] {
  return argv.slice(1, 4).map((a) => (a.length > MAX_ARG_CHARS ? `${a.slice(0, MAX_ARG_CHARS - 1)}…` : a));
}

/**
 * The raw files' base name for a thread's profile, `<pid>-<tid>-<segment>`: the first
 * segment whose file (`suffix`) does not exist yet. A pid is unique among live processes
 * only: with kernel.pid_max at 32768 (each node process takes ten or so pids, its threads'
 * included), execa's suite reused pids within one run, and a later process's profile
 * replaced an earlier one's under the same name (548 profiles in one run, silently).
 * The collector merges the segments of one pid and thread (samples kept, counted apart).
 */
export function freeProfileBase(rawDir: string, pid: number, threadId: number, suffix: string, exists: (file: string) => boolean): { base: string; segment: number } {
  for (let segment = 0; ; segment++) {
    const base = inRawDir(rawDir, `${pid}-${threadId}-${segment}`);
    if (segment >= 999 || !exists(`${base}${suffix}`)) return { base, segment };
  }
}

/** The `$ciprof` block the agent adds to each .cpuprofile it writes. */
export interface AgentThreadInfo {
  pid: number;
  ppid: number;
  threadId: number;
  isMainThread: boolean;
  /** Script and first arguments: enough to tell a jest worker from the jest parent. */
  argv: string[];
  execPath: string;
  nodeVersion: string;
  /** 0; higher when an earlier process of the run with the same pid wrote its profile first (freeProfileBase). */
  segment: number;
  reason: FlushReason;
  wallStartMs: number;
  wallEndMs: number;
  /** process.hrtime at flush, to check V8's profile clock against Node's (per-test join). */
  hrtimeAtFlushNs: string;
  intervalUs: number;
  /**
   * When this thread started, in microseconds of process.hrtime (the clock of the V8
   * samples and of the per-test records): the process's start for a main thread, the
   * worker's start for a worker thread. A process spawned by a test is joined to the
   * test running in its parent at this time.
   */
  startUs?: number;
  /**
   * Main threads: the parent pid chain, nearest first, read from /proc at start on
   * Linux (up to 8 levels, so a node started through `sh -c` or npx still finds the
   * test process above it); [ppid] elsewhere. Worker threads: [] (their process's
   * main thread has it in its .start marker).
   */
  ancestors?: number[];
}

/**
 * Allocation sampling (`ciprof run --alloc`): the sampling interval in bytes, given to
 * the agent through the environment; unset or 0 means off.
 */
export const ALLOC_ENV = 'CIPROF_ALLOC_BYTES';
export const ALLOC_SUFFIX = '.allocprofile';
/**
 * A test allocating B bytes is measured within about sqrt(4 KiB / B) (one standard error):
 * 1.5% for 16 MiB. V8's own default (32 KiB) left a +20% change of a function holding 3%
 * of a 160 MB suite's bytes at p ≈ 0.02 (bench/alloc-calibrate.mjs): too few samples.
 */
export const DEFAULT_ALLOC_INTERVAL_BYTES = 4 * 1024;

/** The test command's environment with allocation sampling on (CLI `--alloc`, Action input `alloc`). */
export function withAllocSampling(env: NodeJS.ProcessEnv, on: boolean | undefined): NodeJS.ProcessEnv {
  return on ? { ...env, [ALLOC_ENV]: String(DEFAULT_ALLOC_INTERVAL_BYTES) } : env;
}

/**
 * The runner hooks call the function under this global symbol (the agent puts it there
 * only when allocation sampling is on) just before a test or test file starts (before
 * they read its start time) and just after it ends (after they read its end time), so
 * the mark's cost stays outside the test's clocks. V8's sampling heap profile has no
 * timestamps, only an ordinal per sample; the agent marks each boundary in the sample
 * sequence (see alloc.ts) and records its time: after the mark for a start, before it
 * for an end, so the span between a test's two marks is the test's own interval.
 */
export const TEST_BOUNDARY = Symbol.for('ciprof.testBoundary');
export type TestBoundary = (edge: 'start' | 'end') => void;

/**
 * The boundary mark: MARKER_PIECES arrays of markerElements(interval) + MARKER_STEP × (k mod
 * MARKER_RESIDUES) elements each, allocated by a function of this name. Each array is 4
 * sampling intervals (8-byte elements; 2 with pointer compression), so V8 samples at least
 * one piece of the mark with probability 1 - e^-16 (e^-8 compressed), and the residue its
 * size encodes lets the collector stay aligned when a mark is missed. The step is coarse
 * because V8 may allocate the array object (and an allocation memento) in one piece with
 * its elements: up to 80 bytes of header that must not read as another residue.
 */
export const MARKER_FUNCTION = 'ciprofAllocationBoundary';
export const MARKER_PIECES = 4;
export const MARKER_RESIDUES = 16;
export const MARKER_STEP = 16;
export const markerElements = (intervalBytes: number): number => Math.ceil((4 * intervalBytes) / 8);

/** The `$alloc` block of an `.allocprofile` (beside `$ciprof`, the same AgentThreadInfo). */
export interface AllocInfo {
  intervalBytes: number;
  markerElements: number;
  /** Times (µs, process.hrtime clock) of the marks, in the order they were made. */
  boundariesUs: number[];
  /** When sampling started and when it stopped (same clock). */
  startUs: number;
  endUs: number;
}

/**
 * Left in the raw directory when ciprof itself runs inside a node:test file's process:
 * NODE_TEST_CONTEXT then reaches every process of the command and says nothing about which
 * of them node:test started (src/collect/runners/hooks/runner-role.ts).
 */
export const OUTER_NODE_TEST_CONTEXT = 'node-test-context.outer';
