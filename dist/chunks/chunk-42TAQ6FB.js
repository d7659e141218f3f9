import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  appendProfiles
} from "./chunk-E4RVWPFF.js";
import {
  CpuProfileImporter,
  ProfileFileReader,
  ProfileInputError,
  asInputError
} from "./chunk-KOVH6LPN.js";
import {
  CPU_NANOS,
  ProfileBuilder,
  SAMPLES_COUNT
} from "./chunk-VYVC6F5W.js";

// src/profile/merge-files.ts
function claimer(claims, who) {
  return () => {
    const i = Atomics.add(claims.next, 0, 1);
    if (i >= claims.owner.length) return -1;
    claims.owner[i] = who;
    return i;
  };
}
var listed = (indexes) => {
  let k = 0;
  return () => k < indexes.length ? indexes[k++] : -1;
};
function importShare(files, repoRoot, take) {
  const builder = new ProfileBuilder([]);
  const reader = new ProfileFileReader();
  let importer;
  let merged = 0;
  let startUs = Infinity;
  let endUs = 0;
  const errors = [];
  for (let i = take(); i >= 0; i = take()) {
    const file = files[i];
    try {
      const parsed = reader.parse(file);
      if (parsed.kind === "pprof") {
        if (merged === 0) builder.period = parsed.profile.period;
        appendProfiles(builder, [parsed.profile]);
      } else {
        importer ??= new CpuProfileImporter(builder, { repoRoot });
        const stats = importer.add(parsed.bytes);
        startUs = Math.min(startUs, stats.startUs);
        endUs = Math.max(endUs, stats.endUs);
      }
      merged++;
    } catch (err) {
      errors.push({ index: i, file, problem: asInputError(file, err).problem });
    }
  }
  return { profile: builder.build(), merged, errors, startUs, endUs };
}
function mergeProfileFiles(files, repoRoot = process.cwd()) {
  return combine([importShare(files, repoRoot, listed(files.map((_, i) => i)))]);
}
function combine(shares) {
  const builder = new ProfileBuilder([]);
  const first = shares.find((s) => s.merged > 0);
  if (first) builder.period = first.profile.period;
  appendProfiles(builder, shares.map((s) => s.profile));
  if (builder.sampleTypes.length === 0) {
    builder.sampleTypeIndex(SAMPLES_COUNT);
    builder.sampleTypeIndex(CPU_NANOS);
  }
  const start = Math.min(...shares.map((s) => s.startUs));
  const end = Math.max(...shares.map((s) => s.endUs));
  if (builder.durationNanos === 0 && start !== Infinity) builder.durationNanos = (end - start) * 1e3;
  const errors = shares.flatMap((s) => s.errors).sort((a, b) => a.index - b.index);
  return {
    profile: builder.build(),
    merged: shares.reduce((a, s) => a + s.merged, 0),
    errors: errors.map((e) => new ProfileInputError(e.file, e.problem)),
    workers: 0
  };
}

export {
  claimer,
  importShare,
  mergeProfileFiles
};
