import { describe, expect, it } from 'vitest';
import { normalizeScriptPath } from '../../src/profile/paths.js';

describe('normalizeScriptPath', () => {
  it.each([
    ['file:///home/ci/repo/src/a.js', 'src/a.js'],
    ['/home/ci/repo/src/b.ts', 'src/b.ts'],
    ['file:///home/ci/repo/node_modules/.pnpm/vitest@4/node_modules/vitest/dist/x.js', 'node_modules/vitest/dist/x.js'],
    ['/usr/lib/node_modules/npm/lib/cli.js', 'node_modules/npm/lib/cli.js'],
    ['node:internal/main/run_main_module', 'node:internal/main/run_main_module'],
    ['file:///home/ci/repo/src/c.ts?v=123abc', 'src/c.ts'],
    ['/elsewhere/tool.js', '/elsewhere/tool.js'],
    ['', ''],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeScriptPath(input, '/home/ci/repo')).toBe(expected);
  });
});
