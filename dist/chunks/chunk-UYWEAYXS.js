import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/profile/gzip.ts
import { gzipSync } from "node:zlib";

// src/profile/proto-writer.ts
var TWO_32 = 4294967296;
function varintSize(v) {
  if (v < 0) return 10;
  if (v < 128) return 1;
  if (v < 16384) return 2;
  if (v < 2097152) return 3;
  if (v < 268435456) return 4;
  let n = 5;
  for (let x = Math.floor(v / 34359738368); x > 0; x = Math.floor(x / 128)) n++;
  return n;
}
var intFieldSize = (v) => v === 0 ? 0 : 1 + varintSize(v);
var lengthFieldSize = (n) => 1 + varintSize(n) + n;
var ProtoWriter = class {
  buf = new Uint8Array(64 * 1024);
  length = 0;
  room(n) {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }
  /** An unsigned or signed integer as a varint (negative: 10 bytes of two's complement, as int64). */
  varint(v) {
    this.room(10);
    const buf = this.buf;
    let p = this.length;
    if (v >= 0 && v < 128) {
      buf[p] = v;
      this.length = p + 1;
      return;
    }
    let lo;
    let hi;
    if (v >= 0) {
      lo = v >>> 0;
      hi = Math.floor(v / TWO_32) >>> 0;
    } else {
      const a = -v;
      lo = ~(a >>> 0) + 1 >>> 0;
      hi = ~Math.floor(a / TWO_32) + (lo === 0 ? 1 : 0) >>> 0;
    }
    while (hi > 0 || lo > 127) {
      buf[p++] = lo & 127 | 128;
      lo = (lo >>> 7 | hi << 25) >>> 0;
      hi >>>= 7;
    }
    buf[p++] = lo;
    this.length = p;
  }
  /** A varint field, left out when 0 (proto3's default). */
  int(field, v) {
    if (v === 0) return;
    this.varint(field * 8);
    this.varint(v);
  }
  /**
   * A packed repeated field of `values[i] + plus`, left out when empty. One call per field,
   * no call per element: a profile's location lists are most of its varints, and this
   * code runs cold (once per `ciprof run`).
   */
  packed(field, values, plus) {
    const n = values.length;
    if (n === 0) return;
    let size = 0;
    for (let i = 0; i < n; i++) size += varintSize(values[i] + plus);
    this.open(field, size);
    this.room(size);
    const buf = this.buf;
    let p = this.length;
    for (let i = 0; i < n; i++) {
      let v = values[i] + plus;
      if (v >= 0 && v < 268435456) {
        while (v >= 128) {
          buf[p++] = v & 127 | 128;
          v >>>= 7;
        }
        buf[p++] = v;
      } else {
        this.length = p;
        this.varint(v);
        p = this.length;
      }
    }
    this.length = p;
  }
  /** The tag and length of a length-delimited field; the caller writes exactly `size` bytes next. */
  open(field, size) {
    this.varint(field * 8 + 2);
    this.varint(size);
  }
  /** A string field from its UTF-8 bytes. */
  bytes(field, data) {
    this.open(field, data.length);
    this.room(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }
  /** The bytes written (a copy). */
  finish() {
    return this.buf.slice(0, this.length);
  }
};

// src/profile/pprof.ts
var Strings = class {
  list = [""];
  index = /* @__PURE__ */ new Map([["", 0]]);
  id(s) {
    let i = this.index.get(s);
    if (i === void 0) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
};
function encodePprof(profile) {
  const strings = new Strings();
  const out = new ProtoWriter();
  const valueType = (field, t) => {
    const type = strings.id(t.type);
    const unit = strings.id(t.unit);
    out.open(field, intFieldSize(type) + intFieldSize(unit));
    out.int(1, type);
    out.int(2, unit);
  };
  for (const t of profile.sampleTypes) valueType(1, t);
  const labels = new LabelEncoder(strings);
  const samples = profile.samples;
  const rounded = [];
  for (let i = 0; i < samples.length; i++) writeSample(out, samples[i], labels.of(samples[i].labels), rounded);
  profile.functions.forEach((f, i) => {
    const line = intFieldSize(i + 1) + intFieldSize(f.line);
    out.open(4, intFieldSize(i + 1) + lengthFieldSize(line));
    out.int(1, i + 1);
    out.open(4, line);
    out.int(1, i + 1);
    out.int(2, f.line);
  });
  profile.functions.forEach((f, i) => {
    const name = strings.id(f.name);
    const file = strings.id(f.file);
    out.open(5, intFieldSize(i + 1) + 2 * intFieldSize(name) + intFieldSize(file) + intFieldSize(f.line));
    out.int(1, i + 1);
    out.int(2, name);
    out.int(3, name);
    out.int(4, file);
    out.int(5, f.line);
  });
  const comments = Object.entries(profile.meta).map(([k, v]) => strings.id(`${k}=${v}`));
  strings.id(profile.periodType.type);
  strings.id(profile.periodType.unit);
  const encoder = new TextEncoder();
  for (const s of strings.list) out.bytes(6, encoder.encode(s));
  out.int(9, Math.round(profile.timeNanos));
  out.int(10, Math.round(profile.durationNanos));
  valueType(11, profile.periodType);
  out.int(12, Math.round(profile.period));
  if (comments.length) {
    out.open(13, comments.reduce((n, c) => n + varintSize(c), 0));
    for (const c of comments) out.varint(c);
  }
  return out.finish();
}
var LabelEncoder = class {
  constructor(strings) {
    this.strings = strings;
  }
  strings;
  cache = /* @__PURE__ */ new Map();
  of(labels) {
    let encoded = this.cache.get(labels);
    if (!encoded) {
      encoded = { triples: [], size: 0 };
      for (const key in labels) {
        const value = labels[key];
        const k = this.strings.id(key);
        const v = typeof value === "number" ? Math.round(value) : this.strings.id(value);
        encoded.triples.push(k, typeof value === "number" ? 3 : 2, v);
        encoded.size += lengthFieldSize(intFieldSize(k) + intFieldSize(v));
      }
      this.cache.set(labels, encoded);
    }
    return encoded;
  }
};
function writeSample(out, s, labels, rounded) {
  const { stack } = s;
  rounded.length = s.values.length;
  for (let i = 0; i < rounded.length; i++) rounded[i] = Math.round(s.values[i]);
  out.open(2, packedFieldSize(stack, 1) + packedFieldSize(rounded, 0) + labels.size);
  out.packed(1, stack, 1);
  out.packed(2, rounded, 0);
  const t = labels.triples;
  for (let i = 0; i < t.length; i += 3) {
    const k = t[i];
    const v = t[i + 2];
    out.open(3, intFieldSize(k) + intFieldSize(v));
    out.int(1, k);
    out.int(t[i + 1], v);
  }
}
function packedFieldSize(values, plus) {
  let size = 0;
  for (let i = 0; i < values.length; i++) size += varintSize(values[i] + plus);
  return size ? lengthFieldSize(size) : 0;
}

// src/profile/gzip.ts
function encodePprofGzip(profile) {
  return gzipSync(encodePprof(profile), { level: 1 });
}

export {
  encodePprof,
  encodePprofGzip
};
