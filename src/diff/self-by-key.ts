import { functionKey, IDLE_FRAME, timeValueIndex, type Profile } from '../profile/model.js';

/** Self time (ns) per function key over a whole profile, idle excluded. Keys match across profiles. */
export function selfByFunctionKey(profile: Profile): Map<string, number> {
  const vi = timeValueIndex(profile);
  const keys = profile.functions.map(functionKey);
  const out = new Map<string, number>();
  for (const s of profile.samples) {
    const leaf = s.stack[0];
    if (leaf === undefined || profile.functions[leaf]!.name === IDLE_FRAME) continue;
    out.set(keys[leaf]!, (out.get(keys[leaf]!) ?? 0) + (s.values[vi] ?? 0));
  }
  return out;
}
