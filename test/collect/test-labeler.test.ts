/** The join of hook records and sample times, on hand-written records. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentThreadInfo } from '../../src/agent/protocol.js';
import { makeLabelerFor, readTestRecords, testWalls } from '../../src/collect/test-labeler.js';
import { agentInfoOf } from '../../src/collect/thread-info.js';
import type { TestRecord } from '../../src/collect/test-record.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { stripSampleLabels } from '../../src/pyroscope/labels.js';
import { testStats } from '../../src/profile/tests.js';

const rec = (r: Partial<TestRecord>): TestRecord => ({ pid: 1, threadId: 0, kind: 'test', file: '/repo/t/a.test.js', name: '', startUs: 0, endUs: null, wallMs: null, cpuMs: null, status: 'running', ...r });
const info = (pid: number, threadId: number, more: Partial<AgentThreadInfo> = {}): AgentThreadInfo => ({ pid, threadId, isMainThread: threadId === 0, ...more }) as AgentThreadInfo;

function rawDirWith(lines: TestRecord[], name = '1-0.tests.jsonl', dir = mkdtempSync(path.join(tmpdir(), 'ciprof-labeler-'))): string {
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

describe('a thread started while a test ran belongs to that test', () => {
  // Process 10 runs a test file: the file from 500, test 'spawns' from 1000 to 2000.
  const dir = rawDirWith([
    rec({ pid: 10, kind: 'file', file: '/repo/t/cli.test.js', startUs: 500 }),
    rec({ pid: 10, file: '/repo/t/cli.test.js', name: 'spawns', startUs: 1000, endUs: 2000, wallMs: 1, status: 'passed' }),
  ], '10-0.tests.jsonl');
  // Process 50 is a runner a test started (its own tests are not the user's); 60 is a runner's worker.
  rawDirWith([rec({ pid: 50, file: '/repo/fixture/x.test.js', name: 'nested', startUs: 1700, endUs: 1800, status: 'passed' })], '50-0.tests.jsonl', dir);
  rawDirWith([rec({ pid: 60, file: '/repo/t/other.test.js', name: 'own', startUs: 100, endUs: 5000, status: 'passed' })], '60-0.tests.jsonl', dir);
  // Process 70's main thread recorded its parent chain: a worker thread of 70 finds it there.
  writeFileSync(path.join(dir, '70-0.start'), JSON.stringify({ startUs: 1400, ancestors: [25, 10] }));
  const labelerFor = makeLabelerFor(readTestRecords(dir, '/repo'));
  const spawns = { test_file: 't/cli.test.js', test_name: 'spawns' };

  it('labels every sample of a process spawned by a test, directly or through a shell, with that test', () => {
    expect(labelerFor(info(20, 0, { startUs: 1500, ancestors: [10, 1] }))(99_999)).toEqual(spawns);
    expect(labelerFor(info(30, 0, { startUs: 1600, ancestors: [25, 10, 1] }))(3)).toEqual(spawns);
    // Started between tests (a beforeAll): the test file only.
    expect(labelerFor(info(40, 0, { startUs: 2500, ancestors: [10] }))(2600)).toEqual({ test_file: 't/cli.test.js' });
  });

  it('prefers the spawning test over the records of a runner that a test started', () => {
    expect(labelerFor(info(50, 0, { startUs: 1650, ancestors: [10] }))(1750)).toEqual(spawns);
  });

  it("keeps a runner's worker on its own records when no ancestor ran a test at its start", () => {
    expect(labelerFor(info(60, 0, { startUs: 50, ancestors: [10, 1] }))(200)).toEqual({ test_file: 't/other.test.js', test_name: 'own' });
  });

  it('labels a worker thread created by a test with that test, and a worker of a spawned process through its main thread', () => {
    expect(labelerFor(info(10, 3, { startUs: 1200, ancestors: [] }))(1900)).toEqual(spawns);
    expect(labelerFor(info(70, 2, { startUs: 1450, ancestors: [] }))(5)).toEqual(spawns);
  });

  it('leaves threads without records or a spawning test as (setup)', () => {
    expect(labelerFor(info(80, 0, { startUs: 100, ancestors: [1] }))(150)).toEqual({ test_file: '(setup)' });
    expect(labelerFor(info(81, 0))(150)).toEqual({ test_file: '(setup)' });
  });
});

describe("the agent's start time and parent chain reach the labeler", () => {
  it('survive the check of the $ciprof block, and a forged chain is refused', () => {
    const block = { pid: 20, threadId: 0, argv: ['cli.js'], wallStartMs: 1, wallEndMs: 2, startUs: 1500, ancestors: [10, 1] };
    expect(agentInfoOf(block)).toMatchObject({ startUs: 1500, ancestors: [10, 1] });
    expect(agentInfoOf({ ...block, ancestors: ['10'] })).toMatch(/ancestors/);
    expect(agentInfoOf({ ...block, startUs: -1 })).toMatch(/startUs/);
  });
});
