/** A suite that exits mid-test still yields attributed samples for the tests that ran. */
import { expect, it } from 'vitest';
import { attributedShare, bin, runUnderCli } from '../helpers/attribution.js';

it('keeps the attribution of a test whose process exits in the middle of it', () => {
  const run = runUnderCli('crash', ['node', bin('mocha/bin/mocha.js')]);
  expect(run.status).toBe(3); // the test command's exit code wins
  const a = attributedShare(run.profile, 'hotA', (l) => l.test_name === 'crash > burns hotA');
  const b = attributedShare(run.profile, 'hotB', (l) => l.test_name === 'crash > burns hotB then exits');
  process.stderr.write(`attribution crash: hotA ${(a.share * 100).toFixed(1)}% of ${a.total}, hotB ${(b.share * 100).toFixed(1)}% of ${b.total}\n`);
  expect(a.share).toBeGreaterThanOrEqual(0.9);
  expect(b.share).toBeGreaterThanOrEqual(0.9);
  expect(b.total).toBeGreaterThan(20);
  const row = run.json.tests?.find((t) => t.name === 'crash > burns hotB then exits');
  expect(row?.wallMs).toBeNull(); // never finished: no wall time, but its CPU is there
  expect(row?.cpuMs).toBeGreaterThan(20);
});
