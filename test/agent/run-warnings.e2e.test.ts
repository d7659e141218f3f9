/**
 * What the agent cannot do inside a process is said by `ciprof run`, not in that process's
 * stderr (src/agent/run-warnings.ts): a CLI under test whose stderr a test compares must
 * see none of ours. Here the profile's temp file is made impossible to write (a directory
 * stands in its place): the process's own stderr stays empty, its exit code is kept, and
 * ciprof's output names the failure and the thread. Node 22, 24 and 26.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_VERSIONS, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ciprof-run-warnings-'));
writeFileSync(
  join(dir, 'blocked.js'),
  // The agent writes <pid>-<tid>-0.tmp, then renames it: a directory there makes the write fail.
  "require('node:fs').mkdirSync(`${process.env.CIPROF_RAW_DIR}/${process.pid}-0-0.tmp`); console.error('own stderr line'); process.exitCode = 4;\n",
);

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)("a flush that fails is reported by ciprof run, not in the process's stderr", () => {
    const stderrFile = join(dir, `stderr-${node.major}.txt`);
    const r = runCli(['run', '--no-store', '--no-report', '--out', join(dir, `out-${node.major}`), '--', `node blocked.js 2>${stderrFile}`], { cwd: dir, node: node.bin });
    expect(r.status).toBe(4);
    expect(readFileSync(stderrFile, 'utf8')).toBe('own stderr line\n');
    expect(r.stderr).toMatch(/^ciprof: warning: flush on exit failed: EISDIR.*\(thread \d+-0\)$/m);
    expect(r.stderr).toMatch(/1 lost/);
  });
});
