/**
 * Per-test numbers from a labelled profile (samples carrying `test_file`/`test_name`):
 * CPU time, samples and top self functions of each test. Pure: the run summary, the
 * per-test diff, the PR comment and the HTML report all call it on a Profile.
 */
import { wellFormed } from '../util/well-formed.js';
import { IDLE_FRAME, countValueIndex, timeValueIndex, type FunctionFrame, type Profile, type Sample } from './model.js';

export const TEST_FILE_LABEL = 'test_file';
export const TEST_NAME_LABEL = 'test_name';

export interface TestSelfFunction {
  name: string;
  file: string;
  line: number;
  selfMs: number;
}

export interface TestStat {
  file: string;
  name: string;
  /** Wall time from the runner hooks (sum over runs/retries); null when unknown (only the profile was given, or the process died mid-test). */
  wallMs: number | null;
  /** Sampled time in the test, idle excluded (on-CPU and blocked alike: the sampler cannot tell). */
  cpuMs: number;
  /** The test thread's own CPU clock (runner hooks, Node 22.23+), when known. */
  cpuClockMs?: number;
  /** Of cpuMs, the samples in frames that wait in a system call, by class (`blockedOf`); absent when not asked. */
  blockedMs?: number;
  blocked?: Record<string, number>;
  samples: number;
  status?: string;
  top: TestSelfFunction[];
}

export interface TestWall {
  file: string;
  name: string;
  wallMs: number | null;
  /** CPU time of the test's own thread by its CPU clock (runner hooks on Node 22.23+); null/absent when unknown. */
  cpuMs?: number | null;
  /** "<pid>-<threadId>" of the threads that ran the test (samples of other threads are threads it started). */
  threads?: string[];
  status: string;
}

export const testKey = (file: string, name: string): string => `${file}\u0000${name}`;

/**
 * Every recorded test travels in the profile's metadata as `test:<file>:<name>` =
 * `<wallMs>|<status>|<cpuMs>|<pid-tid,...>` (file and name URI-encoded, so ':' and '='
 * stay unambiguous; older profiles end after the status).
 * A test that ran in under one sampling interval has no sample, yet it ran: its
 * presence must not depend on sampling luck, or the diff calls it added or removed.
 */
const TEST_META_PREFIX = 'test:';

const round2ms = (ms: number): number => Math.round(ms * 100) / 100;
const THREAD_ID = /^\d+-\d+$/;

export function testWallsMeta(walls: ReadonlyMap<string, TestWall>): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const w of walls.values()) {
    meta[`${TEST_META_PREFIX}${encodeURIComponent(wellFormed(w.file))}:${encodeURIComponent(wellFormed(w.name))}`] = `${w.wallMs === null ? '' : round2ms(w.wallMs)}|${w.status}|${w.cpuMs === null || w.cpuMs === undefined ? '' : round2ms(w.cpuMs)}|${(w.threads ?? []).join(',')}`;
  }
  return meta;
}

export function readTestWalls(profile: Pick<Profile, 'meta'>): Map<string, TestWall> {
  const out = new Map<string, TestWall>();
  for (const [k, v] of Object.entries(profile.meta)) {
    if (!k.startsWith(TEST_META_PREFIX)) continue;
    const [file, name] = k.slice(TEST_META_PREFIX.length).split(':');
    if (file === undefined || name === undefined) continue;
    try {
      const [ms, status, cpu, threads] = v.split('|');
      const cpuMs = cpu ? Number(cpu) : NaN;
      const own = (threads ?? '').split(',').filter((t) => THREAD_ID.test(t));
      const w: TestWall = { file: decodeURIComponent(file), name: decodeURIComponent(name), wallMs: ms ? Number(ms) : null, status: status ?? '' };
      // Absent in profiles written before the hooks read the CPU clock.
      if (Number.isFinite(cpuMs) && cpuMs >= 0) w.cpuMs = cpuMs;
      if (own.length) w.threads = own;
      out.set(testKey(w.file, w.name), w);
    } catch {
      // a malformed entry from a foreign writer: skip it
    }
  }
  return out;
}

const round2 = (ns: number): number => Math.round(ns / 1e4) / 100;

/** Samples of each test, keyed by testKey(file, name). Samples without test_name are skipped. */
export function samplesByTest(profile: Profile): Map<string, { file: string; name: string; samples: Sample[] }> {
  const out = new Map<string, { file: string; name: string; samples: Sample[] }>();
  for (const s of profile.samples) {
    const name = s.labels[TEST_NAME_LABEL];
    if (name === undefined) continue;
    const file = String(s.labels[TEST_FILE_LABEL] ?? '');
    const key = testKey(file, String(name));
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { file, name: String(name), samples: [] }));
    entry.samples.push(s);
  }
  return out;
}

/** Self time (ns) by function id over some samples, idle excluded. */
export function selfByFunction(profile: Profile, samples: readonly Sample[]): Map<number, number> {
  const vi = timeValueIndex(profile);
  const self = new Map<number, number>();
  for (const s of samples) {
    const leaf = s.stack[0];
    if (leaf === undefined || profile.functions[leaf]?.name === IDLE_FRAME) continue;
    self.set(leaf, (self.get(leaf) ?? 0) + (s.values[vi] ?? 0));
  }
  return self;
}

function frameOut(f: FunctionFrame | undefined, ns: number): TestSelfFunction {
  return { name: f?.name ?? '?', file: f?.file ?? '', line: f?.line ?? 0, selfMs: round2(ns) };
}

/**
 * One row per test seen in the profile or in `walls`, slowest first (wall when known,
 * else CPU). `topN` self functions per test.
 */
export function testStats(profile: Profile, options: { walls?: ReadonlyMap<string, TestWall>; topN?: number; blockedOf?: (frame: FunctionFrame) => string | undefined } = {}): TestStat[] {
  const topN = options.topN ?? 3;
  const blockedOf = options.blockedOf;
  const ci = countValueIndex(profile);
  const rows = new Map<string, TestStat>();
  for (const [key, { file, name, samples }] of samplesByTest(profile)) {
    const self = selfByFunction(profile, samples);
    let cpu = 0;
    for (const v of self.values()) cpu += v;
    const count = ci >= 0 ? samples.reduce((a, s) => a + (s.values[ci] ?? 0), 0) : samples.length;
    const top = [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([id, ns]) => frameOut(profile.functions[id], ns));
    const row: TestStat = { file, name, wallMs: null, cpuMs: round2(cpu), samples: count, top };
    if (blockedOf) Object.assign(row, blockedTime(profile, self, blockedOf));
    rows.set(key, row);
  }
  for (const [key, w] of options.walls ?? readTestWalls(profile)) {
    const row = rows.get(key) ?? { file: w.file, name: w.name, wallMs: null, cpuMs: 0, samples: 0, top: [] };
    row.wallMs = w.wallMs === null ? null : Math.round(w.wallMs * 100) / 100;
    row.status = w.status;
    if (typeof w.cpuMs === 'number') row.cpuClockMs = Math.round(w.cpuMs * 100) / 100;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (b.wallMs ?? b.cpuMs) - (a.wallMs ?? a.cpuMs) || b.cpuMs - a.cpuMs);
}

/** Self time in waiting frames, by the class `blockedOf` gives them. */
function blockedTime(profile: Profile, self: ReadonlyMap<number, number>, blockedOf: (frame: FunctionFrame) => string | undefined): { blockedMs: number; blocked: Record<string, number> } {
  const by: Record<string, number> = {};
  let total = 0;
  for (const [id, ns] of self) {
    const f = profile.functions[id];
    const cls = f && blockedOf(f);
    if (!cls) continue;
    total += ns;
    by[cls] = (by[cls] ?? 0) + ns;
  }
  for (const k of Object.keys(by)) by[k] = round2(by[k]!);
  return { blockedMs: round2(total), blocked: by };
}
