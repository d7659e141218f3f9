/**
 * The hooks' footprint inside a run, checked by the suites themselves (fixtures/tiny):
 * 2,000 tiny tests per runner, and a last test that fails if per-test records were
 * written before the run ended (they are kept in memory and written once, with the
 * thread's profile) or, under vitest, if Object.defineProperty is still replaced while
 * tests run. Every test still reaches the per-test table.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const suites = [
  { name: 'mocha', command: ['node', bin('mocha/bin/mocha.js'), 'mocha/tiny.test.js'], tests: 2001 },
  { name: 'node --test', command: ['node', '--test', 'node-test/tiny.test.js'], tests: 2001 },
  { name: 'jest', command: ['node', bin('jest/bin/jest.js')], tests: 2001 },
  { name: 'vitest forks', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'forks' }, tests: 2002 },
  { name: 'vitest threads', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'threads' }, tests: 2002 },
];

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available).each(suites)('$name, 2,000 tiny tests', (suite) => {
    it('passes its own in-run checks, and every test is in the per-test table', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-observer-'));
      const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', ...suite.command], { cwd: join(FIXTURES, 'tiny'), node: node.bin, env: suite.env });
      expect(r.status, r.stdout.slice(-2000) + r.stderr).toBe(0);
      const tests = (JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { tests: { name: string }[] }).tests;
      expect(tests).toHaveLength(suite.tests);
    });
  });
});
