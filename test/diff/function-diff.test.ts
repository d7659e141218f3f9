import { describe, expect, it } from 'vitest';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder } from '../../src/profile/model.js';

const MS = 1_000_000;
/** One sample per ms: `counts` maps a root-first stack "a;b;c" to its self ms. */
function profile(counts: Record<string, number>) {
  const b = new ProfileBuilder();
  for (const [path, ms] of Object.entries(counts)) {
    const stack = path
      .split(';')
      .map((n) => (n.startsWith('(') ? b.functionId(n, '', 0) : b.functionId(n, `src/${n}.js`, 1)))
      .reverse();
    b.addSample(stack, [ms, ms * MS]);
  }
  return b.build();
}

describe('diffProfiles', () => {
  it('finds a slowed function as the top regression with the right sign and size', () => {
    const base = profile({ 'main;parse': 1000, 'main;render': 1000, 'main;hot': 500, '(idle)': 3000 });
    const head = profile({ 'main;parse': 1010, 'main;render': 990, 'main;hot': 1000, '(idle)': 100 });
    const d = diffProfiles(base, head);
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['hot']);
    const hot = d.regressions[0]!;
    expect(hot.selfDeltaNs).toBe(500 * MS);
    expect(hot.selfDeltaPct).toBeCloseTo(100);
    expect(hot.qValue).toBeLessThan(1e-10);
    // main's total rose with hot, but its self did not: no row for it
    expect(d.functions.find((r) => r.frame.name === 'main')!.totalDeltaNs).toBe(500 * MS);
    expect(d.improvements).toEqual([]);
    expect(d.verdict).toBe('regression');
    // idle is not CPU: a big idle change neither reports nor moves the suite CPU figures
    expect(d.base.cpuNs).toBe(2500 * MS);
    expect(d.head.cpuNs).toBe(3000 * MS);
  });

  it('reports nothing for an A/A pair within sampling noise', () => {
    const base = profile({ 'main;a': 1000, 'main;b': 800, 'main;c': 40, 'main;d': 12 });
    const head = profile({ 'main;a': 1030, 'main;b': 780, 'main;c': 52, 'main;d': 5 });
    const d = diffProfiles(base, head);
    expect(d.regressions).toEqual([]);
    expect(d.improvements).toEqual([]);
    expect(d.verdict).toBe('no-change');
    expect(d.withinNoise).toBeGreaterThan(0);
  });

  it('handles functions only on one side, and recursion', () => {
    const base = profile({ 'main;old': 300, 'main;fib;fib;fib': 200 });
    const head = profile({ 'main;new': 300, 'main;fib;fib;fib': 200 });
    const d = diffProfiles(base, head);
    const byName = Object.fromEntries(d.functions.map((r) => [r.frame.name, r]));
    expect(byName.old!.onlyIn).toBe('base');
    expect(byName.new!.onlyIn).toBe('head');
    expect(byName.new!.status).toBe('regression');
    expect(byName.old!.status).toBe('improvement');
    expect(byName.new!.selfDeltaPct).toBe(Infinity);
    expect(byName.fib!.base.totalNs).toBe(200 * MS);
    expect(byName.fib!.totalDeltaNs).toBe(0);
  });

  it('compares absolute time, not share: an unchanged function stays unchanged when the suite grows', () => {
    const base = profile({ 'main;stable': 500, 'main;other': 500 });
    const head = profile({ 'main;stable': 500, 'main;other': 1500 });
    const d = diffProfiles(base, head);
    const stable = d.functions.find((r) => r.frame.name === 'stable')!;
    expect(stable.status).toBe('noise');
    expect(stable.headSelfSharePct).toBeCloseTo(25);
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['other']);
    expect(d.suite.significant).toBe(true);
  });

  it('applies the thresholds: a significant but tiny change is within noise', () => {
    // +1% of a million samples: z ~ 7, overwhelmingly significant, but below min-pct
    const base = profile({ 'main;a': 1_000_000, 'main;b': 1000 });
    const head = profile({ 'main;a': 1_010_000, 'main;b': 1000 });
    expect(diffProfiles(base, head, { minPct: 0.5 }).regressions.map((r) => r.frame.name)).toEqual(['a']);
    expect(diffProfiles(base, head).regressions).toEqual([]);
  });
});
