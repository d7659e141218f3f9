/**
 * The top level of a V8 .cpuprofile read with JSON.parse, for a profile read once in a
 * cold process: `ciprof run` after a one-process suite reads one large profile, and its
 * byte scanner (cpuprofile-scan.ts), interpreted code until V8 compiles it, took 50-120 ms
 * for 666 kB where JSON.parse (native) and a walk over the objects take about 15. The
 * scanner stays the reader of many files (`ciprof merge`: compiled after the first few)
 * and the judge of every file this reader is not sure about.
 *
 * The result must be the scanner's, so anything where the two could differ returns
 * undefined and the caller scans: a backslash anywhere (the scanner interns strings by
 * their escaped bytes), a top-level key written twice (JSON.parse keeps the last, the
 * scanner refuses; at any depth: the file's keys are counted against the parsed objects'), a value at or past a limit, a number that is not an integer where one
 * is needed, two nodes of one script position with different names (the scanner's fast
 * path trusts the first). Nothing reaches the frame table before every check has passed.
 */
import { checkTop, MAX_INFO_BYTES, MAX_INT, type NodeColumns, type RawTop, type ScannedCpuProfile } from './cpuprofile-scan.js';
import { FNV_START } from './hash-tables.js';
import type { DecodeLimits } from './limits.js';
import type { Scratch } from './scratch.js';
import type { V8FrameTable } from './v8-frames.js';

const BACKSLASH = 0x5c;
/** The top-level keys the scanner reads (each at most once); others are skipped by both. */
const KNOWN = ['nodes', 'startTime', 'endTime', 'samples', 'timeDeltas', '$ciprof'];
/** Nesting allowed in a skipped value (V8's positionTicks: 2); deeper goes to the scanner's limits. */
const MAX_SKIPPED_DEPTH = 8;

type Json = Record<string, unknown>;

const orDefault = (v: unknown, absent: unknown): unknown => (v === undefined ? absent : v);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= MAX_INT;

/** The scanned profile, or undefined: scan the bytes instead (see above). */
export function parseCpuProfile(bytes: Uint8Array, frames: V8FrameTable, limits: DecodeLimits, scratch: Scratch): ScannedCpuProfile | undefined {
  const top = parseTop(bytes, frames, limits, scratch);
  return top && checkTop(top, limits, scratch);
}

function parseTop(bytes: Uint8Array, frames: V8FrameTable, limits: DecodeLimits, scratch: Scratch): RawTop | undefined {
  if (bytes.indexOf(BACKSLASH) >= 0) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const top: RawTop = {};
  const maxString = Math.floor(limits.maxStringBytes / 3);
  const keys = { n: 0 };
  let nodes: unknown[] | undefined;
  for (const key of Object.keys(parsed)) {
    keys.n++;
    const v = parsed[key];
    if (!KNOWN.includes(key)) {
      if (!withinLimits(v, 1, maxString, keys)) return undefined;
      continue;
    }
    // Written once in the file (JSON.parse would keep the last of two; the scanner refuses them).
    const at = keyPositions(text, key);
    if (at.length !== 1) return undefined;
    if (key === 'nodes') {
      if (!Array.isArray(v)) return undefined;
      nodes = v;
    } else if (key === 'startTime' || key === 'endTime') {
      if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
      top[key] = v;
    } else if (key === 'samples') {
      if (!Array.isArray(v) || v.length > limits.maxTicks) return undefined;
      const out = scratch.ints('samples');
      for (const x of v) {
        if (!isInt(x, 0)) return undefined;
        out.push(x);
      }
      top.samples = out;
    } else if (key === 'timeDeltas') {
      if (!Array.isArray(v) || v.length > limits.maxTicks) return undefined;
      const out = scratch.numbers('timeDeltas');
      for (const x of v) {
        if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
        out.push(x);
      }
      top.deltas = out;
    } else {
      // `$ciprof`: the scanner bounds its bytes; the rest of the file after its key bounds them here.
      if (text.length - at[0]! > MAX_INFO_BYTES || !withinLimits(v, 1, maxString, keys)) return undefined;
      top.info = v;
    }
  }
  if (nodes) {
    const cols = readNodes(nodes, frames, limits, scratch, maxString, keys);
    if (!cols) return undefined;
    top.nodes = cols;
  }
  // A key written twice in any object: JSON.parse kept one, the scanner reads both.
  return keys.n === keysInText(text) ? top : undefined;
}

/** The object keys written in the text: strings followed by a colon (no escapes in this text: a string ends at the next quote). */
function keysInText(text: string): number {
  let n = 0;
  for (let open = text.indexOf('"'); open >= 0; ) {
    const close = text.indexOf('"', open + 1);
    if (close < 0) return -1;
    let p = close + 1;
    while (isSpace(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) === 0x3a) n++;
    open = text.indexOf('"', p);
  }
  return n;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Where `"key"` stands as a key (followed by a colon) in the text, at any depth. */
function keyPositions(text: string, key: string): number[] {
  const quoted = `"${key}"`;
  const out: number[] = [];
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + quoted.length)) {
    let p = at + quoted.length;
    while (isSpace(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) === 0x3a) out.push(at);
  }
  return out;
}

/** A skipped value the scanner would also skip: not too deep, no long string; its keys counted. */
function withinLimits(v: unknown, depth: number, maxString: number, keys: { n: number }): boolean {
  if (typeof v === 'string') return v.length <= maxString;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'object' || v === null) return true;
  if (depth > MAX_SKIPPED_DEPTH) return false;
  if (Array.isArray(v)) return v.every((x) => withinLimits(x, depth + 1, maxString, keys));
  const names = Object.keys(v);
  keys.n += names.length;
  return names.every((k) => k.length <= maxString && withinLimits((v as Json)[k], depth + 1, maxString, keys));
}

/** One node's fields, checked; undefined when the scanner should judge the file. */
interface NodeFields {
  id: number;
  name: string;
  url: string;
  line: number;
  hits: number;
  parent: number;
  children: number[] | undefined;
}

const NODE_KEYS = new Set(['id', 'callFrame', 'hitCount', 'children', 'parent']);
const FRAME_KEYS = new Set(['functionName', 'url', 'lineNumber']);

function nodeFields(n: unknown, maxString: number, keys: { n: number }): NodeFields | undefined {
  if (!isObject(n) || !isInt(n.id, 0)) return undefined;
  const cf = n.callFrame;
  if (!isObject(cf)) return undefined;
  // Defaults only for an absent key: the scanner refuses a null where a string or number goes.
  const name = orDefault(cf.functionName, '');
  const url = orDefault(cf.url, '');
  const line = orDefault(cf.lineNumber, -1);
  if (typeof name !== 'string' || typeof url !== 'string' || name.length > maxString || url.length > maxString || !isInt(line, -1)) return undefined;
  const hits = orDefault(n.hitCount, 0);
  const parent = orDefault(n.parent, -1);
  if (!isInt(hits, 0) || (n.parent !== undefined && !isInt(n.parent, 0))) return undefined;
  const children = n.children;
  if (children !== undefined && (!Array.isArray(children) || !children.every((c) => isInt(c, 0)))) return undefined;
  const nodeKeys = Object.keys(n);
  const frameKeys = Object.keys(cf);
  keys.n += nodeKeys.length + frameKeys.length;
  for (const k of nodeKeys) if (!NODE_KEYS.has(k) && !withinLimits(n[k], 2, maxString, keys)) return undefined;
  for (const k of frameKeys) if (!FRAME_KEYS.has(k) && !withinLimits(cf[k], 3, maxString, keys)) return undefined;
  return { id: n.id, name, url, line: line as number, hits: hits as number, parent: parent as number, children: children as number[] | undefined };
}

/**
 * The scanner's fast path names a node's frame by its (script, line, column) and a
 * script's URL by its id, trusting the first node it saw: a file where a later node
 * disagrees is left to it.
 */
function consistent(n: unknown, f: NodeFields, urlOfScript: Map<string, string>, frameOfPosition: Map<string, string>): boolean {
  const cf = (n as Json).callFrame as Json;
  const script = cf.scriptId;
  if (typeof script !== 'string' && typeof script !== 'number') return true;
  const id = String(script);
  if (id === '0') return true;
  const url = urlOfScript.get(id);
  if (url === undefined) urlOfScript.set(id, f.url);
  else if (url !== f.url) return false;
  const position = `${id}:${String(cf.lineNumber)}:${String(cf.columnNumber)}`;
  const named = `${f.line}\u0000${f.name}`;
  const seen = frameOfPosition.get(position);
  if (seen === undefined) frameOfPosition.set(position, named);
  return seen === undefined || seen === named;
}

function readNodes(nodes: unknown[], frames: V8FrameTable, limits: DecodeLimits, scratch: Scratch, maxString: number, keys: { n: number }): NodeColumns | undefined {
  if (nodes.length > limits.maxNodes) return undefined;
  // Every check first: nothing reaches the shared frame table from a file the scanner must judge.
  const fields: NodeFields[] = [];
  const urlOfScript = new Map<string, string>();
  const frameOfPosition = new Map<string, string>();
  const distinct = new Set<string>();
  let childLinks = 0;
  for (const n of nodes) {
    const f = nodeFields(n, maxString, keys);
    if (!f || !consistent(n, f, urlOfScript, frameOfPosition)) return undefined;
    childLinks += f.children?.length ?? 0;
    distinct.add(`${f.url}\u0000${f.name}\u0000${f.line}`);
    fields.push(f);
  }
  // The scanner counts functions new to the table; more than the limit in the file may still pass it.
  if (childLinks > limits.maxNodes || distinct.size > limits.maxFunctions) return undefined;

  const cols: NodeColumns = {
    ids: scratch.ints('ids'),
    frames: scratch.ints('frames'),
    hits: scratch.ints('hits'),
    parentIds: scratch.ints('parentIds'),
    childStart: scratch.ints('childStart'),
    children: scratch.ints('children'),
  };
  if (fields.length === 0) return cols;
  const interner = new StringInterner(frames);
  for (const f of fields) {
    cols.childStart.push(cols.children.length);
    if (f.children) for (const c of f.children) cols.children.push(c);
    cols.ids.push(f.id);
    cols.frames.push(frames.frame(interner.url(f.url), interner.name(f.name), f.line));
    cols.hits.push(f.hits);
    cols.parentIds.push(f.parent);
  }
  cols.childStart.push(cols.children.length);
  return cols;
}

/** Strings into the frame table as the scanner gives them: their UTF-8 bytes (no escapes in this file) and FNV-1a hash. */
class StringInterner {
  private readonly urls = new Map<string, number>();
  private readonly names = new Map<string, number>();
  private buf = new Uint8Array(1024);
  private readonly encoder = new TextEncoder();

  constructor(private readonly frames: V8FrameTable) {}

  url(s: string): number {
    let id = this.urls.get(s);
    if (id === undefined) {
      const [end, hash] = this.encode(s);
      id = this.frames.url(this.buf, 0, end, hash, false);
      this.urls.set(s, id);
    }
    return id;
  }

  name(s: string): number {
    let id = this.names.get(s);
    if (id === undefined) {
      const [end, hash] = this.encode(s);
      id = this.frames.name(this.buf, 0, end, hash, false);
      this.names.set(s, id);
    }
    return id;
  }

  private encode(s: string): [number, number] {
    if (this.buf.length < s.length * 3) this.buf = new Uint8Array(s.length * 3);
    const end = this.encoder.encodeInto(s, this.buf).written;
    let h = FNV_START;
    for (let i = 0; i < end; i++) h = Math.imul(h ^ this.buf[i]!, 0x01000193);
    return [end, h];
  }
}
