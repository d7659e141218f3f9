/**
 * Working arrays reused from one input file to the next: a merge of hundreds of profiles
 * otherwise allocates (and zero-fills, and collects) a dozen typed arrays per file. What
 * a scan returns points into these, so it is valid until the next file is read.
 */
import { IntColumn, NumberColumn } from './columns.js';
import { TripleTable } from './hash-tables.js';

export class Scratch {
  private readonly i32 = new Map<string, Int32Array>();
  private readonly f64 = new Map<string, Float64Array>();
  private readonly u8 = new Map<string, Uint8Array>();
  private readonly intColumns = new Map<string, IntColumn>();
  private readonly numberColumns = new Map<string, NumberColumn>();
  private readonly tables = new Map<string, TripleTable>();

  int32(key: string, n: number, fill?: number): Int32Array {
    const a = grown(this.i32, key, n, (size) => new Int32Array(size));
    return fill === undefined ? a.subarray(0, n) : a.subarray(0, n).fill(fill);
  }

  float64(key: string, n: number, fill?: number): Float64Array {
    const a = grown(this.f64, key, n, (size) => new Float64Array(size));
    return fill === undefined ? a.subarray(0, n) : a.subarray(0, n).fill(fill);
  }

  uint8(key: string, n: number, fill?: number): Uint8Array {
    const a = grown(this.u8, key, n, (size) => new Uint8Array(size));
    return fill === undefined ? a.subarray(0, n) : a.subarray(0, n).fill(fill);
  }

  /** An empty column. */
  ints(key: string): IntColumn {
    return reset(this.intColumns, key, () => new IntColumn(1024));
  }

  numbers(key: string): NumberColumn {
    return reset(this.numberColumns, key, () => new NumberColumn(1024));
  }

  /** An empty table. */
  table(key: string): TripleTable {
    let t = this.tables.get(key);
    if (!t) this.tables.set(key, (t = new TripleTable()));
    else t.clear();
    return t;
  }
}

function grown<T extends { length: number }>(map: Map<string, T>, key: string, n: number, make: (size: number) => T): T {
  let a = map.get(key);
  if (!a || a.length < n) {
    a = make(Math.max(n, (a?.length ?? 0) * 2, 256));
    map.set(key, a);
  }
  return a;
}

function reset<T extends { length: number }>(map: Map<string, T>, key: string, make: () => T): T {
  let c = map.get(key);
  if (!c) map.set(key, (c = make()));
  c.length = 0;
  return c;
}
