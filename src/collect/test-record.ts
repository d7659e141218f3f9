/**
 * What runner hooks record, and how: per test, two clock reads and an array push, kept
 * in memory; written as JSON lines into `$CIPROF_RAW_DIR/<pid>-<threadId>.tests.jsonl`
 * only when the agent writes the thread's profile (exit, SIGTERM, worker terminate), so
 * records and samples land together and a suite of thousands of tests costs one write.
 * A test still running at that moment (process.exit() inside a test) is written open
 * (endUs null) and the collector closes it at the end of the profile; a SIGKILLed
 * process loses its records with its profile, and is counted as a lost thread.
 *
 * Imported by the runner hooks (bundled into dist/runners/preload.cjs) and by the
 * collector. No runtime dependency beyond node:fs: it runs inside the user's tests.
 *
 * Times are microseconds of process.hrtime (CLOCK_MONOTONIC), the clock V8's CPU
 * profiler stamps samples with (test/collect/clock.test.ts checks it), read directly.
 *
 * CPU: V8's profiler samples on a wall-clock timer, so a thread blocked in a system call
 * (bind, a sync fs call) or descheduled by a busy machine is charged as if it ran. The
 * thread's own CPU clock, read at each test's start and end, says what really ran:
 * `process.threadCpuUsage()` (Node 22.23+, 24, 26; ~1-3 µs a call, measured). Node 20
 * lacks it; Linux's /proc/thread-self/stat costs ~30-45 µs a read and ticks in 10 ms, too
 * coarse for a test, so there the records carry no CPU (cpuMs null) and the diff falls
 * back to sampled time.
 */
import { appendFileSync } from 'node:fs';
// Named imports: esbuild's __toESM copies every export of a namespace import (~0.7 ms of
// CPU per runner process for node:path and node:module, Node 24).
import { HOOK_FLUSHERS, inRawDir, TEST_BOUNDARY, type HookFlusher, type TestBoundary } from '../agent/protocol.js';
// Not node:worker_threads: in a main thread that has not loaded it (a node:test file's
// process on Node 24+, mocha's), loading it costs ~3-4 ms of CPU (install.cjs loaded in
// 1.8 ms instead of 4.3-6.6, Node 24).
import { warnRun } from '../agent/run-warnings.js';
import { pid, threadId } from '../agent/thread.js';

export type TestStatus = 'running' | 'passed' | 'failed' | 'skipped' | 'unknown';

export interface TestRecord {
  pid: number;
  threadId: number;
  /** 'test': one test body with its each-hooks; 'file': a whole test file (loading, all-hooks). */
  kind: 'test' | 'file';
  /** Absolute path as the runner knows it; the collector makes it repo-relative. */
  file: string;
  /** Describe path and title joined with ' > '; '' for kind 'file'. */
  name: string;
  startUs: number;
  /** null on the line of a test still running when its thread wrote its records. */
  endUs: number | null;
  wallMs: number | null;
  /** CPU time of the recording thread during the test (its own clock), ms; null where Node lacks a thread clock or the test is open. */
  cpuMs: number | null;
  status: TestStatus;
}

export const TESTS_SUFFIX = '.tests.jsonl';
export const NAME_SEPARATOR = ' > ';

/**
 * Captured at load: a test that fakes timers (hrtime) must not move ours. Not
 * performance.now(): touching the `performance` global loads perf_hooks, ~3 ms of CPU in
 * every worker thread the preload runs in, runner or not.
 */
const hrtimeBigint = process.hrtime.bigint;

export function nowUs(): number {
  return Number(hrtimeBigint()) / 1000;
}

type ThreadCpuUsage = () => { user: number; system: number };
const threadCpuUsage = (process as { threadCpuUsage?: ThreadCpuUsage }).threadCpuUsage?.bind(process);

/** The thread's CPU clock (user + system), µs; undefined where Node has no thread clock. */
export function threadCpuUs(): number | undefined {
  if (!threadCpuUsage) return undefined;
  const u = threadCpuUsage();
  return u.user + u.system;
}

/** A test begun and not yet written as finished. */
export interface OpenTest {
  readonly kind: TestRecord['kind'];
  readonly file: string;
  readonly name: string;
  readonly startUs: number;
  readonly cpuStartUs: number | undefined;
  /** Its 'running' line is already on disk (an earlier flush); the finished line pairs with it. */
  writtenOpen: boolean;
}

interface DoneTest {
  test: OpenTest;
  endUs: number;
  cpuEndUs: number | undefined;
  status: TestStatus;
}

type Global = typeof globalThis & { [HOOK_FLUSHERS]?: HookFlusher[]; [TEST_BOUNDARY]?: TestBoundary };

/** Fails open: the first write error is reported once on stderr, then it goes quiet. */
export class TestRecorder {
  private failed = false;
  private readonly file: string | undefined;
  private readonly rawDir: string | undefined;
  private readonly open = new Set<OpenTest>();
  private done: DoneTest[] = [];

  constructor(rawDir = process.env.CIPROF_RAW_DIR) {
    this.rawDir = rawDir;
    this.file = rawDir ? inRawDir(rawDir, `${pid}-${threadId}${TESTS_SUFFIX}`) : undefined;
    if (this.file) ((globalThis as Global)[HOOK_FLUSHERS] ??= []).push(() => this.flush());
  }

  get enabled(): boolean {
    return this.file !== undefined && !this.failed;
  }

  begin(kind: TestRecord['kind'], file: string, name: string): OpenTest {
    // Allocation sampling (--alloc) marks the boundary outside the test's clocks: its cost is not the test's.
    (globalThis as Global)[TEST_BOUNDARY]?.('start');
    const test: OpenTest = { kind, file, name, startUs: nowUs(), cpuStartUs: threadCpuUs(), writtenOpen: false };
    this.open.add(test);
    return test;
  }

  /** Ends a test once; later calls for the same test do nothing. */
  end(test: OpenTest, status: TestStatus): void {
    if (!this.open.delete(test)) return;
    const endUs = nowUs();
    this.done.push({ test, endUs, cpuEndUs: threadCpuUs(), status });
    (globalThis as Global)[TEST_BOUNDARY]?.('end');
  }

  /** Writes what happened since the last flush in one append. Called by the agent. */
  flush(): void {
    if (!this.file || this.failed) return;
    const lines: string[] = [];
    for (const { test, endUs, cpuEndUs, status } of this.done) lines.push(line(test, endUs, cpuEndUs, status));
    for (const test of this.open) {
      if (test.writtenOpen) continue;
      test.writtenOpen = true;
      lines.push(line(test, null, undefined, 'running'));
    }
    this.done = [];
    if (lines.length === 0) return;
    try {
      appendFileSync(this.file, `${lines.join('\n')}\n`);
    } catch (err) {
      this.failed = true;
      warnRun(this.rawDir, `per-test records not written: ${(err as Error).message}`);
    }
  }
}

function line(test: OpenTest, endUs: number | null, cpuEndUs: number | undefined, status: TestStatus): string {
  const startUs = Math.round(test.startUs);
  const end = endUs === null ? null : Math.round(endUs);
  const record: TestRecord = {
    pid,
    threadId,
    kind: test.kind,
    file: test.file,
    name: test.name,
    startUs,
    endUs: end,
    wallMs: end === null ? null : (end - startUs) / 1000,
    cpuMs: end === null || cpuEndUs === undefined || test.cpuStartUs === undefined ? null : Math.max(0, cpuEndUs - test.cpuStartUs) / 1000,
    status,
  };
  return JSON.stringify(record);
}
