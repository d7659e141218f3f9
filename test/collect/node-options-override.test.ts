/**
 * A command or package.json script that replaces NODE_OPTIONS (src/collect/node-options-override.ts):
 * found where it is written, and named in one warning once the run shows nothing of the
 * command's own was profiled. The real case runs npm on Node 22, 24 and 26.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { droppingAssignment, nodeOptionsOverride } from '../../src/collect/node-options-override.js';
import { FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const project = join(FIXTURES, 'script-node-options');

describe('droppingAssignment', () => {
  it('finds an assignment that throws the inherited value away', () => {
    expect(droppingAssignment('NODE_OPTIONS=--experimental-vm-modules jest')).toBe('NODE_OPTIONS=--experimental-vm-modules');
    expect(droppingAssignment('cross-env NODE_OPTIONS="--max-old-space-size=4096" vitest run')).toBe('NODE_OPTIONS="--max-old-space-size=4096"');
    expect(droppingAssignment('tsc && export NODE_OPTIONS=--inspect; node x')).toBe('NODE_OPTIONS=--inspect');
    expect(droppingAssignment("env NODE_OPTIONS='' node x")).toBe("NODE_OPTIONS=''");
  });

  it('leaves alone one that keeps it, and text that only mentions the name', () => {
    expect(droppingAssignment('NODE_OPTIONS="$NODE_OPTIONS --experimental-vm-modules" jest')).toBeUndefined();
    expect(droppingAssignment('NODE_OPTIONS=${NODE_OPTIONS}\\ --x jest')).toBeUndefined();
    expect(droppingAssignment('echo $NODE_OPTIONS && MY_NODE_OPTIONS=1 jest')).toBeUndefined();
    expect(droppingAssignment('jest --ci')).toBeUndefined();
  });
});

describe('nodeOptionsOverride', () => {
  it('looks in the package.json script that npm, pnpm or yarn runs', () => {
    expect(nodeOptionsOverride(['npm', 'test'], project)).toBe('package.json\'s "test" script sets NODE_OPTIONS=--max-old-space-size=3072');
    expect(nodeOptionsOverride(['npm test'], project)).toMatch(/"test" script/);
    expect(nodeOptionsOverride(['/usr/bin/npm', 'run', 'test:keep'], project)).toBeUndefined();
    expect(nodeOptionsOverride(['pnpm', 'test:keep'], project)).toBeUndefined();
    expect(nodeOptionsOverride(['yarn', 'test'], project)).toMatch(/"test" script/);
    expect(nodeOptionsOverride(['node', '--test'], project)).toBeUndefined();
  });

  it('reads the command line itself first', () => {
    expect(nodeOptionsOverride(['NODE_OPTIONS=--x node --test'], project)).toBe('the command sets NODE_OPTIONS=--x');
  });
});

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available)('ciprof run -- npm test, whose script replaces NODE_OPTIONS', () => {
    it('keeps the outcome and names the script in one warning', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-script-node-options-'));
      const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', 'npm', 'test'], { cwd: project, node: node.bin });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^ciprof: warning: package\.json's "test" script sets NODE_OPTIONS=--max-old-space-size=3072, which replaces the NODE_OPTIONS that carries ciprof's agent.*NODE_OPTIONS="\$NODE_OPTIONS …"/m);
    });

    it('the script that keeps the inherited value is profiled, and no such warning', () => {
      const out = mkdtempSync(join(tmpdir(), 'ciprof-script-node-options-'));
      const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', 'npm', 'run', 'test:keep'], { cwd: project, node: node.bin });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/replaces the NODE_OPTIONS/);
      const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { tests: { name: string }[] };
      expect(summary.tests.map((t) => t.name)).toEqual(['works']);
    });
  });
});
