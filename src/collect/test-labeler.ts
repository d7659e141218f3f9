/**
 * Reads the runner hooks' `*.tests.jsonl` records and turns them into one labeler per
 * thread for gather's `labelerFor`.
 *
 * A thread that a test started (a process it spawned, directly or through a shell or
 * npx, or a worker thread it created) belongs to that test: all its samples get the
 * labels of the test running in its parent process (or, for a worker thread without
 * records of its own, in its own process) when it started. Otherwise, a sample's V8
 * timestamp is looked up (binary search) among its own thread's test intervals: inside
 * a test `test_file` + `test_name`; outside any test but inside a test file's span
 * (module loading, beforeAll/afterAll) `test_file` only; otherwise
 * `test_file: "(setup)"` (runner start-up, the parent process, collection).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AgentThreadInfo, StartMarker } from '../agent/protocol.js';
import type { Labels } from '../profile/model.js';
import { normalizeScriptPath } from '../profile/paths.js';
import { testKey, TEST_FILE_LABEL, TEST_NAME_LABEL, type TestWall } from '../profile/tests.js';
import { readTestRecordFile, type TestRecordFile } from './test-record-read.js';
import { TESTS_SUFFIX, type TestRecord, type TestStatus } from './test-record.js';

export { TEST_FILE_LABEL, TEST_NAME_LABEL };
export const SETUP_FILE = '(setup)';

export interface TestInterval {
  kind: TestRecord['kind'];
  file: string;
  name: string;
  startUs: number;
  /** Infinity when the thread died before the test ended: closed at the profile's end. */
  endUs: number;
  wallMs: number | null;
  /** The recording thread's CPU clock over the test, ms; null without a thread clock. */
  cpuMs: number | null;
  /** "<pid>-<threadId>" of the thread that ran it. */
  thread: string;
  status: TestStatus;
}

export interface TestRecords {
  /** Key "<pid>-<threadId>"; intervals sorted by start. */
  byThread: Map<string, TestInterval[]>;
  /** Parent pid chain of a profiled process (from its main thread's start marker, read on first use). */
  ancestors: (pid: number) => number[] | undefined;
  warnings: string[];
}

const SETUP_LABELS: Labels = Object.freeze({ [TEST_FILE_LABEL]: SETUP_FILE });

/** `readFile` reads one records file (test-record-prefetch.ts hands back what it read while the command ran). */
export function readTestRecords(rawDir: string, repoRoot: string, readFile: (file: string) => TestRecordFile = readTestRecordFile): TestRecords {
  const byThread = new Map<string, TestInterval[]>();
  const warnings: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(rawDir).filter((n) => n.endsWith(TESTS_SUFFIX));
  } catch (err) {
    warnings.push(`per-test records unreadable: ${(err as Error).message}`);
  }
  // Every test of a file names that file: one path.relative per file, not per record.
  const relative = new Map<string, string>();
  const fileOf = (file: string): string => {
    let rel = relative.get(file);
    if (rel === undefined) relative.set(file, (rel = normalizeScriptPath(file, repoRoot)));
    return rel;
  };
  for (const name of names) {
    const key = name.slice(0, -TESTS_SUFFIX.length);
    const open = new Map<string, TestInterval>();
    const list: TestInterval[] = [];
    // The raw directory is writable by the tests: every record is checked, with caps.
    let file: TestRecordFile;
    try {
      file = readFile(path.join(rawDir, name));
    } catch (err) {
      warnings.push(`per-test records skipped: ${(err as Error).message}`);
      continue;
    }
    const bad = file.badLines; // lines cut short by a killed process: the others still count
    for (const r of file.records) {
      const id = `${r.kind}\u0000${r.file}\u0000${r.name}\u0000${r.startUs}`;
      const interval = open.get(id);
      if (interval && r.endUs !== null) {
        interval.endUs = r.endUs;
        interval.wallMs = r.wallMs;
        interval.cpuMs = r.cpuMs;
        interval.status = r.status;
        open.delete(id);
        continue;
      }
      const fresh: TestInterval = {
        kind: r.kind === 'file' ? 'file' : 'test',
        file: fileOf(r.file),
        name: r.name,
        startUs: r.startUs,
        endUs: r.endUs ?? Infinity,
        wallMs: r.wallMs,
        cpuMs: r.cpuMs,
        thread: key,
        status: r.status,
      };
      list.push(fresh);
      if (r.endUs === null) open.set(id, fresh);
    }
    if (bad) warnings.push(`${name}: ${bad} unreadable per-test record line(s) skipped (${file.firstProblem ?? 'bad line'})`);
    list.sort((a, b) => a.startUs - b.startUs);
    byThread.set(key, list);
  }
  return { byThread, ancestors: ancestorsReader(rawDir), warnings };
}

/**
 * Main threads' start markers (`<pid>-0.start`) carry their process's parent chain. Only a
 * thread whose profile lacks the chain (a worker thread) needs one: read when asked, not
 * one file per process up front.
 */
function ancestorsReader(rawDir: string): (pid: number) => number[] | undefined {
  const read = new Map<number, number[] | undefined>();
  return (pid) => {
    if (read.has(pid)) return read.get(pid);
    let ancestors: number[] | undefined;
    try {
      const marker = JSON.parse(readFileSync(path.join(rawDir, `${pid}-0.start`), 'utf8')) as StartMarker;
      if (Array.isArray(marker.ancestors)) ancestors = marker.ancestors;
    } catch {
      // no marker, an empty one (older agent) or one cut short: no parent chain for that process
    }
    read.set(pid, ancestors);
    return ancestors;
  };
}

/** Innermost interval containing t among intervals sorted by start (nested node:test subtests). */
function containing(list: readonly TestInterval[], t: number): TestInterval | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.startUs <= t) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Walk back over a few predecessors: only enclosing (parent) intervals can still contain t.
  for (let i = last, steps = 0; i >= 0 && steps < 64; i--, steps++) {
    if (list[i]!.endUs > t) return list[i];
  }
  return undefined;
}

/**
 * Closes intervals left open by a dead thread at the next interval of the same kind
 * that starts after them (the runner moved on), or leaves them open to the profile's end.
 */
function closeOpen(list: TestInterval[]): void {
  for (let i = 0; i < list.length; i++) {
    const cur = list[i]!;
    if (cur.endUs !== Infinity) continue;
    for (let j = i + 1; j < list.length; j++) {
      const next = list[j]!;
      if (next.kind === cur.kind && (cur.kind === 'file' || !next.name.startsWith(cur.name + ' > '))) {
        cur.endUs = next.startUs;
        break;
      }
    }
  }
}

export type ThreadLabeler = (timestampUs: number) => Labels | undefined;

interface ThreadIntervals {
  tests: TestInterval[];
  files: TestInterval[];
}

/** One labeler per thread, for gather's `labelerFor`. Threads without records get "(setup)". */
export function makeLabelerFor(records: TestRecords): (info: AgentThreadInfo) => ThreadLabeler {
  const byThread = new Map<string, ThreadIntervals>();
  const byPid = new Map<number, ThreadIntervals[]>();
  for (const [key, list] of records.byThread) {
    closeOpen(list);
    const intervals = { tests: list.filter((i) => i.kind === 'test'), files: list.filter((i) => i.kind === 'file') };
    byThread.set(key, intervals);
    const pid = Number(key.split('-')[0]);
    byPid.set(pid, [...(byPid.get(pid) ?? []), intervals]);
  }
  const cache = new Map<TestInterval, Labels>();
  const labelsOf = (i: TestInterval): Labels => {
    let l = cache.get(i);
    if (!l) {
      l = i.kind === 'test' ? { [TEST_FILE_LABEL]: i.file, [TEST_NAME_LABEL]: i.name } : { [TEST_FILE_LABEL]: i.file };
      cache.set(i, l);
    }
    return l;
  };
  /** What process `pid` was running at time t: its innermost, latest-started test (any thread), else a file. */
  const runningIn = (pid: number, t: number): Labels | undefined => {
    let test: TestInterval | undefined;
    let file: TestInterval | undefined;
    for (const thread of byPid.get(pid) ?? []) {
      const tt = containing(thread.tests, t);
      if (tt && (!test || tt.startUs > test.startUs)) test = tt;
      const ff = containing(thread.files, t);
      if (ff && (!file || ff.startUs > file.startUs)) file = ff;
    }
    return test ? labelsOf(test) : file ? labelsOf(file) : undefined;
  };
  return (info) => {
    const spawnedBy = spawningTest(info, records, runningIn);
    if (spawnedBy) return () => spawnedBy;
    const mine = byThread.get(`${info.pid}-${info.threadId}`);
    if (mine) {
      return (t) => {
        const test = containing(mine.tests, t);
        if (test) return labelsOf(test);
        const file = containing(mine.files, t);
        return file ? labelsOf(file) : SETUP_LABELS;
      };
    }
    const createdBy = info.startUs !== undefined && !info.isMainThread ? runningIn(info.pid, info.startUs) : undefined;
    return () => createdBy ?? SETUP_LABELS;
  };
}

/** The test running in the nearest ancestor process that ran tests, when this thread started. */
function spawningTest(info: AgentThreadInfo, records: TestRecords, runningIn: (pid: number, t: number) => Labels | undefined): Labels | undefined {
  if (info.startUs === undefined) return undefined;
  const ancestors = info.ancestors?.length ? info.ancestors : (records.ancestors(info.pid) ?? [info.ppid]);
  for (const pid of ancestors) {
    if (pid === info.pid) continue;
    const labels = runningIn(pid, info.startUs);
    if (labels) return labels;
  }
  return undefined;
}

/** A test's own threads kept in its metadata: retries rarely run in more. */
const MAX_TEST_THREADS = 8;

/**
 * Wall and thread-CPU time per test (file + name), summed over retries; null when a run
 * never finished (or, for CPU, ran where Node has no thread clock). The threads that ran
 * it are kept so the diff can tell the test's own samples from those of threads it started.
 */
export function testWalls(records: TestRecords): Map<string, TestWall> {
  const out = new Map<string, TestWall>();
  for (const list of records.byThread.values()) {
    for (const i of list) {
      if (i.kind !== 'test') continue;
      const key = testKey(i.file, i.name);
      const prev = out.get(key);
      const status = i.status === 'running' ? 'unknown' : i.status;
      if (prev) {
        prev.wallMs = prev.wallMs === null || i.wallMs === null ? null : prev.wallMs + i.wallMs;
        prev.cpuMs = prev.cpuMs === null || prev.cpuMs === undefined || i.cpuMs === null ? null : prev.cpuMs + i.cpuMs;
        if (prev.threads && !prev.threads.includes(i.thread) && prev.threads.length < MAX_TEST_THREADS) prev.threads.push(i.thread);
        prev.status = status;
      } else out.set(key, { file: i.file, name: i.name, wallMs: i.wallMs, cpuMs: i.cpuMs, threads: [i.thread], status });
    }
  }
  return out;
}
