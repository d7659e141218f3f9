import { describe, expect, it } from 'vitest';
import { functionTable } from '../../src/profile/aggregate.js';
import { mergeProfiles } from '../../src/profile/merge.js';
import { ProfileBuilder, type ValueType } from '../../src/profile/model.js';

function profile(entries: [string[], number[], Record<string, string | number>?][], types?: ValueType[]) {
  const b = new ProfileBuilder(types);
  for (const [stack, values, labels] of entries) b.addSample(stack.map((n) => b.functionId(n, `${n}.js`, 1)), values, labels);
  return b.build();
}

describe('mergeProfiles', () => {
  it('dedupes functions across inputs and sums identical stacks', () => {
    const a = profile([[['leaf', 'main'], [1, 10]], [['main'], [2, 20]]]);
    const b = profile([[['other', 'main'], [1, 5]], [['leaf', 'main'], [3, 30]]]);
    const m = mergeProfiles([a, b]);
    expect(m.functions.map((f) => f.name).sort()).toEqual(['leaf', 'main', 'other']);
    const leafStack = m.samples.find((s) => m.functions[s.stack[0]!]!.name === 'leaf')!;
    expect(leafStack.values).toEqual([4, 40]);
    expect(m.samples).toHaveLength(3);
    const t = functionTable(m);
    expect(t.total).toBe(65);
  });

  it('keeps samples apart when their labels differ', () => {
    const a = profile([[['f'], [1, 10], { pid: 1 }]]);
    const b = profile([[['f'], [1, 10], { pid: 2 }]]);
    expect(mergeProfiles([a, b]).samples).toHaveLength(2);
  });

  it('matches sample types by type/unit and fills a missing one with 0', () => {
    const wall = { type: 'wall', unit: 'nanoseconds' };
    const a = profile([[['f'], [1, 10]]]);
    const b = profile([[['f'], [7]]], [wall]);
    const m = mergeProfiles([a, b]);
    expect(m.sampleTypes.map((t) => t.type)).toEqual(['samples', 'cpu', 'wall']);
    expect(m.samples[0]!.values).toEqual([1, 10, 7]);
  });

  it('counts a recursive function once per sample in its total', () => {
    const m = mergeProfiles([profile([[['fib', 'fib', 'fib', 'main'], [1, 100]]])]);
    const fib = functionTable(m).stats.find((s) => s.frame.name === 'fib')!;
    expect(fib.total).toBe(100);
    expect(fib.self).toBe(100);
  });
});
