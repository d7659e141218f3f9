/**
 * Turns head (and base) profiles plus diffProfiles' verdicts into the report's compact
 * wire data: one string table, one function table over both sides, one call tree over
 * both sides, and per side the samples as (leaf node, test, value). The page rebuilds
 * every number from that, so filtering by test needs no second copy of the tree.
 */
import type { AllocDiff, AllocStatus } from '../diff/alloc-diff.js';
import type { FunctionDelta, ProfileDiff } from '../diff/function-diff.js';
import { blockedClass } from '../profile/blocked.js';
import { codeLoadClassOf, codeLoadSelf } from '../profile/code-load.js';
import { ALLOC_SPACE, functionKey, timeValueIndex, type Labels, type Profile } from '../profile/model.js';
import { readTestWalls, testKey, type TestWall } from '../profile/tests.js';
import {
  STATUS_IMPROVEMENT,
  STATUS_NOISE,
  STATUS_NONE,
  STATUS_REGRESSION,
  VarintWriter,
  WIRE_VERSION,
  zigzag,
  type WireHeader,
} from '../report-ui/wire.js';

export interface ReportMeta {
  title: string;
  /** Head profile facts shown in the header (commit, branch, job_key, processes, …). */
  head: Record<string, string>;
  base?: Record<string, string>;
  /** Sampled time unit of the values, for the header ("cpu" or "wall"). */
  valueType: string;
  diff?: {
    verdict: ProfileDiff['verdict'];
    suite: ProfileDiff['suite'];
    baseCpuNs: number;
    headCpuNs: number;
    thresholds: ProfileDiff['thresholds'];
    regressions: number;
    improvements: number;
  };
  /** Allocation bytes beside the time values (both sides ran `--alloc`): the page's CPU / Allocations switch. */
  alloc?: {
    intervalBytes: number;
    headBytes: number;
    baseBytes?: number;
    diff?: { verdict: AllocDiff['verdict']; suiteDeltaPct: number; regressions: number; improvements: number };
  };
  /** Why the switch is off, when it is (no allocation samples on a side). */
  allocUnavailable?: string;
}

export interface ReportData {
  meta: ReportMeta;
  /** Uncompressed wire blob (see report-ui/wire.ts). */
  blob: Uint8Array;
  stats: { functions: number; nodes: number; samples: number; tests: number };
}

const TEST_FILE = 'test_file';
const TEST_NAME = 'test_name';

const round1 = (x: number): number => Math.round(x * 10) / 10;

const statusCode = (d: FunctionDelta | undefined): number => {
  switch (d?.status) {
    case 'regression':
      return STATUS_REGRESSION;
    case 'improvement':
      return STATUS_IMPROVEMENT;
    case 'noise':
      return STATUS_NOISE;
    default:
      return STATUS_NONE;
  }
};

const allocStatusCode = (s: AllocStatus): number => (s === 'regression' ? STATUS_REGRESSION : s === 'improvement' ? STATUS_IMPROVEMENT : s === 'noise' ? STATUS_NOISE : STATUS_NONE);

const allocIndex = (p: Profile): number => p.sampleTypes.findIndex((t) => t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);

/** Allocations are shown when every side has them; otherwise the reason the switch is off. */
function allocAvailability(head: Profile, base: Profile | undefined): string | undefined {
  const how = 'run the tests with ciprof run --alloc';
  if (allocIndex(head) < 0) return `No allocation samples in this profile: ${how}.`;
  if (base && allocIndex(base) < 0) return `The base profile has no allocation samples: ${how} on both sides.`;
  return undefined;
}

interface SideSamples {
  node: number[];
  test: number[];
  valueUs: number[];
  /** Bytes allocated, when the report shows allocations. */
  allocBytes: number[];
}

export interface ReportDiffs {
  cpu?: ProfileDiff;
  alloc?: AllocDiff;
}

/** `headWalls`: the head's recorded tests when the caller has them (`ciprof run`), the map its metadata was written from; read back from the metadata otherwise. */
export function buildReportData(head: Profile, base?: Profile, diffs: ReportDiffs = {}, title = 'ciprof report', headWalls?: ReadonlyMap<string, TestWall>): ReportData {
  const diff = diffs.cpu;
  const allocUnavailable = allocAvailability(head, base);
  const withAlloc = allocUnavailable === undefined;
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const str = (s: string): number => {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };

  // Functions of both sides, one id per (name, file, line) like everywhere else.
  const fnIds = new Map<string, number>();
  const fnName: number[] = [];
  const fnFile: number[] = [];
  const fnLine: number[] = [];
  const fnStatus: number[] = [];
  const statusByKey = new Map<string, FunctionDelta>();
  for (const d of diff?.functions ?? []) statusByKey.set(d.key, d);
  const mapFunctions = (p: Profile): Int32Array => {
    const map = new Int32Array(p.functions.length);
    p.functions.forEach((f, i) => {
      const key = functionKey(f);
      let id = fnIds.get(key);
      if (id === undefined) {
        id = fnName.length;
        fnIds.set(key, id);
        fnName.push(str(f.name));
        fnFile.push(str(f.file));
        fnLine.push(f.line);
        fnStatus.push(statusCode(statusByKey.get(key)));
      }
      map[i] = id;
    });
    return map;
  };

  // Call tree over both sides: node 0 is the root; children keyed by (parent, function).
  const nodeParent: number[] = [-1];
  const nodeFunc: number[] = [-1];
  const childIds = new Map<number, Map<number, number>>();
  const child = (parent: number, fn: number): number => {
    let kids = childIds.get(parent);
    if (!kids) childIds.set(parent, (kids = new Map()));
    let id = kids.get(fn);
    if (id === undefined) {
      id = nodeParent.length;
      nodeParent.push(parent);
      nodeFunc.push(fn);
      kids.set(fn, id);
    }
    return id;
  };

  const testIds = new Map<string, number>();
  const tests: [number, number][] = [];
  const testId = (file: string, name: string): number => {
    const key = testKey(file, name);
    let id = testIds.get(key);
    if (id === undefined) {
      id = tests.length;
      tests.push([str(file), str(name)]);
      testIds.set(key, id);
    }
    return id;
  };
  // Samples share their label objects (one per distinct set): each set is looked up once.
  const testOfLabels = new Map<Labels, number>();
  const testOf = (labels: Labels): number => {
    let id = testOfLabels.get(labels);
    if (id === undefined) {
      const file = labels[TEST_FILE];
      const name = labels[TEST_NAME];
      id = file === undefined && name === undefined ? -1 : testId(String(file ?? ''), String(name ?? ''));
      testOfLabels.set(labels, id);
    }
    return id;
  };

  const addSide = (p: Profile): SideSamples => {
    const fnMap = mapFunctions(p);
    const vi = timeValueIndex(p);
    const ai = withAlloc ? allocIndex(p) : -1;
    // Aggregate by (leaf node, test): profiles also split samples by pid/thread labels,
    // which the report does not show, so this shrinks the data.
    const out: SideSamples = { node: [], test: [], valueUs: [], allocBytes: [] };
    const aggIndex = new Map<string, number>();
    for (const s of p.samples) {
      let node = 0;
      for (let i = s.stack.length - 1; i >= 0; i--) node = child(node, fnMap[s.stack[i]!]!);
      const test = testOf(s.labels);
      const key = `${node},${test}`;
      const v = (s.values[vi] ?? 0) / 1000;
      const bytes = ai >= 0 ? (s.values[ai] ?? 0) : 0;
      const at = aggIndex.get(key);
      if (at === undefined) {
        aggIndex.set(key, out.node.length);
        out.node.push(node);
        out.test.push(test);
        out.valueUs.push(v);
        out.allocBytes.push(bytes);
      } else {
        out.valueUs[at]! += v;
        out.allocBytes[at]! += bytes;
      }
    }
    return out;
  };

  const headRaw = addSide(head);
  const baseRaw = base ? addSide(base) : undefined;
  const testTimes = testClocks(head, base, testId, headWalls);

  // Renumber the tree in pre-order: the page rebuilds parents from depths, and samples
  // sorted by pre-order node have small, compressible deltas.
  const n = nodeParent.length;
  const newId = new Int32Array(n);
  const preFunc: number[] = [];
  const preDepth: number[] = [];
  const stack: [number, number][] = [[0, 0]];
  while (stack.length) {
    const [id, depth] = stack.pop()!;
    newId[id] = preFunc.length;
    preFunc.push(nodeFunc[id]!);
    preDepth.push(depth);
    const kids = childIds.get(id);
    if (kids) {
      const list = [...kids.values()];
      for (let k = list.length - 1; k >= 0; k--) stack.push([list[k]!, depth + 1]);
    }
  }
  const finish = (raw: SideSamples): SideSamples => {
    const order = raw.node.map((_, i) => i).sort((a, b) => newId[raw.node[a]!]! - newId[raw.node[b]!]! || raw.test[a]! - raw.test[b]!);
    return {
      node: order.map((i) => newId[raw.node[i]!]!),
      test: order.map((i) => raw.test[i]!),
      valueUs: order.map((i) => Math.round(raw.valueUs[i]!)),
      allocBytes: order.map((i) => Math.round(raw.allocBytes[i]!)),
    };
  };
  const headSide = finish(headRaw);
  const baseSide = baseRaw ? finish(baseRaw) : undefined;

  const header: WireHeader = {
    v: WIRE_VERSION,
    strings,
    functions: fnName.length,
    nodes: n,
    headSamples: headSide.node.length,
    baseSamples: baseSide ? baseSide.node.length : -1,
    tests,
    valueUnit: 'us',
    intervals: (diff?.functions ?? [])
      .filter((d) => d.interval && fnIds.has(d.key) && Number.isFinite(d.adjustedPct))
      .map((d) => [fnIds.get(d.key)!, round1(d.adjustedPct), round1(d.interval!.lowPct), round1(d.interval!.highPct)]),
    alloc: withAlloc,
    blocked: blockedFunctions(fnName, fnFile, strings, str),
    codeLoad: codeLoadFunctions(fnIds, head, base, diff, str, (id) => blockedClass({ name: strings[fnName[id]!]!, file: strings[fnFile[id]!]! }) !== undefined || strings[fnFile[id]!] === ''),
    testTimes: testTimes.some((t) => t.some((v) => v >= 0)) ? tests.map((_, i) => testTimes[i] ?? [-1, -1, -1, -1]) : undefined,
    allocStatus: withAlloc && diffs.alloc ? allocStatuses(diffs.alloc, fnIds) : undefined,
  };
  const w = new VarintWriter();
  for (const arr of [fnName, fnFile, fnLine, fnStatus]) for (const v of arr) w.write(v);
  for (let i = 0; i < n; i++) w.write(zigzag(preDepth[i]! - (i > 0 ? preDepth[i - 1]! : 0)));
  for (const f of preFunc) w.write(f + 1);
  for (const side of baseSide ? [headSide, baseSide] : [headSide]) {
    let prev = 0;
    for (const node of side.node) {
      w.write(zigzag(node - prev));
      prev = node;
    }
    for (const t of side.test) w.write(t + 1);
    for (const v of side.valueUs) w.write(Math.max(0, v));
    if (withAlloc) for (const v of side.allocBytes) w.write(Math.max(0, v));
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const body = w.bytes();
  const blob = new Uint8Array(4 + headerBytes.length + body.length);
  new DataView(blob.buffer).setUint32(0, headerBytes.length, true);
  blob.set(headerBytes, 4);
  blob.set(body, 4 + headerBytes.length);

  const vt = head.sampleTypes[timeValueIndex(head)]?.type ?? 'cpu';
  const meta: ReportMeta = { title, head: { ...head.meta }, valueType: vt };
  if (base) meta.base = { ...base.meta };
  if (allocUnavailable) meta.allocUnavailable = allocUnavailable;
  else meta.alloc = allocMeta(head, headSide, baseSide, diffs.alloc);
  if (diff) {
    meta.diff = {
      verdict: diff.verdict,
      suite: diff.suite,
      baseCpuNs: diff.base.cpuNs,
      headCpuNs: diff.head.cpuNs,
      thresholds: diff.thresholds,
      regressions: diff.regressions.length,
      improvements: diff.improvements.length,
    };
  }
  return {
    meta,
    blob,
    stats: { functions: fnName.length, nodes: n, samples: headSide.node.length + (baseSide?.node.length ?? 0), tests: tests.length },
  };
}

/** Function index -> allocation status, for the functions the allocation diff judged; the rest were not reported. */
function allocStatuses(a: AllocDiff, fnIds: ReadonlyMap<string, number>): [number, number][] {
  const out: [number, number][] = [];
  for (const r of a.functions) {
    const id = r.frame ? fnIds.get(functionKey(r.frame)) : undefined;
    if (id !== undefined) out.push([id, allocStatusCode(r.status)]);
  }
  return out;
}

function allocMeta(head: Profile, headSide: SideSamples, baseSide: SideSamples | undefined, diff: AllocDiff | undefined): NonNullable<ReportMeta['alloc']> {
  const sum = (s: SideSamples): number => s.allocBytes.reduce((a, b) => a + b, 0);
  const out: NonNullable<ReportMeta['alloc']> = { intervalBytes: Number(head.meta['alloc.interval_bytes']) || 0, headBytes: sum(headSide) };
  if (baseSide) out.baseBytes = sum(baseSide);
  if (diff) out.diff = { verdict: diff.verdict, suiteDeltaPct: diff.suiteDeltaPct, regressions: diff.regressions, improvements: diff.improvements };
  return out;
}

/** [function index, class string index] of the functions whose self time is a wait (blocked.ts), not CPU. */
function blockedFunctions(fnName: number[], fnFile: number[], strings: string[], str: (s: string) => number): [number, number][] {
  const out: [number, number][] = [];
  for (let f = 0; f < fnName.length; f++) {
    const cls = blockedClass({ name: strings[fnName[f]!]!, file: strings[fnFile[f]!]! });
    if (cls) out.push([f, str(cls)]);
  }
  return out;
}

/**
 * [function index, class string index, judged-by string index or -1] of the functions judged
 * as code loading: the diff's rows when there is a diff (the class it judged them in), else
 * the same classification on the profile(s) (code-load.ts, as diffProfiles does it), so a
 * plain report marks them too.
 */
function codeLoadFunctions(fnIds: ReadonlyMap<string, number>, head: Profile, base: Profile | undefined, diff: ProfileDiff | undefined, str: (s: string) => number, apart: (id: number) => boolean): [number, number, number][] | undefined {
  const out: [number, number, number][] = [];
  if (diff) {
    for (const r of diff.functions) {
      const id = r.codeLoad ? fnIds.get(r.key) : undefined;
      if (id !== undefined) out.push([id, str(r.codeLoad!), r.judgedBy ? str(r.judgedBy) : -1]);
    }
  } else {
    const h = codeLoadSelf(head);
    const b = base ? codeLoadSelf(base) : undefined;
    for (const [key, id] of fnIds) {
      if (apart(id)) continue; // blocked time stays blocked; V8's pseudo-frames are no code
      const cls = codeLoadClassOf(h.get(key), b?.get(key));
      if (cls) out.push([id, str(cls), -1]);
    }
  }
  return out.length ? out.sort((x, y) => x[0] - y[0]) : undefined;
}

const msOrUnknown = (v: number | null | undefined): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v * 100) / 100 : -1);

/**
 * Per test: [wall ms, CPU-clock ms] of head, then of base (-1 unknown), from the runner
 * hooks' records in each profile's metadata. Registers tests that ran without a sample.
 */
function testClocks(head: Profile, base: Profile | undefined, testId: (file: string, name: string) => number, headWalls: ReadonlyMap<string, TestWall> | undefined): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const add = (walls: ReadonlyMap<string, TestWall>, at: 0 | 2): void => {
    for (const w of walls.values()) {
      const id = testId(w.file, w.name);
      const row = (out[id] ??= [-1, -1, -1, -1]);
      row[at] = msOrUnknown(w.wallMs);
      row[at + 1] = msOrUnknown(w.cpuMs);
    }
  };
  add(headWalls ?? readTestWalls(head), 0);
  if (base) add(readTestWalls(base), 2);
  return out;
}
