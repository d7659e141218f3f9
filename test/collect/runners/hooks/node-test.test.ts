/**
 * The node:test hook's records, from a real `node --test` run under ciprof's two preloads
 * (the built dist/), on each Node users run: one record per test and subtest that ran,
 * named by its describe path, opened before the user's each-hooks and closed after them
 * (by the test's AbortSignal), with the test's outcome; a skipped test has none.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestRecord } from '../../../../src/collect/test-record.js';
import { envForNode, FIXTURES, NODE_VERSIONS, ROOT } from '../../../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function records(nodeBin: string): { status: number | null; tests: TestRecord[] } {
  const rawDir = mkdtempSync(join(tmpdir(), 'ciprof-node-test-hook-'));
  dirs.push(rawDir);
  const preloads = ['runners/preload.cjs', 'agent.cjs'].map((f) => `--require ${join(ROOT, 'dist', f)}`).join(' ');
  const r = spawnSync(nodeBin, ['--test', 'test/shapes.test.js'], {
    cwd: join(FIXTURES, 'node-test-shapes'),
    env: { ...envForNode(nodeBin), NODE_OPTIONS: preloads, CIPROF_RAW_DIR: rawDir, CIPROF_INTERVAL_US: '1000' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = readdirSync(rawDir)
    .filter((f) => f.endsWith('.tests.jsonl'))
    .flatMap((f) => readFileSync(join(rawDir, f), 'utf8').trim().split('\n'));
  return { status: r.status, tests: lines.map((l) => JSON.parse(l) as TestRecord).filter((t) => t.kind === 'test') };
}

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)('records each test with its describe path, outcome and each-hooks; nothing for a skip', () => {
    const { status, tests } = records(node.bin);
    expect(status).toBe(1); // 'fails' and 'times out' fail
    const byName = new Map(tests.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(['fails', 'outer > inner passes', 'parent', 'parent > child', 'times out']);
    expect(tests.every((t) => t.endUs !== null && t.endUs >= t.startUs)).toBe(true);
    expect(byName.get('outer > inner passes')!.status).toBe('passed');
    // The user's afterEach (40 ms) is inside the test's record: closed after it.
    expect(byName.get('outer > inner passes')!.wallMs).toBeGreaterThanOrEqual(39);
    expect(byName.get('parent')!.status).toBe('passed');
    expect(byName.get('fails')!.status).toBe('failed');
    expect(byName.get('times out')!.status).toBe('failed');
    expect(byName.get('times out')!.wallMs).toBeGreaterThanOrEqual(45);
    // The subtest lies inside its parent.
    const parent = byName.get('parent')!;
    const child = byName.get('parent > child')!;
    expect(child.startUs).toBeGreaterThanOrEqual(parent.startUs);
    expect(child.endUs!).toBeLessThanOrEqual(parent.endUs!);
    expect(child.wallMs).toBeGreaterThanOrEqual(4);
  });
});
