/** Reads the embedded data block back into typed arrays (see wire.ts for the format). */
import { STATUS_NOISE, unzigzag, VarintReader, WIRE_VERSION, type WireHeader } from './wire.js';

export interface ReportMetaView {
  title: string;
  head: Record<string, string>;
  base?: Record<string, string>;
  valueType: string;
  diff?: {
    verdict: string;
    suite: { deltaNs: number; deltaPct: number; pValue: number; significant: boolean };
    baseCpuNs: number;
    headCpuNs: number;
    thresholds: { minSamples: number; minMs: number; minPct: number; alpha: number };
    regressions: number;
    improvements: number;
  };
  alloc?: {
    intervalBytes: number;
    headBytes: number;
    baseBytes?: number;
    diff?: { verdict: string; suiteDeltaPct: number; regressions: number; improvements: number };
  };
  allocUnavailable?: string;
}

export interface Side {
  /** Leaf node of each sample. */
  node: Int32Array;
  /** Test index per sample, -1 for none. */
  test: Int32Array;
  /** Nanoseconds. */
  value: Float64Array;
  /** Bytes allocated, when the report carries allocations. */
  alloc: Float64Array | null;
}

export interface Data {
  meta: ReportMetaView;
  strings: string[];
  fnName: Int32Array;
  fnFile: Int32Array;
  fnLine: Int32Array;
  fnStatus: Uint8Array;
  /** Allocation diff status per function (STATUS_NOISE where the diff did not report it); null without an allocation diff. */
  fnAllocStatus: Uint8Array | null;
  /** Speed-adjusted self change and 95% interval per function, where the diff computed one. */
  fnInterval: Map<number, { pct: number; low: number; high: number }>;
  /** Call tree over both sides, pre-order (so parent < child); node 0 is the root (func -1). */
  parent: Int32Array;
  func: Int32Array;
  head: Side;
  base: Side | null;
  tests: TestInfo[];
  /** Per function: the class of wait its self time is (`fs`, `bind`, …), or '' for CPU. */
  fnBlocked: string[];
  /** Per function: the code-loading class its self time is judged in (`transform`, `module-load`), or '' for CPU. */
  fnCodeLoad: string[];
  /** Per function: what judged a code-loading row (`prior`, `history`, `runs`), or ''. */
  fnJudgedBy: string[];
}

export interface TestInfo {
  file: string;
  name: string;
  /** From the runner hooks, ms; NaN when unknown (no record, or Node without a thread CPU clock). */
  wallMs: number;
  cpuMs: number;
  baseWallMs: number;
  baseCpuMs: number;
}

function base64Bytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  // A Blob stream is local: no request is made, so this works from file:// and under CSP.
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Pre-order depths to parents: a node's parent is the last node one level up. */
function parentsFromDepths(depth: Int32Array): Int32Array {
  const parent = new Int32Array(depth.length);
  const lastAt: number[] = [];
  for (let i = 0; i < depth.length; i++) {
    const d = depth[i]!;
    parent[i] = d === 0 ? -1 : lastAt[d - 1]!;
    lastAt[d] = i;
  }
  return parent;
}

export async function decodeReport(raw: { meta: ReportMetaView; blob: string }): Promise<Data> {
  const bytes = await gunzip(base64Bytes(raw.blob));
  const headerLen = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLen))) as WireHeader;
  if (header.v !== WIRE_VERSION) throw new Error(`report data version ${header.v}, page expects ${WIRE_VERSION}`);
  const r = new VarintReader(bytes, 4 + headerLen);
  const nf = header.functions;
  const fnName = r.array(new Int32Array(nf));
  const fnFile = r.array(new Int32Array(nf));
  const fnLine = r.array(new Int32Array(nf));
  const fnStatus = r.array(new Uint8Array(nf));
  const parent = parentsFromDepths(r.array(new Int32Array(header.nodes), (d, _i, prev) => prev + unzigzag(d)));
  const func = r.array(new Int32Array(header.nodes), (f) => f - 1);
  const side = (n: number): Side => ({
    node: r.array(new Int32Array(n), (d, _i, prev) => prev + unzigzag(d)),
    test: r.array(new Int32Array(n), (t) => t - 1),
    value: r.array(new Float64Array(n), (us) => us * 1000),
    alloc: header.alloc ? r.array(new Float64Array(n)) : null,
  });
  const head = side(header.headSamples);
  const base = header.baseSamples >= 0 ? side(header.baseSamples) : null;
  const known = (v: number | undefined): number => (typeof v === 'number' && v >= 0 ? v : NaN);
  const tests = header.tests.map(([f, n], i): TestInfo => {
    const t = header.testTimes?.[i];
    return { file: header.strings[f] ?? '', name: header.strings[n] ?? '', wallMs: known(t?.[0]), cpuMs: known(t?.[1]), baseWallMs: known(t?.[2]), baseCpuMs: known(t?.[3]) };
  });
  const fnBlocked: string[] = new Array<string>(nf).fill('');
  for (const [f, cls] of header.blocked ?? []) if (f >= 0 && f < nf) fnBlocked[f] = header.strings[cls] ?? '';
  const fnInterval = new Map((header.intervals ?? []).map(([f, pct, low, high]) => [f, { pct, low, high }] as const));
  let fnAllocStatus: Uint8Array | null = null;
  if (header.allocStatus) {
    fnAllocStatus = new Uint8Array(nf).fill(STATUS_NOISE);
    for (const [f, st] of header.allocStatus) if (f >= 0 && f < nf) fnAllocStatus[f] = st;
  }
  const fnCodeLoad: string[] = new Array<string>(nf).fill('');
  const fnJudgedBy: string[] = new Array<string>(nf).fill('');
  for (const [f, cls, by] of header.codeLoad ?? []) {
    if (f < 0 || f >= nf) continue;
    fnCodeLoad[f] = header.strings[cls] ?? '';
    fnJudgedBy[f] = by >= 0 ? (header.strings[by] ?? '') : '';
  }
  return { meta: raw.meta, strings: header.strings, fnName, fnFile, fnLine, fnStatus, fnAllocStatus, fnInterval, parent, func, head, base, tests, fnBlocked, fnCodeLoad, fnJudgedBy };
}
