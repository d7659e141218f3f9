/**
 * Merge of many profiles into one, as google/pprof's profile.Merge does it: functions
 * by (name, file, line), samples by (stack, labels), sample types matched by
 * type/unit (a type missing from one input counts as 0 there).
 */
import { ProfileBuilder, type Profile } from './model.js';

export function mergeProfiles(profiles: readonly Profile[]): Profile {
  const first = profiles[0];
  const builder = first ? new ProfileBuilder([], first.periodType, first.period) : new ProfileBuilder();
  appendProfiles(builder, profiles);
  return builder.build();
}

/** Adds profiles into an existing builder; sample types are matched by type/unit, new ones added. */
export function appendProfiles(builder: ProfileBuilder, profiles: readonly Profile[]): void {
  let start = builder.timeNanos > 0 ? builder.timeNanos : Infinity;
  let end = start === Infinity ? 0 : builder.timeNanos + builder.durationNanos;
  for (const p of profiles) {
    const fmap = p.functions.map((f) => builder.functionId(f.name, f.file, f.line));
    const vmap = p.sampleTypes.map((t) => builder.sampleTypeIndex(t));
    const values = new Array<number>(builder.sampleTypes.length);
    for (const s of p.samples) {
      values.fill(0);
      for (let i = 0; i < s.values.length; i++) values[vmap[i]!] = s.values[i]!;
      let node = 0;
      for (let i = s.stack.length - 1; i >= 0; i--) node = builder.childNode(node, fmap[s.stack[i]!]!);
      builder.addSampleAt(node, values, s.labels);
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
