/**
 * Per-test attribution joins hook timestamps (process.hrtime, µs) with V8 sample
 * timestamps. This checks, in a real profiled process, that they are one clock:
 * V8's endTime sits just before the agent's hrtimeAtFlushNs, and marks taken with
 * process.hrtime around a busy loop enclose that loop's samples. It also records why
 * we do not use performance.now()+timeOrigin: that is anchored to the Unix epoch.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/attribution.js';

const script = `
const { hotA } = require(${JSON.stringify(path.join(ROOT, 'test/fixtures/projects/lib/hot.js'))});
const t0 = Number(process.hrtime.bigint() / 1000n);
hotA(2e7);
const t1 = Number(process.hrtime.bigint() / 1000n);
console.log(JSON.stringify({ t0, t1, perfUs: (performance.timeOrigin + performance.now()) * 1000 }));
`;

it('V8 profile timestamps are process.hrtime microseconds', () => {
  const raw = mkdtempSync(path.join(tmpdir(), 'ciprof-clock-'));
  const r = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, NODE_OPTIONS: `--require ${path.join(ROOT, 'dist/agent.cjs')}`, CIPROF_RAW_DIR: raw, CIPROF_INTERVAL_US: '500' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const marks = JSON.parse(r.stdout) as { t0: number; t1: number; perfUs: number };
  const file = readdirSync(raw).find((n) => n.endsWith('.cpuprofile'))!;
  const cpu = JSON.parse(readFileSync(path.join(raw, file), 'utf8')) as {
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
    nodes: { id: number; callFrame: { functionName: string } }[];
    $ciprof: { hrtimeAtFlushNs: string };
  };
  const flushUs = Number(BigInt(cpu.$ciprof.hrtimeAtFlushNs) / 1000n);
  // endTime is taken by Profiler.stop, moments before the agent reads hrtime.
  expect(flushUs - cpu.endTime).toBeGreaterThanOrEqual(0);
  expect(flushUs - cpu.endTime).toBeLessThan(50_000);
  expect(cpu.startTime).toBeLessThan(marks.t0);
  expect(cpu.endTime).toBeGreaterThan(marks.t1);

  const hotIds = new Set(cpu.nodes.filter((n) => n.callFrame.functionName === 'hotA').map((n) => n.id));
  let t = cpu.startTime;
  let inside = 0;
  let outside = 0;
  cpu.samples.forEach((id, i) => {
    t += cpu.timeDeltas[i]!;
    if (!hotIds.has(id)) return;
    if (t >= marks.t0 && t <= marks.t1) inside++;
    else outside++;
  });
  expect(inside).toBeGreaterThan(50);
  expect(outside).toBe(0);
  // performance.now()+timeOrigin is wall-clock anchored: not usable for the join.
  expect(Math.abs(marks.perfUs - marks.t1)).toBeGreaterThan(1e9);
});
