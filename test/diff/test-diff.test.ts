/** The per-test diff on two real runs: only hotB is slowed in the head. */
import { expect, it } from 'vitest';
import { diffTests } from '../../src/diff/test-diff.js';
import { runUnderCli } from '../helpers/attribution.js';

it('puts the test that slowed down first, with the function that slowed it', () => {
  const base = runUnderCli('node-test', ['node', '--test']);
  const head = runUnderCli('node-test', ['node', '--test'], { FIXTURE_SLOW_B: '3' });
  const d = diffTests(base.profile, head.profile, { minDeltaMs: 20, minDeltaPct: 0.2 });
  expect(d.slower[0]?.name).toBe('b burns hotB');
  expect(d.slower[0]?.file).toMatch(/node-test\/test\/b\.test\.js$/);
  expect(d.slower[0]?.functions[0]?.name).toBe('hotB');
  expect(d.slower[0]!.deltaMs).toBeGreaterThan(100);
  expect(d.slower.map((t) => t.name)).not.toContain('a burns hotA');
  expect(d.added, JSON.stringify(d.added)).toEqual([]);
  expect(d.removed).toEqual([]);
});
