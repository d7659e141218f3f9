/**
 * Reads and merges many profile files, one at a time, into one builder: V8 profiles are
 * converted straight into the merged call trie (no per-file profile to merge again),
 * pprof inputs are appended. A file that cannot be read is reported and skipped; files
 * are read one at a time into one reused buffer, so memory stays flat with their number.
 */
import { CpuProfileImporter } from './cpuprofile.js';
import type { ProfileInputError } from './errors.js';
import { appendProfiles } from './merge.js';
import { CPU_NANOS, ProfileBuilder, SAMPLES_COUNT, type Profile } from './model.js';
import { asInputError, ProfileFileReader } from './read.js';

export interface MergedFiles {
  profile: Profile;
  merged: number;
  errors: ProfileInputError[];
}

export function mergeProfileFiles(files: readonly string[], repoRoot = process.cwd()): MergedFiles {
  const errors: ProfileInputError[] = [];
  const builder = new ProfileBuilder([]);
  let importer: CpuProfileImporter | undefined;
  const reader = new ProfileFileReader();
  let merged = 0;
  let start = Infinity;
  let end = 0;
  for (const file of files) {
    try {
      const parsed = reader.parse(file);
      if (parsed.kind === 'pprof') {
        if (merged === 0) builder.period = parsed.profile.period;
        appendProfiles(builder, [parsed.profile]);
      } else {
        importer ??= new CpuProfileImporter(builder, { repoRoot });
        const stats = importer.add(parsed.bytes);
        start = Math.min(start, stats.startUs);
        end = Math.max(end, stats.endUs);
      }
      merged++;
    } catch (err) {
      errors.push(asInputError(file, err));
    }
  }
  if (builder.sampleTypes.length === 0) {
    builder.sampleTypeIndex(SAMPLES_COUNT);
    builder.sampleTypeIndex(CPU_NANOS);
  }
  if (builder.durationNanos === 0 && start !== Infinity) builder.durationNanos = (end - start) * 1000;
  return { profile: builder.build(), merged, errors };
}
