/**
 * Export to speedscope's file format (https://www.speedscope.app/file-format-schema.json),
 * one "sampled" profile per value type so users can open our data in speedscope.
 */
import type { Profile } from './model.js';

interface SpeedscopeFile {
  $schema: string;
  shared: { frames: { name: string; file?: string; line?: number }[] };
  profiles: {
    type: 'sampled';
    name: string;
    unit: string;
    startValue: number;
    endValue: number;
    samples: number[][];
    weights: number[];
  }[];
  name: string;
  exporter: string;
}

export function toSpeedscope(profile: Profile, name = 'ciprof'): SpeedscopeFile {
  const frames = profile.functions.map((f) => (f.file ? { name: f.name, file: f.file, line: f.line } : { name: f.name }));
  const samples = profile.samples.map((s) => [...s.stack].reverse());
  const profiles = profile.sampleTypes.map((t, i) => {
    const weights = profile.samples.map((s) => s.values[i] ?? 0);
    return {
      type: 'sampled' as const,
      name: `${name} ${t.type}`,
      unit: t.unit === 'nanoseconds' ? 'nanoseconds' : 'none',
      startValue: 0,
      endValue: weights.reduce((a, b) => a + b, 0),
      samples,
      weights,
    };
  });
  return { $schema: 'https://www.speedscope.app/file-format-schema.json', shared: { frames }, profiles, name, exporter: 'ciprof' };
}
