/**
 * What runner hooks write, one JSON line per event, into
 * `$CIPROF_RAW_DIR/<pid>-<threadId>.tests.jsonl`, and how they write it.
 *
 * Imported by the runner hooks (src/collect/runners/*, bundled into each) and by the
 * collector. No runtime dependency beyond node:fs: it runs inside the user's tests.
 *
 * Times are microseconds of process.hrtime (CLOCK_MONOTONIC), the clock V8's CPU
 * profiler stamps samples with (test/collect/clock.test.ts checks it; performance.now()
 * + timeOrigin is NOT that clock: it is anchored to the Unix epoch).
 */
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';

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
  /**
   * null on the line written when the test starts: a process that dies mid-test
   * (process.exit, crash, SIGKILL) leaves that line, and the collector closes it at
   * the end of the thread's profile.
   */
  endUs: number | null;
  wallMs: number | null;
  status: TestStatus;
}

export const TESTS_SUFFIX = '.tests.jsonl';
export const NAME_SEPARATOR = ' > ';

export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Appends records synchronously (a test that calls process.exit() right after keeps
 * its line). Fails open: the first error is reported once on stderr, then it goes quiet.
 */
export class TestRecorder {
  private failed = false;
  private readonly file: string | undefined;

  constructor(rawDir = process.env.CIPROF_RAW_DIR) {
    this.file = rawDir ? path.join(rawDir, `${process.pid}-${threadId}${TESTS_SUFFIX}`) : undefined;
  }

  get enabled(): boolean {
    return this.file !== undefined && !this.failed;
  }

  /** Writes a 'running' line and returns a function that writes the finished line. */
  begin(kind: TestRecord['kind'], file: string, name: string): (status: TestStatus) => void {
    if (!this.enabled) return () => {};
    const startUs = nowUs();
    const base = { pid: process.pid, threadId, kind, file, name, startUs };
    this.write({ ...base, endUs: null, wallMs: null, status: 'running' });
    let done = false;
    return (status) => {
      if (done) return;
      done = true;
      const endUs = nowUs();
      this.write({ ...base, endUs, wallMs: (endUs - startUs) / 1000, status });
    };
  }

  private write(record: TestRecord): void {
    if (!this.file || this.failed) return;
    try {
      appendFileSync(this.file, `${JSON.stringify(record)}\n`);
    } catch (err) {
      this.failed = true;
      try {
        process.stderr.write(`ciprof: warning: per-test records not written: ${(err as Error).message}\n`);
      } catch {
        // stderr gone: nothing left to tell
      }
    }
  }
}
