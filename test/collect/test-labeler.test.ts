/** The join of hook records and sample times, on hand-written records. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentThreadInfo } from '../../src/agent/protocol.js';
import { makeLabelerFor, readTestRecords, testWalls } from '../../src/collect/test-labeler.js';
import type { TestRecord } from '../../src/collect/test-record.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { stripSampleLabels } from '../../src/pyroscope/labels.js';
import { testStats } from '../../src/profile/tests.js';

const rec = (r: Partial<TestRecord>): TestRecord => ({ pid: 1, threadId: 0, kind: 'test', file: '/repo/t/a.test.js', name: '', startUs: 0, endUs: null, wallMs: null, status: 'running', ...r });
const info = (pid: number, threadId: number): AgentThreadInfo => ({ pid, threadId } as AgentThreadInfo);

function rawDirWith(lines: TestRecord[], name = '1-0.tests.jsonl'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-labeler-'));
  writeFileSync(path.join(dir, name), lines.map((l) => JSON.stringify(l)).join('\n') + '\n{"cut sh');
  return dir;
}

describe('test labeler', () => {
  const dir = rawDirWith([
    rec({ kind: 'file', name: '', startUs: 100 }),
    rec({ name: 'one', startUs: 200 }),
    rec({ name: 'one', startUs: 200, endUs: 300, wallMs: 0.1, status: 'passed' }),
    rec({ name: 'parent', startUs: 400 }),
    rec({ name: 'parent > sub', startUs: 450 }),
    rec({ name: 'parent > sub', startUs: 450, endUs: 500, wallMs: 0.05, status: 'passed' }),
    rec({ name: 'dies', startUs: 700 }),
  ]);
  const records = readTestRecords(dir, '/repo');
  const label = makeLabelerFor(records)(info(1, 0));

  it('labels by interval, innermost first, file-only between tests, (setup) before the file', () => {
    expect(label(50)).toEqual({ test_file: '(setup)' });
    expect(label(150)).toEqual({ test_file: 't/a.test.js' });
    expect(label(250)).toEqual({ test_file: 't/a.test.js', test_name: 'one' });
    expect(label(350)).toEqual({ test_file: 't/a.test.js' });
    expect(label(470)).toEqual({ test_file: 't/a.test.js', test_name: 'parent > sub' });
    // 'parent' never ended (no end line) but a later sibling started: it is closed there.
    expect(label(550)).toEqual({ test_file: 't/a.test.js', test_name: 'parent' });
    // A test still running when the process died runs to the end of the profile.
    expect(label(1e9)).toEqual({ test_file: 't/a.test.js', test_name: 'dies' });
    expect(records.warnings.join()).toMatch(/1 unreadable/);
  });

  it('gives threads without records "(setup)" and keeps walls', () => {
    expect(makeLabelerFor(records)(info(2, 0))(250)).toEqual({ test_file: '(setup)' });
    const walls = testWalls(records);
    expect(walls.get('t/a.test.js\u0000one')?.wallMs).toBe(0.1);
    expect(walls.get('t/a.test.js\u0000dies')?.wallMs).toBeNull();
  });

  it('computes per-test stats and strips labels for cardinality', () => {
    const b = new ProfileBuilder();
    const f = b.functionId('hot', 'lib/hot.js', 1);
    b.addSample([f], [2, 2e6], { pid: 1, thread: 0, test_file: 'a.js', test_name: 'x' });
    b.addSample([f], [1, 1e6], { pid: 2, thread: 0, test_file: 'a.js', test_name: 'y' });
    const p = b.build();
    const stats = testStats(p);
    expect(stats.map((s) => [s.name, s.cpuMs, s.top[0]?.name])).toEqual([['x', 2, 'hot'], ['y', 1, 'hot']]);
    const byFile = stripSampleLabels(p, ['test_file']);
    expect(byFile.samples).toHaveLength(1);
    expect(byFile.samples[0]!.labels).toEqual({ test_file: 'a.js' });
    expect(byFile.samples[0]!.values).toEqual([3, 3e6]);
  });
});
