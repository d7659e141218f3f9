/**
 * A forward-only reader over JSON bytes, for decoders that know the shape they expect
 * (V8's .cpuprofile) and want numbers and string spans without building the object tree
 * JSON.parse would. Every problem throws a plain Error whose message says what and where;
 * nothing here recurses deeper than the caller's depth limit.
 */

import { FNV_START } from './hash-tables.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class JsonBytes {
  pos = 0;
  /** Set by string() (and skipString(), span only): the span inside the quotes, its FNV-1a hash, whether it has escapes. */
  strStart = 0;
  strEnd = 0;
  strHash = 0;
  strEscaped = false;

  readonly buf: Uint8Array;
  /** The same bytes, for reading four at a time. */
  readonly view: DataView;

  constructor(
    bytes: Uint8Array,
    private readonly maxStringBytes: number,
    private readonly maxDepth: number,
  ) {
    // A plain Uint8Array view, also of a Buffer: one element kind at every access, and
    // TypedArray.prototype.indexOf (a builtin) instead of Buffer's through C++.
    this.buf = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(problem: string): never {
    throw new Error(`invalid JSON at byte ${this.pos}: ${problem}`);
  }

  /** Skips whitespace and returns the next byte (-1 at the end). */
  peek(): number {
    const buf = this.buf;
    let p = this.pos;
    while (p < buf.length) {
      const c = buf[p]!;
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      p++;
    }
    this.pos = p;
    return p < buf.length ? buf[p]! : -1;
  }

  expect(ch: number): void {
    if (this.peek() !== ch) this.fail(`expected '${String.fromCharCode(ch)}'`);
    this.pos++;
  }

  /** After a value inside a container: true if a ',' followed, false at the closing `close`. */
  more(close: number): boolean {
    const c = this.peek();
    if (c === 0x2c) {
      this.pos++;
      return true;
    }
    if (c === close) {
      this.pos++;
      return false;
    }
    return this.fail(`expected ',' or '${String.fromCharCode(close)}'`);
  }

  /** Opens a container; true when it is empty (and already closed). */
  open(openCh: number, close: number): boolean {
    this.expect(openCh);
    if (this.peek() === close) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Reads a string, leaving its span and hash in str*; no JS string is made. */
  string(): void {
    if (this.peek() !== QUOTE) this.fail('expected a string');
    const buf = this.buf;
    const start = ++this.pos;
    let h = FNV_START;
    let escaped = false;
    let p = start;
    for (;;) {
      if (p >= buf.length) this.fail('unterminated string');
      const c = buf[p]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        h = Math.imul(h ^ c, 0x01000193);
        p++;
        if (!validEscape(buf, p)) {
          this.pos = p;
          this.fail('bad escape in a string');
        }
      } else if (c < 0x20) {
        this.pos = p;
        this.fail('control character in a string');
      }
      h = Math.imul(h ^ buf[p]!, 0x01000193);
      p++;
    }
    if (p - start > this.maxStringBytes) {
      this.pos = start;
      this.fail(`string of ${p - start} bytes (limit ${this.maxStringBytes})`);
    }
    this.strStart = start;
    this.strEnd = p;
    this.strHash = h;
    this.strEscaped = escaped;
    this.pos = p + 1;
  }

  /**
   * Finds the end of a string without hashing or checking its escapes, leaving its span in
   * strStart/strEnd: for keys and for values that are skipped or already known.
   */
  skipString(): void {
    if (this.peek() !== QUOTE) this.fail('expected a string');
    const buf = this.buf;
    const start = this.pos + 1;
    let q = start;
    for (;;) {
      q = buf.indexOf(QUOTE, q);
      if (q < 0) this.fail('unterminated string');
      let backslashes = 0;
      while (buf[q - 1 - backslashes] === BACKSLASH && q - 1 - backslashes >= start) backslashes++;
      if (backslashes % 2 === 0) break;
      q++;
    }
    if (q - start > this.maxStringBytes) this.fail(`string of ${q - start} bytes (limit ${this.maxStringBytes})`);
    this.strStart = start;
    this.strEnd = q;
    this.pos = q + 1;
  }

  /** Reads `"key":`; the key's span is in strStart/strEnd. */
  key(): void {
    this.skipString();
    this.expect(0x3a);
  }

  /** True (and past them) when the next bytes are exactly `ascii`: V8's fixed layout, checked without parsing. */
  lit(ascii: Uint8Array): boolean {
    const buf = this.buf;
    const p = this.pos;
    if (p + ascii.length > buf.length) return false;
    for (let i = 0; i < ascii.length; i++) if (buf[p + i] !== ascii[i]) return false;
    this.pos = p + ascii.length;
    return true;
  }

  /** True when the last string() span holds exactly these ASCII bytes. */
  is(ascii: Uint8Array): boolean {
    if (this.strEnd - this.strStart !== ascii.length) return false;
    const buf = this.buf;
    for (let i = 0, p = this.strStart; i < ascii.length; i++, p++) if (buf[p] !== ascii[i]) return false;
    return true;
  }

  /** A JSON number; throws on anything else (strings, null, NaN, Infinity, overflow). */
  number(): number {
    const buf = this.buf;
    let p = this.pos;
    if (p < buf.length && (buf[p] === 0x20 || buf[p] === 0x0a || buf[p] === 0x0d || buf[p] === 0x09)) {
      this.peek();
      p = this.pos;
    }
    const start = p;
    let neg = false;
    if (buf[p] === 0x2d) {
      neg = true;
      p++;
    }
    const digitsAt = p;
    let v = 0;
    while (p < buf.length) {
      const c = buf[p]! - 0x30;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
      p++;
    }
    const digits = p - digitsAt;
    if (digits === 0) this.fail('expected a number');
    if (digits > 1 && buf[digitsAt] === 0x30) this.fail('number with a leading zero');
    const c = buf[p];
    if (c === 0x2e || c === 0x65 || c === 0x45 || digits > 15) {
      while (p < buf.length && /[0-9eE.+-]/.test(String.fromCharCode(buf[p]!))) p++;
      const text = String.fromCharCode(...buf.subarray(start, Math.min(p, start + 64)));
      const n = p - start <= 64 && /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) this.fail(`not a finite number (${text.slice(0, 24)})`);
      this.pos = p;
      return n;
    }
    this.pos = p;
    return neg ? -v : v;
  }

  /** Plain decimal digits (at most 9) ending before a non-digit, or -1 without moving: a quick look, not a check. */
  digits(): number {
    const buf = this.buf;
    let p = this.pos;
    let v = 0;
    while (p < buf.length && p - this.pos < 9 && buf[p]! >= 0x30 && buf[p]! <= 0x39) v = v * 10 + buf[p++]! - 0x30;
    if (p === this.pos || (p < buf.length && buf[p]! >= 0x30 && buf[p]! <= 0x39)) return -1;
    this.pos = p;
    return v;
  }

  /** A number that must be an integer in [min, max]. */
  int(min: number, max: number, what: string): number {
    const at = this.pos;
    const n = this.number();
    if (!Number.isInteger(n) || n < min || n > max) {
      this.pos = at;
      this.fail(`${what} must be an integer in [${min}, ${max}], got ${n}`);
    }
    return n;
  }

  /** Skips one value of any kind, at most maxDepth containers deep. */
  skip(depth = 0): void {
    const c = this.peek();
    if (c === QUOTE) return this.skipString();
    if (c === 0x7b || c === 0x5b) {
      if (depth >= this.maxDepth) this.fail(`nested deeper than ${this.maxDepth}`);
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (this.open(c, close)) return;
      do {
        if (c === 0x7b) this.key();
        this.skip(depth + 1);
      } while (this.more(close));
      return;
    }
    if (c === 0x74 && this.literal('true')) return;
    if (c === 0x66 && this.literal('false')) return;
    if (c === 0x6e && this.literal('null')) return;
    this.number();
  }

  private literal(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.buf[this.pos + i] !== word.charCodeAt(i)) return this.fail(`unexpected token`);
    this.pos += word.length;
    return true;
  }
}

/** After a backslash: one of \" \\ \/ \b \f \n \r \t, or \u and four hex digits. */
function validEscape(buf: Uint8Array, p: number): boolean {
  const c = buf[p];
  if (c === 0x22 || c === 0x5c || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) return true;
  if (c !== 0x75 || p + 4 >= buf.length) return false;
  for (let i = 1; i <= 4; i++) {
    const h = buf[p + i]!;
    if (!((h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66))) return false;
  }
  return true;
}

const utf8 = new TextDecoder('utf-8');

/** The text of UTF-8 bytes [start, end), with one decoder for every call (making one per file cost more than the decoding). */
export const decodeUtf8 = (buf: Uint8Array, start: number, end: number): string => utf8.decode(buf.subarray(start, end));

/** The text of a JSON string's inner bytes (escapes decoded). */
export function decodeJsonString(buf: Uint8Array, start: number, end: number, escaped: boolean): string {
  if (!escaped) return utf8.decode(buf.subarray(start, end));
  // Escapes were checked by string(), so this parse cannot fail.
  return JSON.parse(`"${utf8.decode(buf.subarray(start, end))}"`) as string;
}

export const ascii = (s: string): Uint8Array => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
