import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, binomialCdf, poissonRatioTest, regularizedBeta } from '../../src/diff/stats.js';

// Reference values computed independently (exact sums of binomial terms, below, and
// published tables); the library functions go through the incomplete beta function.
function exactBinomialCdf(k: number, n: number, p: number): number {
  let sum = 0;
  let term = Math.pow(1 - p, n); // P(X = 0)
  for (let i = 0; i <= k; i++) {
    sum += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return sum;
}

describe('statistics', () => {
  it('binomial CDF matches the exact sum', () => {
    for (const [k, n, p] of [
      [3, 10, 0.5],
      [0, 20, 0.1],
      [45, 100, 0.5],
      [120, 400, 0.3],
      [9, 10, 0.9],
    ] as const) {
      expect(binomialCdf(k, n, p)).toBeCloseTo(exactBinomialCdf(k, n, p), 10);
    }
  });

  it('incomplete beta has its textbook symmetries', () => {
    expect(regularizedBeta(0.3, 2, 5) + regularizedBeta(0.7, 5, 2)).toBeCloseTo(1, 12);
    expect(regularizedBeta(0.5, 3, 3)).toBeCloseTo(0.5, 12);
  });

  it('poisson ratio test: equal counts are not significant, a doubling over many samples is', () => {
    expect(poissonRatioTest(100, 1, 100, 1)).toBeCloseTo(1, 6);
    // 10 vs 20 events: p = 2 * P(X >= 20 | n=30, p=.5) = 0.0987 (binom.test in R)
    expect(poissonRatioTest(10, 1, 20, 1)).toBeCloseTo(0.09874, 4);
    expect(poissonRatioTest(1000, 1, 2000, 1)).toBeLessThan(1e-50);
    // the exposure is honoured: twice the counts at twice the rate is no change
    expect(poissonRatioTest(500, 1, 1000, 2)).toBeCloseTo(1, 6);
  });

  it('Benjamini-Hochberg matches p.adjust(method = "BH")', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]);
    // R: p.adjust(c(.01,.04,.03,.005,.5), "BH") = 0.025 0.050 0.050 0.025 0.500
    expect(q.map((v) => Number(v.toFixed(3)))).toEqual([0.025, 0.05, 0.05, 0.025, 0.5]);
  });
});
