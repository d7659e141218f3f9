/**
 * The hooks' recorder keeps records in memory and writes them in one append when the
 * agent flushes, with tests still running written open (and their end paired later).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { HOOK_FLUSHERS, type HookFlusher } from '../../src/agent/protocol.js';
import { readTestRecords } from '../../src/collect/test-labeler.js';
import { nowUs, TestRecorder, TESTS_SUFFIX } from '../../src/collect/test-record.js';

const recordsFile = (dir: string): string => path.join(dir, `${process.pid}-${threadId}${TESTS_SUFFIX}`);

describe('TestRecorder', () => {
  it('writes nothing per test: one append per flush, registered with the agent', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-recorder-'));
    const flushers = ((globalThis as { [HOOK_FLUSHERS]?: HookFlusher[] })[HOOK_FLUSHERS] ??= []);
    const before = flushers.length;
    const recorder = new TestRecorder(dir);
    expect(flushers).toHaveLength(before + 1);
    for (let i = 0; i < 2000; i++) recorder.end(recorder.begin('test', '/repo/t.test.js', `tiny ${i}`), 'passed');
    const running = recorder.begin('test', '/repo/t.test.js', 'still running');
    expect(existsSync(recordsFile(dir))).toBe(false);

    flushers[flushers.length - 1]!('exit');
    const lines = readFileSync(recordsFile(dir), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2001);
    expect(JSON.parse(lines[2000]!)).toMatchObject({ name: 'still running', endUs: null, status: 'running' });

    // A later flush writes only what changed: the end of the open test, paired by the reader.
    recorder.end(running, 'failed');
    recorder.flush();
    recorder.flush();
    expect(readFileSync(recordsFile(dir), 'utf8').trim().split('\n')).toHaveLength(2002);
    const intervals = readTestRecords(dir, '/repo').byThread.get(`${process.pid}-${threadId}`)!;
    expect(intervals).toHaveLength(2000 + 1);
    const last = intervals.find((i) => i.name === 'still running')!;
    expect(last.status).toBe('failed');
    expect(last.endUs).toBeGreaterThanOrEqual(last.startUs);
    flushers.splice(before, 1);
  });

  it('ends a test once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-recorder-'));
    const recorder = new TestRecorder(dir);
    const t = recorder.begin('test', 'f', 'n');
    recorder.end(t, 'passed');
    recorder.end(t, 'failed');
    recorder.flush();
    const lines = readFileSync(recordsFile(dir), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).status)).toEqual(['passed']);
  });
});

describe('nowUs', () => {
  it('is process.hrtime in microseconds, even while a test fakes performance.now', () => {
    const hr = (): number => Number(process.hrtime.bigint() / 1000n);
    const a = hr();
    const n = nowUs();
    const b = hr();
    expect(n).toBeGreaterThanOrEqual(a - 2);
    expect(n).toBeLessThanOrEqual(b + 2);
    const real = performance.now;
    performance.now = () => 0;
    try {
      expect(Math.abs(nowUs() - hr())).toBeLessThan(1000);
    } finally {
      performance.now = real;
    }
  });
});
