/**
 * worker.terminate() under the agent asks the worker to write its profile first. Asked over
 * a BroadcastChannel, every worker listening on it received every request and loaded undici
 * (and http, tls, crypto...) for the MessageEvent, ~45 ms of CPU each, and so did the
 * terminating thread: terminating one worker changed the modules of the others. Through the
 * shared slots (src/agent/flush-slots.ts) no other thread is touched, and no profile is lost:
 * the first worker of a process (made before the slots were shared) is asked on the channel,
 * the later ones through their slot.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askToFlush } from '../../src/agent/flush-slots.js';
import { NODE_VERSIONS, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ciprof-flush-slots-'));
const program = join(dir, 'program.js');
const UNDICI = 'NativeModule internal/deps/undici/undici';
writeFileSync(
  program,
  `const { Worker } = require('node:worker_threads');
const body = \`const { parentPort } = require('node:worker_threads');
let s = 0; for (let i = 0; i < 3e6; i++) s += Math.sqrt(i);
parentPort.on('message', () => parentPort.postMessage(process.moduleLoadList.includes('${UNDICI}')));
parentPort.postMessage('up'); setInterval(() => {}, 1000);\`;
const make = () => new Promise((resolve) => { const w = new Worker(body, { eval: true }); w.once('message', () => resolve(w)); });
const ask = (w) => new Promise((resolve) => { w.once('message', resolve); w.postMessage('modules?'); });
(async () => {
  const [a, b, c] = [await make(), await make(), await make()];
  await a.terminate();
  const bAfterA = await ask(b);
  await b.terminate();
  const cAfterB = await ask(c);
  await c.terminate();
  console.log(JSON.stringify({ bAfterA, cAfterB, main: process.moduleLoadList.includes('${UNDICI}') }));
})();
`,
);

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)('terminating one worker touches no other thread, and every worker writes its profile', () => {
    const raw = mkdtempSync(join(dir, 'raw-'));
    const r = spawnSync(node.bin, [program], {
      env: { ...process.env, NODE_OPTIONS: `--require ${join(ROOT, 'dist/agent.cjs')}`, CIPROF_RAW_DIR: raw },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    // Neither the workers still running nor the terminating main thread loaded undici.
    expect(JSON.parse(r.stdout)).toEqual({ bAfterA: false, cAfterB: false, main: false });
    const files = readdirSync(raw);
    // The main thread and the three workers: each profile and its source-map file (written last).
    expect(files.filter((f) => f.endsWith('-0.cpuprofile'))).toHaveLength(4);
    expect(files.filter((f) => f.endsWith('-0.scripts.json'))).toHaveLength(4);
  });
});

describe('askToFlush', () => {
  it('finds no slot for a thread that claimed none, and asks nothing', () => {
    const view = new Int32Array(new SharedArrayBuffer(1024 * 3 * 4));
    expect(askToFlush(view, 7)).toBeUndefined();
    expect(askToFlush(view, 0)).toBeUndefined();
    expect(view.every((x) => x === 0)).toBe(true);
  });
});
