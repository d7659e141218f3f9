/**
 * Runs the decoders in a child process of its own, so the tests can measure its memory
 * (peak RSS, heap) and see a crash as a crash. Bundled by esbuild at test time
 * (decode-child.ts). Two modes, the result as one JSON line on stdout:
 *
 *   files <file>...            decode each file as `ciprof merge` would
 *   fuzz <seedDir> <n> <seed>  mutate the seeds n times (seeded), decode every mutant
 *
 * An "expected" failure is a plain Error or ProfileInputError with one line of text; any
 * other exception (TypeError, RangeError: a bug) or a multi-line message is reported
 * as a crash with the input that caused it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseTestRecords } from '../../src/collect/test-record-read.js';
import { agentInfoOf } from '../../src/collect/thread-info.js';
import { CpuProfileImporter } from '../../src/profile/cpuprofile.js';
import { ProfileInputError } from '../../src/profile/errors.js';
import { mergeProfileFiles } from '../../src/profile/merge-files.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { decodePprof, encodePprof } from '../../src/profile/pprof.js';
import { asInputError, parseProfileBytes } from '../../src/profile/read.js';
import { mutants, type Seed } from './mutate.js';

interface Outcome {
  ok: number;
  rejected: number;
  crashes: { input: string; error: string }[];
  multiLine: string[];
  problems: Record<string, number>;
  maxIterationMs: number;
  slowest: string;
  peakHeapMB: number;
  peakRssMB: number;
}

const outcome: Outcome = { ok: 0, rejected: 0, crashes: [], multiLine: [], problems: {}, maxIterationMs: 0, slowest: '', peakHeapMB: 0, peakRssMB: 0 };

function expectedFailure(err: unknown, name: string, input: string): void {
  if (!(err instanceof Error) || (err.constructor !== Error && !(err instanceof ProfileInputError))) {
    outcome.crashes.push({ input, error: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err) });
    return;
  }
  const message = asInputError(name, err).message;
  if (message.includes('\n') || !message.startsWith(`${name}: `)) outcome.multiLine.push(message);
  outcome.rejected++;
  // The kind of problem, without numbers: which checks the corpus reached.
  const kind = message.slice(name.length + 2).replace(/\d+/g, 'N').slice(0, 60);
  outcome.problems[kind] = (outcome.problems[kind] ?? 0) + 1;
}

function sampleMemory(): void {
  const m = process.memoryUsage();
  outcome.peakHeapMB = Math.max(outcome.peakHeapMB, m.heapUsed / 1e6);
}

function fuzz(seedDir: string, n: number, seed: number): void {
  const seeds: Seed[] = readdirSync(seedDir).map((f) => ({ name: f, bytes: readFileSync(join(seedDir, f)) }));
  // One importer for every mutant, as a merge of many files shares one: a refused file must leave it sound.
  const merged = new ProfileBuilder();
  const importer = new CpuProfileImporter(merged, { repoRoot: '/repo', isOwnScript: (url) => url.includes('/dist/runners/') });
  let i = 0;
  for (const m of mutants(seeds, n, seed)) {
    const name = `mutant-${i++}-${m.how}`;
    const t = performance.now();
    try {
      if (m.kind === 'records') {
        parseTestRecords(new TextDecoder().decode(m.bytes));
      } else {
        const parsed = parseProfileBytes(name, m.gzip ? gzipSync(m.bytes) : m.bytes);
        if (parsed.kind === 'cpuprofile') {
          importer.add(parsed.bytes, (info) => {
            const checked = info === undefined ? undefined : agentInfoOf(info);
            if (typeof checked === 'string') throw new Error(`bad "$ciprof" block (${checked})`);
            return { labels: { pid: checked?.pid ?? 0 }, labelAt: (ts) => (ts % 2 ? { test_name: 'odd' } : undefined) };
          });
        }
      }
      outcome.ok++;
    } catch (err) {
      expectedFailure(err, name, `${m.how}: ${Buffer.from(m.bytes.subarray(0, 300)).toString('latin1')}`);
    }
    const ms = performance.now() - t;
    if (ms > outcome.maxIterationMs) {
      outcome.maxIterationMs = ms;
      outcome.slowest = `${m.how} (${m.bytes.length} bytes)`;
    }
    if (i % 25 === 0) sampleMemory();
  }
  // What survived all of that still encodes and decodes.
  const back = decodePprof(encodePprof(merged.build()));
  if (back.samples.length !== merged.sampleCount) outcome.crashes.push({ input: 'merged builder', error: 'round trip lost samples' });
}

function files(list: string[]): void {
  const r = mergeProfileFiles(list, '/repo');
  outcome.ok = r.merged;
  for (const e of r.errors) expectedFailure(e, e.file, e.file);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'fuzz') fuzz(args[0]!, Number(args[1]), Number(args[2]));
else files(args);
sampleMemory();
outcome.peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify(outcome)}\n`);
