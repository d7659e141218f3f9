/**
 * Node's permission model (`--permission`): the process refuses the inspector unless
 * --allow-inspector, and file writes outside --allow-fs-write. The agent used to print
 * "ciprof: warning: profiler start failed: Access to this API has been restricted" into the
 * program's own stderr. Now it stays silent there: the outcome and output are the program's,
 * and the run summary says what could not be profiled. Node 22, 24 and 26.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envForNode, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ciprof-permission-'));
writeFileSync(join(dir, 'work.js'), "let s = 0; for (let i = 0; i < 1e6; i++) s += i; console.log('done', s > 0); console.error('to stderr');\n");
/** A line the agent writes from inside a profiled process (it names the pid and thread). */
const AGENT_LINE = /^ciprof: warning: .*\(pid \d+, thread \d+\)$/m;

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available)('a command under --permission', () => {
    const plain = (flags: string[]) => spawnSync(node.bin, ['--permission', ...flags, 'work.js'], { cwd: dir, env: { ...envForNode(node.bin), NODE_OPTIONS: '' }, encoding: 'utf8' });
    const wrapped = (flags: string[]) => runCli(['run', '--no-store', '--no-report', '--out', mkdtempSync(join(tmpdir(), 'ciprof-permission-out-')), '--', node.bin, '--permission', ...flags, 'work.js'], { cwd: dir, node: node.bin });

    it('reads only: the same exit code and output, no agent line in its stderr', () => {
      const flags = ['--allow-fs-read=*'];
      const p = plain(flags);
      const w = wrapped(flags);
      expect(p.status).toBe(0);
      expect(w.status).toBe(0);
      expect(w.stdout).toBe(p.stdout);
      expect(w.stderr).not.toMatch(AGENT_LINE);
      expect(w.stderr).toContain('to stderr');
      expect(w.stderr).toMatch(/no Node\.js process wrote a profile .*--allow-inspector/);
    });

    it('with the temp directory writable: the summary counts the process the inspector was kept from', () => {
      const flags = ['--allow-fs-read=*', `--allow-fs-write=${tmpdir()}/*`];
      const w = wrapped(flags);
      expect(w.status).toBe(0);
      expect(w.stderr).not.toMatch(AGENT_LINE);
      expect(w.stderr).toMatch(/ciprof: 1 process\(es\) ran under Node's permission model, which keeps the inspector from them/);
    });

    // --allow-inspector: Node 24 and later.
    it.skipIf(node.major < 24)('with --allow-inspector as well: profiled', () => {
      const w = wrapped(['--allow-fs-read=*', `--allow-fs-write=${tmpdir()}/*`, '--allow-inspector']);
      expect(w.status).toBe(0);
      expect(w.stderr).toMatch(/ciprof: 1 process\(es\), 1 thread\(s\) profiled/);
    });
  });
});
