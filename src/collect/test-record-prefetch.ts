/**
 * The runner hooks' records files read while the test command still runs, beside each
 * thread's profile (early-gather.ts), so that reading them is not left to the end.
 *
 * Why: on a suite of one process per test file, the end of the run read 175 small files
 * (open, read, parse and check every line) before any labelling could start: 20-24 ms
 * on Node 22 (bench/after-run.mjs, phase "records"). A thread's records are on disk once
 * its profile is: the agent flushes the hooks before it writes the profile.
 *
 * A file read ahead is used at the end only if it has not changed since (same size and
 * modification time: a thread that flushes again, on a signal and then at exit, appends);
 * otherwise it is read again. So the result is always what reading everything at the end
 * gives. Any failure here only means the file is read at the end.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { readTestRecordFile, type TestRecordFile } from './test-record-read.js';
import { TESTS_SUFFIX } from './test-record.js';

interface Kept {
  size: number;
  mtimeMs: number;
  records: TestRecordFile;
}

export class TestRecordPrefetch {
  private readonly kept = new Map<string, Kept>();

  /** Reads the records of thread `threadKey` ("<pid>-<tid>"), if it wrote any. */
  prefetch(rawDir: string, threadKey: string): void {
    const file = path.join(rawDir, `${threadKey}${TESTS_SUFFIX}`);
    try {
      // Stat first: a line appended after it makes the file differ at the end, and it is read again.
      const { size, mtimeMs } = statSync(file);
      this.kept.set(file, { size, mtimeMs, records: readTestRecordFile(file) });
    } catch {
      this.kept.delete(file);
    }
  }

  /** A records file's content: as read ahead when unchanged since, else read now (readTestRecordFile's errors). */
  read = (file: string): TestRecordFile => {
    const kept = this.kept.get(file);
    if (kept) {
      this.kept.delete(file);
      try {
        const now = statSync(file);
        if (now.size === kept.size && now.mtimeMs === kept.mtimeMs) return kept.records;
      } catch {
        // gone or unreadable now: readTestRecordFile says so in its one line
      }
    }
    return readTestRecordFile(file);
  };

  /** How many files are held (tests). */
  get size(): number {
    return this.kept.size;
  }
}
