/**
 * Reads the runner hooks' `*.tests.jsonl` records and turns them into one labeler per
 * thread for gather's `labelerFor`: a sample's V8 timestamp is looked up (binary search)
 * among the test intervals of its own process and thread.
 *
 * A sample inside a test gets `test_file` + `test_name`; outside any test but inside a
 * test file's span (module loading, beforeAll/afterAll) `test_file` only; otherwise
 * `test_file: "(setup)"` (runner start-up, the parent process, collection).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AgentThreadInfo } from '../agent/protocol.js';
import type { Labels } from '../profile/model.js';
import { normalizeScriptPath } from '../profile/paths.js';
import { testKey, TEST_FILE_LABEL, TEST_NAME_LABEL, type TestWall } from '../profile/tests.js';
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
  status: TestStatus;
}

export interface TestRecords {
  /** Key "<pid>-<threadId>"; intervals sorted by start. */
  byThread: Map<string, TestInterval[]>;
  warnings: string[];
}

const SETUP_LABELS: Labels = Object.freeze({ [TEST_FILE_LABEL]: SETUP_FILE });

export function readTestRecords(rawDir: string, repoRoot: string): TestRecords {
  const byThread = new Map<string, TestInterval[]>();
  const warnings: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(rawDir).filter((n) => n.endsWith(TESTS_SUFFIX));
  } catch (err) {
    warnings.push(`per-test records unreadable: ${(err as Error).message}`);
  }
  for (const name of names) {
    const key = name.slice(0, -TESTS_SUFFIX.length);
    const open = new Map<string, TestInterval>();
    const list: TestInterval[] = [];
    let bad = 0;
    for (const line of readFileSync(path.join(rawDir, name), 'utf8').split('\n')) {
      if (!line) continue;
      let r: TestRecord;
      try {
        r = JSON.parse(line) as TestRecord;
        if (typeof r.startUs !== 'number' || typeof r.file !== 'string') throw new Error('bad record');
      } catch {
        bad++; // a line cut short by a killed process: the others still count
        continue;
      }
      const id = `${r.kind}\u0000${r.file}\u0000${r.name}\u0000${r.startUs}`;
      const interval = open.get(id);
      if (interval && r.endUs !== null) {
        interval.endUs = r.endUs;
        interval.wallMs = r.wallMs;
        interval.status = r.status;
        open.delete(id);
        continue;
      }
      const fresh: TestInterval = {
        kind: r.kind === 'file' ? 'file' : 'test',
        file: normalizeScriptPath(r.file, repoRoot),
        name: r.name ?? '',
        startUs: r.startUs,
        endUs: r.endUs ?? Infinity,
        wallMs: r.wallMs,
        status: r.status,
      };
      list.push(fresh);
      if (r.endUs === null) open.set(id, fresh);
    }
    if (bad) warnings.push(`${name}: ${bad} unreadable per-test record line(s) skipped`);
    list.sort((a, b) => a.startUs - b.startUs);
    byThread.set(key, list);
  }
  return { byThread, warnings };
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

/** One labeler per thread, for gather's `labelerFor`. Threads without records get "(setup)". */
export function makeLabelerFor(records: TestRecords): (info: AgentThreadInfo) => ThreadLabeler {
  const prepared = new Map<string, { tests: TestInterval[]; files: TestInterval[] }>();
  for (const [key, list] of records.byThread) {
    closeOpen(list);
    prepared.set(key, { tests: list.filter((i) => i.kind === 'test'), files: list.filter((i) => i.kind === 'file') });
  }
  return (info) => {
    const mine = prepared.get(`${info.pid}-${info.threadId}`);
    if (!mine) return () => SETUP_LABELS;
    const cache = new Map<TestInterval, Labels>();
    const labelsOf = (i: TestInterval): Labels => {
      let l = cache.get(i);
      if (!l) {
        l = i.kind === 'test' ? { [TEST_FILE_LABEL]: i.file, [TEST_NAME_LABEL]: i.name } : { [TEST_FILE_LABEL]: i.file };
        cache.set(i, l);
      }
      return l;
    };
    return (t) => {
      const test = containing(mine.tests, t);
      if (test) return labelsOf(test);
      const file = containing(mine.files, t);
      return file ? labelsOf(file) : SETUP_LABELS;
    };
  };
}

/** Wall time per test (file + name), summed over retries; null when a run never finished. */
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
        prev.status = status;
      } else out.set(key, { file: i.file, name: i.name, wallMs: i.wallMs, status });
    }
  }
  return out;
}
