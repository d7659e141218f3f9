import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  DEFAULT_LIMITS
} from "./chunk-JSXNLBLO.js";
import {
  IntColumn,
  ProfileBuilder
} from "./chunk-VYVC6F5W.js";

// src/profile/proto-reader.ts
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_BYTES = 2;
var WIRE_FIXED32 = 5;
var TWO_32 = 4294967296;
var ProtoReader = class {
  constructor(buf) {
    this.buf = buf;
    this.pos = 0;
    this.limit = buf.length;
  }
  buf;
  pos;
  /** End of the current window (message). */
  limit;
  /** Set by tag(). */
  field = 0;
  wire = 0;
  /** Low and high 32 bits of the last uint() longer than 4 bytes, for int64's sign. */
  lo = 0;
  hi = 0;
  fail(problem) {
    throw new Error(`${problem} at byte ${this.pos}`);
  }
  get done() {
    return this.pos >= this.limit;
  }
  /** Reads a field's tag into field/wire. */
  tag() {
    const t = this.uint();
    this.field = Math.floor(t / 8);
    this.wire = t % 8;
    if (this.field === 0) this.fail("field number 0");
  }
  /** An unsigned varint as a Number (exact below 2^53). */
  uint() {
    const buf = this.buf;
    let p = this.pos;
    if (p >= this.limit) this.fail("truncated varint");
    let b = buf[p++];
    if (b < 128) {
      this.pos = p;
      return b;
    }
    let lo = b & 127;
    let hi = 0;
    for (let shift = 7; shift < 28; shift += 7) {
      if (p >= this.limit) this.fail("truncated varint");
      b = buf[p++];
      lo |= (b & 127) << shift;
      if (b < 128) {
        this.pos = p;
        return lo >>> 0;
      }
    }
    if (p >= this.limit) this.fail("truncated varint");
    b = buf[p++];
    lo = (lo | (b & 127) << 28) >>> 0;
    hi = (b & 127) >> 4;
    if (b >= 128) {
      for (let shift = 3; ; shift += 7) {
        if (shift > 31) this.fail("varint longer than 10 bytes");
        if (p >= this.limit) this.fail("truncated varint");
        b = buf[p++];
        hi = (hi | (b & 127) << shift) >>> 0;
        if (b < 128) break;
      }
    }
    this.pos = p;
    this.lo = lo;
    this.hi = hi;
    return hi * TWO_32 + lo;
  }
  /** A signed int64 varint (two's complement over 10 bytes) as a Number. */
  int() {
    this.hi = 0;
    const u = this.uint();
    if (this.hi < 2147483648) return u;
    return -((~this.hi >>> 0) * TWO_32 + (~this.lo >>> 0) + 1);
  }
  /** A length prefix, checked against the window. */
  length() {
    const n = this.uint();
    if (n > this.limit - this.pos) this.fail(`length ${n} runs past the end of its message`);
    return n;
  }
  /** Enters a length-delimited sub-message; returns the outer limit for leave(). */
  enter() {
    const n = this.length();
    const outer = this.limit;
    this.limit = this.pos + n;
    return outer;
  }
  leave(outer) {
    this.pos = this.limit;
    this.limit = outer;
  }
  /** Skips the value of the field just read by tag(). */
  skip() {
    switch (this.wire) {
      case WIRE_VARINT:
        this.uint();
        return;
      case WIRE_FIXED64:
        this.advance(8);
        return;
      case WIRE_BYTES: {
        const n = this.length();
        this.pos += n;
        return;
      }
      case WIRE_FIXED32:
        this.advance(4);
        return;
      default:
        this.fail(`unsupported wire type ${this.wire} (field ${this.field})`);
    }
  }
  /** A repeated integer field, packed or not: calls `each` per value. */
  ints(signed, each) {
    if (this.wire === WIRE_VARINT) {
      each(signed ? this.int() : this.uint());
      return;
    }
    if (this.wire !== WIRE_BYTES) this.fail(`field ${this.field} has wire type ${this.wire}, expected integers`);
    const outer = this.enter();
    while (this.pos < this.limit) each(signed ? this.int() : this.uint());
    this.leave(outer);
  }
  expectWire(wire) {
    if (this.wire !== wire) this.fail(`field ${this.field} has wire type ${this.wire}, expected ${wire}`);
  }
  advance(n) {
    if (n > this.limit - this.pos) this.fail("truncated field");
    this.pos += n;
  }
};

// src/profile/pprof-decode.ts
var spans = () => ({ starts: new IntColumn(), ends: new IntColumn() });
function decodePprof(bytes, limits = DEFAULT_LIMITS) {
  try {
    return decodeIndexed(bytes, indexProfile(bytes, limits), limits);
  } catch (err) {
    throw new Error(`not a pprof profile (${err.message})`);
  }
}
function indexProfile(bytes, limits) {
  const r = new ProtoReader(bytes);
  const idx = { sampleTypes: spans(), samples: spans(), locations: spans(), functions: spans(), strings: spans(), comments: [], timeNanos: 0, durationNanos: 0, period: 0 };
  const caps = {
    1: [idx.sampleTypes, limits.maxSampleTypes, "sample types"],
    2: [idx.samples, limits.maxSamples, "samples"],
    4: [idx.locations, limits.maxLocations, "locations"],
    5: [idx.functions, limits.maxFunctions, "functions"],
    6: [idx.strings, limits.maxStrings, "strings"]
  };
  while (!r.done) {
    r.tag();
    const cap = caps[r.field];
    if (cap) {
      r.expectWire(WIRE_BYTES);
      const [list, max, what] = cap;
      if (list.starts.length >= max) r.fail(`more than ${max} ${what}`);
      const n = r.length();
      if (r.field === 6 && n > limits.maxStringBytes) r.fail(`string of ${n} bytes (limit ${limits.maxStringBytes})`);
      list.starts.push(r.pos);
      list.ends.push(r.pos + n);
      r.pos += n;
    } else if (r.field === 11) {
      r.expectWire(WIRE_BYTES);
      const n = r.length();
      idx.periodType = [r.pos, r.pos + n];
      r.pos += n;
    } else if (r.field === 9 || r.field === 10 || r.field === 12) {
      r.expectWire(WIRE_VARINT);
      const v = r.int();
      if (r.field === 9) idx.timeNanos = v;
      else if (r.field === 10) idx.durationNanos = v;
      else idx.period = v;
    } else if (r.field === 13) {
      r.ints(true, (v) => {
        if (idx.comments.length >= limits.maxStrings) r.fail(`more than ${limits.maxStrings} comments`);
        idx.comments.push(v);
      });
    } else r.skip();
  }
  return idx;
}
var Strings = class {
  constructor(bytes, spans2) {
    this.bytes = bytes;
    this.spans = spans2;
    this.cache = new Array(spans2.starts.length);
  }
  bytes;
  spans;
  cache;
  decoder = new TextDecoder("utf-8");
  get(i) {
    if (!Number.isInteger(i) || i < 0 || i >= this.cache.length) throw new Error(`string index ${i} out of range`);
    let s = this.cache[i];
    if (s === void 0) {
      s = this.decoder.decode(this.bytes.subarray(this.spans.starts.view()[i], this.spans.ends.view()[i]));
      this.cache[i] = s;
    }
    return s;
  }
};
function decodeIndexed(bytes, idx, limits) {
  const r = new ProtoReader(bytes);
  const str = new Strings(bytes, idx.strings);
  const sampleTypes = [];
  forEach(r, idx.sampleTypes, () => sampleTypes.push(readValueType(r, str)));
  if (sampleTypes.length === 0) throw new Error("no sample types");
  let periodType = sampleTypes[sampleTypes.length - 1];
  if (idx.periodType) {
    [r.pos, r.limit] = idx.periodType;
    periodType = readValueType(r, str);
  }
  const builder = new ProfileBuilder(sampleTypes, periodType, idx.period);
  builder.timeNanos = idx.timeNanos;
  builder.durationNanos = idx.durationNanos;
  const functionIds = readFunctions(r, idx.functions, str, builder);
  const locations = readLocations(r, idx.locations, functionIds);
  readSamples(r, idx.samples, { str, builder, locations, limits });
  for (const c of idx.comments) {
    const text = str.get(c);
    const eq = text.indexOf("=");
    if (eq > 0) builder.meta[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return builder.build();
}
function forEach(r, list, read) {
  const starts = list.starts.view();
  const ends = list.ends.view();
  for (let i = 0; i < starts.length; i++) {
    r.pos = starts[i];
    r.limit = ends[i];
    read();
  }
}
function readValueType(r, str) {
  let type = 0;
  let unit = 0;
  while (!r.done) {
    r.tag();
    if (r.field === 1 && r.wire === WIRE_VARINT) type = r.int();
    else if (r.field === 2 && r.wire === WIRE_VARINT) unit = r.int();
    else r.skip();
  }
  return { type: str.get(type), unit: str.get(unit) };
}
function checkLine(line) {
  if (line < 0 || line > 2 ** 31 - 1) throw new Error(`line ${line} out of range`);
  return line;
}
function readFunctions(r, list, str, builder) {
  const ids = /* @__PURE__ */ new Map();
  forEach(r, list, () => {
    let id = 0;
    let name = 0;
    let file = 0;
    let line = 0;
    while (!r.done) {
      r.tag();
      if (r.wire !== WIRE_VARINT) r.skip();
      else if (r.field === 1) id = r.uint();
      else if (r.field === 2) name = r.int();
      else if (r.field === 4) file = r.int();
      else if (r.field === 5) line = r.int();
      else r.skip();
    }
    if (ids.has(id)) throw new Error(`two functions with id ${id}`);
    ids.set(id, builder.functionId(str.get(name), str.get(file), checkLine(line)));
  });
  return ids;
}
function readLocations(r, list, functionIds) {
  const index = /* @__PURE__ */ new Map();
  const start = new IntColumn();
  const frames = new IntColumn();
  forEach(r, list, () => {
    let id = 0;
    start.push(frames.length);
    while (!r.done) {
      r.tag();
      if (r.field === 1 && r.wire === WIRE_VARINT) id = r.uint();
      else if (r.field === 4 && r.wire === WIRE_BYTES) {
        const fn = readLineFunction(r);
        const fid = functionIds.get(fn);
        if (fid === void 0) throw new Error(`location ${id} names unknown function ${fn}`);
        frames.push(fid);
      } else r.skip();
    }
    if (index.has(id)) throw new Error(`two locations with id ${id}`);
    index.set(id, index.size);
  });
  start.push(frames.length);
  return { index, start: start.view(), frames: frames.view() };
}
function readLineFunction(r) {
  const outer = r.enter();
  let fn = 0;
  while (!r.done) {
    r.tag();
    if (r.field === 1 && r.wire === WIRE_VARINT) fn = r.uint();
    else r.skip();
  }
  r.leave(outer);
  return fn;
}
function readSamples(r, list, ctx) {
  const { builder, limits, locations, str } = ctx;
  const stack = new Int32Array(limits.maxDepth);
  const values = [];
  const types = builder.sampleTypes.length;
  let entries = 0;
  const labelSets = /* @__PURE__ */ new Map();
  const labelIds = [];
  forEach(r, list, () => {
    let depth = 0;
    values.length = 0;
    labelIds.length = 0;
    let labelCount = 0;
    const addLocation = (id) => {
      const li = locations.index.get(id);
      if (li === void 0) throw new Error(`sample names unknown location ${id}`);
      for (let k = locations.start[li]; k < locations.start[li + 1]; k++) {
        if (depth >= limits.maxDepth) throw new Error(`stack deeper than ${limits.maxDepth}`);
        stack[depth++] = locations.frames[k];
      }
    };
    const addValue = (v) => {
      if (values.length >= types) throw new Error(`sample has more values than its ${types} sample types`);
      if (v < 0) throw new Error(`negative sample value ${v}`);
      values.push(v);
    };
    while (!r.done) {
      r.tag();
      if (r.field === 1) r.ints(false, addLocation);
      else if (r.field === 2) r.ints(true, addValue);
      else if (r.field === 3 && r.wire === WIRE_BYTES) {
        if (++labelCount > limits.maxLabelsPerSample) throw new Error(`sample has more than ${limits.maxLabelsPerSample} labels`);
        const outer = r.enter();
        readLabel(r, labelIds);
        r.leave(outer);
      } else r.skip();
    }
    const labelKey = labelIds.join(",");
    let labels = labelSets.get(labelKey);
    if (!labels) {
      labels = labelsOf(labelIds, str);
      labelSets.set(labelKey, labels);
    }
    if (values.length !== types) throw new Error(`sample has ${values.length} values for ${types} sample types`);
    entries += depth;
    if (entries > limits.maxStackEntries) throw new Error(`more than ${limits.maxStackEntries} stack entries in all samples`);
    let node = 0;
    for (let k = depth - 1; k >= 0; k--) node = builder.childNode(node, stack[k]);
    if (builder.trieSize > limits.maxCallPaths) throw new Error(`more than ${limits.maxCallPaths} distinct call paths`);
    builder.addSampleAt(node, values, labels);
  });
}
function readLabel(r, into) {
  let key = 0;
  let s = 0;
  let num = 0;
  while (!r.done) {
    r.tag();
    if (r.wire !== WIRE_VARINT) r.skip();
    else if (r.field === 1) key = r.int();
    else if (r.field === 2) s = r.int();
    else if (r.field === 3) num = r.int();
    else r.skip();
  }
  into.push(key, s, num);
}
function labelsOf(ids, str) {
  const labels = {};
  for (let i = 0; i < ids.length; i += 3) labels[str.get(ids[i])] = ids[i + 1] !== 0 ? str.get(ids[i + 1]) : ids[i + 2];
  return labels;
}

export {
  decodePprof
};
