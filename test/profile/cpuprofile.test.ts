import { describe, expect, it } from 'vitest';
import { addCpuProfile, checkCpuProfile } from '../../src/profile/cpuprofile.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { functionTable } from '../../src/profile/aggregate.js';
import { makeCpuProfile } from '../helpers/cpuprofile.js';

const main = { name: 'main', url: 'file:///repo/src/main.js', line: 0 };
const work = { name: 'work', url: 'file:///repo/src/work.js', line: 9 };
const lodash = { name: 'chunk', url: 'file:///repo/node_modules/.pnpm/x/node_modules/lodash/chunk.js', line: 4 };

function convert(cpu: ReturnType<typeof makeCpuProfile>, labels = {}) {
  const b = new ProfileBuilder();
  const stats = addCpuProfile(b, cpu, { repoRoot: '/repo', labels });
  return { profile: b.build(), stats };
}

describe('V8 .cpuprofile -> model', () => {
  it('charges each sample the measured time until the next one, not a constant', () => {
    const cpu = makeCpuProfile([
      { stack: [main, work], us: 1000 },
      { stack: [main, work], us: 3000 },
      { stack: [main], us: 500 },
    ]);
    const { profile, stats } = convert(cpu);
    const t = functionTable(profile);
    const byName = Object.fromEntries(t.stats.map((s) => [s.frame.name, s]));
    expect(byName.work!.self).toBe(4_000_000);
    expect(byName.work!.selfSamples).toBe(2);
    expect(byName.main!.self).toBe(500_000);
    expect(byName.main!.total).toBe(4_500_000);
    expect(stats.totalNs).toBe(4_500_000);
    // The sum of sample times is the span from the first sample to the end of the profile.
    expect(stats.totalNs).toBe((cpu.endTime - cpu.startTime - cpu.timeDeltas![0]!) * 1000);
  });

  it('drops the synthetic (root), keeps V8 pseudo-frames, makes lines 1-based and paths portable', () => {
    const cpu = makeCpuProfile([
      { stack: [{ name: '(program)' }], us: 100 },
      { stack: [{ name: '(idle)' }], us: 200 },
      { stack: [{ name: '(garbage collector)' }], us: 300 },
      { stack: [main, lodash], us: 400 },
      { stack: [{ name: '', url: 'node:internal/modules/cjs/loader', line: 1 }], us: 50 },
    ]);
    const { profile } = convert(cpu);
    const names = profile.functions.map((f) => `${f.name}|${f.file}|${f.line}`);
    expect(names).not.toContain('(root)||0');
    expect(names).toEqual(
      expect.arrayContaining(['(program)||1', '(idle)||1', '(garbage collector)||1', 'main|src/main.js|1', 'chunk|node_modules/lodash/chunk.js|5', '(anonymous)|node:internal/modules/cjs/loader|2']),
    );
    for (const s of profile.samples) expect(s.stack.every((id) => profile.functions[id]!.name !== '(root)')).toBe(true);
  });

  it('merges nodes that are the same function (a module evaluated twice) into one frame', () => {
    const cpu = makeCpuProfile([{ stack: [main, work], us: 100 }]);
    // a second copy of `work` under main with another scriptId/column, as jest's module registry produces
    cpu.nodes.push({ id: 99, callFrame: { functionName: 'work', url: 'file:///repo/src/work.js', lineNumber: 9, columnNumber: 7, scriptId: '2' }, children: [] });
    cpu.nodes[1]!.children!.push(99);
    cpu.samples!.push(99);
    cpu.timeDeltas!.push(100);
    cpu.endTime += 100;
    const { profile } = convert(cpu);
    expect(profile.functions.filter((f) => f.name === 'work')).toHaveLength(1);
    expect(profile.samples).toHaveLength(1);
    expect(profile.samples[0]!.values).toEqual([2, 200_000]);
  });

  it('applies labels to every sample and per-timestamp labels where given', () => {
    const cpu = makeCpuProfile([
      { stack: [main], us: 100 },
      { stack: [main], us: 100 },
    ]);
    const b = new ProfileBuilder();
    const firstAt = cpu.startTime + cpu.timeDeltas![0]!;
    addCpuProfile(b, cpu, { repoRoot: '/repo', labels: { pid: 7 }, labelAt: (t) => (t === firstAt ? { test_name: 'first' } : undefined) });
    const p = b.build();
    expect(p.samples.map((s) => s.labels)).toEqual([{ pid: 7, test_name: 'first' }, { pid: 7 }]);
  });

  it('reads the old hitCount-only format', () => {
    const cpu = makeCpuProfile([{ stack: [main], us: 100 }]);
    delete cpu.samples;
    delete cpu.timeDeltas;
    cpu.nodes[1]!.hitCount = 4;
    cpu.endTime = cpu.startTime + 4000;
    const { profile } = convert(cpu);
    expect(profile.samples[0]!.values).toEqual([4, 4_000_000]);
  });

  it('rejects what is not a CPU profile with a reason', () => {
    expect(() => checkCpuProfile({})).toThrow(/no "nodes" array/);
    expect(() => checkCpuProfile({ nodes: [], startTime: 0, endTime: 1 })).toThrow(/no nodes/);
    expect(() => checkCpuProfile({ nodes: [{ id: 1, callFrame: {} }], startTime: 0, endTime: 1, samples: [1], timeDeltas: [] })).toThrow(/1 samples but 0 timeDeltas/);
  });
});
