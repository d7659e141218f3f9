import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  decodePprof
} from "./chunk-AOSAKR6D.js";
import {
  DEFAULT_LIMITS
} from "./chunk-JSXNLBLO.js";
import {
  normalizeScriptPath
} from "./chunk-BCCUQZ3E.js";
import {
  ByteInterner,
  CIPROF_FRAME,
  CPU_NANOS,
  FNV_START,
  IntColumn,
  NumberColumn,
  ProfileBuilder,
  SAMPLES_COUNT,
  TripleTable
} from "./chunk-VYVC6F5W.js";

// src/profile/json-bytes.ts
var QUOTE = 34;
var BACKSLASH = 92;
var JsonBytes = class {
  constructor(bytes, maxStringBytes, maxDepth) {
    this.maxStringBytes = maxStringBytes;
    this.maxDepth = maxDepth;
    this.buf = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  maxStringBytes;
  maxDepth;
  pos = 0;
  /** Set by string() (and skipString(), span only): the span inside the quotes, its FNV-1a hash, whether it has escapes. */
  strStart = 0;
  strEnd = 0;
  strHash = 0;
  strEscaped = false;
  buf;
  /** The same bytes, for reading four at a time. */
  view;
  fail(problem) {
    throw new Error(`invalid JSON at byte ${this.pos}: ${problem}`);
  }
  /** Skips whitespace and returns the next byte (-1 at the end). */
  peek() {
    const buf = this.buf;
    let p = this.pos;
    while (p < buf.length) {
      const c = buf[p];
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      p++;
    }
    this.pos = p;
    return p < buf.length ? buf[p] : -1;
  }
  expect(ch) {
    if (this.peek() !== ch) this.fail(`expected '${String.fromCharCode(ch)}'`);
    this.pos++;
  }
  /** After a value inside a container: true if a ',' followed, false at the closing `close`. */
  more(close) {
    const c = this.peek();
    if (c === 44) {
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
  open(openCh, close) {
    this.expect(openCh);
    if (this.peek() === close) {
      this.pos++;
      return true;
    }
    return false;
  }
  /** Reads a string, leaving its span and hash in str*; no JS string is made. */
  string() {
    if (this.peek() !== QUOTE) this.fail("expected a string");
    const buf = this.buf;
    const start = ++this.pos;
    let h = FNV_START;
    let escaped = false;
    let p = start;
    for (; ; ) {
      if (p >= buf.length) this.fail("unterminated string");
      const c = buf[p];
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        h = Math.imul(h ^ c, 16777619);
        p++;
        if (!validEscape(buf, p)) {
          this.pos = p;
          this.fail("bad escape in a string");
        }
      } else if (c < 32) {
        this.pos = p;
        this.fail("control character in a string");
      }
      h = Math.imul(h ^ buf[p], 16777619);
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
  skipString() {
    if (this.peek() !== QUOTE) this.fail("expected a string");
    const buf = this.buf;
    const start = this.pos + 1;
    let q = start;
    for (; ; ) {
      q = buf.indexOf(QUOTE, q);
      if (q < 0) this.fail("unterminated string");
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
  key() {
    this.skipString();
    this.expect(58);
  }
  /** True (and past them) when the next bytes are exactly `ascii`: V8's fixed layout, checked without parsing. */
  lit(ascii2) {
    const buf = this.buf;
    const p = this.pos;
    if (p + ascii2.length > buf.length) return false;
    for (let i = 0; i < ascii2.length; i++) if (buf[p + i] !== ascii2[i]) return false;
    this.pos = p + ascii2.length;
    return true;
  }
  /** True when the last string() span holds exactly these ASCII bytes. */
  is(ascii2) {
    if (this.strEnd - this.strStart !== ascii2.length) return false;
    const buf = this.buf;
    for (let i = 0, p = this.strStart; i < ascii2.length; i++, p++) if (buf[p] !== ascii2[i]) return false;
    return true;
  }
  /** A JSON number; throws on anything else (strings, null, NaN, Infinity, overflow). */
  number() {
    const buf = this.buf;
    let p = this.pos;
    if (p < buf.length && (buf[p] === 32 || buf[p] === 10 || buf[p] === 13 || buf[p] === 9)) {
      this.peek();
      p = this.pos;
    }
    const start = p;
    let neg = false;
    if (buf[p] === 45) {
      neg = true;
      p++;
    }
    const digitsAt = p;
    let v = 0;
    while (p < buf.length) {
      const c2 = buf[p] - 48;
      if (c2 < 0 || c2 > 9) break;
      v = v * 10 + c2;
      p++;
    }
    const digits = p - digitsAt;
    if (digits === 0) this.fail("expected a number");
    if (digits > 1 && buf[digitsAt] === 48) this.fail("number with a leading zero");
    const c = buf[p];
    if (c === 46 || c === 101 || c === 69 || digits > 15) {
      while (p < buf.length && /[0-9eE.+-]/.test(String.fromCharCode(buf[p]))) p++;
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
  digits() {
    const buf = this.buf;
    let p = this.pos;
    let v = 0;
    while (p < buf.length && p - this.pos < 9 && buf[p] >= 48 && buf[p] <= 57) v = v * 10 + buf[p++] - 48;
    if (p === this.pos || p < buf.length && buf[p] >= 48 && buf[p] <= 57) return -1;
    this.pos = p;
    return v;
  }
  /** A number that must be an integer in [min, max]. */
  int(min, max, what) {
    const at = this.pos;
    const n = this.number();
    if (!Number.isInteger(n) || n < min || n > max) {
      this.pos = at;
      this.fail(`${what} must be an integer in [${min}, ${max}], got ${n}`);
    }
    return n;
  }
  /** Skips one value of any kind, at most maxDepth containers deep. */
  skip(depth = 0) {
    const c = this.peek();
    if (c === QUOTE) return this.skipString();
    if (c === 123 || c === 91) {
      if (depth >= this.maxDepth) this.fail(`nested deeper than ${this.maxDepth}`);
      const close = c === 123 ? 125 : 93;
      if (this.open(c, close)) return;
      do {
        if (c === 123) this.key();
        this.skip(depth + 1);
      } while (this.more(close));
      return;
    }
    if (c === 116 && this.literal("true")) return;
    if (c === 102 && this.literal("false")) return;
    if (c === 110 && this.literal("null")) return;
    this.number();
  }
  literal(word) {
    for (let i = 0; i < word.length; i++) if (this.buf[this.pos + i] !== word.charCodeAt(i)) return this.fail(`unexpected token`);
    this.pos += word.length;
    return true;
  }
};
function validEscape(buf, p) {
  const c = buf[p];
  if (c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116) return true;
  if (c !== 117 || p + 4 >= buf.length) return false;
  for (let i = 1; i <= 4; i++) {
    const h = buf[p + i];
    if (!(h >= 48 && h <= 57 || h >= 65 && h <= 70 || h >= 97 && h <= 102)) return false;
  }
  return true;
}
var utf8 = new TextDecoder("utf-8");
var decodeUtf8 = (buf, start, end) => utf8.decode(buf.subarray(start, end));
function decodeJsonString(buf, start, end, escaped) {
  if (!escaped) return utf8.decode(buf.subarray(start, end));
  return JSON.parse(`"${utf8.decode(buf.subarray(start, end))}"`);
}
var ascii = (s) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

// src/profile/v8-layout.ts
function lit(text) {
  const bytes = ascii(text);
  const whole = bytes.length & ~3;
  const view = new DataView(bytes.buffer);
  const words = new Uint32Array(whole / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return { words, tail: bytes.subarray(whole), length: bytes.length };
}
var L_ID = lit('{"id":');
var L_CALL_FRAME = lit(',"callFrame":{"functionName":"');
var L_SCRIPT = lit('","scriptId":"');
var L_URL = lit('","url":"');
var L_LINE = lit('","lineNumber":');
var L_COLUMN = lit(',"columnNumber":');
var L_HIT_COUNT = lit('},"hitCount":');
var L_CHILDREN = lit(',"children":[');
var value = 0;
function literal(buf, dv, p, l) {
  if (p + l.length > buf.length) return -1;
  const { words, tail } = l;
  for (let i = 0; i < words.length; i++, p += 4) if (dv.getUint32(p, true) !== words[i]) return -1;
  for (let i = 0; i < tail.length; i++, p++) if (buf[p] !== tail[i]) return -1;
  return p;
}
function uint(buf, p) {
  const start = p;
  let v = 0;
  let c = buf[p];
  while (c !== void 0 && c >= 48 && c <= 57) {
    v = v * 10 + c - 48;
    c = buf[++p];
  }
  const digits = p - start;
  if (digits === 0 || digits > 9 || digits > 1 && buf[start] === 48 || c === 46 || c === 101 || c === 69) return -1;
  value = v;
  return p;
}
function lineNumber(buf, p) {
  if (buf[p] !== 45) return uint(buf, p);
  if (buf[p + 1] !== 49 || buf[p + 2] >= 48 && buf[p + 2] <= 57) return -1;
  value = -1;
  return p + 2;
}
function stringEnd(buf, dv, p) {
  const last = buf.length - 4;
  while (p <= last) {
    const x = dv.getUint32(p, true);
    const quote = x ^ 572662306;
    const backslash = x ^ 1549556828;
    if ((quote - 16843009 & ~quote | backslash - 16843009 & ~backslash | x - 538976288 & ~x) & 2155905152) break;
    p += 4;
  }
  for (; ; ) {
    const c = buf[p];
    if (c === void 0 || c < 32) return -1;
    if (c === 34) return p;
    p += c === 92 ? 2 : 1;
  }
}
function readV8Node(buf, dv, p, out, children, maxChildren, urlLengths) {
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
  const known = urlLengths.get(out.script, 0, 0);
  if (known >= 0 && buf[p + known] === 34 && buf[p + known - 1] !== 92 && literal(buf, dv, p + known, L_LINE) >= 0) p += known;
  else if ((p = stringEnd(buf, dv, p)) < 0) return -1;
  else if (known < 0) urlLengths.add(out.script, 0, 0, p - out.urlStart);
  out.urlEnd = p;
  if ((p = literal(buf, dv, p, L_LINE)) < 0 || (p = lineNumber(buf, p)) < 0) return -1;
  out.line = value;
  if ((p = literal(buf, dv, p, L_COLUMN)) < 0 || (p = lineNumber(buf, p)) < 0) return -1;
  out.column = value;
  if ((p = literal(buf, dv, p, L_HIT_COUNT)) < 0 || (p = uint(buf, p)) < 0) return -1;
  out.hits = value;
  if (buf[p] !== 44 || buf[p + 2] !== 99) return p;
  if ((p = literal(buf, dv, p, L_CHILDREN)) < 0) return -1;
  if (buf[p] === 93) return p + 1;
  for (; ; ) {
    if ((p = uint(buf, p)) < 0 || children.length >= maxChildren) return -1;
    children.push(value);
    const c = buf[p++];
    if (c === 93) return p;
    if (c !== 44) return -1;
  }
}
function readIntArray(buf, p, signed, max, into) {
  if (buf[p++] !== 91) return -1;
  if (buf[p] === 93) return p + 1;
  let n = 0;
  for (; ; ) {
    const neg = signed && buf[p] === 45;
    if ((p = uint(buf, neg ? p + 1 : p)) < 0 || ++n > max) return -1;
    into.push(neg ? -value : value);
    const c = buf[p++];
    if (c === 93) return p;
    if (c !== 44) return -1;
  }
}

// src/profile/cpuprofile-scan.ts
var SPAN_SLACK_US = 1e6;
var MAX_INT = 2 ** 31 - 1;
var MAX_INFO_BYTES = 64 * 1024;
var K = {
  nodes: ascii("nodes"),
  startTime: ascii("startTime"),
  endTime: ascii("endTime"),
  samples: ascii("samples"),
  timeDeltas: ascii("timeDeltas"),
  ciprof: ascii("$ciprof"),
  id: ascii("id"),
  callFrame: ascii("callFrame"),
  hitCount: ascii("hitCount"),
  children: ascii("children"),
  parent: ascii("parent"),
  functionName: ascii("functionName"),
  url: ascii("url"),
  lineNumber: ascii("lineNumber")
};
function scanCpuProfile(bytes, frames, limits, scratch) {
  const j = new JsonBytes(bytes, limits.maxStringBytes, limits.maxJsonDepth);
  const top = readTop(j, { frames, limits, scratch });
  const nodes = top.nodes;
  if (!nodes) throw new Error('not a V8 CPU profile (no "nodes" array)');
  if (nodes.ids.length === 0) throw new Error("V8 CPU profile has no nodes");
  if (top.startTime === void 0 || top.endTime === void 0) throw new Error("V8 CPU profile has no startTime/endTime");
  if (top.endTime < top.startTime) throw new Error(`V8 CPU profile ends (${top.endTime}) before it starts (${top.startTime})`);
  if (top.endTime - top.startTime > limits.maxSpanUs) throw new Error(`V8 CPU profile spans ${Math.round((top.endTime - top.startTime) / 1e6)} s (limit ${limits.maxSpanUs / 1e6} s)`);
  const { indexOfId, parentOf } = linkNodes(nodes, limits, scratch);
  const scanned = {
    nodeCount: nodes.ids.length,
    frameOf: nodes.frames.view(),
    parentOf,
    hitCount: nodes.hits.view(),
    tickNode: NO_TICKS,
    tickTime: NO_TIMES,
    hasTicks: false,
    startUs: top.startTime,
    endUs: top.endTime,
    info: top.info
  };
  if (top.samples) {
    if (top.deltas?.length !== top.samples.length) throw new Error(`V8 CPU profile has ${top.samples.length} samples but ${top.deltas?.length ?? 0} timeDeltas`);
    timeTicks(scanned, top.samples.view(), top.deltas.view(), indexOfId);
  }
  return scanned;
}
var NO_TICKS = new Int32Array(0);
var NO_TIMES = new Float64Array(0);
function readTop(j, ctx) {
  const { limits, scratch } = ctx;
  const top = {};
  if (j.peek() !== 123) throw new Error("not a V8 CPU profile (not a JSON object)");
  const seen = /* @__PURE__ */ new Set();
  const once = (name) => {
    if (seen.has(name)) j.fail(`duplicate "${name}"`);
    seen.add(name);
  };
  if (!j.open(123, 125)) {
    do {
      j.key();
      if (j.is(K.nodes)) {
        once("nodes");
        top.nodes = readNodes(j, ctx);
      } else if (j.is(K.startTime)) {
        once("startTime");
        top.startTime = j.number();
      } else if (j.is(K.endTime)) {
        once("endTime");
        top.endTime = j.number();
      } else if (j.is(K.samples)) {
        once("samples");
        top.samples = readNumbers(j, scratch.ints("samples"), limits.maxTicks, "samples", true);
      } else if (j.is(K.timeDeltas)) {
        once("timeDeltas");
        top.deltas = readNumbers(j, scratch.numbers("timeDeltas"), limits.maxTicks, "timeDeltas", false);
      } else if (j.is(K.ciprof)) {
        once("$ciprof");
        top.info = readSmallValue(j);
      } else j.skip(1);
    } while (j.more(125));
  }
  if (j.peek() !== -1) j.fail("bytes after the end of the profile");
  return top;
}
function readNodes(j, ctx) {
  const { frames, limits, scratch } = ctx;
  const cols = {
    ids: scratch.ints("ids"),
    frames: scratch.ints("frames"),
    hits: scratch.ints("hits"),
    parentIds: scratch.ints("parentIds"),
    childStart: scratch.ints("childStart"),
    children: scratch.ints("children")
  };
  if (j.open(91, 93)) return cols;
  const seen = { frames: scratch.table("seenFrames"), urls: scratch.table("seenUrls"), urlLengths: scratch.table("urlLengths") };
  const framesBefore = frames.size;
  do {
    if (cols.ids.length >= limits.maxNodes) j.fail(`more than ${limits.maxNodes} nodes`);
    readNode(j, frames, cols, limits, seen);
    if (frames.size - framesBefore > limits.maxFunctions) j.fail(`more than ${limits.maxFunctions} distinct functions`);
  } while (j.more(93));
  cols.childStart.push(cols.children.length);
  return cols;
}
function readNode(j, frames, cols, limits, seen) {
  let id = -1;
  let frame = -1;
  let hits = 0;
  let parent = -1;
  cols.childStart.push(cols.children.length);
  const childMark = cols.children.length;
  j.peek();
  const fastEnd = readV8Node(j.buf, j.view, j.pos, fast, cols.children, limits.maxNodes, seen.urlLengths);
  let more;
  if (fastEnd >= 0) {
    id = fast.id;
    hits = fast.hits;
    frame = fastFrame(j, frames, seen);
    j.pos = fastEnd;
    more = j.more(125);
  } else {
    cols.children.length = childMark;
    more = !j.open(123, 125);
  }
  while (more) {
    j.key();
    if (j.is(K.id)) id = j.int(0, MAX_INT, "node id");
    else if (j.is(K.callFrame)) frame = readCallFrame(j, frames);
    else if (j.is(K.hitCount)) hits = j.int(0, MAX_INT, "hitCount");
    else if (j.is(K.parent)) parent = j.int(0, MAX_INT, "parent");
    else if (j.is(K.children)) {
      if (!j.open(91, 93)) {
        do {
          if (cols.children.length >= limits.maxNodes) j.fail(`more than ${limits.maxNodes} child links`);
          cols.children.push(j.int(0, MAX_INT, "child id"));
        } while (j.more(93));
      }
    } else j.skip(2);
    more = j.more(125);
  }
  if (id < 0) j.fail("a node without an id");
  if (frame < 0) j.fail(`node ${id} has no callFrame`);
  cols.ids.push(id);
  cols.frames.push(frame);
  cols.hits.push(hits);
  cols.parentIds.push(parent);
}
var fast = { id: 0, script: 0, line: 0, column: 0, hits: 0, nameStart: 0, nameEnd: 0, urlStart: 0, urlEnd: 0 };
function fastFrame(j, frames, seen) {
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
function readCallFrame(j, frames) {
  let name = -1;
  let url = -1;
  let line = -1;
  if (!j.open(123, 125)) {
    do {
      j.key();
      if (j.is(K.functionName)) {
        j.string();
        name = frames.name(j.buf, j.strStart, j.strEnd, j.strHash, j.strEscaped);
      } else if (j.is(K.url)) {
        j.string();
        url = frames.url(j.buf, j.strStart, j.strEnd, j.strHash, j.strEscaped);
      } else if (j.is(K.lineNumber)) line = j.int(-1, MAX_INT, "lineNumber");
      else j.skip(2);
    } while (j.more(125));
  }
  if (name < 0) name = frames.name(EMPTY, 0, 0, FNV_START, false);
  if (url < 0) url = frames.url(EMPTY, 0, 0, FNV_START, false);
  return frames.frame(url, name, line);
}
var EMPTY = new Uint8Array(0);
function readNumbers(j, out, max, what, ids) {
  j.peek();
  const end = readIntArray(j.buf, j.pos, !ids, max, out);
  if (end >= 0) {
    j.pos = end;
    return out;
  }
  out.length = 0;
  if (j.open(91, 93)) return out;
  do {
    if (out.length >= max) j.fail(`more than ${max} ${what}`);
    out.push(ids ? j.int(0, MAX_INT, what) : j.number());
  } while (j.more(93));
  return out;
}
function readSmallValue(j) {
  j.peek();
  const start = j.pos;
  j.skip(1);
  if (j.pos - start > MAX_INFO_BYTES) throw new Error(`"$ciprof" block of ${j.pos - start} bytes (limit ${MAX_INFO_BYTES})`);
  try {
    return JSON.parse(decodeUtf8(j.buf, start, j.pos));
  } catch (err) {
    throw new Error(`invalid JSON in the "$ciprof" block (${err.message.split("\n", 1)[0]})`);
  }
}
function linkNodes(nodes, limits, scratch) {
  const ids = nodes.ids.view();
  const n = ids.length;
  let maxId = 0;
  for (let i = 0; i < n; i++) if (ids[i] > maxId) maxId = ids[i];
  if (maxId > n * 4 + 1024) throw new Error(`V8 CPU profile node ids are not dense (max ${maxId} for ${n} nodes)`);
  const indexOfId = scratch.int32("indexOfId", maxId + 1, -1);
  for (let i = 0; i < n; i++) {
    if (indexOfId[ids[i]] !== -1) throw new Error(`V8 CPU profile has two nodes with id ${ids[i]}`);
    indexOfId[ids[i]] = i;
  }
  const parentOf = scratch.int32("parentOf", n, -1);
  const childStart = nodes.childStart.view();
  const children = nodes.children.view();
  for (let i = 0; i < n; i++) {
    for (let k = childStart[i]; k < childStart[i + 1]; k++) {
      const c = children[k];
      const ci = c <= maxId ? indexOfId[c] : -1;
      if (ci < 0) throw new Error(`V8 CPU profile node ${ids[i]} names child ${c}, which does not exist`);
      if (parentOf[ci] !== -1) throw new Error(`V8 CPU profile node ${c} is the child of two nodes`);
      parentOf[ci] = i;
    }
  }
  const parentIds = nodes.parentIds.view();
  for (let i = 0; i < n; i++) {
    const p = parentIds[i];
    if (p < 0 || parentOf[i] !== -1) continue;
    const pi = p <= maxId ? indexOfId[p] : -1;
    if (pi < 0) throw new Error(`V8 CPU profile node ${ids[i]} names parent ${p}, which does not exist`);
    parentOf[i] = pi;
  }
  checkTree(ids, parentOf, limits.maxDepth, scratch.int32("depth", n, -1), scratch.int32("path", n));
  return { indexOfId, parentOf };
}
function checkTree(ids, parentOf, maxDepth, depth, path) {
  const ON_PATH = -2;
  for (let i = 0; i < ids.length; i++) {
    let top = 0;
    let cur = i;
    while (cur >= 0 && depth[cur] === -1) {
      depth[cur] = ON_PATH;
      path[top++] = cur;
      cur = parentOf[cur];
    }
    if (cur >= 0 && depth[cur] === ON_PATH) throw new Error(`V8 CPU profile has a parent cycle through node ${ids[cur]}`);
    let d = cur >= 0 ? depth[cur] : -1;
    while (top > 0) {
      d++;
      if (d > maxDepth) throw new Error(`V8 CPU profile call tree is deeper than ${maxDepth}`);
      depth[path[--top]] = d;
    }
  }
}
function timeTicks(out, sampleIds, deltas, indexOfId) {
  const n = sampleIds.length;
  const tickNode = sampleIds;
  const tickTime = deltas;
  const lo = out.startUs - SPAN_SLACK_US;
  const hi = out.endUs + SPAN_SLACK_US;
  let t = out.startUs;
  let ordered = true;
  for (let i = 0; i < n; i++) {
    const id = sampleIds[i];
    const node = id < indexOfId.length ? indexOfId[id] : -1;
    if (node < 0) throw new Error(`V8 CPU profile sample ${i} names node ${id}, which does not exist`);
    const d = deltas[i];
    if (d < 0) ordered = false;
    t += d;
    if (t < lo || t > hi) throw new Error(`V8 CPU profile sample ${i} lies outside the profile's time span (timeDeltas ${d < 0 ? "negative" : "too large"}: ${d})`);
    tickNode[i] = node;
    tickTime[i] = t;
  }
  if (!ordered) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => tickTime[a] - tickTime[b] || a - b);
    const nodes = Int32Array.from(order, (i) => tickNode[i]);
    const times = Float64Array.from(order, (i) => tickTime[i]);
    tickNode.set(nodes);
    tickTime.set(times);
  }
  out.tickNode = tickNode;
  out.tickTime = tickTime;
  out.hasTicks = true;
}

// src/profile/scratch.ts
var Scratch = class {
  i32 = /* @__PURE__ */ new Map();
  f64 = /* @__PURE__ */ new Map();
  u8 = /* @__PURE__ */ new Map();
  intColumns = /* @__PURE__ */ new Map();
  numberColumns = /* @__PURE__ */ new Map();
  tables = /* @__PURE__ */ new Map();
  int32(key, n, fill) {
    const a = grown(this.i32, key, n, (size) => new Int32Array(size));
    return fill === void 0 ? a.subarray(0, n) : a.subarray(0, n).fill(fill);
  }
  float64(key, n, fill) {
    const a = grown(this.f64, key, n, (size) => new Float64Array(size));
    return fill === void 0 ? a.subarray(0, n) : a.subarray(0, n).fill(fill);
  }
  uint8(key, n, fill) {
    const a = grown(this.u8, key, n, (size) => new Uint8Array(size));
    return fill === void 0 ? a.subarray(0, n) : a.subarray(0, n).fill(fill);
  }
  /** An empty column. */
  ints(key) {
    return reset(this.intColumns, key, () => new IntColumn(1024));
  }
  numbers(key) {
    return reset(this.numberColumns, key, () => new NumberColumn(1024));
  }
  /** An empty table. */
  table(key) {
    let t = this.tables.get(key);
    if (!t) this.tables.set(key, t = new TripleTable());
    else t.clear();
    return t;
  }
};
function grown(map, key, n, make) {
  let a = map.get(key);
  if (!a || a.length < n) {
    a = make(Math.max(n, (a?.length ?? 0) * 2, 256));
    map.set(key, a);
  }
  return a;
}
function reset(map, key, make) {
  let c = map.get(key);
  if (!c) map.set(key, c = make());
  c.length = 0;
  return c;
}

// src/profile/v8-frames.ts
var FrameKind = {
  /** The project's code (or anything we cannot place). */
  user: 0,
  /**
   * Code a ciprof wrapper forwards to, whose work happens with or without ciprof:
   * node_modules (the runner's own code), node:test (the runner built into Node) and
   * Node's module loaders (a wrapped require; the node:test hook loading node:test, which
   * the test file would load the next moment anyway: commander.js's 173 file processes
   * showed 6.9% of the suite's CPU as "(ciprof)", most of it that load).
   */
  library: 1,
  /** Node's other internals and V8's natives: what ciprof's own work calls (appendFileSync, writeSync). */
  node: 2,
  /** ciprof's agent and runner hooks. */
  own: 3,
  /** V8's synthetic (root): no frame of its own. */
  root: 4
};
var V8FrameTable = class {
  constructor(repoRoot, isOwnScript = () => false) {
    this.repoRoot = repoRoot;
    this.isOwnScript = isOwnScript;
  }
  repoRoot;
  isOwnScript;
  urls = new ByteInterner();
  names = new ByteInterner();
  byKey = new TripleTable();
  urlFiles = [];
  urlKinds = [];
  nameTexts = [];
  frameName = [];
  frameUrl = [];
  frameLine = [];
  frameKinds = [];
  frameFids = [];
  rootName = -1;
  /** Id of a script URL given as a JSON string span; decoded, normalized and classified once. */
  url(buf, start, end, hash, escaped) {
    const id = this.urls.intern(buf, start, end, hash);
    if (id === this.urlFiles.length) {
      const text = decodeJsonString(buf, start, end, escaped);
      this.urlFiles.push(normalizeScriptPath(text, this.repoRoot));
      this.urlKinds.push(this.kindOfUrl(text));
    }
    return id;
  }
  /** Id of a function name given as a JSON string span. */
  name(buf, start, end, hash, escaped) {
    const id = this.names.intern(buf, start, end, hash);
    if (id === this.nameTexts.length) {
      const text = decodeJsonString(buf, start, end, escaped);
      if (text === "(root)") this.rootName = id;
      this.nameTexts.push(text || "(anonymous)");
    }
    return id;
  }
  /**
   * The frame of a call frame (lineNumber as V8 gives it: 0-based or -1), made when new.
   * Keyed as the model keys functions, by URL, name and line: one URL may hold many
   * scripts (vm's "evalmachine.<anonymous>"), so a position alone does not name a function.
   */
  frame(url, name, lineNumber2) {
    const line = lineNumber2 >= 0 ? lineNumber2 + 1 : 0;
    let frame = this.byKey.get(url, name, line);
    if (frame < 0) {
      frame = this.frameFids.length;
      this.frameName.push(name);
      this.frameUrl.push(url);
      this.frameLine.push(line);
      this.frameKinds.push(name === this.rootName && this.urlFiles[url] === "" ? FrameKind.root : this.urlKinds[url]);
      this.frameFids.push(-1);
      this.byKey.add(url, name, line, frame);
    }
    return frame;
  }
  /** Frames interned so far (what a file's limit counts). */
  get size() {
    return this.frameFids.length;
  }
  kind(frame) {
    return this.frameKinds[frame];
  }
  /** The builder's function for a frame, made on first use. */
  functionId(frame, builder) {
    let fid = this.frameFids[frame];
    if (fid < 0) {
      fid = builder.functionId(this.nameTexts[this.frameName[frame]], this.urlFiles[this.frameUrl[frame]], this.frameLine[frame]);
      this.frameFids[frame] = fid;
    }
    return fid;
  }
  kindOfUrl(url) {
    if (url.startsWith("node:internal/modules/") || url === "node:internal/bootstrap/realm" || url === "node:test" || url.startsWith("node:internal/test_runner/")) return FrameKind.library;
    if (url === "" || url.startsWith("node:")) return FrameKind.node;
    if (this.isOwnScript(url)) return FrameKind.own;
    return /[\\/]node_modules[\\/]/.test(url) ? FrameKind.library : FrameKind.user;
  }
};

// src/profile/cpuprofile.ts
var CpuProfileImporter = class {
  constructor(builder, options) {
    this.builder = builder;
    this.frames = new V8FrameTable(options.repoRoot, options.isOwnScript);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.countIdx = builder.sampleTypeIndex(SAMPLES_COUNT);
    this.timeIdx = builder.sampleTypeIndex(CPU_NANOS);
  }
  builder;
  frames;
  limits;
  scratch = new Scratch();
  countIdx;
  timeIdx;
  ownNode = -1;
  /**
   * Reads one .cpuprofile's bytes into the builder. `options` may be a function of the
   * file's `$ciprof` block (unvalidated JSON, undefined when absent), called once the file
   * is known to be sound. A bad file throws a plain Error naming the problem, and then
   * nothing of it has reached the builder.
   */
  add(bytes, options = {}) {
    return this.addScanned(scanCpuProfile(bytes, this.frames, this.limits, this.scratch), options);
  }
  /**
   * Checks and reads one .cpuprofile's bytes into a form of its own, for addScanned later:
   * a thread's profile can be read while the test command still runs, and added once
   * every test record is in (labels need them). Throws as add() does; the builder is not
   * touched. Adding scanned profiles in the same order as add() would gives the same
   * profile: the frames they share are interned here, the builder's functions there.
   */
  scan(bytes) {
    const cpu = scanCpuProfile(bytes, this.frames, this.limits, this.scratch);
    return { ...cpu, frameOf: cpu.frameOf.slice(), parentOf: cpu.parentOf.slice(), hitCount: cpu.hitCount.slice(), tickNode: cpu.tickNode.slice(), tickTime: cpu.tickTime.slice() };
  }
  /** add(), for a profile scan() read. */
  addScanned(cpu, given = {}) {
    const options = typeof given === "function" ? given(cpu.info) : given;
    const stacks = this.stackResolver(cpu);
    const base = options.labels ?? {};
    const stats = { samples: 0, totalNs: 0, startUs: cpu.startUs, endUs: cpu.endUs, ownSamples: 0, ownNs: 0 };
    const values = new Array(this.builder.sampleTypes.length).fill(0);
    const emit = (node, count, ns2, labels) => {
      values[this.countIdx] = count;
      values[this.timeIdx] = ns2;
      if (stacks.trie[node] === -1) stacks.resolve(node);
      const own = stacks.own[node] === 1;
      this.builder.addSampleAt(own ? this.ciprofNode() : stacks.trie[node], values, own ? base : labels);
      stats.samples += count;
      stats.totalNs += ns2;
      if (own) {
        stats.ownSamples += count;
        stats.ownNs += ns2;
      }
    };
    if (!cpu.hasTicks) {
      let hits = 0;
      for (let i = 0; i < cpu.nodeCount; i++) hits += cpu.hitCount[i];
      const perHitNs = hits > 0 ? (cpu.endUs - cpu.startUs) * 1e3 / hits : 0;
      for (let i = 0; i < cpu.nodeCount; i++) if (cpu.hitCount[i]) emit(i, cpu.hitCount[i], cpu.hitCount[i] * perHitNs, base);
      return stats;
    }
    const { tickNode, tickTime } = cpu;
    const n = tickNode.length;
    const nsOf = (i) => Math.max(0, (i + 1 < n ? tickTime[i + 1] : cpu.endUs) - tickTime[i]) * 1e3;
    if (options.labelAt) {
      const merged = /* @__PURE__ */ new Map();
      for (let i = 0; i < n; i++) {
        const extra = options.labelAt(tickTime[i]);
        let labels = base;
        if (extra) {
          labels = merged.get(extra) ?? { ...base, ...extra };
          merged.set(extra, labels);
        }
        emit(tickNode[i], 1, nsOf(i), labels);
      }
      return stats;
    }
    const counts = this.scratch.float64("counts", cpu.nodeCount, 0);
    const ns = this.scratch.float64("ns", cpu.nodeCount, 0);
    for (let i = 0; i < n; i++) {
      counts[tickNode[i]] += 1;
      ns[tickNode[i]] += nsOf(i);
    }
    for (let i = 0; i < cpu.nodeCount; i++) if (counts[i]) emit(i, counts[i], ns[i], base);
    return stats;
  }
  ciprofNode() {
    if (this.ownNode < 0) this.ownNode = this.builder.childNode(0, this.builder.functionId(CIPROF_FRAME, "", 0));
    return this.ownNode;
  }
  /**
   * Per V8 node: the builder's call-trie node of its stack (ciprof frames cut out) and
   * whether it is ciprof's own work (a ciprof frame, or Node internals ciprof called).
   * Resolved on first use, top-down and iteratively (the scan checked the tree is acyclic
   * and bounded), so only sampled nodes and their ancestors reach the trie.
   */
  stackResolver(cpu) {
    const trie = this.scratch.int32("trie", cpu.nodeCount, -1);
    const own = this.scratch.uint8("own", cpu.nodeCount, 0);
    const { parentOf, frameOf } = cpu;
    const chain = this.scratch.int32("chain", cpu.nodeCount);
    const resolve = (start) => {
      let top = 0;
      for (let cur = start; cur >= 0 && trie[cur] === -1; cur = parentOf[cur]) chain[top++] = cur;
      while (top > 0) {
        const node = chain[--top];
        const parent = parentOf[node];
        const parentTrie = parent >= 0 ? trie[parent] : 0;
        const kind = this.frames.kind(frameOf[node]);
        if (kind === FrameKind.root && parent < 0) {
          trie[node] = 0;
        } else if (kind === FrameKind.own) {
          trie[node] = parentTrie;
          own[node] = 1;
        } else {
          trie[node] = this.builder.childNode(parentTrie, this.frames.functionId(frameOf[node], this.builder));
          own[node] = parent >= 0 && own[parent] === 1 && kind === FrameKind.node ? 1 : 0;
        }
      }
    };
    return { trie, own, resolve };
  }
};

// src/profile/read.ts
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";

// src/profile/errors.ts
var ProfileInputError = class extends Error {
  constructor(file, problem) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.problem = problem;
    this.name = "ProfileInputError";
  }
  file;
  problem;
};

// src/profile/read.ts
function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139;
}
function gunzipCapped(bytes, maxBytes = DEFAULT_LIMITS.maxBytes) {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const e = err;
    if (e.code === "ERR_BUFFER_TOO_LARGE" || /Cannot create a Buffer larger|buffer.*too large/i.test(e.message)) {
      throw new Error(`decompresses to more than ${maxBytes} bytes (refused: possible decompression bomb)`);
    }
    throw new Error(`corrupt or truncated gzip (${e.message.split("\n", 1)[0]})`);
  }
}
var oneLine = (message) => message.replace(/\s*[\r\n]+\s*/g, " ");
function parseProfileBytes(file, raw, limits = DEFAULT_LIMITS) {
  try {
    if (raw.length === 0) throw new Error("empty file");
    if (raw.length > limits.maxBytes) throw new Error(`file of ${raw.length} bytes (limit ${limits.maxBytes})`);
    const bytes = isGzip(raw) ? gunzipCapped(raw, limits.maxBytes) : raw;
    if (bytes.length === 0) throw new Error("empty after decompression");
    let first = 0;
    while (first < bytes.length && (bytes[first] === 32 || bytes[first] === 10 || bytes[first] === 13 || bytes[first] === 9)) first++;
    if (bytes[first] === 123) return { kind: "cpuprofile", bytes };
    return { kind: "pprof", profile: decodePprof(bytes, limits) };
  } catch (err) {
    throw asInputError(file, err);
  }
}
function asInputError(file, err) {
  if (err instanceof ProfileInputError) return err;
  return new ProfileInputError(file, oneLine(err instanceof Error ? err.message : String(err)));
}
function readProfileBytes(file, limits = DEFAULT_LIMITS) {
  try {
    const size = statSync(file).size;
    if (size > limits.maxBytes) throw new Error(`file of ${size} bytes (limit ${limits.maxBytes})`);
    return readFileSync(file);
  } catch (err) {
    throw asInputError(file, err.code === "ENOENT" ? new Error("no such file") : err);
  }
}
var ProfileFileReader = class {
  constructor(limits = DEFAULT_LIMITS) {
    this.limits = limits;
  }
  limits;
  buffer = Buffer.allocUnsafe(1024 * 1024);
  read(file) {
    let fd;
    try {
      fd = openSync(file, "r");
      let got = 0;
      for (; ; ) {
        if (got === this.buffer.length) {
          const size = fstatSync(fd).size;
          if (size > this.limits.maxBytes) throw new Error(`file of ${size} bytes (limit ${this.limits.maxBytes})`);
          this.buffer = grown2(this.buffer, got, size + 1);
        }
        const n = readSync(fd, this.buffer, got, this.buffer.length - got, got);
        if (n === 0) break;
        got += n;
        if (got > this.limits.maxBytes) throw new Error(`file of more than ${this.limits.maxBytes} bytes (limit ${this.limits.maxBytes})`);
      }
      return this.buffer.subarray(0, got);
    } catch (err) {
      throw asInputError(file, err.code === "ENOENT" ? new Error("no such file") : err);
    } finally {
      if (fd !== void 0) closeSync(fd);
    }
  }
  /** Reads and parses one file; every failure is a ProfileInputError naming it. */
  parse(file) {
    return parseProfileBytes(file, this.read(file), this.limits);
  }
};
function grown2(buffer, used, size) {
  const bigger = Buffer.allocUnsafe(Math.max(size, buffer.length * 2));
  buffer.copy(bigger, 0, 0, used);
  return bigger;
}
function readAndParseProfile(file, limits = DEFAULT_LIMITS) {
  return parseProfileBytes(file, readProfileBytes(file, limits), limits);
}
function readProfileFile(file, options = {}) {
  const parsed = readAndParseProfile(file, options.limits);
  if (parsed.kind === "pprof") return parsed.profile;
  try {
    const builder = new ProfileBuilder();
    const importer = new CpuProfileImporter(builder, { repoRoot: process.cwd(), ...options });
    const stats = importer.add(parsed.bytes);
    builder.durationNanos = (stats.endUs - stats.startUs) * 1e3;
    return builder.build();
  } catch (err) {
    throw asInputError(file, err);
  }
}

export {
  CpuProfileImporter,
  ProfileInputError,
  parseProfileBytes,
  asInputError,
  readProfileBytes,
  ProfileFileReader,
  readProfileFile
};
