/**
 * Worker threads still running when their process ends (src/agent/terminate.ts
 * flushLiveWorkersAtExit). Node stops them without running any of their JavaScript, so
 * their own 'exit' flush never comes. Failure class from the real-world corpus: pinojs/pino
 * (borp) lost 25 threads a run, its transports' thread-stream workers, which `node
 * --cpu-prof` writes natively at the thread's teardown.
 *
 * - The process ends naturally, or by process.exit(), with an idle worker (a transport
 *   waiting for lines): the worker writes its profile, the process's output and exit code
 *   are unchanged.
 * - A worker busy in a loop never hears the request: it is counted lost, and the exit
 *   waits for it a bounded time only.
 * - A worker that only boots once the process is ending (process.exit() right after
 *   `new Worker`) is left unprofiled, never counted lost.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_NODE_OPTIONS, scriptDir } from '../helpers/agent-scripts.js';
import { NODE_VERSIONS } from '../helpers/cli.js';

const { dir, script } = scriptDir('ciprof-agent-workers-exit-');
const nodeOptions = AGENT_NODE_OPTIONS;

// The worker tells the main thread it is ready (its agent has started by then), then waits.
const idleWorker = script(
  'idle-worker.js',
  `const { parentPort } = require('node:worker_threads');
function workerWork() { const end = Date.now() + 30; let s = 0; while (Date.now() < end) s += Math.sqrt(s + 1); return s; }
workerWork();
setInterval(() => {}, 60_000);
parentPort.postMessage('ready');
`,
);
const busyWorker = script(
  'busy-worker.js',
  `const { parentPort } = require('node:worker_threads');
parentPort.postMessage('ready');
for (;;) {}
`,
);
// argv: worker script, how the main thread ends ('natural' | 'exit').
const main = script(
  'main.js',
  `const { Worker } = require('node:worker_threads');
const worker = new Worker(process.argv[2]);
worker.once('message', () => {
  worker.unref();
  process.stdout.write('main done\\n');
  if (process.argv[3] === 'exit') process.exit(3);
});
`,
);
// The program's own 'exit' work (pino's flushSync of its transports) gives the worker time
// to boot while the process ends: its agent would start, then be stopped unwritten.
const exitAtOnce = script(
  'exit-at-once.js',
  `const { Worker } = require('node:worker_threads');
new Worker(${JSON.stringify(idleWorker)});
process.on('exit', () => { const end = Date.now() + 300; while (Date.now() < end); });
process.exit(0);
`,
);

const names = (raw: string, suffix: string): string[] => readdirSync(raw).filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length));

/** Threads that started profiling (`<pid>-<tid>`) and those that wrote a profile. */
function threads(raw: string): { started: string[]; written: string[] } {
  return { started: names(raw, '.start').sort(), written: names(raw, '-0.cpuprofile').sort() };
}

const hasFunction = (file: string, name: string): boolean =>
  (JSON.parse(readFileSync(file, 'utf8')) as { nodes: { callFrame: { functionName: string } }[] }).nodes.some((n) => n.callFrame.functionName === name);

describe.each(NODE_VERSIONS)('$label', (node) => {
  const run = (args: string[]): { raw: string; status: number | null; stdout: string; stderr: string; ms: number } => {
    const raw = mkdtempSync(join(dir, 'raw-'));
    const t0 = Date.now();
    const r = spawnSync(node.bin, args, { env: { ...process.env, NODE_OPTIONS: nodeOptions, CIPROF_RAW_DIR: raw }, encoding: 'utf8', timeout: 30_000 });
    return { raw, status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
  };

  it.skipIf(!node.available).each(['natural', 'exit'])('an idle worker alive at the end (%s) writes its profile; output and exit code unchanged', (how) => {
    const r = run([main, idleWorker, how]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('main done\n');
    expect(r.status).toBe(how === 'exit' ? 3 : 0);
    const { started, written } = threads(r.raw);
    expect(started).toHaveLength(2);
    expect(written).toEqual(started);
    const worker = written.find((t) => !t.endsWith('-0'))!;
    expect(hasFunction(join(r.raw, `${worker}-0.cpuprofile`), 'workerWork')).toBe(true);
  });

  it.skipIf(!node.available)('a worker busy in a loop at the end is lost, and the exit waits for it a bounded time', () => {
    const r = run([main, busyWorker, 'exit']);
    expect(r.status).toBe(3);
    const { started, written } = threads(r.raw);
    expect(started).toHaveLength(2);
    expect(written).toEqual(started.filter((t) => t.endsWith('-0')));
    expect(r.ms).toBeLessThan(5_000);
  });

  it.skipIf(!node.available)('a worker that boots once its process is ending is not profiled, so not lost', () => {
    for (let round = 0; round < 3; round++) {
      const r = run([exitAtOnce]);
      expect(r.status).toBe(0);
      const { started, written } = threads(r.raw);
      expect(written).toEqual(started);
    }
  });
});
