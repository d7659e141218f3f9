import { describe, expect, it } from 'vitest';
import { diffProfiles, speedPriorFor } from '../../src/diff/function-diff.js';
import { applySpeedPrior, OTHER_ENVIRONMENT_SPEED_SD, robustDispersion, SAME_ENVIRONMENT_SPEED_SD, speedFactor } from '../../src/diff/speed.js';
import { seededRandom } from '../../src/diff/stats.js';
import { ProfileBuilder } from '../../src/profile/model.js';

const MS = 1_000_000;
const SAME_MACHINE = { 'env.cpu': 'AMD EPYC', 'env.cores': '2', 'env.os': 'linux 6.1', 'env.node': 'v20.20.2' };

/** One sample per ms; `fns` maps a function to its self ms. */
function profile(fns: Record<string, number>, meta: Record<string, string> = {}) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (const [fn, ms] of Object.entries(fns)) if (ms > 0) b.addSample([b.functionId(fn, `src/${fn}.js`, 1), main], [ms, ms * MS]);
  b.meta = meta;
  return b.build();
}

/** Standard normal deviates (Box-Muller) from a seeded generator. */
function normals(n: number, seed: number): number[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()));
}

describe('robustDispersion', () => {
  it('is about 1 for standard normal residuals and about 4 for residuals twice as wide', () => {
    const z = normals(4001, 7);
    expect(robustDispersion(z)).toBeGreaterThan(0.9);
    expect(robustDispersion(z)).toBeLessThan(1.1);
    const wide = robustDispersion(z.map((x) => 2 * x));
    expect(wide).toBeGreaterThan(3.6);
    expect(wide).toBeLessThan(4.4);
  });

  it('is not inflated by a few functions that really changed, and never below 1', () => {
    const z = normals(41, 11);
    const withOutliers = [...z.slice(0, 36), 40, -35, 50, 60, 45];
    expect(robustDispersion(withOutliers)).toBeLessThan(2);
    expect(robustDispersion(z.map((x) => x / 10))).toBe(1);
  });
});

describe('speedFactor: the voters\' own scatter sets its uncertainty', () => {
  it('carries a dispersion above 1 when small functions scatter beyond sampling noise', () => {
    // 12 functions of ~200 samples whose head/base ratios scatter ±15% (Poisson alone: ±10%)
    const ratios = normals(12, 3).map((x) => Math.exp(0.15 * x));
    const noisy = speedFactor(ratios.map((r) => ({ base: 200, head: Math.round(200 * r) })), 1);
    const quiet = speedFactor(ratios.map(() => ({ base: 200, head: 200 })), 1);
    expect(noisy.voters).toBe(12);
    expect(noisy.dispersion).toBeGreaterThan(1.3);
    expect(noisy.logVariance).toBeGreaterThan(quiet.logVariance * 1.3);
    expect(quiet.dispersion).toBe(1);
  });

  it('has no dispersion to measure with fewer than five voters', () => {
    const e = speedFactor([{ base: 100, head: 200 }, { base: 100, head: 50 }, { base: 100, head: 100 }], 1);
    expect(e.dispersion).toBe(1);
    expect(e.factor).toBe(1);
  });
});

describe('applySpeedPrior', () => {
  it('believes a precise estimate even on same-kind machines, and discounts a noisy one there', () => {
    const precise = applySpeedPrior({ factor: 1.12, logVariance: 0.005 ** 2, dispersion: 1, voters: 40 }, { logSd: SAME_ENVIRONMENT_SPEED_SD, source: 'same-environment' });
    expect(precise.factor).toBeGreaterThan(1.115);
    expect(precise.weight).toBeGreaterThan(0.95);
    const noisy = applySpeedPrior({ factor: 1.1, logVariance: 0.05 ** 2, dispersion: 3, voters: 12 }, { logSd: SAME_ENVIRONMENT_SPEED_SD, source: 'same-environment' });
    expect(noisy.weight).toBeCloseTo(0.09 / (0.09 + 0.25), 6);
    expect(noisy.factor).toBeLessThan(1.03);
    // the remaining uncertainty is the posterior's, smaller than either alone
    expect(noisy.logVariance).toBeLessThan(SAME_ENVIRONMENT_SPEED_SD ** 2);
    const otherMachine = applySpeedPrior({ factor: 1.1, logVariance: 0.05 ** 2, dispersion: 3, voters: 12 }, { logSd: OTHER_ENVIRONMENT_SPEED_SD, source: 'different-environment' });
    expect(otherMachine.weight).toBeGreaterThan(0.95);
  });

  it('chooses the prior from the environment fingerprints', () => {
    expect(speedPriorFor(SAME_MACHINE, SAME_MACHINE).source).toBe('same-environment');
    expect(speedPriorFor(SAME_MACHINE, { ...SAME_MACHINE, 'env.cpu': 'Intel Xeon' }).source).toBe('different-environment');
    expect(speedPriorFor({}, SAME_MACHINE).source).toBe('unknown-environment');
  });
});

describe('diffProfiles on same-kind machines with noisy small functions', () => {
  // The calibration fixture's failure mode: a dozen small functions whose ratios happen to
  // sit ~10% high (JIT and GC noise, not the machine), and one large function 20% slower.
  const small = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`small${i}`, 200]));
  const scatter = [1.36, 1.27, 0.97, 1.14, 1.16, 0.87, 1.1, 0.96, 1.12, 1.08, 1.2, 1.02];
  const headSmall = Object.fromEntries(Object.keys(small).map((k, i) => [k, Math.round(200 * scatter[i]!)]));

  it('finds the 20% slower function instead of dividing it by the small functions\' scatter', () => {
    const base = profile({ hot: 4700, ...small }, SAME_MACHINE);
    const head = profile({ hot: 5640, ...headSmall }, SAME_MACHINE);
    const d = diffProfiles(base, head);
    expect(d.noiseModel.speed!.estimated).toBeGreaterThan(1.07);
    expect(d.noiseModel.speed!.prior).toBe('same-environment');
    expect(d.noiseModel.dispersion).toBeGreaterThan(1);
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['hot']);
    const hot = d.regressions[0]!;
    expect(hot.adjustedPct).toBeGreaterThan(12);
    expect(hot.interval!.lowPct).toBeGreaterThan(0);
  });

  it('on different CPUs the same numbers are mostly put down to the machine', () => {
    const base = profile({ hot: 4700, ...small }, SAME_MACHINE);
    const head = profile({ hot: 5640, ...headSmall }, { ...SAME_MACHINE, 'env.cpu': 'Intel Xeon' });
    const d = diffProfiles(base, head);
    expect(d.noiseModel.speed!.prior).toBe('different-environment');
    expect(d.noiseModel.speed!.weight).toBeGreaterThan(0.8);
    expect(d.speedFactor).toBeGreaterThan(1.07);
  });
});
