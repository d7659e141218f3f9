/**
 * The report's data format, shared by the writer (Node) and the page (browser), so the
 * two cannot drift. Kept free of Node and DOM imports.
 *
 * Layout of the (gzipped, base64) blob: a u32 little-endian byte length, a UTF-8 JSON
 * header (string table, counts, tests), then unsigned LEB128 varints, array after array,
 * in the order of WIRE_ARRAYS. Varints plus gzip keep a 100k-node tree to a few hundred
 * KB: most ids and deltas are small, and fixed-width ints compress worse.
 */

export const WIRE_VERSION = 2;

/** Per-function diff status, from diffProfiles (the same significance as the PR comment). */
export const STATUS_NONE = 0; // no base, or too few samples to test
export const STATUS_NOISE = 1;
export const STATUS_REGRESSION = 2;
export const STATUS_IMPROVEMENT = 3;

export interface WireHeader {
  v: number;
  strings: string[];
  functions: number;
  /** Call-tree nodes in pre-order; node 0 is the synthetic root (func -1). */
  nodes: number;
  headSamples: number;
  /** -1 when there is no base profile. */
  baseSamples: number;
  /** [file string index, name string index] per test. */
  tests: [number, number][];
  /** Unit of the sample values in the blob. */
  valueUnit: 'us';
  /**
   * Speed-adjusted self change and its 95% interval, for the functions the diff gave one
   * (reported rows and the most changed others): [function index, %, low %, high %].
   */
  intervals?: [number, number, number, number][];
  /** Both sides carry allocation bytes: each side's arrays end with 'sampleAllocBytes'. */
  alloc?: boolean;
  /** Allocation diff status of the functions it judged: [function index, STATUS_*]; others were not reported. */
  allocStatus?: [number, number][];
  /** Functions whose self time is a wait in a system call (profile/blocked.ts): [function index, class string index]. */
  blocked?: [number, number][];
  /**
   * Functions whose self time is code loading (profile/code-load.ts: a runner's transform,
   * the module loader), judged by their class's swing, never as CPU rows:
   * [function index, class string index, string index of what judged it (`prior`,
   * `history`, `runs`) or -1]. From the diff's rows when there is a diff.
   */
  codeLoad?: [number, number, number][];
  /** Per test, from the runner hooks: [head wall ms, head CPU-clock ms, base wall ms, base CPU-clock ms], -1 unknown. */
  testTimes?: [number, number, number, number][];
}

/**
 * Arrays in blob order. Signed values are zigzag-encoded; "delta" arrays are stored as
 * the difference from the previous element (or from the index, for parents).
 */
export const WIRE_ARRAYS = [
  'fnName', // string index
  'fnFile', // string index
  'fnLine',
  'fnStatus',
  // Pre-order plus depth changes is the cheapest tree shape: mostly +1 or a small drop.
  'nodeDepthDelta', // zigzag(depth - previous node's depth); the root has depth 0
  'nodeFunc', // function index + 1 (0 for the root)
  // then per side (head, then base when present):
  'sampleNodeDelta', // zigzag(node - previous node)
  'sampleTest', // test index + 1 (0: no test label)
  'sampleValue', // microseconds, rounded
  'sampleAllocBytes', // only when the header says `alloc`: bytes allocated, rounded
] as const;

export const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
export const unzigzag = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

/** Growable byte buffer writing unsigned LEB128 varints (values up to 2^53). */
export class VarintWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  write(value: number): void {
    if (this.length + 10 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    let v = value;
    // Division, not bit shifts: JS bit operators truncate to 32 bits.
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

export class VarintReader {
  pos: number;
  constructor(
    private readonly buf: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  read(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Error('report data truncated');
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 0x80;
    }
  }

  /** Reads n varints into a typed array; `map` turns the stored value back into the real one. */
  array<T extends Int32Array | Float64Array | Uint8Array>(out: T, map?: (v: number, i: number, prev: number) => number): T {
    let prev = 0;
    for (let i = 0; i < out.length; i++) {
      const v = this.read();
      prev = map ? map(v, i, prev) : v;
      out[i] = prev;
    }
    return out;
  }
}
