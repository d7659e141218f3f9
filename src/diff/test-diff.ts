/**
 * Per-test diff of two labelled profiles: tests present on both sides compared in
 * absolute sampled CPU time (not share of the suite, so one test getting slower does
 * not make every other test look faster); added and removed tests listed apart; for
 * each test that got slower, the functions whose self time within that test's samples
 * changed most ("tests that got slower, and why").
 *
 * CPU that is really CPU: V8's sampler charges a thread blocked in a system call or
 * descheduled by a busy machine as if it ran. Where the runner hooks read the thread's
 * CPU clock (Node 22.23+), a test's CPU is that clock plus the sampled time of the threads
 * and processes it started (their own clocks are not recorded); the rest of its own
 * thread's sampled time was off the CPU and is shown apart, as is its wall time.
 *
 * Pure: Profile in, plain objects out. Significance and noise thresholds belong to the
 * verdict layer; this module only orders by change and applies the caller's minimums.
 */
import { countValueIndex, IDLE_FRAME, timeValueIndex, type Profile } from '../profile/model.js';
import { readTestWalls, samplesByTest, selfByFunction, testKey, type TestWall } from '../profile/tests.js';

export interface FunctionChange {
  name: string;
  file: string;
  line: number;
  baseMs: number;
  headMs: number;
  deltaMs: number;
}

export interface TestChange {
  file: string;
  name: string;
  baseMs: number;
  headMs: number;
  deltaMs: number;
  /** head / base - 1; Infinity when base is 0. */
  deltaPct: number;
  baseSamples: number;
  headSamples: number;
  /** Functions with the largest self-time change within this test, largest increase first for slower tests. */
  functions: FunctionChange[];
  /** Both sides recorded the thread's CPU clock: the test's CPU by that clock (+ threads it started, sampled). */
  cpuClock?: BaseHead;
  /** Sampled time of the test's own thread beyond its CPU clock: blocked in system calls, or descheduled. */
  offCpu?: BaseHead;
  /** Wall time from the runner hooks, when both sides know it. */
  wall?: BaseHead;
}

export interface BaseHead {
  baseMs: number;
  headMs: number;
}

export interface TestOnlyOnOneSide {
  file: string;
  name: string;
  ms: number;
  samples: number;
}

export interface TestDiff {
  /** Tests on both sides, head slower than base by at least the minimums, largest delta first. */
  slower: TestChange[];
  /** Tests on both sides, head faster, largest improvement first. */
  faster: TestChange[];
  /** Tests on both sides whose change is below the minimums. */
  unchanged: number;
  added: TestOnlyOnOneSide[];
  removed: TestOnlyOnOneSide[];
}

export interface TestDiffOptions {
  /** Minimum absolute change to list a test as slower/faster (default 0: every change). */
  minDeltaMs?: number;
  /** Minimum relative change, 0.1 = 10% (default 0). */
  minDeltaPct?: number;
  /** Changed functions listed per test (default 5). */
  functionsPerTest?: number;
}

const ms = (ns: number): number => Math.round(ns / 1e4) / 100;

interface Side {
  file: string;
  name: string;
  /** Self ns by function key (name, file, line): function ids differ between profiles. */
  self: Map<string, { name: string; file: string; line: number; ns: number }>;
  totalNs: number;
  /** Sampled ns on the threads that ran the test (the rest: threads and processes it started). */
  ownNs: number;
  samples: number;
  wall?: TestWall;
}

const threadOf = (labels: Profile['samples'][number]['labels']): string => `${labels.pid}-${labels.thread}`;

function sides(profile: Profile): Map<string, Side> {
  const out = new Map<string, Side>();
  const walls = readTestWalls(profile);
  // Tests recorded by the runner hooks exist even when no sample landed in them.
  for (const [key, w] of walls) out.set(key, { file: w.file, name: w.name, self: new Map(), totalNs: 0, ownNs: 0, samples: 0, wall: w });
  const vi = timeValueIndex(profile);
  for (const [key, entry] of samplesByTest(profile)) {
    const self = new Map<string, { name: string; file: string; line: number; ns: number }>();
    let totalNs = 0;
    for (const [id, ns] of selfByFunction(profile, entry.samples)) {
      const f = profile.functions[id];
      if (!f) continue;
      const fk = `${f.name}\u0000${f.file}\u0000${f.line}`;
      const prev = self.get(fk);
      if (prev) prev.ns += ns;
      else self.set(fk, { name: f.name, file: f.file, line: f.line, ns });
      totalNs += ns;
    }
    // Sample rows aggregate many ticks: count ticks (the count value), idle excluded like the time.
    const ci = countValueIndex(profile);
    const wall = walls.get(key);
    const own = new Set(wall?.threads ?? []);
    let samples = 0;
    let ownNs = 0;
    for (const sm of entry.samples) {
      if (profile.functions[sm.stack[0] ?? -1]?.name === IDLE_FRAME) continue;
      samples += ci >= 0 ? (sm.values[ci] ?? 0) : 1;
      if (own.has(threadOf(sm.labels))) ownNs += sm.values[vi] ?? 0;
    }
    out.set(key, { file: entry.file, name: entry.name, self, totalNs, ownNs, samples, wall });
  }
  return out;
}

/** The test's CPU by its thread's clock plus the sampled time of what it started, ns; undefined without a clock. */
function clockCpuNs(side: Side): number | undefined {
  const cpuMs = side.wall?.cpuMs;
  if (cpuMs === null || cpuMs === undefined || !side.wall?.threads?.length) return undefined;
  return cpuMs * 1e6 + Math.max(0, side.totalNs - side.ownNs);
}

/** CPU clock, off-CPU and wall views of a test compared on both sides, where both sides have them. */
function clockViews(bs: Side, hs: Side): Pick<TestChange, 'cpuClock' | 'offCpu' | 'wall'> {
  const out: Pick<TestChange, 'cpuClock' | 'offCpu' | 'wall'> = {};
  const bc = clockCpuNs(bs);
  const hc = clockCpuNs(hs);
  if (bc !== undefined && hc !== undefined) {
    out.cpuClock = { baseMs: ms(bc), headMs: ms(hc) };
    const off = (s: Side): number => Math.max(0, s.ownNs - (s.wall?.cpuMs ?? 0) * 1e6);
    out.offCpu = { baseMs: ms(off(bs)), headMs: ms(off(hs)) };
  }
  const bw = bs.wall?.wallMs;
  const hw = hs.wall?.wallMs;
  if (typeof bw === 'number' && typeof hw === 'number') out.wall = { baseMs: bw, headMs: hw };
  return out;
}

function functionChanges(base: Side, head: Side, limit: number, direction: 1 | -1): FunctionChange[] {
  const keys = new Set([...base.self.keys(), ...head.self.keys()]);
  const rows: FunctionChange[] = [];
  for (const k of keys) {
    const b = base.self.get(k);
    const h = head.self.get(k);
    const f = (h ?? b)!;
    const deltaNs = (h?.ns ?? 0) - (b?.ns ?? 0);
    rows.push({ name: f.name, file: f.file, line: f.line, baseMs: ms(b?.ns ?? 0), headMs: ms(h?.ns ?? 0), deltaMs: ms(deltaNs) });
  }
  return rows.sort((x, y) => direction * (y.deltaMs - x.deltaMs)).slice(0, limit);
}

export function diffTests(base: Profile, head: Profile, options: TestDiffOptions = {}): TestDiff {
  const minMs = options.minDeltaMs ?? 0;
  const minPct = options.minDeltaPct ?? 0;
  const perTest = options.functionsPerTest ?? 5;
  const b = sides(base);
  const h = sides(head);
  const result: TestDiff = { slower: [], faster: [], unchanged: 0, added: [], removed: [] };
  for (const [key, hs] of h) {
    const bs = b.get(key);
    if (!bs) {
      result.added.push({ file: hs.file, name: hs.name, ms: ms(hs.totalNs), samples: hs.samples });
      continue;
    }
    const deltaNs = hs.totalNs - bs.totalNs;
    const deltaPct = bs.totalNs > 0 ? hs.totalNs / bs.totalNs - 1 : hs.totalNs > 0 ? Infinity : 0;
    const change: Omit<TestChange, 'functions'> = {
      file: hs.file,
      name: hs.name,
      baseMs: ms(bs.totalNs),
      headMs: ms(hs.totalNs),
      deltaMs: ms(deltaNs),
      deltaPct,
      baseSamples: bs.samples,
      headSamples: hs.samples,
      ...clockViews(bs, hs),
    };
    const big = Math.abs(deltaNs) / 1e6 >= minMs && Math.abs(deltaPct) >= minPct && deltaNs !== 0;
    if (!big) result.unchanged++;
    else if (deltaNs > 0) result.slower.push({ ...change, functions: functionChanges(bs, hs, perTest, 1) });
    else result.faster.push({ ...change, functions: functionChanges(bs, hs, perTest, -1) });
  }
  for (const [key, bs] of b) {
    if (!h.has(key)) result.removed.push({ file: bs.file, name: bs.name, ms: ms(bs.totalNs), samples: bs.samples });
  }
  result.slower.sort((x, y) => y.deltaMs - x.deltaMs);
  result.faster.sort((x, y) => x.deltaMs - y.deltaMs);
  result.added.sort((x, y) => y.ms - x.ms);
  result.removed.sort((x, y) => y.ms - x.ms);
  return result;
}

/** Stable key of a test across profiles (file + full name). */
export { testKey };
