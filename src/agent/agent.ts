/**
 * The preload agent. `ciprof run` puts `--require <dist/agent.cjs>` into NODE_OPTIONS,
 * so this file runs first in every Node process and every worker thread the test
 * command starts. It starts V8's CPU profiler in-process through `node:inspector`
 * (native `--cpu-prof` is refused in NODE_OPTIONS on Node 20 and only writes at a
 * normal exit) and writes a `.cpuprofile` synchronously when the thread ends.
 *
 * It must never change the program's behaviour: every failure is swallowed after one
 * warning line for the run (run-warnings.ts: ciprof prints it, the program's stderr never
 * sees it), and it keeps nothing alive (channels are unref'd). What it
 * adds, and why each is needed: an 'exit' listener (the only synchronous point to write
 * the profile at a normal end or process.exit()); in main threads a SIGTERM listener
 * only while the program has none, and a process.kill wrapper (signals.ts);
 * Worker.prototype.terminate wrapped, and in worker threads a flush-request slot in
 * shared memory (terminate.ts, flush-slots.ts) and a non-enumerable global symbol its
 * parent's inspector can call as an interrupt (worker-interrupt.ts).
 *
 * Files written into CIPROF_RAW_DIR:
 *   <pid>-<tid>.start                 a marker (StartMarker), so a thread that dies unflushed is counted
 *   <pid>-<tid>.flushing              a marker: the thread is writing its profile now
 *   <pid>-<tid>-0.cpuprofile          a V8 profile plus a `$ciprof` block (AgentThreadInfo)
 *   <pid>-<tid>-0.scripts.json        the source maps of the profile's scripts (scripts.ts)
 *   <pid>-<tid>-0.allocprofile        with --alloc: V8's sampling heap profile and its test marks (alloc.ts)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { hrtimeNs, parentChain, threadStartUs } from './process-facts.js';
import { errorText, isAccessDenied, NoInspector, ThreadProfiler } from './profiler.js';
import { AllocationSampler } from './alloc.js';
import { ALLOC_ENV, FLUSHING_SUFFIX, HOOK_FLUSHERS, INTERRUPT_FLUSH, inRawDir, TEST_BOUNDARY, type AgentThreadInfo, type FlushReason, type HookFlusher, type InterruptFlush, type TestBoundary } from './protocol.js';
import { runRawDir } from './run-env.js';
import { warnRun } from './run-warnings.js';
import { installSigtermFlush } from './signals.js';
import type { OwnSlot } from './flush-slots.js';
import { flushLiveWorkersAtExit, listenForFlushRequests, wrapWorkerTerminate } from './terminate.js';
import { isMainThread, pid, threadId } from './thread.js';

const AGENT_KEY = Symbol.for('ciprof.agent');

type Global = typeof globalThis & { [AGENT_KEY]?: boolean; [HOOK_FLUSHERS]?: HookFlusher[]; [TEST_BOUNDARY]?: TestBoundary; [INTERRUPT_FLUSH]?: InterruptFlush };

/** To the run (run-warnings.ts), not to this process's stderr. */
function warn(message: string): void {
  warnRun(runRawDirectory, message);
}

/** This thread's raw directory, once known: a failure after the run removed it is no one's concern. */
let runRawDirectory: string | undefined;

/** The run this process belonged to is over (ciprof removed its raw directory): a daemon or server that outlived it. */
const runIsOver = (): boolean => runRawDirectory !== undefined && !existsSync(runRawDirectory);

function safely(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof NoInspector || isAccessDenied(err) || runIsOver()) return;
    warn(`${what} failed: ${errorText(err)}`);
  }
}

function main(): void {
  const g = globalThis as Global;
  // Also where a task runner dropped CIPROF_RAW_DIR but kept NODE_OPTIONS (run-env.ts).
  const rawDir = runRawDir();
  // Two agents in one thread (a ciprof run inside another, from another install) would
  // write the same file names: the first one wins.
  if (!rawDir || g[AGENT_KEY]) return;
  runRawDirectory = rawDir;
  // Started after the run ended (a detached process its tests left behind): nothing will read a profile.
  if (runIsOver()) return;
  Object.defineProperty(g, AGENT_KEY, { value: true });
  // A worker that boots after its process's main thread began its final flush is stopped
  // with the process before it could write anything (pino's transports, started just
  // before process.exit()): it is left unprofiled rather than counted lost.
  if (!isMainThread && existsSync(inRawDir(rawDir, `${pid}-0${FLUSHING_SUFFIX}`))) return;
  const intervalUs = Number(process.env.CIPROF_INTERVAL_US) || 1000;
  const profiler = new ThreadProfiler(rawDir, intervalUs, {
    startUs: threadStartUs(),
    ancestors: isMainThread ? parentChain() : [],
    hrtimeNs,
  });
  profiler.connect();
  // Set once sampling starts (below); read when a flush comes.
  const started: { alloc?: AllocationSampler } = {};
  const flushingMarker = inRawDir(rawDir, `${pid}-${threadId}${FLUSHING_SUFFIX}`);
  const markFlushing = (): void => safely('flush marker', () => writeFileSync(flushingMarker, ''));
  // A worker's slot in shared memory, through which the thread that made it asks for its profile (terminate.ts).
  let ownSlot: OwnSlot | undefined;
  const flushAll = (reason: FlushReason, tellSlot = true): void => {
    markFlushing();
    for (const flushHook of g[HOOK_FLUSHERS] ?? []) safely(`per-test records (${reason})`, () => flushHook(reason));
    const sampler = started.alloc;
    const allocFlush = sampler && ((info: AgentThreadInfo) => safely(`allocation profile on ${reason}`, () => sampler.flush(info)));
    safely(`flush on ${reason}`, () => profiler.flush(reason, allocFlush));
    // A thread waiting to terminate this worker is told it may (also after a flush at the worker's own exit).
    if (tellSlot) safely('flush slot', () => ownSlot?.written());
  };
  // The main thread's exit also stops every worker still running, none of whose JavaScript
  // runs then: they are asked to write theirs first (terminate.ts).
  process.on('exit', () => {
    if (!isMainThread) return flushAll('exit');
    // First, so that a worker booting from now on sees the process is ending (above).
    markFlushing();
    let ownFlushed = false;
    const ownFlush = (): void => {
      ownFlushed = true;
      flushAll('exit');
    };
    safely('flush of the live worker threads', () => flushLiveWorkersAtExit(rawDir, ownFlush));
    if (!ownFlushed) flushAll('exit');
  });
  if (isMainThread) {
    installSigtermFlush(() => flushAll('signal'));
  } else {
    // Before wrapWorkerTerminate: the slot must be the one inherited from the thread that
    // made this worker, not the one this thread may set for its own workers.
    ownSlot = listenForFlushRequests(() => flushAll('terminate'));
    // The same request, when it comes as an interrupt from the thread that made this worker
    // (worker-interrupt.ts). The slot is left alone: an Atomics.notify from an interrupt
    // that runs inside the worker's Atomics.wait left the thread deaf to terminate() (Node
    // 22 to 26); the requester reads the raw directory instead.
    const interruptFlush: InterruptFlush = (threadIds) => {
      if (threadIds.includes(threadId)) flushAll('terminate', false);
    };
    Object.defineProperty(g, INTERRUPT_FLUSH, { value: interruptFlush });
  }
  wrapWorkerTerminate(rawDir);
  // Sampling starts once every flush trigger is in place. Profiler.start takes 15-20 ms; a
  // SIGTERM that came while it ran, before the listener existed, killed the process with
  // its profile unwritten (concurrently's --kill-others tests: a child killed ~50 ms after
  // its spawn). Now the listener takes it, once the preload has run.
  profiler.start();
  started.alloc = startAllocationSampler(g, profiler, rawDir);
}

/** `--alloc`: the sampling heap profiler on the profiler's session, and the hooks' boundary function. */
function startAllocationSampler(g: Global, profiler: ThreadProfiler, rawDir: string): AllocationSampler | undefined {
  const intervalBytes = Number(process.env[ALLOC_ENV]);
  if (!(Number.isSafeInteger(intervalBytes) && intervalBytes > 0)) return undefined;
  const sampler = new AllocationSampler((method, params) => profiler.post(method, params), rawDir, intervalBytes);
  try {
    sampler.start();
  } catch (err) {
    warn(`allocation sampling not started: ${errorText(err)}`);
    return undefined;
  }
  Object.defineProperty(g, TEST_BOUNDARY, { value: (edge: 'start' | 'end') => sampler.boundary(edge), configurable: true });
  return sampler;
}

safely('profiler start', main);
