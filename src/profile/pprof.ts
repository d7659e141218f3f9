/**
 * Profile model -> pprof (perftools.profiles.Profile) bytes, written directly in the wire
 * format; the reverse, for files we did not write, is pprof-decode.ts.
 * One Location per function (line = the function's first line), labels as pprof
 * sample labels (strings as str, numbers as num), metadata as `key=value` comments.
 */
import type { Profile, Sample, ValueType } from './model.js';
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
  const labelIds: number[] = [];
  for (const s of profile.samples) writeSample(out, s, strings, labelIds);
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

/** One sample: packed location ids and values, then its labels (key and str or num, as string ids in labelIds). */
function writeSample(out: ProtoWriter, s: Sample, strings: Strings, labelIds: number[]): void {
  let locations = 0;
  for (const id of s.stack) locations += varintSize(id + 1);
  let values = 0;
  for (const v of s.values) values += varintSize(Math.round(v));
  let size = (locations ? lengthFieldSize(locations) : 0) + (values ? lengthFieldSize(values) : 0);
  labelIds.length = 0;
  for (const key in s.labels) {
    const value = s.labels[key]!;
    const k = strings.id(key);
    const v = typeof value === 'number' ? Math.round(value) : strings.id(value);
    labelIds.push(k, v, typeof value === 'number' ? 3 : 2);
    size += lengthFieldSize(intFieldSize(k) + intFieldSize(v));
  }
  out.open(2, size);
  if (locations) {
    out.open(1, locations);
    for (const id of s.stack) out.varint(id + 1);
  }
  if (values) {
    out.open(2, values);
    for (const v of s.values) out.varint(Math.round(v));
  }
  for (let i = 0; i < labelIds.length; i += 3) {
    const k = labelIds[i]!;
    const v = labelIds[i + 1]!;
    out.open(3, intFieldSize(k) + intFieldSize(v));
    out.int(1, k);
    out.int(labelIds[i + 2]!, v);
  }
}
