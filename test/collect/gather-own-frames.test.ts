/**
 * ciprof's own frames stay out of the user's profile: a suite of 2,000 tiny tests per
 * runner under the real CLI. The raw V8 profiles do hold samples inside the agent and
 * the runner hooks (so the test can fail); in the merged profile no sample's stack
 * names a ciprof file, their time sits in one `(ciprof)` root frame without test
 * labels, and the run summary reports its share.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile as PprofProfile } from 'pprof-format';
import { afterAll, describe, expect, it } from 'vitest';
import { CIPROF_FRAME } from '../../src/profile/model.js';
import { bin, NODE_VERSIONS, ROOT, runCli } from '../helpers/cli.js';

const TESTS = 2000;
const OWN_FILE = /(^|[\\/])(dist|node_modules[\\/]ciprof)[\\/](agent|runners[\\/][^\\/]+)\.cjs$/;
// Inside the repository (gitignored), so the fixtures resolve jest, mocha and vitest from its node_modules.
mkdirSync(join(ROOT, '.cache'), { recursive: true });
const base = mkdtempSync(join(ROOT, '.cache', 'own-frames-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const body = 'let s = 0; for (let k = 0; k < 2000; k++) s += k % 7; if (s < 0) throw new Error();';
/** The repository's package.json says "type": "module"; the fixtures are CommonJS. */
const COMMONJS = '{ "name": "tiny-suite", "private": true, "type": "commonjs" }';
const many = (line: (i: number) => string): string => Array.from({ length: TESTS }, (_, i) => line(i)).join('\n');

interface Suite {
  runner: string;
  files: Record<string, string>;
  command: string[];
}

const suites: Suite[] = [
  {
    runner: 'node --test',
    files: { 'tiny.test.js': `const { test } = require('node:test');\n${many((i) => `test('t${i}', () => { ${body} });`)}`, 'package.json': COMMONJS },
    command: ['node', '--test', 'tiny.test.js'],
  },
  {
    runner: 'mocha',
    files: { 'tiny.spec.js': `describe('tiny', () => {\n${many((i) => `  it('t${i}', () => { ${body} });`)}\n});`, 'package.json': COMMONJS },
    command: ['node', bin('mocha/bin/mocha.js'), 'tiny.spec.js'],
  },
  {
    runner: 'jest',
    files: { 'tiny.test.js': many((i) => `test('t${i}', () => { ${body} });`), 'package.json': COMMONJS },
    command: ['node', bin('jest/bin/jest.js'), '--ci', '-w', '1'],
  },
  {
    runner: 'vitest forks',
    files: {
      'tiny.test.mjs': `import { test } from 'vitest';\n${many((i) => `test('t${i}', () => { ${body} });`)}`,
      'vitest.config.mjs': "export default { test: { pool: 'forks', include: ['tiny.test.mjs'] } };",
      'package.json': '{ "name": "tiny-vitest", "private": true, "type": "module" }',
    },
    command: ['node', bin('vitest/vitest.mjs'), 'run'],
  },
];

/** Samples of the raw V8 profiles whose stack passes through a ciprof file. */
function rawOwnTicks(rawDir: string): number {
  let ticks = 0;
  for (const f of readdirSync(rawDir).filter((n) => n.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(rawDir, f), 'utf8')) as { nodes: { id: number; callFrame: { url: string }; children?: number[] }[]; samples: number[] };
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const own = (id: number | undefined): boolean => id !== undefined && (OWN_FILE.test(byId.get(id)!.callFrame.url) || own(parent.get(id)));
    for (const s of p.samples) if (own(s)) ticks++;
  }
  return ticks;
}

// On each Node users run: node:test's internals, and so its hook's frames, change between majors.
describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available).each(suites)('$runner, 2,000 tiny tests under ciprof run', (suite) => {
    it("keeps ciprof's frames out of every stack and reports the (ciprof) share", () => {
      const dir = join(base, `${node.major}-${suite.runner.replace(/\W+/g, '-')}`);
      mkdirSync(dir);
      for (const [name, text] of Object.entries(suite.files)) writeFileSync(join(dir, name), text);
      const out = join(dir, 'out');
      const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '--out', out, '--', ...suite.command], { cwd: dir, node: node.bin });
      expect(r.status, r.stderr).toBe(0);
      const rawDir = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
      const before = rawOwnTicks(rawDir);
      rmSync(rawDir, { recursive: true, force: true });
      expect(before, 'the raw profiles hold samples in ciprof code').toBeGreaterThan(0);

      const raw = PprofProfile.decode(gunzipSync(readFileSync(join(out, 'profile.pb.gz'))));
      const str = (i: number | bigint): string => raw.stringTable.strings[Number(i)]!;
      const fileOfLocation = new Map(raw.location.map((l) => [Number(l.id), str(raw.function.find((f) => f.id === l.line[0]!.functionId)!.filename)]));
      const nameOfLocation = new Map(raw.location.map((l) => [Number(l.id), str(raw.function.find((f) => f.id === l.line[0]!.functionId)!.name)]));
      let ownSamples = 0;
      for (const s of raw.sample) {
        const files = s.locationId.map((id) => fileOfLocation.get(Number(id))!);
        expect(files.filter((f) => OWN_FILE.test(f))).toEqual([]);
        const names = s.locationId.map((id) => nameOfLocation.get(Number(id))!);
        if (names.includes(CIPROF_FRAME)) {
          expect(names).toEqual([CIPROF_FRAME]);
          expect(s.label.map((l) => str(l.key)).filter((k) => k.startsWith('test_'))).toEqual([]);
          ownSamples += Number(s.value[0]);
        }
      }
      expect(ownSamples).toBeGreaterThan(0);
      const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { ciprofMs: number; ciprofPct: number; cpuMs: number };
      expect(summary.ciprofMs).toBeGreaterThan(0);
      expect(r.stderr).toMatch(/ciprof: its own work \(agent, runner hooks\) took [\d.]+ s, [\d.]+% of the CPU/);
      console.log(`Node ${node.major}, ${suite.runner}: (ciprof) ${summary.ciprofMs} ms = ${summary.ciprofPct}% of ${summary.cpuMs} ms CPU (${before} raw samples through ciprof code)`);
    });
  });
});
