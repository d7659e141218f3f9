/**
 * A failure class the real-world corpus found (bench/realworld.json, class-validator-coverage):
 * typestack/class-validator's own `npm test` is `jest --coverage`, with ts-jest told
 * `"sourceMap": false`. Without coverage, the transform cached without a map is compiled
 * again for one (src/sourcemap/tsc-rebuild.ts) and its functions land on their TypeScript
 * lines. With coverage, babel-plugin-istanbul rewrites that code (a counter line before each
 * statement) and writes no map either: the compile again no longer lines up with it, and the
 * functions keep the instrumented code's positions, lines past the end of the .ts file
 * (class-validator: 27% of its own samples at their original position, against 86-89%
 * without coverage). They are recovered from the function positions istanbul keeps in the
 * file (src/sourcemap/istanbul.ts, instrumented-map.ts).
 *
 * In workers (a fresh cache directory per run, so jest has no timings and does not choose to
 * run in band) the maps come from jest's transform cache after the run; in band
 * (`--runInBand --no-cache`, class-validator's `test:ci`) from the code V8 ran, which the
 * agent reads for TypeScript that named no map (src/agent/scripts.ts). In band, before
 * that, no frame was mapped and none was even counted as generated.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { bin, FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const DIR = join(FIXTURES, 'ts-jest-coverage');
const SOURCE_FILE = 'test/fixtures/projects/ts-jest-coverage/src/ledger.ts';
const source = readFileSync(join(DIR, 'src/ledger.ts'), 'utf8');
const lineOf = (text: string): number => source.split('\n').indexOf(text) + 1;
const DECLARATIONS = [
  { name: 'ledgerHotTotal', line: lineOf('export function ledgerHotTotal(entries: readonly Entry[], rounds: number): number {') },
  { name: 'ledgerHotMemoLength', line: lineOf('  ledgerHotMemoLength(rounds: number): number {') },
];

type Mode = 'workers' | 'in band';

interface Profiled {
  functions: { name: string; file?: string; line?: number }[];
  generatedFiles: string[];
  /** What to read when the lines are wrong: the source-map counts, and each thread's scripts.json as the agent wrote it. */
  diagnosis: string;
}

function profiled(node: string, coverage: boolean, mode: Mode): Profiled {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-jest-coverage-'));
  const cache = mkdtempSync(join(tmpdir(), 'ciprof-jest-coverage-cache-'));
  // In band as class-validator's CI runs it (`jest --runInBand --no-cache --coverage`): no
  // transform cache to read, the agent sends the code V8 ran.
  const how = mode === 'workers' ? ['-w', '2', '--cacheDirectory', cache] : ['--runInBand', '--no-cache'];
  const command = ['node', bin('jest/bin/jest.js'), `--coverage=${coverage}`, ...how];
  const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '--out', out, '--', ...command], { cwd: DIR, node });
  expect(r.status, r.stderr).toBe(0);
  const raw = /raw V8 profiles kept in (\S+)/.exec(r.stderr)?.[1];
  const scriptsFiles = raw ? readdirSync(raw).filter((f) => f.endsWith('.scripts.json')) : [];
  const threads = scriptsFiles.map((f) => `${f}: ${readFileSync(join(raw!, f), 'utf8').slice(0, 600)}`);
  if (raw) rmSync(raw, { recursive: true, force: true });
  // Workers: the main process and two workers, at least; in band: jest's process alone.
  expect(r.stderr).toMatch(mode === 'workers' ? /ciprof: [3-9] process\(es\)/ : /ciprof: 1 process\(es\)/);
  const profile = readProfileFile(join(out, 'profile.pb.gz'));
  const functions = DECLARATIONS.map(({ name }) => {
    const fn = profile.functions.find((f) => f.name === name);
    return { name, file: fn?.file, line: fn?.line };
  });
  const counts = Object.entries(profile.meta)
    .filter(([k]) => k.startsWith('sourcemap.'))
    .map(([k, v]) => `${k}=${String(v)}`);
  const diagnosis = [...counts, ...threads, ...r.stderr.split('\n').filter((l) => l.startsWith('ciprof:') && !l.includes('kept in'))].join('\n');
  return { functions, generatedFiles: (profile.meta['sourcemap.generated_files'] ?? '').split(',').filter(Boolean), diagnosis };
}

const expected = DECLARATIONS.map(({ name, line }) => ({ name, file: SOURCE_FILE, line }));

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.each([false, true])('coverage %s', (coverage) => {
    // Before src/sourcemap/instrumented-map.ts, with coverage: lines of the instrumented code, past the file's end (ledgerHotTotal at 346).
    it.skipIf(!node.available)('in workers: each hot function at its TypeScript line (from jest\'s transform cache)', () => {
      expect(DECLARATIONS.every((d) => d.line > 0)).toBe(true);
      // Once in ~50 CI runs (Node 22, no coverage, 2026-11-28) ledgerHotMemoLength stayed at its
      // generated line 18 while ledgerHotTotal was mapped; not reproduced in 46 runs by hand,
      // under load or not: the diagnosis says, next time, what each worker's agent wrote.
      const { functions, diagnosis } = profiled(node.bin, coverage, 'workers');
      expect(functions, diagnosis).toEqual(expected);
    });

    // In band the agent reads the code of the scripts still alive at the flush; jest drops
    // each test file's modules when the file is done, and a collection before the flush takes
    // theirs (seen on Node 26 in about one run in three). Then the file must be counted as
    // generated, never left at wrong lines unsaid, as every run was before.
    it.skipIf(!node.available)('in band: each hot function at its TypeScript line, or its file counted as generated', () => {
      const { functions, generatedFiles } = profiled(node.bin, coverage, 'in band');
      for (const [i, fn] of functions.entries()) {
        expect(fn.file).toBe(SOURCE_FILE);
        if (fn.line !== expected[i]!.line) expect(generatedFiles, `${fn.name} at line ${fn.line}`).toContain(SOURCE_FILE);
      }
    });
  });
});
