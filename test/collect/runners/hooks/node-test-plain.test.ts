/**
 * node:test in a script's own process, without --test (`node test/all.test.js`, as zx runs
 * its suite): under `ciprof run` the script's tests are recorded, what a test spawns is that
 * test's, and nothing the script prints changes. A script that loads node:test for `mock`
 * alone gets no root test (node:test would print a summary at exit), and a run() script's
 * tests stay those of the processes that run them. Real runs of the built dist/, Node 22 to 26.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readProfileFile } from '../../../../src/profile/read.js';
import type { Profile } from '../../../../src/profile/model.js';
import { envForNode, FIXTURES, NODE_VERSIONS, runCli } from '../../../helpers/cli.js';

const cwd = join(FIXTURES, 'node-test-plain');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function plain(node: string, args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync(node, args, { cwd, env: { ...envForNode(node), NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout };
}

function wrapped(node: string, args: string[]): { status: number | null; stdout: string; stderr: string; profile: Profile } {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-node-test-plain-'));
  dirs.push(out);
  const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', node, ...args], { cwd, node });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, profile: readProfileFile(join(out, 'profile.pb.gz')) };
}

/** Sampled weight per value of a label, over the samples whose stack holds `fn`. */
function labelWeights(profile: Profile, fn: string, label: string): Map<string, number> {
  const index = profile.functions.findIndex((f) => f.name === fn);
  expect(index, `${fn} in the profile`).toBeGreaterThanOrEqual(0);
  const weights = new Map<string, number>();
  for (const s of profile.samples) {
    if (!s.stack.includes(index)) continue;
    const value = String(s.labels[label] ?? '');
    weights.set(value, (weights.get(value) ?? 0) + s.values[0]!);
  }
  return weights;
}

const share = (weights: Map<string, number>, key: string): number => (weights.get(key) ?? 0) / [...weights.values()].reduce((a, b) => a + b, 0);
const testNames = (profile: Profile): Set<string> => new Set(profile.samples.map((s) => String(s.labels.test_name ?? '')).filter(Boolean));
const REL = 'test/fixtures/projects/node-test-plain/test/';

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)("records the script's tests; what a test spawns is that test's; the output is the script's", () => {
    const args = ['--test-reporter=dot', 'test/all.test.mjs'];
    const before = plain(node.bin, args);
    const run = wrapped(node.bin, args);
    expect(run.status, run.stderr).toBe(before.status);
    expect(before.status).toBe(0);
    expect(run.stdout).toBe(before.stdout);
    expect(share(labelWeights(run.profile, 'parseBurn', 'test_name'), 'parse > builds')).toBeGreaterThan(0.9);
    expect(share(labelWeights(run.profile, 'parseBurn', 'test_file'), `${REL}all.test.mjs`)).toBeGreaterThan(0.9);
    // child.test.mjs looks like a test and runs node:test, but a test started it: not a test file of its own.
    expect(share(labelWeights(run.profile, 'childBurn', 'test_name'), 'spawns the child')).toBeGreaterThan(0.9);
    expect(testNames(run.profile)).not.toContain('child work');
  });

  it.skipIf(!node.available)('a script that loads node:test for mock alone prints no summary and records no test', () => {
    const args = ['test/mock-only.test.cjs'];
    const run = wrapped(node.bin, args);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('mock only, called 1 time\n');
    expect(run.stdout).toBe(plain(node.bin, args).stdout);
    expect(testNames(run.profile).size).toBe(0);
  });

  it.skipIf(!node.available)("a run() script's tests are those of the process that runs them", () => {
    const args = ['test/run-api.test.mjs'];
    const before = plain(node.bin, args);
    const run = wrapped(node.bin, args);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(before.stdout);
    expect([...testNames(run.profile)]).toEqual(['parse > builds']);
    expect(share(labelWeights(run.profile, 'parseBurn', 'test_file'), `${REL}parse.test.mjs`)).toBeGreaterThan(0.9);
  });
});
