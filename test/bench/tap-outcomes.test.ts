/**
 * The corpus compares ava's and node-tap's outcomes per test name, read from their TAP
 * output (bench/tap-outcomes.mjs): node-tap nests subtests 4 spaces a level and names
 * each with `# Subtest:`; ava's lines are flat. A result whose name or status is read
 * wrong would hide a test ciprof changed.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { parseTap } from '../../bench/tap-outcomes.mjs';

describe('parseTap', () => {
  it("names node-tap's nested results by their subtest path, with SKIP and TODO, without time directives", () => {
    const tap = [
      'TAP version 14',
      '# Subtest: test/a.ts',
      '    # Subtest: inner thing',
      '        ok 1 - should be equal',
      '        ok 2 - skipped one # SKIP not now',
      '        not ok 3 - later # TODO',
      '        1..3',
      '    ok 1 - inner thing # time=3.1ms',
      '    not ok 2 - other',
      '    1..2',
      'not ok 1 - test/a.ts # time=10ms',
      '# Subtest: test/b.ts',
      '    ok 1 - alone',
      'ok 2 - test/b.ts',
    ].join('\n');
    expect(parseTap(tap)).toEqual([
      { name: 'test/a.ts > inner thing > should be equal', status: 'passed' },
      { name: 'test/a.ts > inner thing > skipped one', status: 'skipped' },
      { name: 'test/a.ts > inner thing > later', status: 'todo' },
      { name: 'test/a.ts > inner thing', status: 'passed' },
      { name: 'test/a.ts > other', status: 'failed' },
      { name: 'test/a.ts', status: 'failed' },
      { name: 'test/b.ts > alone', status: 'passed' },
      { name: 'test/b.ts', status: 'passed' },
    ]);
  });

  it("reads ava's flat lines, and nothing from comments or plans", () => {
    const tap = ['TAP version 13', 'ok 1 - io › max-buffer › works', 'not ok 2 - methods › node › nodePath', '  ---', '  message: x', '  ...', 'ok 3 - a › b # SKIP', '1..3', '# tests 3'].join('\n');
    expect(parseTap(tap)).toEqual([
      { name: 'io › max-buffer › works', status: 'passed' },
      { name: 'methods › node › nodePath', status: 'failed' },
      { name: 'a › b', status: 'skipped' },
    ]);
  });
});
