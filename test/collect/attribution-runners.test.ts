/**
 * Per-test attribution end to end: each runner runs the fixture suite under the built
 * CLI, and the written profile must put hotA's samples on a.test.js's test and hotB's
 * on b.test.js's 'b burns hotB' (describe path joined with ' > ' for mocha).
 */
import { describe, expect, it } from 'vitest';
import { attributedShare, bin, runUnderCli } from '../helpers/attribution.js';

const cases: { label: string; fixture: string; command: string[]; env?: NodeJS.ProcessEnv }[] = [
  { label: 'jest -w 2', fixture: 'jest', command: ['node', bin('jest/bin/jest.js'), '-w', '2'] },
  { label: 'mocha serial', fixture: 'mocha', command: ['node', bin('mocha/bin/mocha.js')] },
  { label: 'mocha --parallel -j 2', fixture: 'mocha', command: ['node', bin('mocha/bin/mocha.js'), '--parallel', '-j', '2'] },
  { label: 'vitest threads', fixture: 'vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'threads' } },
  { label: 'vitest forks', fixture: 'vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'forks' } },
  { label: 'node --test', fixture: 'node-test', command: ['node', '--test'] },
];

const shares: Record<string, string> = {};

describe('per-test attribution under real runners', () => {
  for (const c of cases) {
    it(c.label, () => {
      const run = runUnderCli(c.fixture, c.command, c.env);
      expect(run.status, run.stderr).toBe(0);
      const a = attributedShare(run.profile, 'hotA', (l) => String(l.test_file).endsWith('/test/a.test.js') && /^a( >)? burns hotA$/.test(String(l.test_name)));
      const b = attributedShare(run.profile, 'hotB', (l) => String(l.test_file).endsWith('/test/b.test.js') && /^b( >)? burns hotB$/.test(String(l.test_name)));
      shares[c.label] = `hotA ${(a.share * 100).toFixed(1)}% of ${a.total}, hotB ${(b.share * 100).toFixed(1)}% of ${b.total}`;
      process.stderr.write(`attribution ${c.label}: ${shares[c.label]}\n`);
      expect(a.total).toBeGreaterThan(20);
      expect(b.total).toBeGreaterThan(20);
      expect(a.share).toBeGreaterThanOrEqual(0.9);
      expect(b.share).toBeGreaterThanOrEqual(0.9);
      // Every sample carries test_file (a real file or "(setup)").
      expect(run.profile.samples.every((s) => s.labels.test_file !== undefined)).toBe(true);
      // The per-test table in profile.json, with wall time from the hooks.
      const rowB = run.json.tests?.find((t) => /burns hotB$/.test(t.name));
      expect(rowB?.wallMs).toBeGreaterThan(0);
      expect(rowB?.cpuMs).toBeGreaterThan(0);
      expect(run.stderr).toContain('ciprof: slowest tests');
    });
  }

  it('an unrecognised command gets a whole-suite profile and one notice', () => {
    const run = runUnderCli('plain', ['node', 'main.js']);
    expect(run.status).toBe(0);
    expect(run.stderr.match(/per-test attribution off/g)).toHaveLength(1);
    expect(run.profile.samples.some((s) => 'test_file' in s.labels)).toBe(false);
  });
});
