/**
 * Signals that end a profiled process keep its profile wherever the process itself can
 * still write it (src/agent/signals.ts, agent.ts). Two classes the real-world corpus found:
 *
 * - concurrently's `--kill-others` tests SIGTERM a child ~50 ms after spawning it. V8's
 *   Profiler.start takes 15-20 ms, and the agent used to install its SIGTERM listener
 *   after it: a SIGTERM in that window killed the process with its profile unwritten.
 *   Here the SIGTERM is sent the moment the agent's start marker appears.
 * - commander.js's `pm terminate` fixture ends itself with `process.kill(process.pid,
 *   'SIGINT')`: only a self-SIGTERM used to be flushed before the kill.
 *
 * The process still dies by the same signal (what its parent sees is unchanged), and a
 * self-signal the program listens for stops nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_NODE_OPTIONS, scriptDir } from '../helpers/agent-scripts.js';
import { NODE_VERSIONS } from '../helpers/cli.js';

const { dir, script } = scriptDir('ciprof-agent-signals-');
const nodeOptions = AGENT_NODE_OPTIONS;

const waiting = script('waiting.js', 'setTimeout(() => {}, 10_000);\n');
const selfKill = script('self-kill.js', "process.kill(process.pid, /^\\d+$/.test(process.argv[2]) ? Number(process.argv[2]) : process.argv[2]);\nsetTimeout(() => {}, 10_000);\n");
const listening = script(
  'listening.js',
  `function afterTheSignal() { const end = Date.now() + 60; let s = 0; while (Date.now() < end) s += Math.sqrt(s + 1); return s; }
process.on('SIGINT', () => { afterTheSignal(); process.exit(0); });
process.kill(process.pid, 'SIGINT');
setTimeout(() => {}, 10_000);
`,
);

const files = (raw: string, suffix: string): string[] => readdirSync(raw).filter((f) => f.endsWith(suffix));

describe.each(NODE_VERSIONS)('$label', (node) => {
  const env = (raw: string): NodeJS.ProcessEnv => ({ ...process.env, NODE_OPTIONS: nodeOptions, CIPROF_RAW_DIR: raw });

  it.skipIf(!node.available)('a SIGTERM sent as soon as the agent marks the thread started: dies by SIGTERM, profile written', async () => {
    for (let round = 0; round < 3; round++) {
      const raw = mkdtempSync(join(dir, 'raw-'));
      const started = new Promise<void>((resolve) => {
        const watcher = watch(raw, (_event, name) => {
          if (!name?.endsWith('.start')) return;
          watcher.close();
          resolve();
        });
      });
      const child = spawn(node.bin, [waiting], { env: env(raw), stdio: 'ignore' });
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await started;
      child.kill('SIGTERM');
      expect(await ended).toBe('SIGTERM');
      expect(files(raw, '.cpuprofile')).toHaveLength(1);
    }
  });

  it.skipIf(!node.available).each(['SIGINT', 'SIGHUP', 'SIGKILL', '9'])('a process that ends itself with %s: dies by it, profile written', (signal) => {
    const raw = mkdtempSync(join(dir, 'raw-'));
    const r = spawnSync(node.bin, [selfKill, signal], { env: env(raw), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.signal).toBe(signal === '9' ? 'SIGKILL' : signal);
    expect(files(raw, '.cpuprofile')).toHaveLength(1);
  });

  it.skipIf(!node.available)('a self-SIGINT the program handles stops nothing: its handler runs, profiled, and the exit code is its own', () => {
    const raw = mkdtempSync(join(dir, 'raw-'));
    const r = spawnSync(node.bin, [listening], { env: env(raw), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [file] = files(raw, '.cpuprofile');
    const profile = JSON.parse(readFileSync(join(raw, file!), 'utf8')) as { nodes: { callFrame: { functionName: string }; hitCount?: number }[] };
    const hits = profile.nodes.filter((n) => n.callFrame.functionName === 'afterTheSignal').reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
    expect(hits).toBeGreaterThan(10);
  });
});
