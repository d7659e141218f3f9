/**
 * TypeScript suites under the real runners and transforms, through the built CLI, on Node
 * 22, 24 and 26: every hot function of the .ts fixture is reported at the line it is
 * declared on (found in the source text), and go tool pprof -list prints the original
 * TypeScript lines.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { bin, FIXTURES, NODE_VERSIONS, ROOT, runCli } from '../helpers/cli.js';
import { GEOMETRY, lineOf } from './transforms.js';

interface TsCase {
  name: string;
  dir: string;
  command: string[];
  env?: Record<string, string>;
}

/** vitest 5 beside the devDependency's vitest 4 (installed by .ci/setup). */
const VITEST5 = join(ROOT, '.cache/vitest5/node_modules/vitest/vitest.mjs');

const cases: TsCase[] = [
  { name: 'vitest threads (vite/esbuild)', dir: 'ts-vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'threads' } },
  { name: 'vitest forks (vite/esbuild)', dir: 'ts-vitest', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'forks' } },
  // vitest 5 keeps each module's map beside its code (meta.sourceMap), not inline in it as vitest 4 did.
  { name: 'vitest 5 threads (vite/esbuild)', dir: 'ts-vitest5', command: ['node', VITEST5, 'run'], env: { FIXTURE_POOL: 'threads' } },
  { name: 'vitest 5 forks (vite/esbuild)', dir: 'ts-vitest5', command: ['node', VITEST5, 'run'], env: { FIXTURE_POOL: 'forks' } },
  { name: 'jest with ts-jest, 2 workers', dir: 'ts-jest', command: ['node', bin('jest/bin/jest.js'), '-w', '2'] },
  { name: 'jest with babel-jest, 2 workers', dir: 'ts-babel-jest', command: ['node', bin('jest/bin/jest.js'), '-w', '2'] },
  { name: 'jest with ts-jest, in band', dir: 'ts-jest', command: ['node', bin('jest/bin/jest.js'), '-i'] },
  // A project's own cacheDirectory: the worker's jest hook names it (and the config's id) in
  // its .scripts.json; jest's default directory holds none of these transforms.
  // TMPDIR is a fresh directory, so jest's default one is empty: the maps can only come from the project's.
  { name: 'jest with ts-jest, 2 workers, its own cacheDirectory', dir: 'ts-jest', command: ['node', bin('jest/bin/jest.js'), '-w', '2', '--cacheDirectory', join(tmpdir(), `ciprof-jest-own-cache-${process.pid}`)], env: { TMPDIR: 'fresh' } },
  { name: 'node --import tsx --test', dir: 'ts-node-test', command: ['node', '--import', 'tsx', '--test', 'test/a.test.ts', 'test/b.test.ts'] },
  { name: 'mocha under node --import tsx', dir: 'ts-mocha', command: ['node', '--import', 'tsx', bin('mocha/bin/mocha.js'), 'test/*.test.ts'] },
];

const source = readFileSync(GEOMETRY, 'utf8');
/** Each hot function and the text of the line that declares it, as written in geometry.ts. */
const DECLARATIONS = [
  { name: 'tsHotDistance', text: 'export function tsHotDistance(iterations: number = 1e7, norm: Norm = Norm.Euclid): number {' },
  { name: 'tsHotPerimeter', text: '  tsHotPerimeter(iterations: number = 1e7): number {' },
  { name: 'tsHotArrow', text: 'export const tsHotArrow = (iterations: number = 1e7): number => {' },
];
const GEOMETRY_FILE = 'test/fixtures/projects/ts-lib/geometry.ts';

// On each Node users run: from Node 22.18 Node strips .ts types itself, and the agent then
// takes a .ts file it did not see transformed for one that ran as written (jest in band
// kept generated lines on Node 24 while Node 20 passed).
describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available).each(cases)('ciprof run -- $name', (c) => {
    it('reports every hot .ts function at its declared line, and go tool pprof -list shows the TypeScript source', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-ts-'));
      const env = c.env?.TMPDIR === 'fresh' ? { ...c.env, TMPDIR: mkdtempSync(join(tmpdir(), 'ciprof-fresh-tmp-')) } : c.env;
      const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', ...c.command], { cwd: join(FIXTURES, c.dir), env, node: node.bin });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/ciprof: warning: .*(source map|scripts\.json)/);
      const file = join(out, 'profile.pb.gz');
      const profile = readProfileFile(file);
      for (const { name, text } of DECLARATIONS) {
        const frame = profile.functions.find((f) => f.name === name);
        expect(frame, `${name} in profile`).toBeDefined();
        expect(frame!.file).toBe(GEOMETRY_FILE);
        expect(frame!.line, name).toBe(lineOf(source, text));
      }
      expect(Number(profile.meta['sourcemap.mapped_functions'])).toBeGreaterThanOrEqual(3);
      expect(profile.meta['sourcemap.generated_files'] ?? '').not.toContain(GEOMETRY_FILE);

      // pprof reads the file by the function's file name, relative to its working directory.
      const listing = execFileSync('go', ['tool', 'pprof', '-list', '^(tsHotDistance|tsHotPerimeter|tsHotArrow)$', file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      for (const { text } of DECLARATIONS) expect(listing).toContain(`${lineOf(source, text)}:${text}`);
    });
  });
});
