/**
 * The per-test diff (test-diff.ts) orders tests by change; the PR comment only lists a
 * test that also survives the same noise model as functions: the exact conditional
 * binomial test on its sample counts, Benjamini-Hochberg corrected over every test
 * compared (the unchanged ones count as p = 1, which keeps the correction conservative).
 */
import type { Profile } from '../profile/model.js';
import type { DiffThresholds, SuiteTotals } from './function-diff.js';
import { benjaminiHochberg, poissonRatioTest } from './stats.js';
import { diffTests, type TestChange, type TestDiff } from './test-diff.js';

export interface SignificantTestChange extends TestChange {
  qValue: number;
}

export interface TestSection {
  slower: SignificantTestChange[];
  faster: SignificantTestChange[];
  /** Tests compared on both sides and not listed. */
  withinNoise: number;
  added: TestDiff['added'];
  removed: TestDiff['removed'];
}

export function significantTestChanges(base: Profile, head: Profile, baseTotals: SuiteTotals, headTotals: SuiteTotals, t: DiffThresholds): TestSection | undefined {
  const d = diffTests(base, head, { minDeltaMs: t.minMs, minDeltaPct: t.minPct / 100, functionsPerTest: 3 });
  const compared = d.slower.length + d.faster.length + d.unchanged;
  if (compared === 0 && d.added.length === 0 && d.removed.length === 0) return undefined;
  const baseRate = baseTotals.cpuNs > 0 ? baseTotals.samples / baseTotals.cpuNs : 0;
  const headRate = headTotals.cpuNs > 0 ? headTotals.samples / headTotals.cpuNs : 0;
  const candidates = [...d.slower, ...d.faster];
  const p = candidates.map((c) =>
    c.baseSamples + c.headSamples >= t.minSamples && baseRate > 0 && headRate > 0 ? poissonRatioTest(c.baseSamples, baseRate, c.headSamples, headRate) : 1,
  );
  const q = benjaminiHochberg([...p, ...new Array<number>(d.unchanged).fill(1)]);
  const kept = candidates.map((c, i) => ({ ...c, qValue: q[i]! })).filter((c) => c.qValue <= t.alpha);
  const slower = kept.filter((c) => c.deltaMs > 0);
  const faster = kept.filter((c) => c.deltaMs < 0);
  return { slower, faster, withinNoise: compared - kept.length, added: d.added, removed: d.removed };
}
