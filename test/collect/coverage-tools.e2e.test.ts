/**
 * Coverage tools report every file a process ran unless they skip it, and what they skip
 * is a path under node_modules/. `node --test --experimental-test-coverage` keeps files
 * outside the working directory too: with ciprof run from a git checkout or the Action's
 * `_actions/.../dist/`, its coverage table listed ciprof's agent and hooks, the totals
 * dropped and a `--test-coverage-lines=100` gate turned exit 0 into exit 1. ciprof now
 * loads them from a node_modules mirror (src/collect/preload-files.ts).
 *
 * The fixture is 100% covered. Each Node runs it plain, under `ciprof run` (this checkout's
 * dist/, outside node_modules, as the Action's is), and with ciprof's preloads put in
 * NODE_OPTIONS straight from dist/ (what `ciprof run` did before): the last shows the
 * failure this guards against.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envForNode, FIXTURES, NODE_VERSIONS, ROOT, runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'ciprof-coverage-'));
// Copied out of test/: node:test's default coverage excludes skip any path through a test/ directory.
const project = join(work, 'project');
cpSync(join(FIXTURES, 'node-test-coverage'), project, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The command, writing its lcov report to `lcov`: the coverage gate at 100% of lines. */
const command = (node: string, lcov: string): string[] => [node, '--test', '--experimental-test-coverage', '--test-coverage-lines=100', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=lcov', `--test-reporter-destination=${lcov}`, 'add.test.js'];

const coveredFiles = (lcov: string): string[] =>
  readFileSync(lcov, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('SF:'))
    .map((l) => l.slice(3))
    .sort();

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available)('node --test --experimental-test-coverage', () => {
    it('keeps the coverage report and the gate\'s exit code under ciprof run', () => {
      const plainLcov = join(work, `plain-${node.major}.lcov`);
      const plain = spawnSync(command(node.bin, plainLcov)[0]!, command(node.bin, plainLcov).slice(1), { cwd: project, env: { ...envForNode(node.bin), NODE_OPTIONS: '' }, encoding: 'utf8' });
      expect(plain.status, plain.stdout + plain.stderr).toBe(0);
      // Node 22 counts the test file too; later majors exclude test files by default.
      expect(coveredFiles(plainLcov)).toContain('lib.js');

      const wrappedLcov = join(work, `wrapped-${node.major}.lcov`);
      const out = join(work, `out-${node.major}`);
      const wrapped = runCli(['run', '--no-store', '--no-report', '--out', out, '--', ...command(node.bin, wrappedLcov)], { cwd: project, node: node.bin });
      expect(wrapped.status, wrapped.stdout + wrapped.stderr).toBe(0);
      expect(coveredFiles(wrappedLcov)).toEqual(coveredFiles(plainLcov));
      expect(wrapped.stdout).not.toMatch(/does not meet threshold/);
      // Still profiled, its test attributed, ciprof's own frames still recognised as its own.
      const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { tests: { name: string }[] };
      expect(summary.tests.map((t) => t.name)).toEqual(['adds']);
      expect(wrapped.stderr).toMatch(/its own work \(agent, runner hooks\)/);
    });

    it('lists the preloads, and fails the gate, when they are loaded from outside node_modules (the case fixed)', () => {
      const lcov = join(work, `direct-${node.major}.lcov`);
      const raw = mkdtempSync(join(work, 'raw-'));
      const preloads = ['runners/preload.cjs', 'agent.cjs'].map((f) => `--require ${join(ROOT, 'dist', f)}`).join(' ');
      const r = spawnSync(command(node.bin, lcov)[0]!, command(node.bin, lcov).slice(1), { cwd: project, env: { ...envForNode(node.bin), NODE_OPTIONS: preloads, CIPROF_RAW_DIR: raw }, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/line coverage does not meet threshold of 100%/);
      expect(coveredFiles(lcov).some((f) => f.endsWith('agent.cjs'))).toBe(true);
    });
  });
});
