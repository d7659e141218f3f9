/**
 * A suite that exits mid-test (process.exit() inside a test): the records kept in memory
 * are written by the agent's exit flush, the test still running is written open and
 * closed at the end of the profile, so its samples stay attributed.
 */
import { describe, expect, it } from 'vitest';
import { attributedShare, bin, runUnderCli } from '../helpers/attribution.js';
import { NODE_VERSIONS } from '../helpers/cli.js';

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)('keeps the attribution of a test whose process exits in the middle of it', () => {
    const run = runUnderCli('crash', ['node', bin('mocha/bin/mocha.js')], {}, node.bin);
    expect(run.status).toBe(3); // the test command's exit code wins
    const a = attributedShare(run.profile, 'hotA', (l) => l.test_name === 'crash > burns hotA');
    const b = attributedShare(run.profile, 'hotB', (l) => l.test_name === 'crash > burns hotB then exits');
    expect(a.share).toBeGreaterThanOrEqual(0.9);
    expect(b.share).toBeGreaterThanOrEqual(0.9);
    expect(b.total).toBeGreaterThan(20);
    const row = run.json.tests?.find((t) => t.name === 'crash > burns hotB then exits');
    expect(row?.wallMs).toBeNull(); // never finished: no wall time, but its CPU is there
    expect(row?.cpuMs).toBeGreaterThan(20);
  });
});
