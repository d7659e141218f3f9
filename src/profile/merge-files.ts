/**
 * Reads and merges many profile files, one at a time, into one builder: V8 profiles are
 * converted straight into the merged call trie (no per-file profile to merge again),
 * pprof inputs are appended. A file that cannot be read is reported and skipped; only
 * one parsed file is alive at a time, so memory stays flat with the number of files.
 */
import { addCpuProfile } from './cpuprofile.js';
import { ProfileInputError } from './errors.js';
import { appendProfiles } from './merge.js';
import { CPU_NANOS, ProfileBuilder, SAMPLES_COUNT, type Profile } from './model.js';
import { readAndParseProfile } from './read.js';

export interface MergedFiles {
  profile: Profile;
  merged: number;
  errors: ProfileInputError[];
}

export function mergeProfileFiles(files: readonly string[], repoRoot = process.cwd()): MergedFiles {
  const errors: ProfileInputError[] = [];
  const builder = new ProfileBuilder([]);
  let merged = 0;
  let start = Infinity;
  let end = 0;
  for (const file of files) {
    try {
      const parsed = readAndParseProfile(file);
      if (parsed.kind === 'pprof') {
        if (merged === 0) {
          builder.period = parsed.profile.period;
        }
        appendProfiles(builder, [parsed.profile]);
      } else {
        builder.sampleTypeIndex(SAMPLES_COUNT);
        builder.sampleTypeIndex(CPU_NANOS);
        const stats = addCpuProfile(builder, parsed.cpu, { repoRoot });
        start = Math.min(start, stats.startUs);
        end = Math.max(end, stats.endUs);
      }
      merged++;
    } catch (err) {
      errors.push(err instanceof ProfileInputError ? err : new ProfileInputError(file, (err as Error).message));
    }
  }
  if (builder.sampleTypes.length === 0) {
    builder.sampleTypeIndex(SAMPLES_COUNT);
    builder.sampleTypeIndex(CPU_NANOS);
  }
  if (builder.durationNanos === 0 && start !== Infinity) builder.durationNanos = (end - start) * 1000;
  return { profile: builder.build(), merged, errors };
}
