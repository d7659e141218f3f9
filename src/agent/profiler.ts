/**
 * One thread's V8 CPU profiler, driven in-process through `node:inspector`, written once
 * as `<pid>-<tid>-<segment>.cpuprofile` into the raw directory (segment 0 unless an earlier
 * process of the run had the same pid), synchronously (safe in 'exit').
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { freeProfileBase, inRawDir, recordedArgv, type AgentThreadInfo, type FlushReason, type StartMarker } from './protocol.js';
import { writeScriptSourceMaps, type ProfileFrames } from './scripts.js';
import { AgentSession } from './session.js';
import { isMainThread, pid, threadId } from './thread.js';

/** Captured at load: a test that fakes Date must not move the profile's wall times. */
const dateNow = Date.now;

/** `node --test` runs its orchestrating parent without an inspector: nothing to profile there. */
export class NoInspector extends Error {}

/**
 * Node's permission model (`--permission`, `--experimental-permission` on Node 22) refuses
 * the inspector without --allow-inspector and file writes outside --allow-fs-write. The
 * process chose that sandbox: the agent stays silent in it (no warning in its stderr) and
 * the collector reports what it could not profile.
 */
export function isAccessDenied(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'ERR_ACCESS_DENIED' || /Access to this API has been restricted/.test(errorText(err));
}

/** Inspector errors arrive as plain objects ({ code, message }), not Error instances. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return JSON.stringify(err);
}

export interface ThreadFacts {
  startUs: number;
  ancestors: number[];
  hrtimeNs: () => bigint;
}

export class ThreadProfiler {
  private readonly session = new AgentSession();
  private running = false;
  private startedAt = 0;

  constructor(
    private readonly rawDir: string,
    private readonly intervalUs: number,
    private readonly facts: ThreadFacts,
  ) {}

  /**
   * Connects and enables the profiler: the part that can find no inspector (NoInspector).
   * Separate from start() so the agent can install its flush triggers in between.
   */
  connect(): void {
    try {
      this.session.connect();
      this.post('Profiler.enable');
    } catch (err) {
      // Say so in a marker the collector reports, instead of a warning in the test output.
      const denied = isAccessDenied(err);
      if (denied || /without a V8::Inspector/.test(errorText(err))) {
        const info = JSON.stringify({ pid, threadId, argv: recordedArgv(process.argv), execArgv: process.execArgv, ...(denied ? { reason: 'permission' } : {}) });
        try {
          writeFileSync(inRawDir(this.rawDir, `${pid}-${threadId}.noinspector`), info);
        } catch (writeErr) {
          // Without --allow-fs-write for the temp dir the marker is denied too: the run then finds no profile.
          if (!isAccessDenied(writeErr)) throw writeErr;
        }
        throw new NoInspector();
      }
      throw err;
    }
    this.post('Profiler.setSamplingInterval', { interval: this.intervalUs });
  }

  /**
   * Writes the start marker and starts sampling. V8's Profiler.start logs every function
   * compiled so far (a walk of the heap, with line numbers): 15-20 ms of CPU in a fresh
   * process, Node 22 to 26, as long under `node --cpu-prof`.
   */
  start(): void {
    const marker: StartMarker = { startUs: this.facts.startUs, ...(isMainThread ? { ancestors: this.facts.ancestors } : {}) };
    writeFileSync(inRawDir(this.rawDir, `${pid}-${threadId}.start`), JSON.stringify(marker));
    this.startedAt = dateNow();
    this.post('Profiler.start');
    this.running = true;
  }

  /**
   * Stops the profiler and writes the profile; later calls do nothing. `whileStopped`
   * runs after the stop and before the write (the allocation profile: its forced GC
   * stays out of the CPU samples, and its file is on disk before the `.cpuprofile`
   * that tells the collector this thread is done).
   */
  flush(reason: FlushReason, whileStopped?: (info: AgentThreadInfo) => void): void {
    if (!this.running) return;
    this.running = false;
    const stopped = this.stopProfile();
    const { base, segment } = freeProfileBase(this.rawDir, pid, threadId, '.cpuprofile', existsSync);
    const info: AgentThreadInfo = {
      pid,
      ppid: process.ppid,
      threadId,
      isMainThread,
      argv: recordedArgv(process.argv),
      execPath: process.execPath,
      nodeVersion: process.version,
      segment,
      reason,
      wallStartMs: this.startedAt,
      wallEndMs: dateNow(),
      hrtimeAtFlushNs: this.facts.hrtimeNs().toString(),
      intervalUs: this.intervalUs,
      startUs: this.facts.startUs,
      ancestors: isMainThread ? this.facts.ancestors : [],
    };
    whileStopped?.(info);
    // Written then renamed, so a reader never sees half a file from a thread killed mid-write.
    // The same bytes either way: V8's text with the block spliced in before its last brace
    // is what JSON.stringify({ ...profile, $ciprof }) gives (test/agent/raw-profile.test.ts).
    const content = 'text' in stopped ? `${stopped.text.slice(0, -1)},"$ciprof":${JSON.stringify(info)}}` : JSON.stringify({ ...stopped.profile, $ciprof: info });
    writeFileSync(`${base}.tmp`, content);
    renameSync(`${base}.tmp`, `${base}.cpuprofile`);
    // After the profile is safe on disk: a failure here (the caller warns) costs the source maps only.
    writeScriptSourceMaps(this.session, 'text' in stopped ? stopped : stopped.profile, `${base}.scripts.json`);
  }

  /**
   * Stops the profiler: V8's profile as text where the session gives text and the text is
   * plain (no escape anywhere: then JSON.parse and JSON.stringify give back the same
   * bytes), else parsed. Parsing a large profile only to write it again was most of a
   * flush's own cost.
   */
  private stopProfile(): { text: string } | { profile: ProfileFrames } {
    if (this.session.hasText) {
      const reply = this.session.postText('Profiler.stop');
      const prefix = `${this.session.resultPrefix()}{"profile":{"`;
      if (reply.startsWith(prefix) && reply.endsWith('}}}') && !reply.includes('\\')) {
        return { text: reply.slice(prefix.length - 2, -2) };
      }
      return { profile: profileOf(JSON.parse(reply) as { result?: unknown; error?: { message?: string } }) };
    }
    return { profile: profileOf({ result: this.post('Profiler.stop') }) };
  }

  /**
   * The in-process inspector session dispatches synchronously: the callback has run
   * by the time post() returns, which is what lets us stop and write inside 'exit'.
   * Shared with the allocation sampler (one session per thread).
   */
  post(method: string, params?: object): unknown {
    return this.session.post(method, params);
  }
}

function profileOf(reply: { result?: unknown; error?: { message?: string } }): ProfileFrames {
  if (reply.error) throw new Error(`Profiler.stop failed: ${reply.error.message}`);
  const profile = (reply.result as { profile?: ProfileFrames } | undefined)?.profile;
  if (!profile) throw new Error('Profiler.stop returned no profile');
  return profile;
}
