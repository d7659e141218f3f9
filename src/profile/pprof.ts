/**
 * Profile model -> pprof (perftools.profiles.Profile) bytes, written directly in the wire
 * format; the reverse, for files we did not write, is pprof-decode.ts.
 * One Location per function (line = the function's first line), labels as pprof
 * sample labels (strings as str, numbers as num), metadata as `key=value` comments.
 */
import type { Labels, Profile, Sample, ValueType } from './model.js';
import { intFieldSize, lengthFieldSize, ProtoWriter, varintSize } from './proto-writer.js';

export { decodePprof } from './pprof-decode.js';

/** The string table: index 0 is '', as pprof requires. */
class Strings {
  readonly list: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);

  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

export function encodePprof(profile: Profile): Uint8Array {
  const strings = new Strings();
  const out = new ProtoWriter();
  const valueType = (field: number, t: ValueType): void => {
    const type = strings.id(t.type);
    const unit = strings.id(t.unit);
    out.open(field, intFieldSize(type) + intFieldSize(unit));
    out.int(1, type);
    out.int(2, unit);
  };
  for (const t of profile.sampleTypes) valueType(1, t);
  const labels = new LabelEncoder(strings);
  const samples = profile.samples;
  const rounded: number[] = [];
  for (let i = 0; i < samples.length; i++) writeSample(out, samples[i]!, labels.of(samples[i]!.labels), rounded);
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
  // Before the table is written: a period type that is no sample type (space/bytes) needs its strings in it.
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

/** A label set as pprof Label messages: (key, str or num field, value) triples and their encoded size. */
interface EncodedLabels {
  triples: number[];
  size: number;
}

/**
 * Samples share their label objects (the builder hands out one frozen object per distinct
 * set), so each set is turned into string ids once, not once per sample.
 */
class LabelEncoder {
  private readonly cache = new Map<Labels, EncodedLabels>();

  constructor(private readonly strings: Strings) {}

  of(labels: Labels): EncodedLabels {
    let encoded = this.cache.get(labels);
    if (!encoded) {
      encoded = { triples: [], size: 0 };
      for (const key in labels) {
        const value = labels[key]!;
        const k = this.strings.id(key);
        const v = typeof value === 'number' ? Math.round(value) : this.strings.id(value);
        encoded.triples.push(k, typeof value === 'number' ? 3 : 2, v);
        encoded.size += lengthFieldSize(intFieldSize(k) + intFieldSize(v));
      }
      this.cache.set(labels, encoded);
    }
    return encoded;
  }
}

/** One sample: packed location ids and values, then its labels. */
function writeSample(out: ProtoWriter, s: Sample, labels: EncodedLabels, rounded: number[]): void {
  const { stack } = s;
  rounded.length = s.values.length;
  for (let i = 0; i < rounded.length; i++) rounded[i] = Math.round(s.values[i]!);
  out.open(2, packedFieldSize(stack, 1) + packedFieldSize(rounded, 0) + labels.size);
  out.packed(1, stack, 1);
  out.packed(2, rounded, 0);
  const t = labels.triples;
  for (let i = 0; i < t.length; i += 3) {
    const k = t[i]!;
    const v = t[i + 2]!;
    out.open(3, intFieldSize(k) + intFieldSize(v));
    out.int(1, k);
    out.int(t[i + 1]!, v);
  }
}

/** Size of a packed field of `values[i] + plus` (0 when empty: left out). */
function packedFieldSize(values: readonly number[], plus: number): number {
  let size = 0;
  for (let i = 0; i < values.length; i++) size += varintSize(values[i]! + plus);
  return size ? lengthFieldSize(size) : 0;
}
