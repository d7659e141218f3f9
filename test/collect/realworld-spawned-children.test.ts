/**
 * Failure class from the real-world corpus (bench/realworld.mjs, tj/commander.js: 27 of
 * 1,373 tests failed under `ciprof run`, 0 plain): a node --test suite spawns its CLI as a
 * node child process and asserts the child's stdout. The node:test hook used to decide by
 * the inherited NODE_TEST_CONTEXT, so the grandchild required node:test, became a test
 * root and wrote the runner's protocol into its own stdout. The hooks now decide by what
 * each process runs (src/collect/runners/hooks/runner-role.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { FIXTURES, NODE22, hasNode22, runCli } from '../helpers/cli.js';

const cwd = join(FIXTURES, 'spawn-child');
const suite = ['node', '--test', '--test-reporter=tap', 'test/cli.test.js'];
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const nodes = [{ name: `machine node ${process.version}`, exe: process.execPath }, ...(hasNode22 ? [{ name: 'Node 22', exe: NODE22 }] : [])];

describe.each(nodes)('node --test suite spawning a node CLI ($name)', ({ exe }) => {
  const env = { PATH: `${join(exe, '..')}:${process.env.PATH}` };

  it('passes plain (the fixture is sound)', () => {
    const r = spawnSync(suite[0]!, suite.slice(1), { cwd, env: { ...process.env, NODE_OPTIONS: '', ...env }, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^# fail 0$/m);
    expect(r.status).toBe(0);
  });

  it('passes under ciprof run: the spawned CLI prints exactly what it prints plain', () => {
    const out = mkdtempSync(join(tmpdir(), 'ciprof-spawn-'));
    dirs.push(out);
    const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', ...suite], { cwd, env, node: exe });
    expect(r.stdout).toMatch(/^# fail 0$/m);
    expect(r.status).toBe(0);
  });
});

/*
 * Same corpus finding, attribution side: on tj/commander.js 19.5% of the CPU carried a
 * test_name, because the processes a test spawns were labelled by their own script or
 * "(setup)", never by the test that spawned them (now: parent pid chain + start time).
 */

/** Share of the samples whose leaf is `fn` (in a file ending with `file`) that carry `testName`. */
function attributedShare(out: string, fn: string, file: string, testName: string): number {
  const profile = readProfileFile(join(out, 'profile.pb.gz'));
  const index = profile.functions.findIndex((f) => f.name === fn && f.file.endsWith(file));
  expect(index, `${fn} in the profile`).toBeGreaterThanOrEqual(0);
  const samples = profile.samples.filter((s) => s.stack[0] === index);
  const total = samples.reduce((a, s) => a + s.values[0]!, 0);
  const attributed = samples.filter((s) => s.labels.test_name === testName).reduce((a, s) => a + s.values[0]!, 0);
  expect(total).toBeGreaterThan(0);
  return attributed / total;
}

describe('CPU of a process or worker thread a test starts', () => {
  function profiled(): string {
    const out = mkdtempSync(join(tmpdir(), 'ciprof-spawn-'));
    dirs.push(out);
    runCli(['run', '--no-store', '--no-report', '--out', out, '--', ...suite], { cwd });
    return out;
  }

  it('a spawned node process carries the test_name of the test that spawned it', () => {
    expect(attributedShare(profiled(), 'burnInChild', 'bin/cli.js', 'the spawned CLI does the work')).toBeGreaterThan(0.9);
  });

  // markdown-it's pathological.test.mjs: 77% of the suite's CPU in threads its tests start, none attributed.
  it('a worker thread carries the test_name of the test that started it', () => {
    expect(attributedShare(profiled(), 'burnInWorker', 'lib/worker.js', 'a worker thread does the work')).toBeGreaterThan(0.9);
  });
});
