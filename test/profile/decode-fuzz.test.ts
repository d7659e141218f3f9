/**
 * Fuzzing the decoders with real profiles: the real agent and runner hook write the seeds
 * (a `node --test` run kept raw), our encoder and go tool pprof write the pprof seeds.
 * A few thousand seeded mutants go through the decoders in a child process with a capped
 * heap: no crash, one line per refused file, memory bounded, and the builder that took
 * every accepted mutant still encodes. Replay a failure with the printed seed.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { runDecodeChild } from './decode-child.js';

const ITERATIONS = 3000;
const SEED = Number(process.env.CIPROF_FUZZ_SEED ?? 20261125);
/** The child's heap cap, and the peak RSS allowed: small inputs, so anything near it is a leak or a blow-up. */
const HEAP_MB = 512;
const MAX_RSS_MB = 400;

const seeds = mkdtempSync(join(tmpdir(), 'ciprof-fuzz-seeds-'));

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-fuzz-run-'));
  const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '-q', '--out', out, '--', process.execPath, '--test', 'test/'], { cwd: join(FIXTURES, 'node-test') });
  expect(r.status, r.stderr).toBe(0);
  const raw = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
  const names = readdirSync(raw);
  for (const n of names.filter((f) => f.endsWith('.cpuprofile') || f.endsWith('.tests.jsonl'))) copyFileSync(join(raw, n), join(seeds, n.replace('.tests.jsonl', '.jsonl')));
  rmSync(raw, { recursive: true, force: true });
  writeFileSync(join(seeds, 'ciprof.pb'), gunzipSync(readFileSync(join(out, 'profile.pb.gz'))));
  execFileSync('go', ['tool', 'pprof', '-proto', '-output', join(out, 'go.pb.gz'), join(out, 'profile.pb.gz')], { stdio: 'ignore' });
  writeFileSync(join(seeds, 'go.pb'), gunzipSync(readFileSync(join(out, 'go.pb.gz'))));
  const kinds = readdirSync(seeds).map((n) => n.split('.').pop());
  expect(new Set(kinds)).toEqual(new Set(['cpuprofile', 'jsonl', 'pb']));
});

describe('decoder fuzz', () => {
  it(`${ITERATIONS} mutants of real profiles: no crash, one-line errors, bounded memory (seed ${SEED})`, async () => {
    const r = await runDecodeChild(['fuzz', seeds, String(ITERATIONS), String(SEED)], HEAP_MB);
    console.log(`fuzz: ${r.ok} accepted, ${r.rejected} refused, peak RSS ${r.peakRssMB.toFixed(0)} MB, heap ${r.peakHeapMB.toFixed(0)} MB, slowest mutant ${r.maxIterationMs.toFixed(0)} ms`);
    console.log(Object.entries(r.problems).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v}\t${k}`).join('\n'));
    expect(r.crashes).toEqual([]);
    expect(r.multiLine).toEqual([]);
    expect(r.ok + r.rejected).toBe(ITERATIONS);
    // The corpus reaches both sides: mutants the decoders accept and a spread of refusals.
    expect(r.ok).toBeGreaterThan(ITERATIONS / 10);
    expect(Object.keys(r.problems).length).toBeGreaterThan(30);
    expect(r.peakRssMB).toBeLessThan(MAX_RSS_MB);
  });
});
