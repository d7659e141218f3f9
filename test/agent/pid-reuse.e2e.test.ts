/**
 * A pid names one live process only. With kernel.pid_max at 32768, and ten or so pids taken
 * by each node process with its threads, execa's whole suite (7,500 node processes in 12
 * minutes) went round the pid space within one run: a later process wrote its profile under
 * the name of an earlier one's (`<pid>-<tid>-0.cpuprofile`) and replaced it. About 570 of
 * 8,100 threads were lost that way, with no warning. The agent now takes the next free
 * segment number (protocol.ts freeProfileBase), and the collector counts the processes apart.
 *
 * Reproduced exactly: in a new pid namespace, writing /proc/sys/kernel/ns_last_pid before
 * each start gives two node processes the same pid, one after the other.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile as PprofProfile } from 'pprof-format';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_VERSIONS, runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'ciprof-pid-reuse-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const script = (name: string): string => `function ${name}() { let s = 0; for (let i = 0; i < 3e7; i++) s += i % 7; return s; }\nconsole.log('${name}', ${name}() > 0, process.pid);\n`;
writeFileSync(join(work, 'a.js'), script('workOfA'));
writeFileSync(join(work, 'b.js'), script('workOfB'));

/** Root in a pid namespace of its own may set the next pid; elsewhere (no privilege) this test cannot run. */
const canPickPids = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'sh', '-c', 'echo 500 > /proc/sys/kernel/ns_last_pid && sh -c "echo \\$\\$"'], { encoding: 'utf8' }).stdout === '501\n';

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available || !canPickPids)('keeps the profiles of two processes that had the same pid', () => {
    const line = `echo 1000 > /proc/sys/kernel/ns_last_pid && "${node.bin}" a.js && echo 1000 > /proc/sys/kernel/ns_last_pid && "${node.bin}" b.js`;
    const out = join(work, `out-${node.major}`);
    const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', 'unshare', '--pid', '--fork', '--mount-proc', 'sh', '-c', line], { cwd: work, node: node.bin });
    expect(r.status, r.stderr).toBe(0);
    // The premise: both ran as pid 1001.
    expect(r.stdout).toBe('workOfA true 1001\nworkOfB true 1001\n');
    const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { processes: number; warnings: string[] };
    expect(summary.processes).toBe(2);
    expect(summary.warnings.join('\n')).toMatch(/1 process\(es\) had the pid of an earlier process of this run/);
    const profile = PprofProfile.decode(gunzipSync(readFileSync(join(out, 'profile.pb.gz'))));
    const names = new Set(profile.function.map((f) => profile.stringTable.strings[Number(f.name)]));
    expect(names.has('workOfA') && names.has('workOfB')).toBe(true);
  });
});
