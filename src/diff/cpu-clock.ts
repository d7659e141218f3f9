/**
 * Sampled time brought back to the CPU clock, test by test. V8's sampler charges a thread
 * for every tick its JavaScript stack is not empty, on the CPU or not; on a busy runner a
 * test thread descheduled half the time gets twice its CPU in samples, and a bind() that
 * waited gets the wait. Where the runner hooks read the thread's CPU clock over a test
 * (Node 22.23+), the test's own-thread samples are rescaled so they add up to that clock:
 * the off-CPU time (sampled minus clock) is taken first from the samples in blocking calls
 * (blocked.ts: they are waits by definition), and whatever remains (descheduling) from all
 * of the test's samples alike. Samples outside tests, of threads a test started, or of
 * tests without a clock are left as they were. Never scales up: a sampler that missed
 * ticks is not second-guessed.
 *
 * The clock (getrusage per thread) moves in scheduler ticks, 1-4 ms here (measured): one
 * short test's clock is 0 or a tick, right only on average. So tests with less than
 * POOL_BELOW_NS of samples are pooled per test file, whose sums span many ticks; a test
 * long enough is weighed on its own clock.
 */
import { IDLE_FRAME, countValueIndex, timeValueIndex, type Profile, type Sample } from '../profile/model.js';
import { readTestWalls, testKey, TEST_FILE_LABEL, TEST_NAME_LABEL } from '../profile/tests.js';
import { blockedClass } from '../profile/blocked.js';

/** Own-thread sampled time below which a test is weighed with the other short tests of its file. */
export const POOL_BELOW_NS = 50e6;

interface OwnTime {
  clockNs: number;
  sampledNs: number;
  blockedNs: number;
}

/** Weights of a test's blocked and other samples that make its sampled time its clock's. */
export function clockWeights(t: OwnTime): { blocked: number; other: number } {
  const off = t.sampledNs - t.clockNs;
  if (off <= 0 || t.sampledNs <= 0) return { blocked: 1, other: 1 };
  if (off <= t.blockedNs) return { blocked: (t.blockedNs - off) / t.blockedNs, other: 1 };
  const rest = t.sampledNs - t.blockedNs;
  return { blocked: 0, other: rest > 0 ? Math.max(0, t.clockNs / rest) : 1 };
}

/** The profile with each clocked test's own-thread samples rescaled to its CPU clock; the same object when nothing has a clock. */
export function onCpuProfile(profile: Profile): Profile {
  const walls = readTestWalls(profile);
  const clocked = new Map<string, { clockNs: number; threads: Set<string> }>();
  for (const [key, w] of walls) if (typeof w.cpuMs === 'number' && w.threads?.length) clocked.set(key, { clockNs: w.cpuMs * 1e6, threads: new Set(w.threads) });
  if (clocked.size === 0) return profile;
  const vi = timeValueIndex(profile);
  const ci = countValueIndex(profile);
  const blocked = profile.functions.map((f) => blockedClass(f) !== undefined);
  const idle = profile.functions.map((f) => f.name === IDLE_FRAME && f.file === '');
  const ownKey = (s: Sample): string | undefined => {
    const name = s.labels[TEST_NAME_LABEL];
    if (name === undefined) return undefined;
    const key = testKey(String(s.labels[TEST_FILE_LABEL] ?? ''), String(name));
    const c = clocked.get(key);
    return c && c.threads.has(`${s.labels.pid}-${s.labels.thread}`) && !idle[s.stack[0] ?? -1] ? key : undefined;
  };
  const own = new Map<string, OwnTime>();
  for (const s of profile.samples) {
    const key = ownKey(s);
    if (key === undefined) continue;
    const t = own.get(key) ?? { clockNs: clocked.get(key)!.clockNs, sampledNs: 0, blockedNs: 0 };
    const ns = s.values[vi] ?? 0;
    t.sampledNs += ns;
    if (blocked[s.stack[0] ?? -1]) t.blockedNs += ns;
    own.set(key, t);
  }
  // Short tests pooled per file (the clock's ticks), long ones on their own.
  const groupOf = new Map<string, string>();
  const groups = new Map<string, OwnTime>();
  for (const [key, t] of own) {
    const group = t.sampledNs >= POOL_BELOW_NS ? key : `\u0001${walls.get(key)!.file}`;
    groupOf.set(key, group);
    const g = groups.get(group) ?? { clockNs: 0, sampledNs: 0, blockedNs: 0 };
    g.clockNs += t.clockNs;
    g.sampledNs += t.sampledNs;
    g.blockedNs += t.blockedNs;
    groups.set(group, g);
  }
  const weights = new Map([...groups].map(([k, t]) => [k, clockWeights(t)]));
  const samples = profile.samples.map((s) => {
    const key = ownKey(s);
    const w = key === undefined ? undefined : weights.get(groupOf.get(key)!);
    const f = w ? (blocked[s.stack[0] ?? -1] ? w.blocked : w.other) : 1;
    if (f === 1) return s;
    return { ...s, values: s.values.map((v, i) => (i === vi || i === ci ? v * f : v)) };
  });
  return { ...profile, samples };
}
