/**
 * The JIT warm-up (src/pipeline/warmup.ts) runs the after-command code on a synthetic input
 * while the command runs. What it must never do: change the real profile, outlive a stop()
 * (the command's end) by more than the stage it is in, let an error out, or leave files.
 * Ordering and events are asserted, never timings.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawGatherer } from '../../src/collect/gather.js';
import { makeLabelerFor, readTestRecords, testWalls } from '../../src/collect/test-labeler.js';
import { idleCoresMeter, MIN_IDLE_CORES, scheduleWarmUp, warmUpEnabled, type WarmUpEvent } from '../../src/pipeline/warmup.js';
import { writeWarmUpInput } from '../../src/pipeline/warmup-input.js';
import { encodePprofGzip } from '../../src/profile/gzip.js';
import { testStats, testWallsMeta } from '../../src/profile/tests.js';
import { renderReport } from '../../src/render/report.js';

const SMALL = { files: 2, testsPerFile: 5, nodes: 120, samples: 80 };
let scratch: string;
let savedTmp: string | undefined;

beforeAll(() => {
  // The warm-up's private directory goes under TMPDIR: a fresh one shows what it leaves.
  scratch = mkdtempSync(path.join(tmpdir(), 'ciprof-warmup-test-'));
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = path.join(scratch, 'tmp');
  mkdirSync(process.env.TMPDIR);
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(scratch, { recursive: true, force: true });
});

function run(opts: Parameters<typeof scheduleWarmUp>[0] & { stopAt?: string }): Promise<(string | WarmUpEvent)[]> {
  const events: string[] = [];
  const w = scheduleWarmUp({
    delayMs: 0,
    size: SMALL,
    rounds: 1,
    env: { CIPROF_WARMUP: 'auto' },
    idleCores: () => 2,
    ...opts,
    onEvent: (e, detail) => {
      events.push(detail ? `${e} ${detail}` : e);
      if (e === opts.stopAt) w.stop();
    },
  });
  return w.finished.then(() => events);
}

/** The real path's result on one raw directory: pprof bytes, per-test table and report data. */
function pipeline(input: { rawDir: string; repoRoot: string }): { pprof: Buffer; tests: string; html: string } {
  const records = readTestRecords(input.rawDir, input.repoRoot);
  const labelerFor = makeLabelerFor(records);
  const walls = testWalls(records);
  const g = new RawGatherer(input.rawDir, { repoRoot: input.repoRoot, labelerFor: (info) => labelerFor(info) }).gather();
  Object.assign(g.profile.meta, testWallsMeta(walls));
  return { pprof: encodePprofGzip(g.profile), tests: JSON.stringify(testStats(g.profile, { walls })), html: renderReport(g.profile, undefined, { headWalls: walls }).html };
}

describe('warm-up', () => {
  it('runs every stage of the after-command path in order, then removes its directory', async () => {
    const events = await run({});
    expect(events).toEqual(['start', 'stage:input', 'stage:records', 'stage:scan', 'stage:gather', 'stage:summarize', 'stage:tests', 'stage:encode', 'stage:json', 'stage:report', 'done']);
    expect(readdirSync(process.env.TMPDIR!)).toEqual([]);
  });

  it('skips the report stage under --no-report', async () => {
    const events = await run({ report: false });
    expect(events).not.toContain('stage:report');
    expect(events.at(-1)).toBe('done');
  });

  it('stopped in a stage (the command ended): no stage starts after it, and it says so', async () => {
    const events = await run({ stopAt: 'stage:scan', rounds: 2 });
    expect(events).toEqual(['start', 'stage:input', 'stage:records', 'stage:scan', 'stopped']);
    expect(readdirSync(process.env.TMPDIR!)).toEqual([]);
  });

  it('stopped before its delay: nothing runs at all', async () => {
    const events: string[] = [];
    const w = scheduleWarmUp({ delayMs: 60_000, env: {}, onEvent: (e) => events.push(e) });
    w.stop();
    await w.finished;
    expect(events).toEqual([]);
  });

  it('an error in a stage is swallowed: reported as an event, finished still resolves', async () => {
    const events = await run({ faultAt: 'gather' });
    expect(events.slice(-1)[0]).toMatch(/^error warm-up fault injected at gather$/);
    expect(events).not.toContain('stage:summarize');
    expect(readdirSync(process.env.TMPDIR!)).toEqual([]);
  });

  it('on a busy machine (less than MIN_IDLE_CORES idle) it does not start', async () => {
    expect(await run({ idleCores: () => MIN_IDLE_CORES / 2 })).toEqual(['busy']);
  });

  it('a machine that gets busy during the first pass gets no second one', async () => {
    const idle = [2, 0];
    const events = await run({ rounds: 2, idleCores: () => idle.shift() ?? 0 });
    expect(events.filter((e) => e === 'stage:records')).toHaveLength(1);
    expect(events.slice(-2)).toEqual(['stage:report', 'busy']);
    expect(readdirSync(process.env.TMPDIR!)).toEqual([]);
  });

  it('CIPROF_WARMUP=1 runs it whatever the load', async () => {
    expect((await run({ env: { CIPROF_WARMUP: '1' }, idleCores: () => 0 })).at(-1)).toBe('done');
  });

  it('the idle-core meter reads a number of cores', async () => {
    const meter = idleCoresMeter();
    await new Promise((r) => setTimeout(r, 50));
    const idle = meter();
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(cpus().length + 1);
  });

  it('is off unless CIPROF_WARMUP asks for it', async () => {
    // Off by default: it lengthened the command by more than it saved (warmup-switch.ts).
    expect(warmUpEnabled({})).toBe(false);
    expect(warmUpEnabled({ CIPROF_WARMUP: '0' })).toBe(false);
    expect(warmUpEnabled({ CIPROF_WARMUP: 'yes' })).toBe(false);
    expect(warmUpEnabled({ CIPROF_WARMUP: 'auto' })).toBe(true);
    expect(warmUpEnabled({ CIPROF_WARMUP: '1' })).toBe(true);
    expect(await run({ env: {} })).toEqual([]);
    expect(await run({ env: { CIPROF_WARMUP: '0' } })).toEqual([]);
  });

  it('is inert for the output: the real pipeline gives the same bytes before and after it ran', async () => {
    const dir = mkdtempSync(path.join(scratch, 'real-'));
    // A different input from the warm-up's (bigger, another pid), read the way `ciprof run` reads it.
    const input = writeWarmUpInput(dir, { files: 3, testsPerFile: 12, nodes: 400, samples: 300 }, 5_000_000_000, 4321);
    const before = pipeline(input);
    expect(await run({ rounds: 2 })).toContain('done');
    const after = pipeline(input);
    expect(after.pprof.equals(before.pprof)).toBe(true);
    expect(after.tests).toBe(before.tests);
    expect(after.html).toBe(before.html);
    expect(JSON.parse(before.tests).length).toBe(36);
  });
});
