/**
 * Reads a runner hook's `<pid>-<tid>.tests.jsonl` back, checking every record: the raw
 * directory is writable by the tests, so a line can be cut short (a killed process), or
 * be anything at all. For test-labeler.ts: a bad line is counted and skipped, a file that
 * is too big is refused in one line naming it, and nothing here can take more memory
 * than the caps allow.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { wellFormed } from '../util/well-formed.js';
import type { TestRecord, TestStatus } from './test-record.js';

export interface TestRecordLimits {
  /** Bytes of one records file. */
  maxFileBytes: number;
  /** Records (lines) in one file. */
  maxRecords: number;
  /** Characters of a test file path and of a test name. */
  maxFileChars: number;
  maxNameChars: number;
}

/** ~200 bytes a record: a thread would need 100,000+ tests to come near. */
export const TEST_RECORD_LIMITS: Readonly<TestRecordLimits> = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxRecords: 1_000_000,
  maxFileChars: 4096,
  maxNameChars: 16 * 1024,
});

export interface TestRecordFile {
  records: TestRecord[];
  /** Lines that were not a valid record (skipped), and the first reason. */
  badLines: number;
  firstProblem?: string;
}

const STATUSES: ReadonlySet<string> = new Set<TestStatus>(['running', 'passed', 'failed', 'skipped', 'unknown']);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** One line as a record, or a short reason it is not one. */
export function parseTestRecordLine(line: string, limits: TestRecordLimits = TEST_RECORD_LIMITS): TestRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const r = value as Record<string, unknown>;
  if (!isCount(r.pid) || !isCount(r.threadId)) return 'pid/threadId are not non-negative integers';
  if (r.kind !== 'test' && r.kind !== 'file') return 'kind is neither "test" nor "file"';
  if (typeof r.file !== 'string' || r.file.length > limits.maxFileChars) return `file is not a string of at most ${limits.maxFileChars} characters`;
  if (typeof r.name !== 'string' || r.name.length > limits.maxNameChars) return `name is not a string of at most ${limits.maxNameChars} characters`;
  if (!isTime(r.startUs)) return 'startUs is not a non-negative number';
  if (r.endUs !== null && (!isTime(r.endUs) || r.endUs < r.startUs)) return 'endUs is neither null nor a time after startUs';
  if (r.wallMs !== null && !isTime(r.wallMs)) return 'wallMs is neither null nor a non-negative number';
  // Absent in records of older agents: no CPU clock, like Node 20's.
  if (r.cpuMs !== undefined && r.cpuMs !== null && !isTime(r.cpuMs)) return 'cpuMs is neither null nor a non-negative number';
  if (typeof r.status !== 'string' || !STATUSES.has(r.status)) return 'status is not a known test status';
  return { pid: r.pid, threadId: r.threadId, kind: r.kind, file: wellFormed(r.file), name: wellFormed(r.name), startUs: r.startUs, endUs: r.endUs as number | null, wallMs: r.wallMs as number | null, cpuMs: (r.cpuMs ?? null) as number | null, status: r.status as TestStatus };
}

/** Every valid record of a file's text; bad lines are counted. */
export function parseTestRecords(text: string, limits: TestRecordLimits = TEST_RECORD_LIMITS): TestRecordFile {
  const out: TestRecordFile = { records: [], badLines: 0 };
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line) continue;
    if (out.records.length + out.badLines >= limits.maxRecords) throw new Error(`more than ${limits.maxRecords} records`);
    const r = parseTestRecordLine(line, limits);
    if (typeof r === 'string') {
      out.badLines++;
      out.firstProblem ??= r;
    } else out.records.push(r);
  }
  return out;
}

/** Reads and checks one records file; throws one line naming the file when it cannot be used at all. */
export function readTestRecordFile(file: string, limits: TestRecordLimits = TEST_RECORD_LIMITS): TestRecordFile {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size > limits.maxFileBytes) throw new Error(`file of ${size} bytes (limit ${limits.maxFileBytes})`);
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return parseTestRecords(buf.toString('utf8', 0, got), limits);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message.split('\n', 1)[0]}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
