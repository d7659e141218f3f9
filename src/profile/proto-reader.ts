/**
 * A protobuf wire-format reader over one buffer: varints, lengths and sub-message windows,
 * every read bounds-checked against the current window. Errors are plain Errors saying
 * what is wrong at which byte.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

const TWO_32 = 4294967296;

export class ProtoReader {
  pos: number;
  /** End of the current window (message). */
  limit: number;
  /** Set by tag(). */
  field = 0;
  wire = 0;
  /** Low and high 32 bits of the last uint() longer than 4 bytes, for int64's sign. */
  private lo = 0;
  private hi = 0;

  constructor(readonly buf: Uint8Array) {
    this.pos = 0;
    this.limit = buf.length;
  }

  fail(problem: string): never {
    throw new Error(`${problem} at byte ${this.pos}`);
  }

  get done(): boolean {
    return this.pos >= this.limit;
  }

  /** Reads a field's tag into field/wire. */
  tag(): void {
    const t = this.uint();
    this.field = Math.floor(t / 8);
    this.wire = t % 8;
    if (this.field === 0) this.fail('field number 0');
  }

  /** An unsigned varint as a Number (exact below 2^53). */
  uint(): number {
    const buf = this.buf;
    let p = this.pos;
    if (p >= this.limit) this.fail('truncated varint');
    let b = buf[p++]!;
    if (b < 0x80) {
      this.pos = p;
      return b;
    }
    let lo = b & 0x7f;
    let hi = 0;
    for (let shift = 7; shift < 28; shift += 7) {
      if (p >= this.limit) this.fail('truncated varint');
      b = buf[p++]!;
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.pos = p;
        return lo >>> 0;
      }
    }
    if (p >= this.limit) this.fail('truncated varint');
    b = buf[p++]!;
    lo = (lo | ((b & 0x7f) << 28)) >>> 0;
    hi = (b & 0x7f) >> 4;
    if (b >= 0x80) {
      for (let shift = 3; ; shift += 7) {
        if (shift > 31) this.fail('varint longer than 10 bytes');
        if (p >= this.limit) this.fail('truncated varint');
        b = buf[p++]!;
        hi = (hi | ((b & 0x7f) << shift)) >>> 0;
        if (b < 0x80) break;
      }
    }
    this.pos = p;
    this.lo = lo;
    this.hi = hi;
    return hi * TWO_32 + lo;
  }

  /** A signed int64 varint (two's complement over 10 bytes) as a Number. */
  int(): number {
    this.hi = 0;
    const u = this.uint();
    if (this.hi < 0x80000000) return u;
    return -((~this.hi >>> 0) * TWO_32 + (~this.lo >>> 0) + 1);
  }

  /** A length prefix, checked against the window. */
  length(): number {
    const n = this.uint();
    if (n > this.limit - this.pos) this.fail(`length ${n} runs past the end of its message`);
    return n;
  }

  /** Enters a length-delimited sub-message; returns the outer limit for leave(). */
  enter(): number {
    const n = this.length();
    const outer = this.limit;
    this.limit = this.pos + n;
    return outer;
  }

  leave(outer: number): void {
    this.pos = this.limit;
    this.limit = outer;
  }

  /** Skips the value of the field just read by tag(). */
  skip(): void {
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
  ints(signed: boolean, each: (v: number) => void): void {
    if (this.wire === WIRE_VARINT) {
      each(signed ? this.int() : this.uint());
      return;
    }
    if (this.wire !== WIRE_BYTES) this.fail(`field ${this.field} has wire type ${this.wire}, expected integers`);
    const outer = this.enter();
    while (this.pos < this.limit) each(signed ? this.int() : this.uint());
    this.leave(outer);
  }

  expectWire(wire: number): void {
    if (this.wire !== wire) this.fail(`field ${this.field} has wire type ${this.wire}, expected ${wire}`);
  }

  private advance(n: number): void {
    if (n > this.limit - this.pos) this.fail('truncated field');
    this.pos += n;
  }
}
