/**
 * Two small open-addressing hash tables on typed arrays, for the hot paths of import and
 * merge: a JS Map keyed by a composed number or string allocates a heap number or a
 * string per lookup, and lookups happen once per call-tree node of every input.
 */

const EMPTY = -1;

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** (a, b, c) int triples -> non-negative int values. */
export class TripleTable {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;
  private missSlot = -1;
  private missA = 0;
  private missB = 0;
  private missC = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size * 3);
    this.values = new Int32Array(size).fill(EMPTY);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.missSlot = -1;
    if (this.count === 0) return;
    this.values.fill(EMPTY);
    this.count = 0;
  }

  /** The value stored for (a, b, c), or -1. */
  get(a: number, b: number, c: number): number {
    const { keys, values, mask } = this;
    for (let slot = mix(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask; ; slot = (slot + 1) & mask) {
      const v = values[slot]!;
      if (v === EMPTY) {
        // Where add() will put this key if it comes next (the usual get-then-add).
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
  add(a: number, b: number, c: number, value: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    else if (this.missSlot >= 0 && a === this.missA && b === this.missB && c === this.missC) {
      this.put(this.missSlot, a, b, c, value);
      return;
    }
    const { values, mask } = this;
    let slot = mix(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
    while (values[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.put(slot, a, b, c, value);
  }

  private put(slot: number, a: number, b: number, c: number, value: number): void {
    const k = slot * 3;
    this.keys[k] = a;
    this.keys[k + 1] = b;
    this.keys[k + 2] = c;
    this.values[slot] = value;
    this.count++;
    this.missSlot = -1;
  }

  private grow(): void {
    const { keys, values } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size * 3);
    this.values = new Int32Array(size).fill(EMPTY);
    this.count = 0;
    this.missSlot = -1;
    for (let slot = 0; slot < values.length; slot++) {
      if (values[slot] !== EMPTY) this.add(keys[slot * 3]!, keys[slot * 3 + 1]!, keys[slot * 3 + 2]!, values[slot]!);
    }
  }
}

/** FNV-1a's start value, as an int32 like every hash here (a table keeps hashes in an Int32Array). */
export const FNV_START = 0x811c9dc5 | 0;

/**
 * Byte strings -> dense ids, without making a JS string: identical names and URLs recur
 * in every node of every profile, and only the first sighting needs decoding.
 */
export class ByteInterner {
  private arena = new Uint8Array(64 * 1024);
  private arenaUsed = 0;
  private starts: Int32Array;
  private lengths: Int32Array;
  private hashes: Int32Array;
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Id of the bytes [start, end) of buf, adding them when new. `hash`: any int32 hash of those bytes (FNV-1a from JsonBytes). */
  intern(buf: Uint8Array, start: number, end: number, hash: number): number {
    hash |= 0;
    const len = end - start;
    const { slots, mask, arena } = this;
    let slot = mix(hash) & mask;
    for (let id = slots[slot]!; id !== EMPTY; slot = (slot + 1) & mask, id = slots[slot]!) {
      if (this.hashes[id] !== hash || this.lengths[id] !== len) continue;
      const at = this.starts[id]!;
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
  bytes(id: number): Uint8Array {
    const at = this.starts[id]!;
    return this.arena.subarray(at, at + this.lengths[id]!);
  }

  private insert(buf: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    const id = this.count++;
    if (id === this.starts.length) {
      const grow = (a: Int32Array): Int32Array => {
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

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(EMPTY);
    for (let id = 0; id < this.count; id++) {
      let slot = mix(this.hashes[id]!) & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }
}
