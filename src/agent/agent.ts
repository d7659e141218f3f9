/**
 * The preload agent. `ciprof run` puts `--require <dist/agent.cjs>` into NODE_OPTIONS,
 * so this file runs first in every Node process and every worker thread the test
 * command starts. It starts V8's CPU profiler in-process through `node:inspector`
 * (native `--cpu-prof` is refused in NODE_OPTIONS on Node 20 and only writes at a
 * normal exit) and writes a `.cpuprofile` synchronously when the thread ends.
 *
 * It must never change the program's behaviour: every failure is swallowed after one
 * warning line on stderr, and it keeps nothing alive (channels are unref'd).
 *
 * Files written into CIPROF_RAW_DIR:
 *   <pid>-<tid>.start                 a marker, so a thread that dies unflushed is counted
 *   <pid>-<tid>-<seq>.cpuprofile      a V8 profile plus a `$ciprof` block (see ThreadInfo)
 *   <pid>-<tid>-<seq>.scripts.json    the source maps of the profile's scripts (scripts.ts)
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as os from 'node:os';
import * as path from 'node:path';
import { BroadcastChannel, isMainThread, threadId, Worker } from 'node:worker_threads';
import type { AgentThreadInfo } from './protocol.js';
import { FLUSH_CHANNEL, type FlushMessage } from './protocol.js';
import { writeScriptSourceMaps } from './scripts.js';

const AGENT_KEY = Symbol.for('ciprof.agent');
const TERMINATE_FLUSH_TIMEOUT_MS = 500;

type Global = typeof globalThis & { [AGENT_KEY]?: boolean };

function warn(message: string): void {
  try {
    fs.writeSync(2, `ciprof: warning: ${message} (pid ${process.pid}, thread ${threadId})\n`);
  } catch {
    // stderr closed: nothing sensible left to do
  }
}

class ThreadProfiler {
  private readonly session = new inspector.Session();
  private running = false;
  private seq = 0;
  private segmentStartedAt = 0;

  constructor(
    private readonly rawDir: string,
    private readonly intervalUs: number,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.seq === 0) {
      try {
        this.session.connect();
        this.post('Profiler.enable');
      } catch (err) {
        // `node --test` runs its orchestrating parent without an inspector (so that
        // --inspect reaches the test files' processes). Nothing to profile there: say
        // so in a marker the collector reports, instead of a warning in the test output.
        if (/without a V8::Inspector/.test(errorText(err))) {
          const info = JSON.stringify({ pid: process.pid, threadId, argv: process.argv.slice(1, 4), execArgv: process.execArgv });
          fs.writeFileSync(path.join(this.rawDir, `${process.pid}-${threadId}.noinspector`), info);
          throw new NoInspector();
        }
        throw err;
      }
      this.post('Profiler.setSamplingInterval', { interval: this.intervalUs });
      fs.writeFileSync(path.join(this.rawDir, `${process.pid}-${threadId}.start`), '');
    }
    this.segmentStartedAt = Date.now();
    this.post('Profiler.start');
    this.running = true;
  }

  /** Stops the profiler and writes the segment. Synchronous: safe inside 'exit'. */
  flush(reason: AgentThreadInfo['reason']): void {
    if (!this.running) return;
    this.running = false;
    const result = this.post('Profiler.stop') as { profile?: object } | undefined;
    if (!result?.profile) throw new Error('Profiler.stop returned no profile');
    const info: AgentThreadInfo = {
      pid: process.pid,
      ppid: process.ppid,
      threadId,
      isMainThread,
      argv: process.argv.slice(1, 4),
      execPath: process.execPath,
      nodeVersion: process.version,
      segment: this.seq,
      reason,
      wallStartMs: this.segmentStartedAt,
      wallEndMs: Date.now(),
      hrtimeAtFlushNs: process.hrtime.bigint().toString(),
      intervalUs: this.intervalUs,
    };
    const base = path.join(this.rawDir, `${process.pid}-${threadId}-${this.seq}`);
    this.seq += 1;
    // Written then renamed, so a reader never sees half a file from a thread killed mid-write.
    fs.writeFileSync(`${base}.tmp`, JSON.stringify({ ...result.profile, $ciprof: info }));
    fs.renameSync(`${base}.tmp`, `${base}.cpuprofile`);
    safely('source map collection', () => writeScriptSourceMaps(this.session, result.profile!, `${base}.scripts.json`));
  }

  /**
   * The in-process inspector session dispatches synchronously: the callback has run
   * by the time post() returns, which is what lets us stop and write inside 'exit'.
   */
  private post(method: string, params?: object): unknown {
    let out: unknown;
    let failure: Error | null = null;
    this.session.post(method, params ?? {}, (err, result) => {
      failure = err;
      out = result;
    });
    if (failure) throw failure;
    return out;
  }
}

class NoInspector extends Error {}

/** Inspector errors arrive as plain objects ({ code, message }), not Error instances. */
function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return JSON.stringify(err);
}

function safely(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof NoInspector)) warn(`${what} failed: ${errorText(err)}`);
  }
}

/**
 * Pools end processes with SIGTERM (tinypool forks, test runners on timeout). Write the
 * profile, then let the signal do what it would have done: if the program has its own
 * handler we keep profiling in a new segment; otherwise re-raise for the default death.
 */
function installSignalFlush(profiler: ThreadProfiler, signals: NodeJS.Signals[]): void {
  const handlers = new Map<NodeJS.Signals, () => void>();
  /** Flush and step aside so the next delivery of `signal` gets the default action. */
  const stepAside = (signal: NodeJS.Signals): void => {
    safely(`flush on ${signal}`, () => profiler.flush('signal'));
    process.removeListener(signal, handlers.get(signal)!);
  };
  for (const signal of signals) {
    const onSignal = (): void => {
      if (process.listenerCount(signal) > 1) {
        safely(`flush on ${signal}`, () => profiler.flush('signal'));
        safely('profiler restart', () => profiler.start());
        return;
      }
      stepAside(signal);
      process.kill(process.pid, signal);
    };
    handlers.set(signal, onSignal);
    process.on(signal, onSignal);
  }

  // A listener turns a signal into an event, handled only if the event loop is still
  // alive. A process that signals itself and then lets its loop drain (npm re-raising
  // its child's signal does exactly that) would exit 0 instead of dying by the signal.
  // So self-signals are made synchronous again: flush, remove our listener, then kill.
  const originalKill = process.kill.bind(process);
  process.kill = function kill(pid: number, signal?: string | number): true {
    const name = typeof signal === 'number' ? signalName(signal) : ((signal ?? 'SIGTERM') as NodeJS.Signals);
    if (pid === process.pid && name && handlers.has(name) && process.listeners(name).length === 1 && process.listeners(name)[0] === handlers.get(name)) {
      stepAside(name);
    }
    return originalKill(pid, signal);
  };
}

function signalName(num: number): NodeJS.Signals | undefined {
  return (Object.keys(os.constants.signals) as NodeJS.Signals[]).find((k) => os.constants.signals[k] === num);
}

/**
 * worker.terminate() ends a worker without running its exit handlers, which is how
 * thread pools (tinypool, piscina) retire workers. Before terminating, ask the worker
 * over a BroadcastChannel to flush, and wait for its ack (bounded).
 */
function wrapWorkerTerminate(): void {
  const proto = Worker.prototype as Worker & { [AGENT_KEY]?: boolean };
  if (proto[AGENT_KEY]) return;
  proto[AGENT_KEY] = true;
  const originalTerminate = proto.terminate;
  proto.terminate = function terminate(this: Worker): Promise<number> {
    const target = this.threadId;
    if (target < 0) return originalTerminate.call(this);
    return new Promise<void>((resolve) => {
      const channel = new BroadcastChannel(FLUSH_CHANNEL);
      const finish = (): void => {
        clearTimeout(timer);
        channel.close();
        resolve();
      };
      const timer = setTimeout(finish, TERMINATE_FLUSH_TIMEOUT_MS);
      channel.onmessage = (event: unknown) => {
        const data = (event as { data?: FlushMessage }).data;
        if (data?.type === 'ack' && data.threadId === target) finish();
      };
      const request: FlushMessage = { type: 'flush', threadId: target };
      channel.postMessage(request);
    }).then(() => originalTerminate.call(this));
  };
}

function listenForFlushRequests(profiler: ThreadProfiler): void {
  const channel = new BroadcastChannel(FLUSH_CHANNEL);
  channel.unref();
  channel.onmessage = (event: unknown) => {
    const data = (event as { data?: FlushMessage }).data;
    if (data?.type !== 'flush' || data.threadId !== threadId) return;
    safely('flush on terminate', () => profiler.flush('terminate'));
    const ack: FlushMessage = { type: 'ack', threadId };
    channel.postMessage(ack);
  };
}

function main(): void {
  const g = globalThis as Global;
  const rawDir = process.env.CIPROF_RAW_DIR;
  if (!rawDir || g[AGENT_KEY]) return;
  g[AGENT_KEY] = true;
  const intervalUs = Number(process.env.CIPROF_INTERVAL_US) || 1000;
  const profiler = new ThreadProfiler(rawDir, intervalUs);
  profiler.start();
  process.on('exit', () => safely('flush at exit', () => profiler.flush('exit')));
  if (isMainThread) {
    installSignalFlush(profiler, ['SIGTERM', 'SIGINT']);
  } else {
    listenForFlushRequests(profiler);
  }
  wrapWorkerTerminate();
}

safely('profiler start', main);
