import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/profile/columns.ts
var IntColumn = class {
  data;
  length = 0;
  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }
  push(v) {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  /** The pushed values (a view: valid until the next push). */
  view() {
    return this.data.subarray(0, this.length);
  }
};
var NumberColumn = class {
  data;
  length = 0;
  constructor(capacity = 256) {
    this.data = new Float64Array(capacity);
  }
  push(v) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  view() {
    return this.data.subarray(0, this.length);
  }
};

// src/profile/hash-tables.ts
var EMPTY = -1;
function mix(h) {
  h = Math.imul(h ^ h >>> 16, 73244475);
  h = Math.imul(h ^ h >>> 16, 73244475);
  return h ^ h >>> 16;
}
var TripleTable = class {
  keys;
  values;
  mask;
  count = 0;
  missSlot = -1;
  missA = 0;
  missB = 0;
  missC = 0;
  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size * 3);
    this.values = new Int32Array(size).fill(EMPTY);
  }
  get size() {
    return this.count;
  }
  clear() {
    this.missSlot = -1;
    if (this.count === 0) return;
    this.values.fill(EMPTY);
    this.count = 0;
  }
  /** The value stored for (a, b, c), or -1. */
  get(a, b, c) {
    const { keys, values, mask } = this;
    for (let slot = mix(a ^ Math.imul(b, 2654435761) ^ Math.imul(c, 2246822507)) & mask; ; slot = slot + 1 & mask) {
      const v = values[slot];
      if (v === EMPTY) {
        this.missSlot = slot;
        this.missA = a;
        this.missB = b;
        this.missC = c;
        return EMPTY;
      }
      const k = slot * 3;
      if (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c) return v;
    }
  }
  /** Stores a value for a key that get() just reported missing. */
  add(a, b, c, value) {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    else if (this.missSlot >= 0 && a === this.missA && b === this.missB && c === this.missC) {
      this.put(this.missSlot, a, b, c, value);
      return;
    }
    const { values, mask } = this;
    let slot = mix(a ^ Math.imul(b, 2654435761) ^ Math.imul(c, 2246822507)) & mask;
    while (values[slot] !== EMPTY) slot = slot + 1 & mask;
    this.put(slot, a, b, c, value);
  }
  put(slot, a, b, c, value) {
    const k = slot * 3;
    this.keys[k] = a;
    this.keys[k + 1] = b;
    this.keys[k + 2] = c;
    this.values[slot] = value;
    this.count++;
    this.missSlot = -1;
  }
  grow() {
    const { keys, values } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size * 3);
    this.values = new Int32Array(size).fill(EMPTY);
    this.count = 0;
    this.missSlot = -1;
    for (let slot = 0; slot < values.length; slot++) {
      if (values[slot] !== EMPTY) this.add(keys[slot * 3], keys[slot * 3 + 1], keys[slot * 3 + 2], values[slot]);
    }
  }
};
var FNV_START = 2166136261 | 0;
var ByteInterner = class {
  arena = new Uint8Array(64 * 1024);
  arenaUsed = 0;
  starts;
  lengths;
  hashes;
  slots;
  mask;
  count = 0;
  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }
  get size() {
    return this.count;
  }
  /** Id of the bytes [start, end) of buf, adding them when new. `hash`: any int32 hash of those bytes (FNV-1a from JsonBytes). */
  intern(buf, start, end, hash) {
    hash |= 0;
    const len = end - start;
    const { slots, mask, arena } = this;
    let slot = mix(hash) & mask;
    for (let id = slots[slot]; id !== EMPTY; slot = slot + 1 & mask, id = slots[slot]) {
      if (this.hashes[id] !== hash || this.lengths[id] !== len) continue;
      const at = this.starts[id];
      let same = true;
      for (let i = 0; i < len; i++) {
        if (arena[at + i] !== buf[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    return this.insert(buf, start, end, hash, slot);
  }
  /** The stored bytes of an id (a view into the arena, valid until the next intern). */
  bytes(id) {
    const at = this.starts[id];
    return this.arena.subarray(at, at + this.lengths[id]);
  }
  insert(buf, start, end, hash, slot) {
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    const id = this.count++;
    if (id === this.starts.length) {
      const grow = (a) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.hashes = grow(this.hashes);
    }
    this.starts[id] = this.arenaUsed;
    this.lengths[id] = len;
    this.hashes[id] = hash;
    this.arenaUsed += len;
    this.slots[slot] = id;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return id;
  }
  rehash() {
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(EMPTY);
    for (let id = 0; id < this.count; id++) {
      let slot = mix(this.hashes[id]) & this.mask;
      while (this.slots[slot] !== EMPTY) slot = slot + 1 & this.mask;
      this.slots[slot] = id;
    }
  }
};

// src/profile/model.ts
var SAMPLES_COUNT = { type: "samples", unit: "count" };
var CPU_NANOS = { type: "cpu", unit: "nanoseconds" };
var ALLOC_SAMPLES = { type: "alloc_samples", unit: "count" };
var ALLOC_SPACE = { type: "alloc_space", unit: "bytes" };
var IDLE_FRAME = "(idle)";
var PROGRAM_FRAME = "(program)";
var GC_FRAME = "(garbage collector)";
var CIPROF_FRAME = "(ciprof)";
function functionKey(f) {
  return `${f.name}\0${f.file}\0${f.line}`;
}
function labelsKey(labels) {
  const keys = Object.keys(labels);
  if (keys.length === 0) return "";
  keys.sort();
  let out = "";
  for (const k of keys) out += `${k}${labels[k]}`;
  return out;
}
var ProfileBuilder = class {
  constructor(sampleTypes = [SAMPLES_COUNT, CPU_NANOS], periodType = CPU_NANOS, period = 1e6) {
    this.sampleTypes = sampleTypes;
    this.periodType = periodType;
    this.period = period;
    this.trieParent.push(-1);
    this.trieFunction.push(-1);
  }
  sampleTypes;
  periodType;
  period;
  functions = [];
  functionIds = /* @__PURE__ */ new Map();
  /** Trie node 0 is the root (empty stack). */
  trieParent = new IntColumn(4096);
  trieFunction = new IntColumn(4096);
  trieIndex = new TripleTable(4096);
  labelSetByObject = /* @__PURE__ */ new WeakMap();
  labelSetByKey = /* @__PURE__ */ new Map();
  sampleRows = [];
  timeNanos = 0;
  durationNanos = 0;
  meta = {};
  /** Index of a sample type, added (0 in every existing sample) when new. */
  sampleTypeIndex(t) {
    const i = this.sampleTypes.findIndex((x) => x.type === t.type && x.unit === t.unit);
    if (i >= 0) return i;
    this.sampleTypes.push(t);
    return this.sampleTypes.length - 1;
  }
  functionId(name, file, line) {
    const key = `${name}\0${file}\0${line}`;
    let id = this.functionIds.get(key);
    if (id === void 0) {
      id = this.functions.length;
      this.functions.push({ name, file, line });
      this.functionIds.set(key, id);
    }
    return id;
  }
  /** Call-trie nodes so far (the root included): what a decoder's limits count. */
  get trieSize() {
    return this.trieParent.length;
  }
  /** The trie node for `fn` called from the stack `parent` (0 = from the root). */
  childNode(parent, fn) {
    let node = this.trieIndex.get(parent, fn, 0);
    if (node < 0) {
      node = this.trieParent.length;
      this.trieParent.push(parent);
      this.trieFunction.push(fn);
      this.trieIndex.add(parent, fn, 0, node);
    }
    return node;
  }
  /** The trie node of a leaf-first stack. */
  stackNode(stack) {
    let node = 0;
    for (let i = stack.length - 1; i >= 0; i--) node = this.childNode(node, stack[i]);
    return node;
  }
  /** Adds values to the sample with this stack and labels, creating it if new. */
  addSample(stack, values, labels = {}) {
    this.addSampleAt(this.stackNode(stack), values, labels);
  }
  /** As addSample, for a stack already interned with childNode/stackNode. */
  addSampleAt(node, values, labels = {}) {
    const set = this.labelSet(labels);
    const existing = set.rows.get(node);
    if (existing !== void 0) {
      const target = this.sampleRows[existing].values;
      for (let i = 0; i < values.length; i++) target[i] = (target[i] ?? 0) + values[i];
      return;
    }
    set.rows.set(node, this.sampleRows.length);
    this.sampleRows.push({ node, values: values.slice(), labels: set.labels });
  }
  labelSet(labels) {
    let set = this.labelSetByObject.get(labels);
    if (set) return set;
    const key = labelsKey(labels);
    set = this.labelSetByKey.get(key);
    if (!set) {
      set = { labels: Object.freeze({ ...labels }), rows: /* @__PURE__ */ new Map() };
      this.labelSetByKey.set(key, set);
    }
    this.labelSetByObject.set(labels, set);
    return set;
  }
  get sampleCount() {
    return this.sampleRows.length;
  }
  build() {
    const parents = this.trieParent.view();
    const functions = this.trieFunction.view();
    const stacks = /* @__PURE__ */ new Map();
    const stackOf = (node) => {
      let stack = stacks.get(node);
      if (!stack) {
        stack = [];
        for (let n = node; n > 0; n = parents[n]) stack.push(functions[n]);
        stacks.set(node, stack);
      }
      return stack;
    };
    return {
      sampleTypes: this.sampleTypes,
      periodType: this.periodType,
      period: this.period,
      functions: this.functions,
      samples: this.sampleRows.map((r) => {
        while (r.values.length < this.sampleTypes.length) r.values.push(0);
        return { stack: stackOf(r.node), values: r.values, labels: r.labels };
      }),
      timeNanos: this.timeNanos,
      durationNanos: this.durationNanos,
      meta: this.meta
    };
  }
};
function timeValueIndex(profile) {
  const i = profile.sampleTypes.findIndex((t) => t.unit === "nanoseconds");
  return i >= 0 ? i : profile.sampleTypes.length - 1;
}
function countValueIndex(profile) {
  return profile.sampleTypes.findIndex((t) => t.unit === "count");
}

export {
  IntColumn,
  NumberColumn,
  TripleTable,
  FNV_START,
  ByteInterner,
  SAMPLES_COUNT,
  CPU_NANOS,
  ALLOC_SAMPLES,
  ALLOC_SPACE,
  IDLE_FRAME,
  PROGRAM_FRAME,
  GC_FRAME,
  CIPROF_FRAME,
  functionKey,
  ProfileBuilder,
  timeValueIndex,
  countValueIndex
};
