/**
 * Profile model <-> pprof (perftools.profiles.Profile), through pprof-format.
 * One Location per function (line = the function's first line), labels as pprof
 * sample labels (strings as str, numbers as num), metadata as `key=value` comments.
 */
import {
  Function as PprofFunction,
  Label,
  Line,
  Location,
  Profile as PprofProfile,
  Sample as PprofSample,
  StringTable,
  ValueType as PprofValueType,
} from 'pprof-format';
import { ProfileBuilder, type LabelValue, type Profile, type ValueType } from './model.js';

export function encodePprof(profile: Profile): Uint8Array {
  const strings = new StringTable();
  const vt = (t: ValueType): PprofValueType => new PprofValueType({ type: strings.dedup(t.type), unit: strings.dedup(t.unit) });
  const functions = profile.functions.map(
    (f, i) =>
      new PprofFunction({
        id: i + 1,
        name: strings.dedup(f.name),
        systemName: strings.dedup(f.name),
        filename: strings.dedup(f.file),
        startLine: f.line,
      }),
  );
  const locations = profile.functions.map((f, i) => new Location({ id: i + 1, line: [new Line({ functionId: i + 1, line: f.line })] }));
  const samples = profile.samples.map((s) => {
    const label: Label[] = [];
    for (const [key, value] of Object.entries(s.labels)) {
      label.push(
        typeof value === 'number'
          ? new Label({ key: strings.dedup(key), num: value })
          : new Label({ key: strings.dedup(key), str: strings.dedup(value) }),
      );
    }
    return new PprofSample({ locationId: s.stack.map((id) => id + 1), value: s.values.map(Math.round), label });
  });
  const comment = Object.entries(profile.meta).map(([k, v]) => strings.dedup(`${k}=${v}`));
  const out = new PprofProfile({
    sampleType: profile.sampleTypes.map(vt),
    periodType: vt(profile.periodType),
    period: Math.round(profile.period),
    function: functions,
    location: locations,
    sample: samples,
    timeNanos: Math.round(profile.timeNanos),
    durationNanos: Math.round(profile.durationNanos),
    comment,
    stringTable: strings,
  });
  return out.encode();
}

const num = (n: number | bigint | undefined): number => (n === undefined ? 0 : Number(n));

/** Throws a plain Error describing what is wrong; callers add the file name. */
export function decodePprof(bytes: Uint8Array): Profile {
  let p: PprofProfile;
  try {
    p = PprofProfile.decode(bytes);
  } catch (err) {
    throw new Error(`not a pprof profile (${(err as Error).message})`);
  }
  const str = (i: number | bigint | undefined): string => {
    const s = p.stringTable.strings[num(i)];
    if (s === undefined) throw new Error(`not a pprof profile (string index ${num(i)} out of range)`);
    return s;
  };
  if (p.sampleType.length === 0) throw new Error('not a pprof profile (no sample types)');
  const sampleTypes = p.sampleType.map((t) => ({ type: str(t.type), unit: str(t.unit) }));
  const periodType = p.periodType ? { type: str(p.periodType.type), unit: str(p.periodType.unit) } : sampleTypes[sampleTypes.length - 1]!;
  const builder = new ProfileBuilder(sampleTypes, periodType, num(p.period));
  builder.timeNanos = num(p.timeNanos);
  builder.durationNanos = num(p.durationNanos);

  const functionIds = new Map<number, number>();
  for (const f of p.function) functionIds.set(num(f.id), builder.functionId(str(f.name), str(f.filename), num(f.startLine)));
  // Inlined frames: line[0] is the innermost, the last entry the caller it was inlined into.
  const locationFrames = new Map<number, number[]>();
  for (const loc of p.location) {
    const frames: number[] = [];
    for (const line of loc.line) {
      const fid = functionIds.get(num(line.functionId));
      if (fid === undefined) throw new Error(`not a pprof profile (location ${num(loc.id)} names unknown function ${num(line.functionId)})`);
      frames.push(fid);
    }
    locationFrames.set(num(loc.id), frames);
  }
  for (const s of p.sample) {
    const stack: number[] = [];
    for (const id of s.locationId) {
      const frames = locationFrames.get(num(id));
      if (!frames) throw new Error(`not a pprof profile (sample names unknown location ${num(id)})`);
      stack.push(...frames);
    }
    if (s.value.length !== sampleTypes.length) throw new Error(`not a pprof profile (sample has ${s.value.length} values for ${sampleTypes.length} types)`);
    const labels: Record<string, LabelValue> = {};
    for (const l of s.label) labels[str(l.key)] = num(l.str) !== 0 ? str(l.str) : num(l.num);
    builder.addSample(stack, s.value.map(num), labels);
  }
  for (const c of p.comment) {
    const text = str(c);
    const eq = text.indexOf('=');
    if (eq > 0) builder.meta[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return builder.build();
}
