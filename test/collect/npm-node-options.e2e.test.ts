/**
 * A project whose .npmrc sets `node-options`: npm replaces NODE_OPTIONS with it for
 * `npm test`, and ciprof's preloads went with the rest, so npm was profiled and no test
 * process was. Real npm (the one on PATH) on Node 22, 24 and 26.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../../src/profile/aggregate.js';
import { readProfileFile } from '../../src/profile/read.js';
import { FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const project = join(FIXTURES, 'npmrc-node-options');

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available)('ciprof run -- npm test, with node-options in the project .npmrc', () => {
    it('profiles the test process and attributes its test; the .npmrc setting still reaches it', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-npmrc-'));
      const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', 'npm', 'test'], { cwd: project, node: node.bin });
      // The test asserts the setting arrived: a failure here is the .npmrc lost.
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/no test ran/);
      const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { tests: { file: string; name: string }[] };
      expect(summary.tests.map((t) => t.name)).toEqual(['burns under npm']);
      expect(summary.tests[0]!.file).toMatch(/npmrc-node-options\/test\/burn\.test\.js$/);
      expect(functionTable(readProfileFile(join(out, 'profile.pb.gz'))).stats.map((s) => s.frame.name)).toContain('burnNpmrc');
    });

    it('with the setting in the environment instead (npm_config_node_options, as npx passes it on)', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-npmrc-env-'));
      // Upper case, as npm also reads it: it outranks the .npmrc, so it must carry the preloads.
      const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', 'npm', 'test'], { cwd: project, node: node.bin, env: { NPM_CONFIG_NODE_OPTIONS: '--max-old-space-size=3072' } });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { tests: { name: string }[] };
      expect(summary.tests.map((t) => t.name)).toEqual(['burns under npm']);
    });
  });
});
