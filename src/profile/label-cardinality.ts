/**
 * Label cardinality control for stores that index labels (Pyroscope): `--labels
 * test_file` keeps one series per test file, `test_file,test_name` one per test. Labels
 * with one value per process or thread (`pid`, `thread`) are always dropped: they would
 * make every CI run a new series. Samples that become identical are re-aggregated.
 */
import { ProfileBuilder, type Labels, type Profile } from './model.js';
import { TEST_FILE_LABEL, TEST_NAME_LABEL } from './tests.js';

export type LabelLevel = 'test_file' | 'test_file,test_name';

export const PER_PROCESS_LABELS: readonly string[] = ['pid', 'thread'];

export function parseLabelLevel(value: string): LabelLevel {
  const v = value.split(',').map((s) => s.trim()).filter(Boolean).join(',');
  if (v === TEST_FILE_LABEL || v === `${TEST_FILE_LABEL},${TEST_NAME_LABEL}`) return v as LabelLevel;
  throw new Error(`--labels must be "test_file" or "test_file,test_name" (got "${value}")`);
}

/** A copy of the profile with only the labels the level allows. */
export function limitLabels(profile: Profile, level: LabelLevel): Profile {
  const drop = new Set(PER_PROCESS_LABELS);
  if (level === TEST_FILE_LABEL) drop.add(TEST_NAME_LABEL);
  const builder = new ProfileBuilder(profile.sampleTypes, profile.periodType, profile.period);
  const ids = profile.functions.map((f) => builder.functionId(f.name, f.file, f.line));
  for (const s of profile.samples) {
    const labels: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(s.labels)) if (!drop.has(k)) labels[k] = v;
    builder.addSample(
      s.stack.map((i) => ids[i]!),
      s.values,
      labels as Labels,
    );
  }
  builder.timeNanos = profile.timeNanos;
  builder.durationNanos = profile.durationNanos;
  builder.meta = { ...profile.meta };
  return builder.build();
}
