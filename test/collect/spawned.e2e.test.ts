/**
 * Tests that spawn node children (a CLI under test printing to stdout, directly and
 * through a shell) and worker threads, under each runner's hooks:
 * - the children are untouched: stdout, stderr and exit status byte-identical to a
 *   plain run, no node:test loaded, no runner listener, Object.defineProperty and
 *   Module._load as Node made them (cli.js prints those facts);
 * - the children belong to the test that spawned them: their samples carry that test's
 *   file and name (never their own script as a "test file"), through a shell too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { attributedShare } from '../helpers/attribution.js';
import { bin, envForNode, FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const project = join(FIXTURES, 'spawn-cli');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'ciprof-spawned-'));

interface Suite {
  name: string;
  command: string[];
  env?: NodeJS.ProcessEnv;
}

const suites: Suite[] = [
  { name: 'node --test', command: ['node', '--test', 'test/cli.test.js'] },
  { name: 'jest', command: ['node', bin('jest/bin/jest.js'), '-w', '1'] },
  { name: 'vitest forks', command: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'forks' } },
];

/** Runs the suite plain and under ciprof; returns the wrapped run's output dir, after comparing the children's output. */
function runBoth(node: string, suite: Suite): string {
  const plainOut = tmp();
  const plain = spawnSync(suite.command[0]!, suite.command.slice(1), {
    cwd: project,
    env: { ...envForNode(node), NODE_OPTIONS: '', ...suite.env, FIXTURE_OUT: plainOut },
    encoding: 'utf8',
  });
  expect(plain.status, plain.stdout + plain.stderr).toBe(0);
  const wrappedOut = tmp();
  const out = tmp();
  const wrapped = runCli(['run', '--no-store', '--no-report', '--out', out, '--', ...suite.command], { cwd: project, node, env: { ...suite.env, FIXTURE_OUT: wrappedOut } });
  expect(wrapped.status, wrapped.stdout + wrapped.stderr).toBe(0);
  const children = readdirSync(plainOut).sort();
  expect(children).toHaveLength(2);
  expect(readdirSync(wrappedOut).sort()).toEqual(children);
  for (const child of children) {
    const before = readFileSync(join(plainOut, child));
    const after = readFileSync(join(wrappedOut, child));
    expect(after.toString(), child).toBe(before.toString());
    expect(after.equals(before)).toBe(true);
  }
  // Spelled out, though byte-identity already covers it: what a leaked hook would change.
  const facts = JSON.parse(JSON.parse(readFileSync(join(wrappedOut, children[0]!), 'utf8')).stdout.split('\n')[1]);
  expect(facts).toMatchObject({ nodeTestLoaded: false, uncaughtException: 0, unhandledRejection: 0, beforeExit: 0, definePropertyNative: true });
  return out;
}

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available).each(suites)('$name spawning a CLI', (suite) => {
    it('leaves the children byte-identical and labels their samples with the spawning test', () => {
      const out = runBoth(node.bin, suite);
      const profile = readProfileFile(join(out, 'profile.pb.gz'));
      const testFile = suite.name === 'node --test' ? 'test/cli.test.js' : `${suite.name.split(' ')[0]}/cli.test.js`;
      const inTest = (name: string) => (l: Record<string, string | number>) => String(l.test_file).endsWith(`spawn-cli/${testFile}`) && l.test_name === name;
      const direct = attributedShare(profile, 'hotA', inTest('spawns the cli directly'));
      const shell = attributedShare(profile, 'hotB', inTest('spawns the cli through a shell'));
      expect(direct.total).toBeGreaterThan(20);
      expect(shell.total).toBeGreaterThan(20);
      expect(direct.share).toBeGreaterThanOrEqual(0.9);
      expect(shell.share).toBeGreaterThanOrEqual(0.9);
      if (suite.name === 'node --test') {
        const thread = attributedShare(profile, 'spin', inTest('starts a worker thread'));
        expect(thread.total).toBeGreaterThan(20);
        expect(thread.share).toBeGreaterThanOrEqual(0.9);
      }
      const files = new Set(profile.samples.map((s) => String(s.labels.test_file)));
      expect([...files].filter((f) => /(cli|spawn)\.js$/.test(f))).toEqual([]);
    });
  });
});
