/**
 * `ciprof run --alloc` on real node --test, vitest (threads and forks) and jest suites:
 * each test allocates a known number of bytes (test/fixtures/projects/alloc/lib/allocate.js,
 * 56-byte objects, all dying young), and the bytes the profile charges to each test are
 * within the sampling error of V8's sampling heap profiler (interval 4 KiB by default): a
 * Poisson count of samples, relative standard error sqrt(interval / bytes), i.e. 1.6% for
 * the 16.8 MB test, 2.2% for 8.4 MB, 3.1% for 4.2 MB. The bounds below are 4.5 standard
 * errors plus 1.5%: V8 rounds its per-sample scale (74 for 73.6 at 56 bytes: +0.5%) and
 * the runner allocates a little inside each test.
 * go tool pprof -sample_index=alloc_space reads the same total as ours.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOC_INTERVAL_BYTES } from '../../src/agent/protocol.js';
import { ALLOC_SPACE, type Profile } from '../../src/profile/model.js';
import { readProfileFile } from '../../src/profile/read.js';
import { bin, FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';
import { goPprofTop } from '../helpers/go-pprof.js';

const BYTES_PER_CALL = 56;
const INTERVAL = DEFAULT_ALLOC_INTERVAL_BYTES;
const SIGMAS = 4.5;

const node24 = NODE_VERSIONS.find((n) => n.major === 24)!;
const nodeTest = ['node', '--test', 'test/big.test.js', 'test/small.test.js'];
const cases = [
  ...NODE_VERSIONS.map((node) => ({ name: `node --test, ${node.label}`, node, command: nodeTest, env: {} })),
  { name: `vitest threads, ${node24.label}`, node: node24, command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'threads' } },
  { name: `vitest forks, ${node24.label}`, node: node24, command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'forks' } },
  { name: `jest -w 2, ${node24.label}`, node: node24, command: ['node', bin('jest/bin/jest.js'), '-w', '2'], env: {} },
];

function bytesByTest(profile: Profile): Map<string, number> {
  const vi = profile.sampleTypes.findIndex((t) => t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);
  const out = new Map<string, number>();
  for (const s of profile.samples) {
    const name = s.labels.test_name;
    if (name !== undefined) out.set(String(name), (out.get(String(name)) ?? 0) + (s.values[vi] ?? 0));
  }
  return out;
}

describe.each(cases)('ciprof run --alloc -- $name', (c) => {
  it.skipIf(!c.node.available)('charges each test the bytes it allocates, within the sampling error; go tool pprof reads alloc_space', () => {
    const out = mkdtempSync(join(tmpdir(), 'ciprof-alloc-'));
    try {
      const r = runCli(['run', '--alloc', '--no-store', '--no-report', '-q', '--out', out, '--', ...c.command], { cwd: join(FIXTURES, 'alloc'), env: c.env, node: c.node.bin });
      expect(r.stderr.split('\n').filter((l) => l.startsWith('ciprof: warning')), r.stderr).toEqual([]);
      expect(r.status).toBe(0);
      const file = join(out, 'profile.pb.gz');
      const profile = readProfileFile(file);
      expect(profile.sampleTypes.map((t) => `${t.type}/${t.unit}`)).toEqual(['samples/count', 'cpu/nanoseconds', 'alloc_samples/count', 'alloc_space/bytes']);
      expect(profile.meta['alloc.interval_bytes']).toBe(String(INTERVAL));
      const bytes = bytesByTest(profile);
      for (const [name, calls] of [
        ['allocates 300000 boxes', 300000],
        ['allocates 150000 boxes', 150000],
        ['allocates 75000 boxes', 75000],
      ] as const) {
        const expected = calls * BYTES_PER_CALL;
        const bound = SIGMAS * Math.sqrt(INTERVAL / expected) + 0.015;
        expect(Math.abs((bytes.get(name) ?? 0) / expected - 1), `${name}: ${bytes.get(name)} bytes, expected ${expected}`).toBeLessThan(bound);
      }
      expect(bytes.get('allocates almost nothing') ?? 0).toBeLessThan(512 * 1024);
      // The marks ciprof allocates at every test boundary (0.5 MiB each) are not charged to anyone.
      const total = profile.samples.reduce((a, s) => a + (s.values[3] ?? 0), 0);
      const m = /of (\d+)B total/.exec(goPprofTop(file, ['-sample_index=alloc_space', '-unit=B']));
      expect(Number(m?.[1])).toBe(total);
      expect(profile.functions.some((f) => f.name === 'ciprofAllocationBoundary')).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

// 3,000 tests in one process: TurboFan inlines the boundary mark into the agent's hook and
// V8's heap sampler then names the outer function; every mark must still be found, or the
// bytes next to it go to the neighbouring test (and the mark's own 64 KiB to `(ciprof)`).
describe.each(NODE_VERSIONS.filter((n) => n.major >= 22))('ciprof run --alloc on 3,000 tiny tests, $label', (node) => {
  it.skipIf(!node.available)('finds every test boundary mark after the agent is optimized, and charges the marks to nobody', () => {
    const out = mkdtempSync(join(tmpdir(), 'ciprof-alloc-many-'));
    try {
      const r = runCli(['run', '--alloc', '--no-store', '--no-report', '-q', '--out', out, '--', 'node', '--test', 'test/many.test.js'], { cwd: join(FIXTURES, 'alloc-many'), node: node.bin });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('ciprof: warning')), r.stderr).toEqual([]);
      const profile = readProfileFile(join(out, 'profile.pb.gz'));
      const vi = profile.sampleTypes.findIndex((t) => t.type === ALLOC_SPACE.type);
      let total = 0;
      let own = 0;
      for (const s of profile.samples) {
        total += s.values[vi] ?? 0;
        if (profile.functions[s.stack[0]!]!.name === '(ciprof)') own += s.values[vi] ?? 0;
      }
      // 6,000 marks of 64 KiB would be 393 MB; what is left is the hooks' own records.
      expect(own, `(ciprof) ${own} of ${total} bytes`).toBeLessThan(0.1 * total);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
