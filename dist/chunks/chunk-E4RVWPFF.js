import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  ProfileBuilder
} from "./chunk-VYVC6F5W.js";

// src/profile/merge.ts
function mergeProfiles(profiles) {
  const first = profiles[0];
  const builder = first ? new ProfileBuilder([], first.periodType, first.period) : new ProfileBuilder();
  appendProfiles(builder, profiles);
  return builder.build();
}
function appendProfiles(builder, profiles) {
  let start = builder.timeNanos > 0 ? builder.timeNanos : Infinity;
  let end = start === Infinity ? 0 : builder.timeNanos + builder.durationNanos;
  for (const p of profiles) {
    const fmap = p.functions.map((f) => builder.functionId(f.name, f.file, f.line));
    const vmap = p.sampleTypes.map((t) => builder.sampleTypeIndex(t));
    const values = new Array(builder.sampleTypes.length);
    for (const s of p.samples) {
      values.fill(0);
      for (let i = 0; i < s.values.length; i++) values[vmap[i]] = s.values[i];
      let node = 0;
      for (let i = s.stack.length - 1; i >= 0; i--) node = builder.childNode(node, fmap[s.stack[i]]);
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

export {
  mergeProfiles,
  appendProfiles
};
