/** What the preload agent, the runner hooks and the collector agree on. No runtime imports: the agent is tiny. */

export const FLUSH_CHANNEL = 'ciprof:flush';

/** 'flush' asks a worker to write its profile; it answers 'flushing' at once, then 'ack' when written. */
export type FlushMessage = { type: 'flush' | 'flushing' | 'ack'; threadId: number };

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
 * `<pid>-<tid>.flushing`, written when a thread starts writing its profile at exit or on
 * SIGTERM: a pool waiting for that process to end can tell "writing" from "hung".
 */
export const FLUSHING_SUFFIX = '.flushing';

/** Content of `<pid>-<tid>.start`, written when a thread starts profiling. */
export interface StartMarker {
  startUs: number;
  /** Main threads only: parent pid chain, nearest first (see AgentThreadInfo.ancestors). */
  ancestors?: number[];
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
  /** Always 0: each thread writes one profile (older agents wrote more after a handled SIGTERM). */
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
