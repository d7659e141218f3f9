/**
 * A task runner that keeps NODE_OPTIONS but drops CIPROF_* from its tasks' environment:
 * turbo (real, installed by .ci/setup), whose strict env mode is its default. Every Node
 * process under `turbo run test` is profiled and its tests attributed, on Node 22, 24 and 26.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../../src/profile/aggregate.js';
import { readProfileFile } from '../../src/profile/read.js';
import { envForNode, FIXTURES, NODE_VERSIONS, ROOT, runCli } from '../helpers/cli.js';

const TURBO = join(ROOT, '.cache/turbo/node_modules/.bin/turbo');
const project = join(FIXTURES, 'turbo-mono');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'ciprof-turbo-'));

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available)('ciprof run -- turbo run test', () => {
    it('turbo drops CIPROF_RAW_DIR from its tasks (what makes this case; no ciprof here)', () => {
      expect(existsSync(TURBO), `${TURBO}: run .ci/setup`).toBe(true);
      const r = spawnSync(TURBO, ['run', 'probe'], { cwd: project, env: { ...envForNode(node.bin), NODE_OPTIONS: '', CIPROF_RAW_DIR: tmp() }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('CIPROF_RAW_DIR in the task: absent');
    });

    it('profiles every Node process of the tasks and attributes their tests', () => {
      const out = tmp();
      const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', TURBO, 'run', 'test'], { cwd: project, node: node.bin });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/per-test attribution off/);
      const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { processes: number; lostThreads: number; tests: { file: string; name: string }[] };
      expect(summary.lostThreads).toBe(0);
      // npm and the node --test file process for a; npm and mocha for b.
      expect(summary.processes).toBeGreaterThanOrEqual(4);
      expect(summary.tests.map((t) => t.name).sort()).toEqual(['a burns hotA', 'b > burns hotB']);
      const names = functionTable(readProfileFile(join(out, 'profile.pb.gz'))).stats.map((s) => s.frame.name);
      expect(names).toContain('hotA');
      expect(names).toContain('hotB');
    });
  });
});
