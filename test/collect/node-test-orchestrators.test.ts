/**
 * node:test suites whose orchestrator has no `--test` of its own to be recognised by,
 * on each Node users run:
 *
 * - node:test's run() API (borp, which fastify, pino and undici test with, and custom
 *   runner scripts): each test file runs in a child that node:test starts with
 *   NODE_TEST_CONTEXT=child-v8, the same variable every process a test spawns inherits.
 *   Before, no test was recorded at all ("per-test attribution off").
 * - `node --test --test-isolation=none` (Node 22 spells it --experimental-test-isolation):
 *   the orchestrator imports every file and runs the tests itself. Before, nothing was
 *   recorded either.
 *
 * The fixture's tests spawn the CLI directly and behind a shell that forks (the CLI's
 * parent is then the shell): each such process must stay inert, print exactly what it
 * prints plain, and carry the test that spawned it, never count as a test file itself.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestRecord } from '../../src/collect/test-record.js';
import { readProfileFile } from '../../src/profile/read.js';
import type { Profile } from '../../src/profile/model.js';
import { envForNode, FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const cwd = join(FIXTURES, 'spawn-child');
/** The test file, as the profile names it: relative to the repository (this one). */
const FILE = 'test/fixtures/projects/spawn-child/test/cli.test.js';
const TESTS = [
  'the spawned CLI prints exactly its line',
  'the spawned CLI exits 0',
  'the CLI behind a shell prints exactly its line',
  'the CLI behind a shell does the work',
  'the spawned CLI does the work',
  'a worker thread does the work',
];
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** TAP without its timings: what must not change under ciprof. */
const tapWithoutTimes = (stdout: string): string => stdout.replace(/^\s*duration_ms: .*$/gm, '').replace(/^# duration_ms .*$/gm, '');

function plain(node: string, args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync(node, args, { cwd, env: { ...envForNode(node), NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout };
}

interface Wrapped {
  status: number | null;
  stdout: string;
  stderr: string;
  profile: Profile;
  /** Files named by the per-test records the processes wrote (raw directory kept). */
  recordedFiles: string[];
}

function wrapped(node: string, args: string[], env: NodeJS.ProcessEnv = {}): Wrapped {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-orchestrators-'));
  dirs.push(out);
  const r = runCli(['run', '--keep-raw', '--no-store', '--no-report', '--out', out, '--', node, ...args], { cwd, node, env });
  const raw = /raw V8 profiles kept in (\S+)/.exec(r.stderr)?.[1];
  expect(raw, r.stderr).toBeDefined();
  dirs.push(raw!);
  const recordedFiles = readdirSync(raw!)
    .filter((f) => f.endsWith('.tests.jsonl'))
    .flatMap((f) => readFileSync(join(raw!, f), 'utf8').trim().split('\n'))
    .map((line) => (JSON.parse(line) as TestRecord).file);
  return { ...r, profile: readProfileFile(join(out, 'profile.pb.gz')), recordedFiles: [...new Set(recordedFiles)] };
}

/** Sample weight per value of a label, over the samples whose leaf is `fn`. */
function byLabel(profile: Profile, fn: string, label: 'test_name' | 'test_file'): Map<string, number> {
  const index = profile.functions.findIndex((f) => f.name === fn);
  expect(index, `${fn} in the profile`).toBeGreaterThanOrEqual(0);
  const shares = new Map<string, number>();
  for (const s of profile.samples) {
    if (s.stack[0] !== index) continue;
    const value = String(s.labels[label] ?? '');
    shares.set(value, (shares.get(value) ?? 0) + s.values[0]!);
  }
  return shares;
}

const share = (shares: Map<string, number>, key: string): number => (shares.get(key) ?? 0) / [...shares.values()].reduce((a, b) => a + b, 0);

/** Test names in the profile's per-test records (the metadata the report's tables read). */
const recordedTests = (profile: Profile): string[] => [...new Set(profile.samples.map((s) => String(s.labels.test_name ?? '')).filter(Boolean))].sort();

describe.each(NODE_VERSIONS)('$label', (node) => {
  const isolationNone = node.major === 22 ? '--experimental-test-isolation=none' : '--test-isolation=none';
  const suites = [
    { name: "node:test's run() API (borp)", args: ['run-api.mjs'] },
    { name: '--test-isolation=none', args: ['--test', isolationNone, '--test-reporter=tap', 'test/cli.test.js'] },
    // No file named: node:test's default globs find test/cli.test.js, and argv[1] is unset.
    { name: '--test-isolation=none, default globs', args: ['--test', isolationNone, '--test-reporter=tap'] },
  ];

  describe.each(suites)('$name', ({ args }) => {
    it.skipIf(!node.available)('same TAP output and exit code as plain, every test recorded with its file', () => {
      const before = plain(node.bin, args);
      expect(before.stdout).toMatch(/^# pass 6$/m);
      const after = wrapped(node.bin, args);
      expect(after.status).toBe(before.status);
      expect(tapWithoutTimes(after.stdout)).toBe(tapWithoutTimes(before.stdout));
      expect(after.stderr).not.toMatch(/attribution off/);
      expect(recordedTests(after.profile)).toEqual([...TESTS].sort());
      // Only the test file's process recorded: the CLI a test starts, behind a shell or not,
      // loaded no hook (it would record itself as a 'file').
      expect(after.recordedFiles).toEqual([join(cwd, 'test/cli.test.js')]);
      // No process of the suite is a test file of its own: the CLI and its shell are the tests'.
      const files = new Set(after.profile.samples.map((s) => String(s.labels.test_file ?? '')).filter(Boolean));
      expect([...files].filter((f) => f !== '(setup)')).toEqual([FILE]);
    });

    it.skipIf(!node.available)('a CLI a test starts, directly or behind a shell, carries that test', () => {
      const { profile } = wrapped(node.bin, args);
      expect(share(byLabel(profile, 'burnInChild', 'test_name'), 'the spawned CLI does the work')).toBeGreaterThan(0.9);
      expect(share(byLabel(profile, 'burnBehindShell', 'test_name'), 'the CLI behind a shell does the work')).toBeGreaterThan(0.9);
      expect(share(byLabel(profile, 'burnBehindShell', 'test_file'), FILE)).toBeGreaterThan(0.9);
    });
  });

  // ciprof itself run from inside a node:test file (an integration test of the user's
  // own): NODE_TEST_CONTEXT reaches every process of the command and names none of them.
  it.skipIf(!node.available)('under an inherited NODE_TEST_CONTEXT, a plain node command records no test', () => {
    const r = wrapped(node.bin, ['bin/cli.js', 'burn'], { NODE_TEST_CONTEXT: 'child-v8' });
    expect(r.stdout).toBe('cli: burn\n');
    expect(r.status).toBe(0);
    expect(r.recordedFiles).toEqual([]);
  });
});
