/**
 * Each supported runner's real fixture suite under the real built CLI, on each Node.js
 * major users run (22, 24, 26): exit codes pass through, every process and worker is
 * profiled, the deliberately hot functions are in the merged profile, go tool pprof
 * reads it with the same total as the raw inputs, and per-test attribution puts hotA's
 * samples on a.test.js's test and hotB's on b.test.js's 'b burns hotB'.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionTable, idleValue } from '../../src/profile/aggregate.js';
import { CIPROF_FRAME, type Profile } from '../../src/profile/model.js';
import { readProfileFile } from '../../src/profile/read.js';
import { attributedShare } from '../helpers/attribution.js';
import { bin, FIXTURES, NODE_VERSIONS, ROOT, runCli } from '../helpers/cli.js';
import { goPprofTotalNs } from '../helpers/go-pprof.js';

/** mocha 12, beside the devDependency's mocha 11: its own prefix, installed by .ci/setup. */
const MOCHA12 = join(ROOT, '.cache/mocha12/node_modules/mocha/bin/mocha.js');
/** vitest 5 beside the devDependency's vitest 4, the same way. */
const VITEST5 = join(ROOT, '.cache/vitest5/node_modules/vitest/vitest.mjs');

interface RunnerCase {
  name: string;
  dir: string;
  command: string[];
  env?: Record<string, string>;
  minProcesses: number;
  minThreads: number;
  /** A test runner: samples get test labels. */
  runner: boolean;
}

const cases: RunnerCase[] = [
  { name: 'jest (2 workers)', dir: 'jest', command: ['node', bin('jest/bin/jest.js'), '-w', '2'], minProcesses: 3, minThreads: 3, runner: true },
  // No per-test timeout: on a loaded machine hotA alone can take longer than mocha's 2 s.
  { name: 'mocha serial', dir: 'mocha', command: ['node', bin('mocha/bin/mocha.js'), '--timeout', '0', 'test/'], minProcesses: 1, minThreads: 1, runner: true },
  { name: 'mocha --parallel', dir: 'mocha', command: ['node', bin('mocha/bin/mocha.js'), '--timeout', '0', '--parallel', '-j', '2', 'test/'], minProcesses: 2, minThreads: 2, runner: true },
  // mocha 12: ES modules, require()d lib/runner.js gives { Runner }, workers are lib/nodejs/worker.cjs (installed by .ci/setup).
  { name: 'mocha 12 serial', dir: 'mocha', command: ['node', MOCHA12, '--timeout', '0', 'test/'], minProcesses: 1, minThreads: 1, runner: true },
  { name: 'mocha 12 --parallel', dir: 'mocha', command: ['node', MOCHA12, '--timeout', '0', '--parallel', '-j', '2', 'test/'], minProcesses: 2, minThreads: 2, runner: true },
  { name: 'vitest threads', dir: 'vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'threads' }, minProcesses: 1, minThreads: 2, runner: true },
  { name: 'vitest forks', dir: 'vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'forks' }, minProcesses: 2, minThreads: 2, runner: true },
  // vitest 5, the current major (installed by .ci/setup), on the same suite.
  { name: 'vitest 5 threads', dir: 'vitest5', command: ['node', VITEST5, 'run'], env: { FIXTURE_POOL: 'threads' }, minProcesses: 1, minThreads: 2, runner: true },
  { name: 'vitest 5 forks', dir: 'vitest5', command: ['node', VITEST5, 'run'], env: { FIXTURE_POOL: 'forks' }, minProcesses: 2, minThreads: 2, runner: true },
  // The vm pools run each file in a fresh vm context, in threads or child processes.
  { name: 'vitest vmThreads', dir: 'vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'vmThreads' }, minProcesses: 1, minThreads: 2, runner: true },
  { name: 'vitest vmForks', dir: 'vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'vmForks' }, minProcesses: 2, minThreads: 2, runner: true },
  // No directory argument: `node --test dir/` reads the directory as a module on Node 24.
  { name: 'node --test', dir: 'node-test', command: ['node', '--test'], minProcesses: 2, minThreads: 2, runner: true },
  { name: 'plain node + worker', dir: 'plain', command: ['node', 'main.js'], minProcesses: 1, minThreads: 2, runner: false },
];

/**
 * Sum over raw V8 profiles of the time from each sample to the next (the last to
 * endTime): what the merged total must equal. V8 now and then stamps a sample before the
 * previous one; that gap counts 0, not negative.
 */
function rawTotalNs(rawDir: string): number {
  let total = 0;
  for (const f of readdirSync(rawDir).filter((n) => n.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(rawDir, f), 'utf8')) as { startTime: number; endTime: number; timeDeltas: number[] };
    let t = p.startTime;
    // Back in time order first, as the decoder (and DevTools) puts V8's rare out-of-order
    // samples: clamping each negative span instead over-counts the span before it (a
    // 62 µs difference on a loaded CI machine).
    const stamps = p.timeDeltas.map((d) => (t += d)).sort((a, b) => a - b);
    stamps.forEach((at, i) => (total += Math.max(0, (stamps[i + 1] ?? p.endTime) - at) * 1000));
  }
  return total;
}

function expectHotFunctions(profile: Profile): void {
  const table = functionTable(profile);
  const cpu = table.total - idleValue(table);
  for (const hot of ['hotA', 'hotB']) {
    const row = table.stats.find((s) => s.frame.name === hot && s.frame.file.endsWith('lib/hot.js'));
    expect(row, `${hot} in profile`).toBeDefined();
    expect(row!.selfSamples).toBeGreaterThanOrEqual(30);
    // A real share even on a loaded machine, where start-up (compiling vitest, jest) weighs more.
    expect(row!.self / cpu).toBeGreaterThan(0.01);
  }
}

function expectAttribution(profile: Profile, tests: { name: string; wallMs: number | null; cpuMs: number }[]): void {
  const a = attributedShare(profile, 'hotA', (l) => String(l.test_file).endsWith('/test/a.test.js') && /^a( >)? burns hotA$/.test(String(l.test_name)));
  const b = attributedShare(profile, 'hotB', (l) => String(l.test_file).endsWith('/test/b.test.js') && /^b( >)? burns hotB$/.test(String(l.test_name)));
  expect(a.total).toBeGreaterThan(20);
  expect(b.total).toBeGreaterThan(20);
  expect(a.share).toBeGreaterThanOrEqual(0.9);
  expect(b.share).toBeGreaterThanOrEqual(0.9);
  // Every sample carries test_file (a real file or "(setup)"), except ciprof's own work,
  // which is folded into one (ciprof) root frame kept outside every test on purpose.
  const isOwn = (s: Profile['samples'][number]): boolean => profile.functions[s.stack[s.stack.length - 1]!]?.name === CIPROF_FRAME;
  expect(profile.samples.filter((s) => !isOwn(s)).every((s) => s.labels.test_file !== undefined)).toBe(true);
  expect(profile.samples.filter(isOwn).every((s) => s.labels.test_file === undefined)).toBe(true);
  const rowB = tests.find((t) => /burns hotB$/.test(t.name));
  expect(rowB?.wallMs).toBeGreaterThan(0);
  expect(rowB?.cpuMs).toBeGreaterThan(0);
}

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available).each(cases)('ciprof run -- $name', (c) => {
    it('passes: exit 0, every process profiled, hot functions present, go tool pprof agrees, tests attributed', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-e2e-'));
      const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '--out', out, '--', ...c.command], { cwd: join(FIXTURES, c.dir), env: c.env, node: node.bin });
      const expectedNotice = c.runner ? /(?!)/ : /per-test attribution off: no test ran/;
      const warnings = r.stderr.split('\n').filter((l) => /^ciprof: warning: /.test(l) && !/raw V8 profiles kept/.test(l) && !expectedNotice.test(l));
      expect(warnings, r.stderr).toEqual([]);
      expect(r.status).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8'));
      expect(summary.processes).toBeGreaterThanOrEqual(c.minProcesses);
      expect(summary.threads).toBeGreaterThanOrEqual(c.minThreads);
      expect(summary.lostThreads).toBe(0);
      expect(summary.meta['node.version']).toMatch(new RegExp(`^v${node.major}\\.`));

      const file = join(out, 'profile.pb.gz');
      const profile = readProfileFile(file);
      expectHotFunctions(profile);
      if (c.runner) expectAttribution(profile, summary.tests ?? []);
      else expect(profile.samples.some((s) => 'test_file' in s.labels)).toBe(false);

      const rawDir = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
      const expected = rawTotalNs(rawDir);
      // go tool pprof reads exactly our total; that total matches the raw V8 spans, summed
      // in time order as the decoder sums them, to within a few microseconds.
      const ours = functionTable(profile).total;
      expect(goPprofTotalNs(file)).toBe(ours);
      expect(Math.abs(ours - expected)).toBeLessThanOrEqual(Math.max(50_000, expected * 1e-5));
      rmSync(rawDir, { recursive: true, force: true });
    });

    it.skipIf(!c.runner)('fails: the suite failure exit code passes through, profile still written', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-e2e-'));
      const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', ...c.command], { cwd: join(FIXTURES, c.dir), env: { ...c.env, FIXTURE_FAIL: '1' }, node: node.bin });
      expect(r.status).toBe(1);
      expect(readProfileFile(join(out, 'profile.pb.gz')).samples.length).toBeGreaterThan(0);
    });
  });
});
