/**
 * The per-test diff (test-diff.ts) orders tests by change; the PR comment only lists a
 * test that also survives the same noise model as functions: the exact conditional
 * binomial test on its sample counts, Benjamini-Hochberg corrected over every test
 * compared (the unchanged ones count as p = 1, which keeps the correction conservative).
 * With repeated runs (`ciprof compare`), a test is judged like a function row: over the
 * runs, its per-run time against the run-to-run scatter the runs show (runs.ts), not on
 * the mean profile's sample counts, which know nothing of a busy machine.
 * Where both sides read the thread's CPU clock, the sampled change must also be a change
 * of CPU by that clock (same direction, past the same minimums): a test that only waited
 * longer in bind() or lost the CPU to a neighbour is off-CPU time, counted, not listed.
 */
import { IDLE_FRAME, timeValueIndex, type Profile } from '../profile/model.js';
import { samplesByTest } from '../profile/tests.js';
import { foldBlockedCallees } from '../profile/blocked.js';
import { onCpuProfile } from './cpu-clock.js';
import { overRuns } from './runs.js';
import type { DiffThresholds, SuiteTotals } from './function-diff.js';
import { benjaminiHochberg, poissonRatioTest } from './stats.js';
import { diffTests, testKey, type TestChange, type TestDiff } from './test-diff.js';

export interface SignificantTestChange extends TestChange {
  qValue: number;
}

export interface TestSection {
  slower: SignificantTestChange[];
  faster: SignificantTestChange[];
  /** Tests compared on both sides and not listed. */
  withinNoise: number;
  /** Of those, tests whose sampled time changed significantly but whose CPU clock did not (blocked or descheduled). */
  offCpu?: number;
  added: TestDiff['added'];
  removed: TestDiff['removed'];
}

/** The runs behind mean profiles (`ciprof compare`): tests are then judged over them. */
export interface TestRuns {
  base: readonly Profile[];
  head: readonly Profile[];
}

/** Per run, each test's time (ns, idle excluded), its samples on the CPU clock where it has one. */
function perRunTestNs(runs: readonly Profile[]): Map<string, number>[] {
  return runs.map((sampled) => {
    const run = onCpuProfile(foldBlockedCallees(sampled));
    const vi = timeValueIndex(run);
    const out = new Map<string, number>();
    for (const [key, entry] of samplesByTest(run)) {
      let ns = 0;
      for (const s of entry.samples) if (run.functions[s.stack[0] ?? -1]?.name !== IDLE_FRAME) ns += s.values[vi] ?? 0;
      out.set(key, ns);
    }
    return out;
  });
}

export function significantTestChanges(base: Profile, head: Profile, baseTotals: SuiteTotals, headTotals: SuiteTotals, t: DiffThresholds, runs?: TestRuns): TestSection | undefined {
  const d = diffTests(base, head, { minDeltaMs: t.minMs, minDeltaPct: t.minPct / 100, functionsPerTest: 3 });
  const compared = d.slower.length + d.faster.length + d.unchanged;
  if (compared === 0 && d.added.length === 0 && d.removed.length === 0) return undefined;
  const baseRate = baseTotals.cpuNs > 0 ? baseTotals.samples / baseTotals.cpuNs : 0;
  const headRate = headTotals.cpuNs > 0 ? headTotals.samples / headTotals.cpuNs : 0;
  const candidates = [...d.slower, ...d.faster];
  const overTheRuns = runs && runs.base.length + runs.head.length >= 3 ? { base: perRunTestNs(runs.base), head: perRunTestNs(runs.head) } : undefined;
  const nsPerSample = baseRate > 0 ? 1 / baseRate : 0;
  const p = candidates.map((c) => {
    if (c.baseSamples + c.headSamples < t.minSamples || baseRate <= 0 || headRate <= 0) return 1;
    if (!overTheRuns) return poissonRatioTest(c.baseSamples, baseRate, c.headSamples, headRate);
    const key = testKey(c.file, c.name);
    return overRuns(
      overTheRuns.base.map((r) => r.get(key) ?? 0),
      overTheRuns.head.map((r) => r.get(key) ?? 0),
      nsPerSample,
    ).pValue;
  });
  const q = benjaminiHochberg([...p, ...new Array<number>(d.unchanged).fill(1)]);
  const significant = candidates.map((c, i) => ({ ...c, qValue: q[i]! })).filter((c) => c.qValue <= t.alpha);
  const kept = significant.filter((c) => onCpu(c, t));
  const slower = kept.filter((c) => c.deltaMs > 0);
  const faster = kept.filter((c) => c.deltaMs < 0);
  const offCpu = significant.length - kept.length;
  return { slower, faster, withinNoise: compared - kept.length, ...(offCpu > 0 ? { offCpu } : {}), added: d.added, removed: d.removed };
}

/** The CPU clock agrees with the sampled change (or there is no clock to ask). */
export function onCpu(c: TestChange, t: Pick<DiffThresholds, 'minMs' | 'minPct'>): boolean {
  if (!c.cpuClock) return true;
  const delta = c.cpuClock.headMs - c.cpuClock.baseMs;
  const pct = c.cpuClock.baseMs > 0 ? (delta / c.cpuClock.baseMs) * 100 : Infinity;
  return Math.sign(delta) === Math.sign(c.deltaMs) && Math.abs(delta) >= t.minMs && Math.abs(pct) >= t.minPct;
}
