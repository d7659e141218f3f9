/**
 * Splitting a profile by sample type: a run with `--alloc` carries CPU and allocation
 * values side by side (one sample has one or the other), while a consumer that knows one
 * kind per profile (Pyroscope's profile types) wants them apart.
 */
import { ALLOC_SAMPLES, ALLOC_SPACE, type Profile, type ValueType } from './model.js';

export const SPACE_BYTES: ValueType = { type: 'space', unit: 'bytes' };

export const isAllocationType = (t: ValueType): boolean => (t.type === ALLOC_SAMPLES.type && t.unit === ALLOC_SAMPLES.unit) || (t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);

export function hasAllocations(profile: Pick<Profile, 'sampleTypes'>): boolean {
  return profile.sampleTypes.some(isAllocationType);
}

/** The profile with only the sample types `keep` accepts; samples left with no value are dropped. */
export function withSampleTypes(profile: Profile, keep: (t: ValueType) => boolean, period?: { periodType: ValueType; period: number }): Profile {
  const idx = profile.sampleTypes.flatMap((t, i) => (keep(t) ? [i] : []));
  const samples = profile.samples.flatMap((s) => {
    const values = idx.map((i) => s.values[i] ?? 0);
    return values.some((v) => v !== 0) ? [{ ...s, values }] : [];
  });
  return { ...profile, ...period, sampleTypes: idx.map((i) => profile.sampleTypes[i]!), samples };
}

/** CPU and allocations as two profiles (alloc undefined without allocation types); the allocation one is period space/bytes. */
export function splitAllocations(profile: Profile): { cpu: Profile; alloc?: Profile } {
  if (!hasAllocations(profile)) return { cpu: profile };
  const interval = Number(profile.meta['alloc.interval_bytes']) || 0;
  return {
    cpu: withSampleTypes(profile, (t) => !isAllocationType(t)),
    alloc: withSampleTypes(profile, isAllocationType, { periodType: SPACE_BYTES, period: interval }),
  };
}
