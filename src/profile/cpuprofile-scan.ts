/**
 * V8 .cpuprofile bytes -> a validated, compact form (typed arrays, no object per node),
 * read in one pass by a scanner that knows V8's shape: `nodes` (id, callFrame, hitCount,
 * children or parent), `startTime`, `endTime`, `samples`, `timeDeltas`, and ciprof's
 * `$ciprof` block. Other fields are skipped. JSON.parse of the whole file built an object
 * per node and per call frame, and that was most of the time of a merge.
 *
 * Everything a converter could trip on is refused here, before anything reaches a
 * builder: counts over the limits, ids that are not dense, a node with two parents, a
 * parent cycle, a tree deeper than the limit, samples naming unknown nodes, non-numeric
 * or non-finite numbers, and sample times outside the profile's span.
 */
import type { IntColumn, NumberColumn } from './columns.js';
import { FNV_START, TripleTable } from './hash-tables.js';
import { ascii, decodeUtf8, JsonBytes } from './json-bytes.js';
import type { DecodeLimits } from './limits.js';
import type { Scratch } from './scratch.js';
import type { V8FrameTable } from './v8-frames.js';
import { readIntArray, readV8Node, type V8NodeFields } from './v8-layout.js';

/** Valid until the next scan with the same Scratch. */
export interface ScannedCpuProfile {
  nodeCount: number;
  /** Per node (in file order): frame id in the V8FrameTable, parent node index (-1: none), hitCount. */
  frameOf: Int32Array;
  parentOf: Int32Array;
  hitCount: Int32Array;
  /** Per tick, sorted by time: node index and timestamp (µs, V8's clock). Empty for the hitCount-only format. */
  tickNode: Int32Array;
  tickTime: Float64Array;
  hasTicks: boolean;
  startUs: number;
  endUs: number;
  /** The `$ciprof` block as JSON.parse gives it, unvalidated; undefined when absent. */
  info: unknown;
}

/** How far sample times may stray outside [startTime, endTime] before the file is refused, µs. */
const SPAN_SLACK_US = 1_000_000;
const MAX_INT = 2 ** 31 - 1;
/** Bytes of the `$ciprof` block: a few fields and argv. */
const MAX_INFO_BYTES = 64 * 1024;

const K = {
  nodes: ascii('nodes'),
  startTime: ascii('startTime'),
  endTime: ascii('endTime'),
  samples: ascii('samples'),
  timeDeltas: ascii('timeDeltas'),
  ciprof: ascii('$ciprof'),
  id: ascii('id'),
  callFrame: ascii('callFrame'),
  hitCount: ascii('hitCount'),
  children: ascii('children'),
  parent: ascii('parent'),
  functionName: ascii('functionName'),
  url: ascii('url'),
  lineNumber: ascii('lineNumber'),
};

interface NodeColumns {
  ids: IntColumn;
  frames: IntColumn;
  hits: IntColumn;
  parentIds: IntColumn;
  childStart: IntColumn;
  children: IntColumn;
}

interface RawTop {
  nodes?: NodeColumns;
  samples?: IntColumn;
  deltas?: NumberColumn;
  startTime?: number;
  endTime?: number;
  info?: unknown;
}

/** Throws a plain Error naming the problem; callers add the file name. */
export function scanCpuProfile(bytes: Uint8Array, frames: V8FrameTable, limits: DecodeLimits, scratch: Scratch): ScannedCpuProfile {
  const j = new JsonBytes(bytes, limits.maxStringBytes, limits.maxJsonDepth);
  const top = readTop(j, { frames, limits, scratch });
  const nodes = top.nodes;
  if (!nodes) throw new Error('not a V8 CPU profile (no "nodes" array)');
  if (nodes.ids.length === 0) throw new Error('V8 CPU profile has no nodes');
  if (top.startTime === undefined || top.endTime === undefined) throw new Error('V8 CPU profile has no startTime/endTime');
  if (top.endTime < top.startTime) throw new Error(`V8 CPU profile ends (${top.endTime}) before it starts (${top.startTime})`);
  if (top.endTime - top.startTime > limits.maxSpanUs) throw new Error(`V8 CPU profile spans ${Math.round((top.endTime - top.startTime) / 1e6)} s (limit ${limits.maxSpanUs / 1e6} s)`);
  const { indexOfId, parentOf } = linkNodes(nodes, limits, scratch);
  const scanned: ScannedCpuProfile = {
    nodeCount: nodes.ids.length,
    frameOf: nodes.frames.view(),
    parentOf,
    hitCount: nodes.hits.view(),
    tickNode: NO_TICKS,
    tickTime: NO_TIMES,
    hasTicks: false,
    startUs: top.startTime,
    endUs: top.endTime,
    info: top.info,
  };
  if (top.samples) {
    if (top.deltas?.length !== top.samples.length) throw new Error(`V8 CPU profile has ${top.samples.length} samples but ${top.deltas?.length ?? 0} timeDeltas`);
    timeTicks(scanned, top.samples.view(), top.deltas.view(), indexOfId);
  }
  return scanned;
}

const NO_TICKS = new Int32Array(0);
const NO_TIMES = new Float64Array(0);

interface ScanContext {
  frames: V8FrameTable;
  limits: DecodeLimits;
  scratch: Scratch;
}

function readTop(j: JsonBytes, ctx: ScanContext): RawTop {
  const { limits, scratch } = ctx;
  const top: RawTop = {};
  if (j.peek() !== 0x7b) throw new Error('not a V8 CPU profile (not a JSON object)');
  const seen = new Set<string>();
  const once = (name: string): void => {
    if (seen.has(name)) j.fail(`duplicate "${name}"`);
    seen.add(name);
  };
  if (!j.open(0x7b, 0x7d)) {
    do {
      j.key();
      if (j.is(K.nodes)) {
        once('nodes');
        top.nodes = readNodes(j, ctx);
      } else if (j.is(K.startTime)) {
        once('startTime');
        top.startTime = j.number();
      } else if (j.is(K.endTime)) {
        once('endTime');
        top.endTime = j.number();
      } else if (j.is(K.samples)) {
        once('samples');
        top.samples = readNumbers(j, scratch.ints('samples'), limits.maxTicks, 'samples', true);
      } else if (j.is(K.timeDeltas)) {
        once('timeDeltas');
        top.deltas = readNumbers(j, scratch.numbers('timeDeltas'), limits.maxTicks, 'timeDeltas', false);
      } else if (j.is(K.ciprof)) {
        once('$ciprof');
        top.info = readSmallValue(j);
      } else j.skip(1);
    } while (j.more(0x7d));
  }
  if (j.peek() !== -1) j.fail('bytes after the end of the profile');
  return top;
}

function readNodes(j: JsonBytes, ctx: ScanContext): NodeColumns {
  const { frames, limits, scratch } = ctx;
  const cols: NodeColumns = {
    ids: scratch.ints('ids'),
    frames: scratch.ints('frames'),
    hits: scratch.ints('hits'),
    parentIds: scratch.ints('parentIds'),
    childStart: scratch.ints('childStart'),
    children: scratch.ints('children'),
  };
  if (j.open(0x5b, 0x5d)) return cols;
  const seen: FileFrames = { frames: scratch.table('seenFrames'), urls: scratch.table('seenUrls'), urlLengths: scratch.table('urlLengths') };
  const framesBefore = frames.size;
  do {
    if (cols.ids.length >= limits.maxNodes) j.fail(`more than ${limits.maxNodes} nodes`);
    readNode(j, frames, cols, limits, seen);
    if (frames.size - framesBefore > limits.maxFunctions) j.fail(`more than ${limits.maxFunctions} distinct functions`);
  } while (j.more(0x5d));
  cols.childStart.push(cols.children.length);
  return cols;
}

/** One node: V8's own layout by the fast path (v8-layout.ts), anything else by the general one. */
function readNode(j: JsonBytes, frames: V8FrameTable, cols: NodeColumns, limits: DecodeLimits, seen: FileFrames): void {
  let id = -1;
  let frame = -1;
  let hits = 0;
  let parent = -1;
  cols.childStart.push(cols.children.length);
  const childMark = cols.children.length;
  j.peek();
  const fastEnd = readV8Node(j.buf, j.view, j.pos, fast, cols.children, limits.maxNodes, seen.urlLengths);
  let more: boolean;
  if (fastEnd >= 0) {
    id = fast.id;
    hits = fast.hits;
    frame = fastFrame(j, frames, seen);
    j.pos = fastEnd;
    more = j.more(0x7d);
  } else {
    cols.children.length = childMark;
    more = !j.open(0x7b, 0x7d);
  }
  while (more) {
    j.key();
    if (j.is(K.id)) id = j.int(0, MAX_INT, 'node id');
    else if (j.is(K.callFrame)) frame = readCallFrame(j, frames);
    else if (j.is(K.hitCount)) hits = j.int(0, MAX_INT, 'hitCount');
    else if (j.is(K.parent)) parent = j.int(0, MAX_INT, 'parent');
    else if (j.is(K.children)) {
      if (!j.open(0x5b, 0x5d)) {
        do {
          if (cols.children.length >= limits.maxNodes) j.fail(`more than ${limits.maxNodes} child links`);
          cols.children.push(j.int(0, MAX_INT, 'child id'));
        } while (j.more(0x5d));
      }
    } else j.skip(2);
    more = j.more(0x7d);
  }
  if (id < 0) j.fail('a node without an id');
  if (frame < 0) j.fail(`node ${id} has no callFrame`);
  cols.ids.push(id);
  cols.frames.push(frame);
  cols.hits.push(hits);
  cols.parentIds.push(parent);
}

const fast: V8NodeFields = { id: 0, script: 0, line: 0, column: 0, hits: 0, nameStart: 0, nameEnd: 0, urlStart: 0, urlEnd: 0 };

/** What one file's nodes already resolved: frames by (script id, line, column), URLs and their byte lengths by script id. */
interface FileFrames {
  frames: TripleTable;
  urls: TripleTable;
  urlLengths: TripleTable;
}

/**
 * The frame of the node the fast path just read. In one file a (script id, line, column)
 * is one function, so a frame seen before is found by numbers, its strings never looked at
 * again; a script's URL is hashed once per file. Script 0 holds V8's natives and
 * pseudo-frames, told apart only by name.
 */
function fastFrame(j: JsonBytes, frames: V8FrameTable, seen: FileFrames): number {
  const { script, line, column } = fast;
  if (script !== 0) {
    const known = seen.frames.get(script, line, column);
    if (known >= 0) return known;
  }
  let url = script !== 0 ? seen.urls.get(script, 0, 0) : -1;
  if (url < 0) {
    j.pos = fast.urlStart - 1;
    j.string();
    url = frames.url(j.buf, fast.urlStart, fast.urlEnd, j.strHash, j.strEscaped);
    if (script !== 0) seen.urls.add(script, 0, 0, url);
  }
  j.pos = fast.nameStart - 1;
  j.string();
  const frame = frames.frame(url, frames.name(j.buf, fast.nameStart, fast.nameEnd, j.strHash, j.strEscaped), line);
  if (script !== 0) seen.frames.add(script, line, column, frame);
  return frame;
}

function readCallFrame(j: JsonBytes, frames: V8FrameTable): number {
  let name = -1;
  let url = -1;
  let line = -1;
  if (!j.open(0x7b, 0x7d)) {
    do {
      j.key();
      if (j.is(K.functionName)) {
        j.string();
        name = frames.name(j.buf, j.strStart, j.strEnd, j.strHash, j.strEscaped);
      } else if (j.is(K.url)) {
        j.string();
        url = frames.url(j.buf, j.strStart, j.strEnd, j.strHash, j.strEscaped);
      } else if (j.is(K.lineNumber)) line = j.int(-1, MAX_INT, 'lineNumber');
      else j.skip(2);
    } while (j.more(0x7d));
  }
  if (name < 0) name = frames.name(EMPTY, 0, 0, FNV_START, false);
  if (url < 0) url = frames.url(EMPTY, 0, 0, FNV_START, false);
  return frames.frame(url, name, line);
}

const EMPTY = new Uint8Array(0);

/** A number array; `ids`: non-negative integers (node ids). The plain-integer form V8 writes is read by the fast path. */
function readNumbers<C extends IntColumn | NumberColumn>(j: JsonBytes, out: C, max: number, what: string, ids: boolean): C {
  j.peek();
  const end = readIntArray(j.buf, j.pos, !ids, max, out);
  if (end >= 0) {
    j.pos = end;
    return out;
  }
  out.length = 0;
  if (j.open(0x5b, 0x5d)) return out;
  do {
    if (out.length >= max) j.fail(`more than ${max} ${what}`);
    out.push(ids ? j.int(0, MAX_INT, what) : j.number());
  } while (j.more(0x5d));
  return out;
}

function readSmallValue(j: JsonBytes): unknown {
  j.peek();
  const start = j.pos;
  j.skip(1);
  if (j.pos - start > MAX_INFO_BYTES) throw new Error(`"$ciprof" block of ${j.pos - start} bytes (limit ${MAX_INFO_BYTES})`);
  try {
    return JSON.parse(decodeUtf8(j.buf, start, j.pos));
  } catch (err) {
    throw new Error(`invalid JSON in the "$ciprof" block (${(err as Error).message.split('\n', 1)[0]})`);
  }
}

/** Node ids -> indexes, children/parent links -> one parent per node, checked for cycles and depth. */
function linkNodes(nodes: NodeColumns, limits: DecodeLimits, scratch: Scratch): { indexOfId: Int32Array; parentOf: Int32Array } {
  const ids = nodes.ids.view();
  const n = ids.length;
  let maxId = 0;
  for (let i = 0; i < n; i++) if (ids[i]! > maxId) maxId = ids[i]!;
  // V8 numbers nodes 1..n: anything much sparser is not V8's and would size arrays by a forged id.
  if (maxId > n * 4 + 1024) throw new Error(`V8 CPU profile node ids are not dense (max ${maxId} for ${n} nodes)`);
  const indexOfId = scratch.int32('indexOfId', maxId + 1, -1);
  for (let i = 0; i < n; i++) {
    if (indexOfId[ids[i]!] !== -1) throw new Error(`V8 CPU profile has two nodes with id ${ids[i]}`);
    indexOfId[ids[i]!] = i;
  }
  const parentOf = scratch.int32('parentOf', n, -1);
  const childStart = nodes.childStart.view();
  const children = nodes.children.view();
  for (let i = 0; i < n; i++) {
    for (let k = childStart[i]!; k < childStart[i + 1]!; k++) {
      const c = children[k]!;
      const ci = c <= maxId ? indexOfId[c]! : -1;
      if (ci < 0) throw new Error(`V8 CPU profile node ${ids[i]} names child ${c}, which does not exist`);
      if (parentOf[ci] !== -1) throw new Error(`V8 CPU profile node ${c} is the child of two nodes`);
      parentOf[ci] = i;
    }
  }
  const parentIds = nodes.parentIds.view();
  for (let i = 0; i < n; i++) {
    const p = parentIds[i]!;
    if (p < 0 || parentOf[i] !== -1) continue;
    const pi = p <= maxId ? indexOfId[p]! : -1;
    if (pi < 0) throw new Error(`V8 CPU profile node ${ids[i]} names parent ${p}, which does not exist`);
    parentOf[i] = pi;
  }
  // A JS array as the path stack would be reallocated for every node (length = 0 frees it).
  checkTree(ids, parentOf, limits.maxDepth, scratch.int32('depth', n, -1), scratch.int32('path', n));
  return { indexOfId, parentOf };
}

/** Every node reaches a root within maxDepth steps, without passing a node twice. */
function checkTree(ids: Int32Array, parentOf: Int32Array, maxDepth: number, depth: Int32Array, path: Int32Array): void {
  const ON_PATH = -2;
  for (let i = 0; i < ids.length; i++) {
    let top = 0;
    let cur = i;
    while (cur >= 0 && depth[cur] === -1) {
      depth[cur] = ON_PATH;
      path[top++] = cur;
      cur = parentOf[cur]!;
    }
    if (cur >= 0 && depth[cur] === ON_PATH) throw new Error(`V8 CPU profile has a parent cycle through node ${ids[cur]}`);
    let d = cur >= 0 ? depth[cur]! : -1;
    while (top > 0) {
      d++;
      if (d > maxDepth) throw new Error(`V8 CPU profile call tree is deeper than ${maxDepth}`);
      depth[path[--top]!] = d;
    }
  }
}

/**
 * Sample timestamps from the deltas. V8 may emit a sample out of order (a negative delta:
 * deoptimization samples, see V8's test-cpu-profiler), as DevTools knows: such ticks are
 * put back in time order. A time far outside the profile's own span is a forged or broken
 * file, refused rather than turned into hours of CPU.
 */
function timeTicks(out: ScannedCpuProfile, sampleIds: Int32Array, deltas: Float64Array, indexOfId: Int32Array): void {
  // In place: node ids become node indexes, deltas become timestamps (ticks dominate the memory of a long profile).
  const n = sampleIds.length;
  const tickNode = sampleIds;
  const tickTime = deltas;
  const lo = out.startUs - SPAN_SLACK_US;
  const hi = out.endUs + SPAN_SLACK_US;
  let t = out.startUs;
  let ordered = true;
  for (let i = 0; i < n; i++) {
    const id = sampleIds[i]!;
    const node = id < indexOfId.length ? indexOfId[id]! : -1;
    if (node < 0) throw new Error(`V8 CPU profile sample ${i} names node ${id}, which does not exist`);
    const d = deltas[i]!;
    if (d < 0) ordered = false;
    t += d;
    if (t < lo || t > hi) throw new Error(`V8 CPU profile sample ${i} lies outside the profile's time span (timeDeltas ${d < 0 ? 'negative' : 'too large'}: ${d})`);
    tickNode[i] = node;
    tickTime[i] = t;
  }
  if (!ordered) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => tickTime[a]! - tickTime[b]! || a - b);
    const nodes = Int32Array.from(order, (i) => tickNode[i]!);
    const times = Float64Array.from(order, (i) => tickTime[i]!);
    tickNode.set(nodes);
    tickTime.set(times);
  }
  out.tickNode = tickNode;
  out.tickTime = tickTime;
  out.hasTicks = true;
}
