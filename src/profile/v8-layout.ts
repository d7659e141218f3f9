/**
 * The fast path of the .cpuprofile scanner: V8 serializes every node with the same bytes
 * around its values,
 *   {"id":N,"callFrame":{"functionName":"…","scriptId":"N","url":"…","lineNumber":N,
 *   "columnNumber":N},"hitCount":N,"children":[N,…]
 * so those are matched literally, with positions in locals and no call per token. Any
 * difference (another writer, whitespace, an unusual number) returns -1 and the caller
 * reads the node with the general JSON path, which also produces the error messages.
 */
import type { IntColumn, NumberColumn } from './columns.js';
import type { TripleTable } from './hash-tables.js';
import { ascii } from './json-bytes.js';

/** A literal as little-endian 32-bit words (compared four bytes at a time) and its last bytes. */
interface Literal {
  words: Uint32Array;
  tail: Uint8Array;
  length: number;
}

function lit(text: string): Literal {
  const bytes = ascii(text);
  const whole = bytes.length & ~3;
  const view = new DataView(bytes.buffer);
  const words = new Uint32Array(whole / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return { words, tail: bytes.subarray(whole), length: bytes.length };
}

const L_ID = lit('{"id":');
const L_CALL_FRAME = lit(',"callFrame":{"functionName":"');
const L_SCRIPT = lit('","scriptId":"');
const L_URL = lit('","url":"');
const L_LINE = lit('","lineNumber":');
const L_COLUMN = lit(',"columnNumber":');
const L_HIT_COUNT = lit('},"hitCount":');
const L_CHILDREN = lit(',"children":[');

/** What the fast path read: spans are inside the quotes. */
export interface V8NodeFields {
  id: number;
  script: number;
  line: number;
  column: number;
  hits: number;
  nameStart: number;
  nameEnd: number;
  urlStart: number;
  urlEnd: number;
}

/** Set by the number readers below (one module-level slot: no allocation per number). */
let value = 0;

function literal(buf: Uint8Array, dv: DataView, p: number, l: Literal): number {
  if (p + l.length > buf.length) return -1;
  const { words, tail } = l;
  for (let i = 0; i < words.length; i++, p += 4) if (dv.getUint32(p, true) !== words[i]) return -1;
  for (let i = 0; i < tail.length; i++, p++) if (buf[p] !== tail[i]) return -1;
  return p;
}

/** 1-9 plain digits, no leading zero, not followed by a fraction or exponent; -1 otherwise. */
function uint(buf: Uint8Array, p: number): number {
  const start = p;
  let v = 0;
  let c = buf[p];
  while (c !== undefined && c >= 0x30 && c <= 0x39) {
    v = v * 10 + c - 0x30;
    c = buf[++p];
  }
  const digits = p - start;
  if (digits === 0 || digits > 9 || (digits > 1 && buf[start] === 0x30) || c === 0x2e || c === 0x65 || c === 0x45) return -1;
  value = v;
  return p;
}

/** As uint(), also -1 as a value (V8's "no line"). */
function lineNumber(buf: Uint8Array, p: number): number {
  if (buf[p] !== 0x2d) return uint(buf, p);
  if (buf[p + 1] !== 0x31 || (buf[p + 2]! >= 0x30 && buf[p + 2]! <= 0x39)) return -1;
  value = -1;
  return p + 2;
}

/**
 * Index of the closing quote of a string whose first byte is at p; -1 at a control
 * character or the end. Four bytes at a time while none of them is '"', '\\' or a control
 * character (the zero-byte test of "Bit Twiddling Hacks", exact for "is there any").
 */
function stringEnd(buf: Uint8Array, dv: DataView, p: number): number {
  const last = buf.length - 4;
  while (p <= last) {
    const x = dv.getUint32(p, true);
    const quote = x ^ 0x22222222;
    const backslash = x ^ 0x5c5c5c5c;
    if ((((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash) | ((x - 0x20202020) & ~x)) & 0x80808080) break;
    p += 4;
  }
  for (;;) {
    const c = buf[p];
    if (c === undefined || c < 0x20) return -1;
    if (c === 0x22) return p;
    p += c === 0x5c ? 2 : 1;
  }
}

/**
 * Reads one node from `p` (its '{') through hitCount and children, into `out` and
 * `children`. Returns the position after them (at ',' or '}'), or -1 for "not V8's layout".
 */
export function readV8Node(buf: Uint8Array, dv: DataView, p: number, out: V8NodeFields, children: IntColumn, maxChildren: number, urlLengths: TripleTable): number {
  if ((p = literal(buf, dv, p, L_ID)) < 0 || (p = uint(buf, p)) < 0) return -1;
  out.id = value;
  if ((p = literal(buf, dv, p, L_CALL_FRAME)) < 0) return -1;
  out.nameStart = p;
  if ((p = stringEnd(buf, dv, p)) < 0) return -1;
  out.nameEnd = p;
  if ((p = literal(buf, dv, p, L_SCRIPT)) < 0 || (p = uint(buf, p)) < 0) return -1;
  out.script = value;
  if ((p = literal(buf, dv, p, L_URL)) < 0) return -1;
  out.urlStart = p;
  // A script's URL is the same in every node of a file: after the first, its known length
  // is checked by the literal that must follow it instead of scanning it again.
  const known = urlLengths.get(out.script, 0, 0);
  if (known >= 0 && buf[p + known] === 0x22 && buf[p + known - 1] !== 0x5c && literal(buf, dv, p + known, L_LINE) >= 0) p += known;
  else if ((p = stringEnd(buf, dv, p)) < 0) return -1;
  else if (known < 0) urlLengths.add(out.script, 0, 0, p - out.urlStart);
  out.urlEnd = p;
  if ((p = literal(buf, dv, p, L_LINE)) < 0 || (p = lineNumber(buf, p)) < 0) return -1;
  out.line = value;
  if ((p = literal(buf, dv, p, L_COLUMN)) < 0 || (p = lineNumber(buf, p)) < 0) return -1;
  out.column = value;
  if ((p = literal(buf, dv, p, L_HIT_COUNT)) < 0 || (p = uint(buf, p)) < 0) return -1;
  out.hits = value;
  if (buf[p] !== 0x2c || buf[p + 2] !== 0x63 /* c */) return p;
  if ((p = literal(buf, dv, p, L_CHILDREN)) < 0) return -1;
  if (buf[p] === 0x5d) return p + 1;
  for (;;) {
    if ((p = uint(buf, p)) < 0 || children.length >= maxChildren) return -1;
    children.push(value);
    const c = buf[p++];
    if (c === 0x5d) return p;
    if (c !== 0x2c) return -1;
  }
}

/**
 * Reads a JSON array of plain integers (V8's samples and timeDeltas) from its '[' into
 * `into`, returning the position after ']', or -1 for anything else (then the caller
 * reads it with the general path). `signed` allows a leading '-'.
 */
export function readIntArray(buf: Uint8Array, p: number, signed: boolean, max: number, into: IntColumn | NumberColumn): number {
  if (buf[p++] !== 0x5b) return -1;
  if (buf[p] === 0x5d) return p + 1;
  let n = 0;
  for (;;) {
    const neg = signed && buf[p] === 0x2d;
    if ((p = uint(buf, neg ? p + 1 : p)) < 0 || ++n > max) return -1;
    into.push(neg ? -value : value);
    const c = buf[p++];
    if (c === 0x5d) return p;
    if (c !== 0x2c) return -1;
  }
}
