/**
 * Each supported runner's real fixture suite under the real built CLI: exit codes pass
 * through, every process and worker is profiled, the deliberately hot functions are in
 * the merged profile, and go tool pprof reads it with the same total as the raw inputs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionTable, idleValue } from '../../src/profile/aggregate.js';
import { readProfileFile } from '../../src/profile/read.js';
import { bin, FIXTURES, runCli } from '../helpers/cli.js';
import { goPprofTotalNs } from '../helpers/go-pprof.js';

interface RunnerCase {
  name: string;
  dir: string;
  command: string[];
  env?: Record<string, string>;
  minProcesses: number;
  minThreads: number;
}

const cases: RunnerCase[] = [
  { name: 'jest (2 workers)', dir: 'jest', command: ['node', bin('jest/bin/jest.js'), '-w', '2'], minProcesses: 3, minThreads: 3 },
  { name: 'mocha serial', dir: 'mocha', command: ['node', bin('mocha/bin/mocha.js'), 'test/'], minProcesses: 1, minThreads: 1 },
  { name: 'mocha --parallel', dir: 'mocha', command: ['node', bin('mocha/bin/mocha.js'), '--parallel', '-j', '2', 'test/'], minProcesses: 2, minThreads: 2 },
  { name: 'vitest threads', dir: 'vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'threads' }, minProcesses: 1, minThreads: 2 },
  { name: 'vitest forks', dir: 'vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'forks' }, minProcesses: 2, minThreads: 2 },
  { name: 'node --test', dir: 'node-test', command: ['node', '--test', 'test/'], minProcesses: 2, minThreads: 2 },
  { name: 'plain node + worker', dir: 'plain', command: ['node', 'main.js'], minProcesses: 1, minThreads: 2 },
];

/** Sum over raw V8 profiles of the sampled span: what the merged total must equal. */
function rawTotalNs(rawDir: string): number {
  let total = 0;
  for (const f of readdirSync(rawDir).filter((n) => n.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(rawDir, f), 'utf8')) as { startTime: number; endTime: number; timeDeltas: number[] };
    if (p.timeDeltas.length) total += (p.endTime - (p.startTime + p.timeDeltas[0]!)) * 1000;
  }
  return total;
}

describe.each(cases)('ciprof run -- $name', (c) => {
  it('passes: exit 0, every process profiled, hot functions present, go tool pprof agrees', () => {
    const out = mkdtempSync(join(tmpdir(), 'ciprof-e2e-'));
    const r = runCli(['run', '--no-store', '--keep-raw', '--out', out, '--', ...c.command], { cwd: join(FIXTURES, c.dir), env: c.env });
    expect(r.stderr).not.toMatch(/ciprof: warning: (?!raw V8 profiles kept)/);
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8'));
    expect(summary.processes).toBeGreaterThanOrEqual(c.minProcesses);
    expect(summary.threads).toBeGreaterThanOrEqual(c.minThreads);
    expect(summary.lostThreads).toBe(0);

    const file = join(out, 'profile.pb.gz');
    const profile = readProfileFile(file);
    const table = functionTable(profile);
    const cpu = table.total - idleValue(table);
    for (const hot of ['hotA', 'hotB']) {
      const row = table.stats.find((s) => s.frame.name === hot && s.frame.file.endsWith('lib/hot.js'));
      expect(row, `${hot} in profile`).toBeDefined();
      expect(row!.selfSamples).toBeGreaterThanOrEqual(30);
      expect(row!.self / cpu).toBeGreaterThan(0.03);
    }

    const rawDir = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
    const expected = rawTotalNs(rawDir);
    expect(goPprofTotalNs(file)).toBe(expected);
    expect(table.total).toBe(expected);
    rmSync(rawDir, { recursive: true, force: true });
  });

  if (c.dir !== 'plain') {
    it('fails: the suite failure exit code passes through, profile still written', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-e2e-'));
      const r = runCli(['run', '--no-store', '-q', '--out', out, '--', ...c.command], { cwd: join(FIXTURES, c.dir), env: { ...c.env, FIXTURE_FAIL: '1' } });
      expect(r.status).toBe(1);
      expect(readProfileFile(join(out, 'profile.pb.gz')).samples.length).toBeGreaterThan(0);
    });
  }
});
