import { describe, expect, it } from 'vitest';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { noiseFromHistory } from '../../src/diff/noise-history.js';
import { ProfileBuilder } from '../../src/profile/model.js';

const MS = 1_000_000;
const MACHINE = { 'env.cpu': 'AMD EPYC', 'env.cores': '2', 'env.os': 'linux 6.1', 'env.node': 'v20.20.2' };

/** A run of 20 functions of 2,000 ms each on a machine of relative speed `speed`. */
function run(speed: number, meta: Record<string, string> = MACHINE, changed: Record<string, number> = {}) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (let i = 0; i < 20; i++) {
    const name = `f${i}`;
    const ms = Math.round(2000 * speed * (changed[name] ?? 1));
    b.addSample([b.functionId(name, `src/${name}.js`, 1), main], [ms, ms * MS]);
  }
  b.meta = meta;
  return b.build();
}

describe('noiseFromHistory', () => {
  it('measures how much consecutive runs\' machines differed, net of the estimates\' own noise', () => {
    const speeds = [1, 1.06, 0.95, 1.02, 0.97, 1.08]; // newest first
    const h = noiseFromHistory(speeds.map((s) => run(s)))!;
    expect(h.pairs).toBe(5);
    expect(h.prior.source).toBe('history');
    const logs = speeds.slice(1).map((s, i) => Math.log(speeds[i]! / s));
    const rms = Math.sqrt(logs.reduce((a, x) => a + x * x, 0) / logs.length);
    expect(h.prior.logSd).toBeLessThan(rms);
    expect(h.prior.logSd).toBeGreaterThan(rms - 0.005);
    expect(h.dispersion).toBe(1);
  });

  it('is not fooled by a commit that changed two functions a lot', () => {
    const runs = [run(1), run(1, MACHINE, { f3: 3, f7: 0.2 }), run(1), run(1)];
    const h = noiseFromHistory(runs)!;
    expect(h.speedRatios.every((r) => Math.abs(r - 1) < 1e-9)).toBe(true);
    expect(h.prior.logSd).toBe(0.01); // a perfectly quiet history still leaves 1%
  });

  it('skips pairs from different machines, and needs three pairs', () => {
    const other = { ...MACHINE, 'env.cpu': 'Intel Xeon' };
    expect(noiseFromHistory([run(1), run(1.2, other), run(1), run(1)])).toBeUndefined();
    expect(noiseFromHistory([run(1), run(1.01)])).toBeUndefined();
    expect(noiseFromHistory([run(1), run(1.01), run(0.99), run(1.02), run(1.2, other)])!.pairs).toBe(3);
  });

  it('sets the prior of a same-machine diff: a noisy history believes the functions\' speed estimate more', () => {
    const quiet = noiseFromHistory([1, 1.005, 0.995, 1, 1.005].map((s) => run(s)))!;
    const noisy = noiseFromHistory([1, 1.15, 0.85, 1.2, 0.9].map((s) => run(s)))!;
    expect(quiet.prior.logSd).toBeLessThan(0.015);
    expect(noisy.prior.logSd).toBeGreaterThan(0.1);
    // head: the small functions sit ~10% high (could be the machine, could be their noise), hot +25%
    const b = new ProfileBuilder();
    const h = new ProfileBuilder();
    const scatter = [1.3, 1.2, 0.98, 1.14, 1.16, 0.9, 1.1, 0.97, 1.12, 1.08, 1.2, 1.04];
    for (const [builder, head] of [[b, false], [h, true]] as const) {
      const main = builder.functionId('main', 'src/main.js', 1);
      const hot = head ? 5000 : 4000;
      builder.addSample([builder.functionId('hot', 'src/hot.js', 1), main], [hot, hot * MS]);
      scatter.forEach((f, i) => {
        const ms = Math.round(200 * (head ? f : 1));
        builder.addSample([builder.functionId(`small${i}`, `src/small${i}.js`, 1), main], [ms, ms * MS]);
      });
      builder.meta = MACHINE;
    }
    const [base, head] = [b.build(), h.build()];
    const withQuiet = diffProfiles(base, head, {}, { history: quiet });
    const withNoisy = diffProfiles(base, head, {}, { history: noisy });
    expect(withQuiet.noiseModel.speed).toMatchObject({ prior: 'history', historyPairs: 4 });
    expect(withNoisy.noiseModel.speed!.weight).toBeGreaterThan(withQuiet.noiseModel.speed!.weight + 0.3);
    expect(withNoisy.speedFactor).toBeGreaterThan(withQuiet.speedFactor);
    const hotQuiet = withQuiet.functions.find((r) => r.frame.name === 'hot')!;
    const hotNoisy = withNoisy.functions.find((r) => r.frame.name === 'hot')!;
    expect(hotQuiet.status).toBe('regression');
    expect(hotNoisy.adjustedPct).toBeLessThan(hotQuiet.adjustedPct - 4);
    expect(hotNoisy.interval!.highPct - hotNoisy.interval!.lowPct).toBeGreaterThan(hotQuiet.interval!.highPct - hotQuiet.interval!.lowPct);
  });
});
