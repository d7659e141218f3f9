/**
 * Module customization hooks (module.register: tsx, ts-node/esm, tap's loaders) run on a
 * hooks thread, and a synchronous resolve from the main thread sleeps until that thread
 * answers. V8's sampler charges the sleep to Node's `makeSyncRequest` as if it computed:
 * tap on node-glob (Node 24) had it as its top function, 31% of all samples, while the
 * real work sat on the hooks thread. The run's summary now counts it as a wait (blocked
 * class `loader`), apart from the CPU ranking; the hooks thread's own samples stay.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envForNode, FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const project = join(FIXTURES, 'loader-hooks');
const work = mkdtempSync(join(tmpdir(), 'ciprof-loader-wait-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Summary {
  threads: number;
  cpuMs: number;
  blocked?: Record<string, number>;
  top: { name: string; file: string; selfMs: number }[];
}

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)("counts the main thread's sleep on the hooks thread as a wait, not as CPU", () => {
    const command = [node.bin, '--import', './register.mjs', 'main.mjs'];
    const plain = spawnSync(command[0]!, command.slice(1), { cwd: project, env: { ...envForNode(node.bin), NODE_OPTIONS: '' }, encoding: 'utf8' });
    expect(plain.status, plain.stderr).toBe(0);
    const out = join(work, `out-${node.major}`);
    const wrapped = runCli(['run', '--no-store', '--no-report', '--out', out, '--', ...command], { cwd: project, node: node.bin });
    expect(wrapped.status, wrapped.stderr).toBe(0);
    expect(wrapped.stdout).toBe(plain.stdout);
    expect(plain.stdout).toBe('resolved 150\n');

    const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as Summary;
    // Both threads profiled: the main thread and Node's hooks thread.
    expect(summary.threads).toBe(2);
    // 150 resolves of ~2 ms each on the hooks thread: the main thread waits about that long.
    expect(summary.blocked?.loader ?? 0).toBeGreaterThan(150);
    expect(summary.blocked!.loader!).toBeLessThan(summary.cpuMs);
    // The ranking is CPU only: no loader wait in it, and the hook's own work is there.
    const names = summary.top.map((f) => `${f.name} ${f.file}`);
    expect(names.filter((n) => n.includes('node:internal/modules/esm/hooks') && /makeSyncRequest|waitForWorker/.test(n))).toEqual([]);
    expect(names.some((n) => n.startsWith('resolve ') && n.endsWith('hooks.mjs'))).toBe(true);
    expect(wrapped.stderr).toMatch(/ciprof: \d+\.\d\d s of that CPU was threads waiting, sampled as if running \(for the module loader's hooks thread \d+\.\d\d s/);
  });
});
