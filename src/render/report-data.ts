/**
 * Turns head (and base) profiles plus diffProfiles' verdicts into the report's compact
 * wire data: one string table, one function table over both sides, one call tree over
 * both sides, and per side the samples as (leaf node, test, value). The page rebuilds
 * every number from that, so filtering by test needs no second copy of the tree.
 */
import type { FunctionDelta, ProfileDiff } from '../diff/function-diff.js';
import { functionKey, timeValueIndex, type Profile } from '../profile/model.js';
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

interface SideSamples {
  node: number[];
  test: number[];
  valueUs: number[];
}

export function buildReportData(head: Profile, base?: Profile, diff?: ProfileDiff, title = 'ciprof report'): ReportData {
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
  const testOf = (labels: Profile['samples'][number]['labels']): number => {
    const file = labels[TEST_FILE];
    const name = labels[TEST_NAME];
    if (file === undefined && name === undefined) return -1;
    const key = `${file ?? ''}\u0000${name ?? ''}`;
    let id = testIds.get(key);
    if (id === undefined) {
      id = tests.length;
      tests.push([str(String(file ?? '')), str(String(name ?? ''))]);
      testIds.set(key, id);
    }
    return id;
  };

  const addSide = (p: Profile): SideSamples => {
    const fnMap = mapFunctions(p);
    const vi = timeValueIndex(p);
    // Aggregate by (leaf node, test): profiles also split samples by pid/thread labels,
    // which the report does not show, so this shrinks the data.
    const out: SideSamples = { node: [], test: [], valueUs: [] };
    const aggIndex = new Map<string, number>();
    for (const s of p.samples) {
      let node = 0;
      for (let i = s.stack.length - 1; i >= 0; i--) node = child(node, fnMap[s.stack[i]!]!);
      const test = testOf(s.labels);
      const key = `${node},${test}`;
      const v = (s.values[vi] ?? 0) / 1000;
      const at = aggIndex.get(key);
      if (at === undefined) {
        aggIndex.set(key, out.node.length);
        out.node.push(node);
        out.test.push(test);
        out.valueUs.push(v);
      } else out.valueUs[at]! += v;
    }
    return out;
  };

  const headRaw = addSide(head);
  const baseRaw = base ? addSide(base) : undefined;

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
    return { node: order.map((i) => newId[raw.node[i]!]!), test: order.map((i) => raw.test[i]!), valueUs: order.map((i) => Math.round(raw.valueUs[i]!)) };
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
