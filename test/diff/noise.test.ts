import { describe, expect, it } from 'vitest';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { diffRuns } from '../../src/diff/runs.js';
import { environmentWarnings } from '../../src/diff/environment.js';
import { ProfileBuilder } from '../../src/profile/model.js';

const MS = 1_000_000;
/** One sample per ms. `files` maps a test file to { function: self ms }. */
function profile(files: Record<string, Record<string, number>>, meta: Record<string, string> = {}) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (const [file, fns] of Object.entries(files)) {
    for (const [fn, ms] of Object.entries(fns)) b.addSample([b.functionId(fn, `src/${fn}.js`, 1), main], [ms, ms * MS], { test_file: file });
  }
  b.meta = meta;
  return b.build();
}
const eightFiles = (fn: (i: number) => Record<string, number>) => Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`test/t${i}.test.js`, fn(i)]));

describe('noise model: paired bootstrap over test files', () => {
  it('keeps a change every test file agrees on, with an interval around it', () => {
    const base = profile(eightFiles(() => ({ shared: 100, other: 300 })));
    const head = profile(eightFiles(() => ({ shared: 150, other: 300 })));
    const d = diffProfiles(base, head);
    expect(d.noiseModel.testFiles).toBe(8);
    const shared = d.regressions.find((r) => r.frame.name === 'shared')!;
    expect(shared.interval).toMatchObject({ method: 'test-files', units: 8 });
    expect(shared.interval!.lowPct).toBeCloseTo(50, 5);
    expect(shared.interval!.highPct).toBeCloseTo(50, 5);
  });

  it('demotes a change that one test file makes alone (sampling says certain, the files do not)', () => {
    const base = profile(eightFiles(() => ({ shared: 100, other: 300 })));
    const head = profile(eightFiles((i) => ({ shared: i === 3 ? 500 : 100, other: 300 })));
    const d = diffProfiles(base, head);
    const shared = d.functions.find((r) => r.frame.name === 'shared')!;
    expect(shared.pValue).toBeLessThan(1e-10); // the sampling test alone would report it
    expect(shared.status).toBe('noise');
    expect(shared.demotedBy).toBe('test-files');
    expect(shared.interval!.lowPct).toBeLessThanOrEqual(0);
    expect(d.regressions).toEqual([]);
  });

  it('without test files: sampling interval only', () => {
    const base = profile({ '(setup)': { hot: 400, other: 400 } });
    const head = profile({ '(setup)': { hot: 800, other: 400 } });
    const hot = diffProfiles(base, head).regressions[0]!;
    // two functions cannot tell machine speed from code: speed 1; hot doubled: +100%,
    // se of the log ratio sqrt(1/400 + 1/800)
    expect(hot.interval!.method).toBe('sampling');
    expect(hot.adjustedPct).toBeCloseTo(100, 6);
    expect(hot.interval!.lowPct).toBeCloseTo(77.4, 0);
    expect(hot.interval!.highPct).toBeCloseTo(125.5, 0);
  });
});

describe('diffRuns: several interleaved runs per side', () => {
  it('detects a 5% slowdown that is steady across runs', () => {
    // 16000 samples a run: the Poisson floor alone is ~0.8% a run, so 5% is ~7.5 standard errors
    const base = [16000, 16080, 15960].map((ms) => profile({ x: { target: ms, rest: 40000 } }));
    const head = [16800, 16840, 16780].map((ms) => profile({ x: { target: ms, rest: 40000 } }));
    const d = diffRuns(base, head, { minPct: 3, minMs: 20 });
    const t = d.regressions.find((r) => r.frame.name === 'target')!;
    expect(t).toBeDefined();
    expect(t.selfDeltaPct).toBeCloseTo(((16806.67 - 16013.33) / 16013.33) * 100, 1);
    expect(t.interval).toMatchObject({ method: 'runs', units: 6 });
    expect(t.interval!.lowPct).toBeGreaterThan(0);
    expect(d.noiseModel.runs).toEqual({ base: 3, head: 3 });
  });

  it('uses the Poisson floor, not the runs\' near-zero scatter: 5% on 2000 samples a run is ~2.7 standard errors', () => {
    const base = [2000, 2001, 1999].map((ms) => profile({ x: { target: ms, rest: 20000 } }));
    const head = [2100, 2101, 2099].map((ms) => profile({ x: { target: ms, rest: 20000 } }));
    const t = diffRuns(base, head, { minPct: 3 }).functions.find((r) => r.frame.name === 'target')!;
    // z = 100 / (sqrt(2050) * sqrt(2/3)) = 2.72 -> p = 0.0065; the runs alone would say p < 1e-9
    expect(t.pValue).toBeGreaterThan(0.004);
    expect(t.pValue).toBeLessThan(0.009);
  });

  it('two runs a side detect a 3x slowdown on a short run (known Poisson variance, no df penalty)', () => {
    const base = [120, 118].map((ms) => profile({ x: { hotB: ms, rest: 300 } }));
    const head = [360, 355].map((ms) => profile({ x: { hotB: ms, rest: 300 } }));
    expect(diffRuns(base, head).regressions.map((r) => r.frame.name)).toEqual(['hotB']);
  });

  it('does not report a difference of means that the runs themselves scatter over', () => {
    const base = [1800, 2300, 1900].map((ms) => profile({ x: { target: ms, rest: 20000 } }));
    const head = [2400, 1950, 2250].map((ms) => profile({ x: { target: ms, rest: 20000 } }));
    // merged, the sampling test would call +10% on 6000 samples significant
    const merged = diffProfiles(profile({ x: { target: 6000, rest: 60000 } }), profile({ x: { target: 6600, rest: 60000 } }), { minPct: 3 });
    expect(merged.regressions.map((r) => r.frame.name)).toEqual(['target']);
    expect(diffRuns(base, head, { minPct: 3 }).regressions).toEqual([]);
  });

  it('measures scatter inside the runs too: test files whose time flips between runs, though the run totals agree', () => {
    // `small` is inlined away in some test files' processes and not in others (the pattern
    // the calibration showed): each run's total is steady, the files are not.
    const flip = (run: number, side: number) => (i: number) => ({ small: (i + run + side) % 2 ? 90 : 10, steady: 2000 });
    const base = [0, 1, 2].map((r) => profile(eightFiles(flip(r, 0))));
    const head = [0, 1, 2].map((r) => profile(eightFiles((i) => ({ ...flip(r, 1)(i), small: ((i + r + 1) % 2 ? 90 : 10) + 12 }))));
    const d = diffRuns(base, head, { minPct: 3, minMs: 5 });
    const small = d.functions.find((r) => r.frame.name === 'small')!;
    expect(small.adjustedPct).toBeCloseTo(24, 0); // 400 -> 496 ms a run
    expect(small.status).toBe('noise');
    // the same change with files that agree is found
    const steadyBase = [0, 1, 2].map(() => profile(eightFiles(() => ({ small: 50, steady: 2000 }))));
    const steadyHead = [0, 1, 2].map(() => profile(eightFiles(() => ({ small: 62, steady: 2000 }))));
    expect(diffRuns(steadyBase, steadyHead, { minPct: 3, minMs: 5 }).regressions.map((r) => r.frame.name)).toEqual(['small']);
  });
});

describe('like with like, and the run\'s own speed', () => {
  it('a machine 10% slower on every function gives no function row (the suite total says it)', () => {
    const base = profile({ x: { a: 3000, b: 2000, c: 1000 } });
    const head = profile({ x: { a: 3300, b: 2200, c: 1100 } });
    const d = diffProfiles(base, head, { minPct: 5 });
    expect(d.regressions).toEqual([]);
    expect(d.suite.deltaPct).toBeCloseTo(10, 6);
    expect(d.suite.significant).toBe(true);
  });

  it('a real slowdown on a slower machine is still found, judged against the run\'s overall speed', () => {
    const base = profile({ x: { a: 3000, b: 2000, hot: 1000 } });
    const head = profile({ x: { a: 3300, b: 2200, hot: 1320 } }); // machine +10%, hot +20% on top
    const hot = diffProfiles(base, head).regressions.find((r) => r.frame.name === 'hot')!;
    expect(hot.selfDeltaPct).toBeCloseTo(32, 6);
    // machines of unknown kind: a precise speed estimate is applied almost whole
    expect(hot.adjustedPct).toBeCloseTo(20, 0);
    expect(diffProfiles(base, head).speedFactor).toBeCloseTo(1.1, 2);
  });

  it('leaves tests on one side only out of the function comparison', () => {
    const b = new ProfileBuilder();
    const h = new ProfileBuilder();
    for (const [builder, extra] of [
      [b, false],
      [h, true],
    ] as const) {
      const main = builder.functionId('main', 'src/main.js', 1);
      const shared = builder.functionId('shared', 'src/shared.js', 1);
      builder.addSample([shared, main], [1000, 1000 * MS], { test_file: 't/a.test.js', test_name: 'a' });
      if (extra) builder.addSample([builder.functionId('newWork', 'src/new.js', 1), main], [2000, 2000 * MS], { test_file: 't/b.test.js', test_name: 'added' });
    }
    const d = diffProfiles(b.build(), h.build());
    expect(d.excludedTests).toEqual({ baseOnly: 0, headOnly: 1 });
    expect(d.functions.map((r) => r.frame.name)).not.toContain('newWork');
    expect(d.regressions).toEqual([]);
  });
});

describe('speed factor', () => {
  it('one ballooning function does not make the others look faster', () => {
    const base = profile({ x: { a: 1000, b: 1000, c: 1000, d: 1000, grows: 500 } });
    const head = profile({ x: { a: 1010, b: 990, c: 1000, d: 1005, grows: 5000 } });
    const d = diffProfiles(base, head);
    expect(d.speedFactor).toBeGreaterThan(0.98);
    expect(d.speedFactor).toBeLessThan(1.02);
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['grows']);
    expect(d.improvements).toEqual([]);
  });
});

describe('environment fingerprint', () => {
  it('warns when base and head ran on different hardware or Node', () => {
    expect(environmentWarnings({ 'env.cpu': 'A', 'env.node': 'v20.1.0' }, { 'env.cpu': 'B', 'env.node': 'v20.1.0' })).toEqual(['CPU model differs: base A, head B']);
    const d = diffProfiles(profile({ x: { f: 10 } }, { 'env.node': 'v20.0.0' }), profile({ x: { f: 10 } }, { 'env.node': 'v22.0.0' }));
    expect(d.environmentWarnings).toEqual(['Node.js version differs: base v20.0.0, head v22.0.0']);
  });
});

describe('speed factor with one dominant function', () => {
  it('a function that is 70% of the run and got 20% slower is still the regression', () => {
    const base = profile({ x: { hot: 7000, a: 500, b: 500, c: 500, d: 500, e: 500, f: 500 } });
    const head = profile({ x: { hot: 8400, a: 505, b: 495, c: 500, d: 502, e: 498, f: 500 } });
    const d = diffProfiles(base, head);
    expect(d.speedFactor).toBeCloseTo(1, 1);
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['hot']);
  });
});
