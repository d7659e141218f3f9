/** Tests' samples brought to their threads' CPU clocks: waits first, then descheduling alike. */
import { describe, expect, it } from 'vitest';
import { clockWeights, onCpuProfile } from '../../src/diff/cpu-clock.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { testWallsMeta, testKey, type TestWall } from '../../src/profile/tests.js';

const MS = 1_000_000;

describe('clockWeights', () => {
  it('takes off-CPU time from the blocked samples first, then from all alike, and never scales up', () => {
    expect(clockWeights({ clockNs: 100, sampledNs: 100, blockedNs: 30 })).toEqual({ blocked: 1, other: 1 });
    expect(clockWeights({ clockNs: 120, sampledNs: 100, blockedNs: 0 })).toEqual({ blocked: 1, other: 1 });
    // 20 off-CPU, 30 in a blocking call: 10 of the 30 were on the CPU.
    expect(clockWeights({ clockNs: 80, sampledNs: 100, blockedNs: 30 })).toEqual({ blocked: 1 / 3, other: 1 });
    // Half the test descheduled, 10 in a blocking call: the wait is all off-CPU, the rest halves (45/90).
    expect(clockWeights({ clockNs: 45, sampledNs: 100, blockedNs: 10 })).toEqual({ blocked: 0, other: 0.5 });
  });
});

describe('onCpuProfile', () => {
  function profile(withClock: boolean) {
    const b = new ProfileBuilder();
    const main = b.functionId('main', 'test/a.test.js', 1);
    const work = b.functionId('work', 'src/work.js', 1);
    const bind = b.functionId('createServerHandle', 'node:net', 1);
    const own = { pid: 3, thread: 0, test_file: 'test/a.test.js', test_name: 'serves' };
    b.addSample([work, main], [300, 300 * MS], own);
    b.addSample([bind, main], [100, 100 * MS], own);
    // A child process the test started: its own samples, not on this thread's clock.
    b.addSample([work, main], [50, 50 * MS], { ...own, pid: 4 });
    // Outside tests.
    b.addSample([work, main], [70, 70 * MS], { pid: 3, thread: 0, test_file: '(setup)' });
    const walls = new Map<string, TestWall>([[testKey('test/a.test.js', 'serves'), { file: 'test/a.test.js', name: 'serves', wallMs: 600, status: 'passed', ...(withClock ? { cpuMs: 150, threads: ['3-0'] } : {}) }]]);
    b.meta = testWallsMeta(walls);
    return b.build();
  }

  it('rescales only the clocked test\'s own-thread samples to its clock', () => {
    const p = onCpuProfile(profile(true));
    const ns = p.samples.map((s) => s.values[1]! / MS);
    // 400 sampled vs 150 on the clock: the 100 in bind go first, then 300 -> 150.
    expect(ns).toEqual([150, 0, 50, 70]);
    expect(p.samples.map((s) => s.values[0])).toEqual([150, 0, 50, 70]);
  });

  it('leaves a profile without clocks (Node 20) as it is', () => {
    const p = profile(false);
    expect(onCpuProfile(p)).toBe(p);
  });
});

describe('short tests', () => {
  it('are weighed together per file: one 2 ms test\'s clock reads 0 or a 4 ms tick, their sum does not', () => {
    const b = new ProfileBuilder();
    const main = b.functionId('main', 'test/a.test.js', 1);
    const work = b.functionId('work', 'src/work.js', 1);
    const walls = new Map<string, TestWall>();
    // 20 tests of 2 ms sampled each, half descheduled: 20 ms of CPU, read as ten 0 ms and five 4 ms ticks (and five 0).
    for (let i = 0; i < 20; i++) {
      const name = `t${i}`;
      b.addSample([work, main], [2, 2 * MS], { pid: 3, thread: 0, test_file: 'test/a.test.js', test_name: name });
      walls.set(testKey('test/a.test.js', name), { file: 'test/a.test.js', name, wallMs: 2, status: 'passed', cpuMs: i % 4 === 0 ? 4 : 0, threads: ['3-0'] });
    }
    b.meta = testWallsMeta(walls);
    const p = onCpuProfile(b.build());
    const total = p.samples.reduce((a, s) => a + s.values[1]!, 0) / MS;
    // Pooled: 40 ms sampled, 20 ms on the clock -> 20 ms. Test by test it would be 5 x 2 ms = 10 ms.
    expect(total).toBeCloseTo(20, 6);
  });
});
