/**
 * Merge of many profiles into one, as google/pprof's profile.Merge does it: functions
 * by (name, file, line), samples by (stack, labels), sample types matched by
 * type/unit (a type missing from one input counts as 0 there).
 */
import { ProfileBuilder, type Profile, type ValueType } from './model.js';

const typeKey = (t: ValueType): string => `${t.type}/${t.unit}`;

export function mergeProfiles(profiles: readonly Profile[]): Profile {
  if (profiles.length === 0) return new ProfileBuilder().build();
  const types: ValueType[] = [];
  const typeIndex = new Map<string, number>();
  for (const p of profiles) {
    for (const t of p.sampleTypes) {
      if (!typeIndex.has(typeKey(t))) {
        typeIndex.set(typeKey(t), types.length);
        types.push(t);
      }
    }
  }
  const first = profiles[0]!;
  const builder = new ProfileBuilder(types, first.periodType, first.period);
  appendProfiles(builder, profiles, typeIndex);
  return builder.build();
}

/** Adds profiles into an existing builder (whose sample types they must map onto). */
export function appendProfiles(builder: ProfileBuilder, profiles: readonly Profile[], typeIndex?: Map<string, number>): void {
  const index = typeIndex ?? new Map(builder.sampleTypes.map((t, i) => [typeKey(t), i]));
  let start = builder.durationNanos > 0 || builder.timeNanos > 0 ? builder.timeNanos : Infinity;
  let end = start === Infinity ? 0 : builder.timeNanos + builder.durationNanos;
  const values = new Array<number>(builder.sampleTypes.length);
  for (const p of profiles) {
    const fmap = p.functions.map((f) => builder.functionId(f.name, f.file, f.line));
    const vmap = p.sampleTypes.map((t) => index.get(typeKey(t)) ?? -1);
    for (const s of p.samples) {
      values.fill(0);
      for (let i = 0; i < s.values.length; i++) if (vmap[i]! >= 0) values[vmap[i]!] = s.values[i]!;
      builder.addSample(
        s.stack.map((id) => fmap[id]!),
        values,
        s.labels,
      );
    }
    for (const [k, v] of Object.entries(p.meta)) if (!(k in builder.meta)) builder.meta[k] = v;
    if (p.timeNanos > 0) {
      start = Math.min(start, p.timeNanos);
      end = Math.max(end, p.timeNanos + p.durationNanos);
    }
  }
  if (start !== Infinity) {
    builder.timeNanos = start;
    builder.durationNanos = end - start;
  }
}
