/**
 * The node:test hook's records, from a real `node --test` run under ciprof's two preloads
 * (the built dist/), on each Node users run: one record per test and subtest that ran,
 * named by its describe path, opened before the user's each-hooks and closed after them
 * (by the test's AbortSignal), with the test's outcome; a skipped test has none.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestRecord } from '../../../../src/collect/test-record.js';
import { readProfileFile } from '../../../../src/profile/read.js';
import { envForNode, FIXTURES, NODE_VERSIONS, ROOT, runCli } from '../../../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function records(nodeBin: string): { status: number | null; tests: TestRecord[] } {
  const rawDir = mkdtempSync(join(tmpdir(), 'ciprof-node-test-hook-'));
  dirs.push(rawDir);
  const preloads = ['runners/preload.cjs', 'agent.cjs'].map((f) => `--require ${join(ROOT, 'dist', f)}`).join(' ');
  const r = spawnSync(nodeBin, ['--test', 'test/shapes.test.js'], {
    cwd: join(FIXTURES, 'node-test-shapes'),
    env: { ...envForNode(nodeBin), NODE_OPTIONS: preloads, CIPROF_RAW_DIR: rawDir, CIPROF_INTERVAL_US: '1000' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = readdirSync(rawDir)
    .filter((f) => f.endsWith('.tests.jsonl'))
    .flatMap((f) => readFileSync(join(rawDir, f), 'utf8').trim().split('\n'));
  return { status: r.status, tests: lines.map((l) => JSON.parse(l) as TestRecord).filter((t) => t.kind === 'test') };
}

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)('records each test with its describe path, outcome and each-hooks; nothing for a skip', () => {
    const { status, tests } = records(node.bin);
    expect(status).toBe(1); // 'fails' and 'times out' fail
    const byName = new Map(tests.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(['fails', 'outer > inner passes', 'parent', 'parent > child', 'times out']);
    expect(tests.every((t) => t.endUs !== null && t.endUs >= t.startUs)).toBe(true);
    expect(byName.get('outer > inner passes')!.status).toBe('passed');
    // The user's afterEach (40 ms) is inside the test's record: closed after it.
    expect(byName.get('outer > inner passes')!.wallMs).toBeGreaterThanOrEqual(39);
    expect(byName.get('parent')!.status).toBe('passed');
    expect(byName.get('fails')!.status).toBe('failed');
    expect(byName.get('times out')!.status).toBe('failed');
    expect(byName.get('times out')!.wallMs).toBeGreaterThanOrEqual(45);
    // The subtest lies inside its parent.
    const parent = byName.get('parent')!;
    const child = byName.get('parent > child')!;
    expect(child.startUs).toBeGreaterThanOrEqual(parent.startUs);
    expect(child.endUs!).toBeLessThanOrEqual(parent.endUs!);
    expect(child.wallMs).toBeGreaterThanOrEqual(4);
  });
});

/**
 * `--test-isolation=none` (Node 22: --experimental-test-isolation=none): one process imports
 * every file, then runs the tests. Loading a file (its top-level code, here 80 ms of building
 * cases) is that file's work; before 2026-11-28 it was nobody's (markdown-it in the corpus:
 * 70% of the suite's CPU without a test file, against 3% with a process per file).
 */
describe.each(NODE_VERSIONS)('$label, --test-isolation=none', (node) => {
  const cwd = join(FIXTURES, 'node-test-isolation');
  const isolationNone = node.major === 22 ? '--experimental-test-isolation=none' : '--test-isolation=none';
  const args = ['--import', './setup.mjs', '--test', isolationNone, '--test-reporter=dot', 'test/first.test.mjs', 'test/second.test.js'];

  it.skipIf(!node.available)("each file's loading is a 'file' record, in import order, closed before the first test; the --import preload is none", () => {
    const rawDir = mkdtempSync(join(tmpdir(), 'ciprof-node-test-isolation-'));
    dirs.push(rawDir);
    const preloads = ['runners/preload.cjs', 'agent.cjs'].map((f) => `--require ${join(ROOT, 'dist', f)}`).join(' ');
    const r = spawnSync(node.bin, args, { cwd, env: { ...envForNode(node.bin), NODE_OPTIONS: preloads, CIPROF_RAW_DIR: rawDir, CIPROF_INTERVAL_US: '1000' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const all = readdirSync(rawDir)
      .filter((f) => f.endsWith('.tests.jsonl'))
      .flatMap((f) => readFileSync(join(rawDir, f), 'utf8').trim().split('\n'))
      .map((l) => JSON.parse(l) as TestRecord);
    const files = all.filter((t) => t.kind === 'file');
    const tests = all.filter((t) => t.kind === 'test');
    expect(files.map((f) => f.file)).toEqual([join(cwd, 'test/first.test.mjs'), join(cwd, 'test/second.test.js')]);
    // Each spans its file's 80 ms of building cases, and they follow each other.
    for (const f of files) expect(f.wallMs).toBeGreaterThanOrEqual(79);
    expect(files[1]!.startUs).toBeGreaterThanOrEqual(files[0]!.endUs!);
    expect(tests.map((t) => t.name).sort()).toEqual(['first > adds', 'first > has cases', 'second has cases']);
    const firstTest = Math.min(...tests.map((t) => t.startUs));
    expect(files.every((f) => f.endUs !== null && f.endUs <= firstTest)).toBe(true);
  });

  it.skipIf(!node.available)('under ciprof run, what a file does while it loads carries that file', () => {
    const out = mkdtempSync(join(tmpdir(), 'ciprof-node-test-isolation-out-'));
    dirs.push(out);
    const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', node.bin, ...args], { cwd, node: node.bin });
    expect(r.status, r.stderr).toBe(0);
    const profile = readProfileFile(join(out, 'profile.pb.gz'));
    const fileOf = (fn: string): Map<string, number> => {
      const index = profile.functions.findIndex((f) => f.name === fn);
      expect(index, `${fn} in the profile`).toBeGreaterThanOrEqual(0);
      const weights = new Map<string, number>();
      for (const s of profile.samples) {
        if (!s.stack.includes(index)) continue;
        const file = String(s.labels.test_file ?? '');
        weights.set(file, (weights.get(file) ?? 0) + s.values[0]!);
      }
      return weights;
    };
    const share = (weights: Map<string, number>, key: string): number => (weights.get(key) ?? 0) / [...weights.values()].reduce((a, b) => a + b, 0);
    const rel = 'test/fixtures/projects/node-test-isolation/test/';
    expect(share(fileOf('buildFirstCases'), `${rel}first.test.mjs`)).toBeGreaterThan(0.9);
    expect(share(fileOf('buildSecondCases'), `${rel}second.test.js`)).toBeGreaterThan(0.9);
  });
});

/**
 * The one thing the hook changes in a run's output, found by the corpus (zx, whose suite
 * has failing tests): node:test awaits its root beforeEach before each test, so a failing
 * test's stack trace shows node:test's own frames below the test's differently (`Test.start
 * … Array.map` becomes `async Promise.all … async Suite.run`). Everything else is the same:
 * names, messages, the user's frames, counts, exit code. Checked both ways node:test runs a
 * file: in the script's own process and under `node --test`.
 */
/** A stack frame of Node's own code, as spec (`    at …`) and TAP (`        …`) reports print it. */
const NODE_FRAME = /^\s+(?:at )?(?:async )?(?:[^\s(]+(?: [^\s(]+)* \((?:node:internal\/|<anonymous>|index \d+\))|node:internal\/)/;

describe.each(NODE_VERSIONS)('$label, failing tests', (node) => {
  const cwd = join(FIXTURES, 'node-test-plain');
  /** Lines of node:test's own frames, and timings, left out. */
  const comparable = (stdout: string): string[] =>
    stdout
      .split('\n')
      .filter((l) => !NODE_FRAME.test(l))
      .map((l) => l.replace(/\d+(?:\.\d+)?ms\b|duration_ms:? [\d.]+/g, '#'));

  for (const mode of [[], ['--test']] as const) {
    it.skipIf(!node.available)(`${mode.length ? 'node --test' : 'plain node'}: the report is the same but for node:test's own frames`, () => {
      const args = [...mode, 'test/fails.test.mjs'];
      const plain = spawnSync(node.bin, args, { cwd, env: { ...envForNode(node.bin), NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
      const out = mkdtempSync(join(tmpdir(), 'ciprof-node-test-fails-'));
      dirs.push(out);
      const wrapped = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', node.bin, ...args], { cwd, node: node.bin });
      expect(plain.status).toBe(1);
      expect(wrapped.status).toBe(1);
      expect(comparable(wrapped.stdout)).toEqual(comparable(plain.stdout));
      // The test's own frame is in both reports, and the hook did record the tests.
      expect(plain.stdout).toMatch(/TestContext\.<anonymous> \(file:\/\/.*fails\.test\.mjs:8:/);
      expect(wrapped.stdout).toMatch(/TestContext\.<anonymous> \(file:\/\/.*fails\.test\.mjs:8:/);
      const names = new Set(readProfileFile(join(out, 'profile.pb.gz')).samples.map((s) => String(s.labels.test_name ?? '')));
      expect(names.has('suite > fails at once') || names.has('suite > fails after a turn') || names.has('throws')).toBe(true);
    });
  }
});

/**
 * Failure class found by running suites under Node's flags by hand: a test file whose
 * require or import fails before it loads node:test. The hook that waits for node:test was
 * a resolve hook, on the stack of every resolution error it passed: the error's report
 * showed ciprof's frame and Node's hook machinery, and V8's ten frames no longer reached
 * the user's own line (missing-import.test.cjs:5). It is a load hook now, which is on no
 * resolution error's stack: the whole report is the same, frames included.
 */
describe.each(NODE_VERSIONS)('$label, a test file whose import fails before node:test loads', (node) => {
  const cwd = join(FIXTURES, 'node-test-plain');
  const untimed = (text: string): string => text.replace(/\d+(?:\.\d+)?ms\b|duration_ms:? [\d.]+/g, '#');
  for (const file of ['test/missing-import.test.cjs', 'test/missing-import.test.mjs']) {
    for (const mode of [[], ['--test']] as const) {
      it.skipIf(!node.available)(`${mode.length ? 'node --test' : 'plain node'} ${file}: the same report, every frame included`, () => {
        const args = [...mode, file];
        const plain = spawnSync(node.bin, args, { cwd, env: { ...envForNode(node.bin), NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
        const out = mkdtempSync(join(tmpdir(), 'ciprof-node-test-missing-'));
        dirs.push(out);
        const wrapped = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', node.bin, ...args], { cwd, node: node.bin });
        expect(plain.status).toBe(1);
        expect(wrapped.status).toBe(1);
        expect(untimed(wrapped.stdout)).toBe(untimed(plain.stdout));
        const ownLines = (stderr: string): string => stderr.split('\n').filter((l) => !l.startsWith('ciprof:')).join('\n');
        expect(untimed(ownLines(wrapped.stderr))).toBe(untimed(ownLines(plain.stderr)));
        expect(`${wrapped.stdout}${wrapped.stderr}`).not.toContain('ciprof/runners');
        if (file.endsWith('.cjs')) expect(`${plain.stdout}${plain.stderr}`).toMatch(/missing-import\.test\.cjs:5:1/);
      });
    }
  }
});
