/**
 * Just enough of the protobuf wire format to write the few Pyroscope request messages
 * ciprof sends (no runtime dependency for three small messages). Only proto3 scalars we
 * use: varint (int64 as a JS number, safe up to 2^53), length-delimited strings, bytes
 * and nested messages. Default values are omitted, as proto3 encoders do.
 */

const WIRE_VARINT = 0;
const WIRE_LEN = 2;

export class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  private varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`protobuf: cannot encode ${value} as a varint`);
    const out: number[] = [];
    let v = value;
    // Beyond 32 bits bitwise operators truncate, so divide instead of shifting.
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
    this.push(Uint8Array.from(out));
  }

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  /** int64/uint64 field (non-negative values only: timestamps in ms are all we send). */
  int64(field: number, value: number): this {
    if (value !== 0) {
      this.tag(field, WIRE_VARINT);
      this.varint(value);
    }
    return this;
  }

  string(field: number, value: string): this {
    if (value !== '') this.bytes(field, Buffer.from(value, 'utf8'));
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    if (value.length === 0) return this;
    this.tag(field, WIRE_LEN);
    this.varint(value.length);
    this.push(value);
    return this;
  }

  /** Embedded message: always written, even when empty (it is a repeated element). */
  message(field: number, build: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    const bytes = inner.finish();
    this.tag(field, WIRE_LEN);
    this.varint(bytes.length);
    this.push(bytes);
    return this;
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}
