import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { boundVerdict, medianInterval, pairedRatio } from '../../bench/overhead.mjs';

describe('overhead bench statistics', () => {
  it('gives the order-statistic interval of the median with its binomial coverage', () => {
    // n = 9: [x(2), x(8)] covers 1 - 2 * (1 + 9) / 512 = 96.1%; [x(3), x(7)] would be 82%.
    const r = medianInterval([9, 1, 8, 2, 7, 3, 6, 4, 5]);
    expect(r).toEqual({ median: 5, low: 2, high: 8, coverage: 1 - 20 / 512 });
    // n = 5 cannot reach 95%: the widest interval, and its 93.75% said plainly.
    expect(medianInterval([5, 4, 3, 2, 1])).toMatchObject({ low: 1, high: 5, coverage: 0.9375 });
  });

  it('pairs rounds: a slow round slows both variants and leaves their ratio alone', () => {
    const fast = [{ wallMs: 100 }, { wallMs: 300 }, { wallMs: 100 }, { wallMs: 100 }, { wallMs: 300 }];
    const slow = fast.map((x) => ({ wallMs: x.wallMs * 1.05 }));
    const r = pairedRatio({ a: slow, b: fast }, 'a', 'b', 'wallMs');
    expect(r).toMatchObject({ median: 1.05, low: 1.05, high: 1.05 });
    expect(boundVerdict(r)).toBe('missed');
    expect(boundVerdict({ low: 0.98, high: 1.01 })).toBe('met');
    expect(boundVerdict({ low: 0.99, high: 1.04 })).toBe('unresolved');
  });
});
