/**
 * On-CPU vs blocked on a real run: mocha under the built CLI on Node 24 (whose
 * process.threadCpuUsage the hooks read), a test that waits (Atomics.wait, then spawnSync of
 * `sleep`) and one that burns CPU. The sampler charges the wait as if it ran; the thread's
 * CPU clock does not, and the per-test rows follow the clock.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/diff/decision.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { significantTestChanges } from '../../src/diff/test-significance.js';
import { diffTests } from '../../src/diff/test-diff.js';
import { readTestWalls } from '../../src/profile/tests.js';
import { bin, runUnderCli } from '../helpers/attribution.js';
import { NODE_VERSIONS } from '../helpers/cli.js';

const node24 = NODE_VERSIONS.find((n) => n.major === 24)!;
const mocha = (env: NodeJS.ProcessEnv, node?: string) => runUnderCli('blocking', ['node', bin('mocha/bin/mocha.js')], env, node);
const BLOCKED = 'blocking > waits blocked';
const BURNS = 'blocking > burns cpu';

describe.skipIf(!node24.available)(`per-test CPU clock and blocked frames (${node24.label})`, () => {
  const base = mocha({ FIXTURE_BLOCK_MS: '40' }, node24.bin);
  const waitedLonger = mocha({ FIXTURE_BLOCK_MS: '400' }, node24.bin);

  it('records the thread CPU of each test beside its wall time', () => {
    expect(base.status).toBe(0);
    const walls = [...readTestWalls(waitedLonger.profile).values()];
    const blocked = walls.find((w) => w.name === BLOCKED)!;
    const burns = walls.find((w) => w.name === BURNS)!;
    expect(blocked.threads).toHaveLength(1);
    // 800 ms of waiting (400 in Atomics.wait, 400 in spawnSync) is wall, not CPU.
    expect(blocked.wallMs!).toBeGreaterThan(780);
    expect(blocked.cpuMs!).toBeLessThan(blocked.wallMs! / 4);
    expect(burns.cpuMs!).toBeGreaterThan(20);
  });

  it('a test that only waited longer is not "slower" in CPU: counted off-CPU, not listed', () => {
    const rows = diffTests(base.profile, waitedLonger.profile);
    const row = rows.slower.find((r) => r.name === BLOCKED)!;
    // What ciprof listed before: the sampled time rose by most of the 720 ms of extra waiting.
    expect(row.deltaMs).toBeGreaterThan(500);
    expect(row.offCpu!.headMs - row.offCpu!.baseMs).toBeGreaterThan(500);
    expect(Math.abs(row.cpuClock!.headMs - row.cpuClock!.baseMs)).toBeLessThan(row.deltaMs / 3);
    expect(row.wall!.headMs - row.wall!.baseMs).toBeGreaterThan(680);
    const d = diffProfiles(base.profile, waitedLonger.profile);
    const section = significantTestChanges(base.profile, waitedLonger.profile, d.base, d.head, d.thresholds)!;
    expect(section.slower.map((t) => t.name)).not.toContain(BLOCKED);
    expect(section.offCpu).toBeGreaterThanOrEqual(1);
  });

  it('spawnSync is blocked time, listed apart and never a CPU regression', () => {
    // As sampled, to see the wait at all: on the tests' CPU clocks a wait has (almost) no time left.
    const d = diffProfiles(base.profile, waitedLonger.profile, {}, { onCpu: false });
    const onCpu = diffProfiles(base.profile, waitedLonger.profile);
    const spawnOnCpu = onCpu.functions.filter((r) => r.frame.name === 'spawnSync').reduce((a, r) => a + r.head.selfNs, 0);
    expect(spawnOnCpu).toBeLessThan(20e6);
    const spawn = d.functions.filter((r) => r.frame.name === 'spawnSync' && r.base.selfSamples + r.head.selfSamples > 100);
    expect(spawn.length).toBeGreaterThan(0);
    for (const r of spawn) expect(r.blocked).toBe('spawnSync');
    expect(d.regressions.map((r) => r.frame.name)).not.toContain('spawnSync');
    expect(d.blocked?.some((r) => r.frame.name === 'spawnSync')).toBe(true);
  });

  it('the caller of Atomics.wait (V8 shows no frame for the wait) is no CPU regression once the tests\' clocks are asked', () => {
    const row = (d: ReturnType<typeof diffProfiles>) => d.functions.find((r) => r.frame.name === 'waitsBlocked')!;
    // As sampled, the wait is charged to waitsBlocked: a "regression" of hundreds of ms.
    const sampled = diffProfiles(base.profile, waitedLonger.profile, {}, { onCpu: false });
    expect(sampled.regressions.map((r) => r.frame.name)).toContain('waitsBlocked');
    expect(row(sampled).selfDeltaNs).toBeGreaterThan(250e6);
    // On the tests' CPU clocks what is left is what the thread really ran: the profiler's own
    // signal handling while it waited (a few ms per 100 ms of wall), several times less.
    const d = diffProfiles(base.profile, waitedLonger.profile);
    expect(d.noiseModel.cpuClock).toBe(true);
    expect(row(d).selfDeltaNs).toBeLessThan(row(sampled).selfDeltaNs / 4);
    // And the decision alone demotes it on the sampled diff.
    const decided = decide(base.profile, waitedLonger.profile, sampled);
    expect(row(sampled).demotedBy).toBe('cpu-clock');
    expect(decided.decision.notes.join(' ')).toMatch(/waitsBlocked: the sampled time changed but the CPU clocks/);
    expect(decided.tests?.slower.map((t) => t.name)).not.toContain(BLOCKED);
  });

  it('a test that burns more CPU is listed, with the CPU clock agreeing', () => {
    const burnsMore = mocha({ FIXTURE_BLOCK_MS: '40', FIXTURE_BURN: '3' }, node24.bin);
    const d = diffProfiles(base.profile, burnsMore.profile);
    const section = significantTestChanges(base.profile, burnsMore.profile, d.base, d.head, d.thresholds)!;
    const row = section.slower.find((t) => t.name === BURNS)!;
    expect(row.cpuClock!.headMs).toBeGreaterThan(row.cpuClock!.baseMs * 1.8);
    const burns = d.functions.find((r) => r.frame.name === 'burnsCpu')!;
    expect(burns.status, JSON.stringify({ base: burns.base, head: burns.head, q: burns.qValue, adjustedPct: burns.adjustedPct, speed: d.noiseModel.speed })).toBe('regression');
  });
});

describe('on Node 20 (no thread CPU clock)', () => {
  it('records no CPU, and the per-test rows fall back to sampled time', () => {
    const run = mocha({ FIXTURE_BLOCK_MS: '10' });
    expect(run.status).toBe(0);
    const walls = [...readTestWalls(run.profile).values()];
    expect(walls.length).toBe(2);
    const hasClock = typeof (process as { threadCpuUsage?: unknown }).threadCpuUsage === 'function';
    for (const w of walls) {
      expect(w.cpuMs === undefined).toBe(!hasClock);
      expect(w.threads).toHaveLength(1);
    }
  });
});
