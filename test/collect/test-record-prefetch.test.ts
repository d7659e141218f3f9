/**
 * Records files read while the command runs (collect/test-record-prefetch.ts) are used at
 * the end only when unchanged: a thread that flushed again (appended) is read again, and
 * a file that went away gives readTestRecordFile's own one-line error.
 */
import { appendFileSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTestRecords } from '../../src/collect/test-labeler.js';
import { TestRecordPrefetch } from '../../src/collect/test-record-prefetch.js';

const dir = mkdtempSync(join(tmpdir(), 'ciprof-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (name: string, startUs: number): string =>
  `${JSON.stringify({ pid: 41, threadId: 0, kind: 'test', file: '/repo/a.test.js', name, startUs, endUs: startUs + 10, wallMs: 0.01, cpuMs: 0.01, status: 'passed' })}\n`;

describe('TestRecordPrefetch', () => {
  it('hands back what it read ahead when the file is unchanged', () => {
    const file = join(dir, '41-0.tests.jsonl');
    writeFileSync(file, line('one', 100) + line('two', 200));
    // Whole seconds: a time utimes sets exactly, so the rewrite below can carry the same one.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const ahead = new TestRecordPrefetch();
    ahead.prefetch(dir, '41-0');
    expect(ahead.size).toBe(1);
    // Rewritten with the same size and modification time: only a file read ahead still says "one", "two".
    writeFileSync(file, line('uno', 100) + line('dos', 200));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(ahead.read(file).records.map((r) => r.name)).toEqual(['one', 'two']);
    expect(ahead.size).toBe(0);
    // Used once: a second read is a fresh one.
    expect(ahead.read(file).records.map((r) => r.name)).toEqual(['uno', 'dos']);
  });

  it('reads a file again when the thread appended to it after it was read ahead', () => {
    const file = join(dir, '42-0.tests.jsonl');
    writeFileSync(file, line('one', 100));
    const ahead = new TestRecordPrefetch();
    ahead.prefetch(dir, '42-0');
    appendFileSync(file, line('late', 300));
    const records = readTestRecords(dir, '/repo', ahead.read);
    expect(records.byThread.get('42-0')!.map((i) => i.name)).toEqual(['one', 'late']);
  });

  it('the same records as reading everything at the end', () => {
    const ahead = new TestRecordPrefetch();
    for (const key of ['41-0', '42-0']) ahead.prefetch(dir, key);
    appendFileSync(join(dir, '41-0.tests.jsonl'), line('three', 400));
    expect(readTestRecords(dir, '/repo', ahead.read)).toEqual({ ...readTestRecords(dir, '/repo'), ancestors: expect.any(Function) });
  });

  it('a file gone since it was read ahead: the one-line error naming it', () => {
    const file = join(dir, '43-0.tests.jsonl');
    writeFileSync(file, line('one', 100));
    const ahead = new TestRecordPrefetch();
    ahead.prefetch(dir, '43-0');
    unlinkSync(file);
    expect(() => ahead.read(file)).toThrow(new RegExp(`^${file}: ENOENT`));
  });

  it('a thread without records: nothing held', () => {
    const ahead = new TestRecordPrefetch();
    ahead.prefetch(dir, '99-0');
    expect(ahead.size).toBe(0);
  });
});
