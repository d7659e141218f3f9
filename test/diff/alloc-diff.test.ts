/**
 * The allocation diff on profiles built with seeded Poisson sampling noise: A/A gives no
 * row; a steady function allocating 20% more in every test file is reported;
 * a JIT-timed function (+40% in total, but from two files only, as A/A runs showed) fails
 * the test-file gate; --gate alloc makes fail-on-regression read the allocation verdict.
 */
import { describe, expect, it } from 'vitest';
import { diffAllocations, estimateDispersion, pairedFilesP } from '../../src/diff/alloc-diff.js';
import { seededRandom } from '../../src/diff/stats.js';
import { ALLOC_SAMPLES, ALLOC_SPACE, ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { EXIT_REGRESSION, exitCodeFor } from '../../src/pipeline/publish.js';
import type { DiffReport } from '../../src/diff/diff-report.js';

const INTERVAL = 4096;
const FILES = 8;

function poisson(mean: number, rand: () => number): number {
  // Normal approximation is enough for the means used here (≥ 50).
  const u = Math.max(1e-12, rand());
  const v = rand();
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)));
}

/** Per file: functions `steady` (600 samples), `other` (400), `jit` (300, ×perFile[jit] factor); scaled by `factor`. */
function run(seed: number, factor: Record<string, number> = {}, jitByFile: number[] = []): Profile {
  const rand = seededRandom(seed);
  const b = new ProfileBuilder();
  b.sampleTypeIndex(ALLOC_SAMPLES);
  b.sampleTypeIndex(ALLOC_SPACE);
  b.meta = { 'alloc.interval_bytes': String(INTERVAL) };
  const fns = { steady: b.functionId('steady', 'lib/a.js', 1), other: b.functionId('other', 'lib/b.js', 1), jit: b.functionId('jit', 'lib/c.js', 1) };
  for (let f = 0; f < FILES; f++) {
    const labels = { test_file: `test/t${f}.test.js`, test_name: `t${f}` };
    for (const [name, mean] of [['steady', 600], ['other', 400], ['jit', 300 * (jitByFile[f] ?? 1)]] as const) {
      const k = poisson(mean * (factor[name] ?? 1), rand);
      b.addSample([fns[name]], [0, 0, k, k * INTERVAL], labels);
    }
  }
  return b.build();
}

describe('diffAllocations', () => {
  it('A/A: no row in 20 seeded trials', () => {
    for (let t = 0; t < 20; t++) {
      const d = diffAllocations(run(1000 + t), run(2000 + t))!;
      expect(d.verdict, `trial ${t}`).toBe('no-change');
    }
  });

  it('a steady function allocating 20% more in every file is reported; its tests (+9% each) stay under the 10% minimum', () => {
    const d = diffAllocations(run(1), run(2, { steady: 1.2 }))!;
    expect(d.verdict).toBe('regression');
    expect(d.functions.filter((r) => r.status === 'regression').map((r) => r.frame?.name)).toEqual(['steady']);
    expect(d.functions[0]!.unitsP).toBeLessThan(0.01);
    expect(d.units).toBe(FILES);
    expect(d.tests.filter((r) => r.status === 'regression')).toEqual([]);
  });

  it('rows too small to be judged do not dilute the false-discovery family: q is the same with 0 or 2,000 one-sample functions', () => {
    const withTiny = (p: Profile, seed: number): Profile => {
      const rand = seededRandom(seed);
      const b = new ProfileBuilder();
      b.sampleTypeIndex(ALLOC_SAMPLES);
      b.sampleTypeIndex(ALLOC_SPACE);
      b.meta = { ...p.meta };
      for (const s of p.samples) b.addSample(s.stack.map((id) => b.functionId(p.functions[id]!.name, p.functions[id]!.file, p.functions[id]!.line)), [...s.values], s.labels);
      for (let i = 0; i < 2000; i++) if (rand() < 0.5) b.addSample([b.functionId(`tiny${i}`, 'lib/t.js', i)], [0, 0, 1, INTERVAL], { test_file: 'test/t0.test.js', test_name: 't0' });
      return b.build();
    };
    const base = run(11);
    const head = run(12, { steady: 1.12 });
    const plain = diffAllocations(base, head)!.functions.find((r) => r.frame?.name === 'steady')!;
    const diluted = diffAllocations(withTiny(base, 5), withTiny(head, 6))!.functions.find((r) => r.frame?.name === 'steady')!;
    expect(plain.pValue).toBeLessThan(1e-3);
    expect(diluted.qValue).toBeCloseTo(plain.qValue, 10);
  });

  it('a JIT-timed function that moved in two files only is within noise', () => {
    const d = diffAllocations(run(3), run(4, {}, [1, 1, 1, 3.5, 1, 1, 2.2, 1]))!;
    const jit = d.functions.find((r) => r.frame?.name === 'jit')!;
    expect(jit.deltaPct).toBeGreaterThan(30);
    expect(jit.status).toBe('noise');
    expect(d.tests.every((r) => r.status !== 'regression')).toBe(true);
  });

  it('no allocation samples on either side: no diff', () => {
    expect(diffAllocations(new ProfileBuilder().build(), run(1))).toBeUndefined();
  });
});

describe('pieces', () => {
  it('estimateDispersion reads ~1 from Poisson pairs and more from overdispersed ones', () => {
    const rand = seededRandom(7);
    const pairs = (sd: number): [number, number][] => Array.from({ length: 200 }, () => [poisson(500, rand) * (1 + sd * (rand() - 0.5)), poisson(500, rand)]);
    expect(estimateDispersion(pairs(0)).estimated).toBeGreaterThan(0.6);
    expect(estimateDispersion(pairs(0)).estimated).toBeLessThan(1.5);
    expect(estimateDispersion(pairs(0.6)).estimated).toBeGreaterThan(3);
  });

  it('pairedFilesP: consistent per-file differences are significant, one-file changes are not', () => {
    const side = (values: number[]): Map<string, Map<string, number>> => new Map(values.map((v, i) => [`f${i}`, new Map([['k', v]])]));
    const units = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5'];
    expect(pairedFilesP('k', units, side([100, 100, 100, 100, 100, 100]), side([120, 118, 122, 121, 119, 120]))).toBeLessThan(0.001);
    expect(pairedFilesP('k', units, side([100, 100, 100, 100, 100, 100]), side([100, 100, 100, 100, 100, 300]))).toBeGreaterThan(0.2);
  });
});

describe('exitCodeFor with --gate', () => {
  const report = (cpu: 'regression' | 'no-change', alloc?: 'regression' | 'no-change'): DiffReport =>
    ({ diff: { verdict: cpu }, ...(alloc ? { alloc: { verdict: alloc } } : {}) }) as unknown as DiffReport;
  it('cpu (default) reads the CPU verdict, alloc reads the allocation verdict only', () => {
    expect(exitCodeFor(0, report('regression', 'no-change'), true)).toBe(EXIT_REGRESSION);
    expect(exitCodeFor(0, report('regression', 'no-change'), true, 'alloc')).toBe(0);
    expect(exitCodeFor(0, report('no-change', 'regression'), true, 'alloc')).toBe(EXIT_REGRESSION);
    expect(exitCodeFor(0, report('no-change'), true, 'alloc')).toBe(0);
    expect(exitCodeFor(1, report('no-change', 'regression'), true, 'alloc')).toBe(1);
  });
});
