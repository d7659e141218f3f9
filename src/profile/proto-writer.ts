/**
 * A protobuf wire-format writer into one growing buffer. Callers write a length-delimited
 * field by giving its payload size first (varintSize/stringSize add it up), so nothing is
 * written twice or copied: our messages are small, flat and known in advance.
 */

const TWO_32 = 4294967296;

/** Bytes of v as a varint (negative numbers: 10, as int64). */
export function varintSize(v: number): number {
  if (v < 0) return 10;
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  let n = 5;
  for (let x = Math.floor(v / 0x800000000); x > 0; x = Math.floor(x / 0x80)) n++;
  return n;
}

/** A varint field's size, 0 when the value is 0 (proto3 leaves defaults out). */
export const intFieldSize = (v: number): number => (v === 0 ? 0 : 1 + varintSize(v));

/** A length-delimited field's size around a payload of n bytes. */
export const lengthFieldSize = (n: number): number => 1 + varintSize(n) + n;

export class ProtoWriter {
  private buf = new Uint8Array(64 * 1024);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  /** An unsigned or signed integer as a varint (negative: 10 bytes of two's complement, as int64). */
  varint(v: number): void {
    this.room(10);
    const buf = this.buf;
    let p = this.length;
    if (v >= 0 && v < 0x80) {
      buf[p] = v;
      this.length = p + 1;
      return;
    }
    let lo: number;
    let hi: number;
    if (v >= 0) {
      lo = v >>> 0;
      hi = Math.floor(v / TWO_32) >>> 0;
    } else {
      const a = -v;
      lo = (~(a >>> 0) + 1) >>> 0;
      hi = (~Math.floor(a / TWO_32) + (lo === 0 ? 1 : 0)) >>> 0;
    }
    while (hi > 0 || lo > 0x7f) {
      buf[p++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    buf[p++] = lo;
    this.length = p;
  }

  /** A varint field, left out when 0 (proto3's default). */
  int(field: number, v: number): void {
    if (v === 0) return;
    this.varint(field * 8);
    this.varint(v);
  }

  /**
   * A packed repeated field of `values[i] + plus`, left out when empty. One call per field,
   * no call per element: a profile's location lists are most of its varints, and this
   * code runs cold (once per `ciprof run`).
   */
  packed(field: number, values: readonly number[], plus: number): void {
    const n = values.length;
    if (n === 0) return;
    let size = 0;
    for (let i = 0; i < n; i++) size += varintSize(values[i]! + plus);
    this.open(field, size);
    this.room(size);
    const buf = this.buf;
    let p = this.length;
    for (let i = 0; i < n; i++) {
      let v = values[i]! + plus;
      if (v >= 0 && v < 0x10000000) {
        while (v >= 0x80) {
          buf[p++] = (v & 0x7f) | 0x80;
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
  open(field: number, size: number): void {
    this.varint(field * 8 + 2);
    this.varint(size);
  }

  /** A string field from its UTF-8 bytes. */
  bytes(field: number, data: Uint8Array): void {
    this.open(field, data.length);
    this.room(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** The bytes written (a copy). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
