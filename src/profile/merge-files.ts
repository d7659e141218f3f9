/**
 * Reads and merges many profile files into one builder: V8 profiles are converted straight
 * into the merged call trie (no per-file profile to merge again), pprof inputs are
 * appended. A file that cannot be read is reported and skipped. Files are read one at a
 * time into one reused buffer, so memory stays flat with their number.
 *
 * With several cores, worker threads (merge-worker.ts) take files from the same list as
 * the main thread (a shared counter), each into its own builder; the main thread appends
 * their profiles at the end. A worker that cannot start or dies leaves its files to the
 * main thread, so the result never depends on the workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { distFile } from '../util/dist-file.js';
import { CpuProfileImporter } from './cpuprofile.js';
import { ProfileInputError } from './errors.js';
import { appendProfiles } from './merge.js';
import { CPU_NANOS, ProfileBuilder, SAMPLES_COUNT, type Profile } from './model.js';
import { asInputError, ProfileFileReader } from './read.js';

export interface MergedFiles {
  profile: Profile;
  merged: number;
  errors: ProfileInputError[];
  /** Worker threads whose share made it into the profile (0: the main thread read everything). */
  workers: number;
}

/** What one thread made of the files it took: its profile, time span and refusals. */
export interface ImportedShare {
  profile: Profile;
  merged: number;
  errors: { index: number; file: string; problem: string }[];
  startUs: number;
  endUs: number;
}

/** Shared between threads: the next file to take, and who took each (0 nobody, 1 the main thread, 2 + n worker n). */
export interface FileClaims {
  next: Int32Array;
  owner: Int8Array;
}

const MAIN = 1;
const workerId = (n: number): number => 2 + n;

/** Takes the next unclaimed file for `who`, or -1 when none is left. */
export function claimer(claims: FileClaims, who: number): () => number {
  return () => {
    const i = Atomics.add(claims.next, 0, 1);
    if (i >= claims.owner.length) return -1;
    claims.owner[i] = who;
    return i;
  };
}

const listed = (indexes: readonly number[]): (() => number) => {
  let k = 0;
  return () => (k < indexes.length ? indexes[k++]! : -1);
};

/** Imports the files `take` hands out, one at a time, into a fresh builder. */
export function importShare(files: readonly string[], repoRoot: string, take: () => number): ImportedShare {
  const builder = new ProfileBuilder([]);
  const reader = new ProfileFileReader();
  let importer: CpuProfileImporter | undefined;
  let merged = 0;
  let startUs = Infinity;
  let endUs = 0;
  const errors: ImportedShare['errors'] = [];
  for (let i = take(); i >= 0; i = take()) {
    const file = files[i]!;
    try {
      const parsed = reader.parse(file);
      if (parsed.kind === 'pprof') {
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

export function mergeProfileFiles(files: readonly string[], repoRoot = process.cwd()): MergedFiles {
  return combine([importShare(files, repoRoot, listed(files.map((_, i) => i)))]);
}

/** Below this many files a worker's start-up costs more than it saves. */
const MIN_FILES_PER_WORKER = 16;
const MAX_WORKERS = 3;

export async function mergeProfileFilesInParallel(files: readonly string[], repoRoot = process.cwd()): Promise<MergedFiles> {
  const workers = Math.min(MAX_WORKERS, availableParallelism() - 1, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (workers < 1) return mergeProfileFiles(files, repoRoot);
  const claims: FileClaims = { next: new Int32Array(new SharedArrayBuffer(4)), owner: new Int8Array(new SharedArrayBuffer(files.length)) };
  const running = Array.from({ length: workers }, (_, n) => startWorker(files, repoRoot, claims, workerId(n)));
  const shares = [importShare(files, repoRoot, claimer(claims, MAIN))];
  const results = await Promise.all(running);
  results.forEach((share, n) => {
    // A worker that failed lost what it had read: the main thread reads those files again.
    shares.push(share ?? importShare(files, repoRoot, listed(files.map((_, i) => i).filter((i) => claims.owner[i] === workerId(n)))));
  });
  return { ...combine(shares), workers: results.filter(Boolean).length };
}

function startWorker(files: readonly string[], repoRoot: string, claims: FileClaims, who: number): Promise<ImportedShare | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(distFile('merge-worker.js'), { workerData: { files, repoRoot, claims, who } });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (share: ImportedShare) => resolve(share));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

function combine(shares: readonly ImportedShare[]): MergedFiles {
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
  if (builder.durationNanos === 0 && start !== Infinity) builder.durationNanos = (end - start) * 1000;
  const errors = shares.flatMap((s) => s.errors).sort((a, b) => a.index - b.index);
  return {
    profile: builder.build(),
    merged: shares.reduce((a, s) => a + s.merged, 0),
    errors: errors.map((e) => new ProfileInputError(e.file, e.problem)),
    workers: 0,
  };
}
