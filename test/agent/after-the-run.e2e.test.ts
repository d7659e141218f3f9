/**
 * A process the tests leave behind (a detached server, a daemon) can outlive `ciprof run`,
 * which removes its raw directory at the end. Such a process used to print ciprof warnings
 * into its own stderr (its log, or the terminal): "profiler start failed: ENOENT …/<pid>-0.start"
 * when it started after the run, "flush marker failed: ENOENT" when it ended after it. Now
 * the agent and the hooks see the run is over and stay silent. Shown directly, on Node 22,
 * 24 and 26, with the preloads as `ciprof run` sets them and a raw directory gone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envForNode, NODE_VERSIONS, ROOT } from '../helpers/cli.js';

const PRELOADS = ['runners/preload.cjs', 'agent.cjs'].map((f) => `--require ${join(ROOT, 'dist', f)}`).join(' ');

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available)('a process of a run that is over', () => {
    const runNode = (rawDir: string, script: string) =>
      spawnSync(node.bin, ['-e', script], { env: { ...envForNode(node.bin), NODE_OPTIONS: PRELOADS, CIPROF_RAW_DIR: rawDir, CIPROF_INTERVAL_US: '1000' }, encoding: 'utf8' });

    it('started after the run ended: no output of ours, its exit code kept', () => {
      const gone = join(mkdtempSync(join(tmpdir(), 'ciprof-over-')), 'ciprof-raw-removed');
      const r = runNode(gone, "let s = 0; for (let i = 0; i < 1e6; i++) s += i; console.log('worked'); process.exitCode = 3;");
      expect(r.stdout).toBe('worked\n');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(3);
    });

    it('ended after the run ended (its raw directory removed while it ran): no output of ours', () => {
      const raw = mkdtempSync(join(tmpdir(), 'ciprof-raw-'));
      const r = runNode(raw, "require('node:fs').rmSync(process.env.CIPROF_RAW_DIR, { recursive: true }); console.log('worked');");
      expect(r.stdout).toBe('worked\n');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  });
});
