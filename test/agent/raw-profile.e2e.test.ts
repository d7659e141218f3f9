/**
 * The agent writes V8's profile text as the inspector binding returns it, with the
 * `$ciprof` block spliced in (src/agent/session.ts, profiler.ts), instead of parsing the
 * profile and stringifying it again. The collector must not see a difference: every file
 * the agent writes is exactly what JSON.stringify gives for its parsed content (so the
 * same bytes the parse path wrote), on each Node users run, through both sessions, for
 * the main thread and a worker, and with a function name that V8 escapes (the parse path).
 * The main thread of a program that loads neither node:worker_threads nor node:inspector
 * does not load them either, and nothing is printed. Neither thread loads node:module
 * (in a worker it brings the ESM loader along: ~3 ms of CPU per thread) nor, in a worker,
 * node:url, where the program did not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFrames, type ScriptMapsFile } from '../../src/agent/scripts.js';
import { NODE_VERSIONS, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ciprof-raw-profile-'));
const program = join(dir, 'program.js');
writeFileSync(
  program,
  `const burn = (0, eval)('(function ' + (process.env.FN_NAME || 'plain') + '(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i); return s; })');
burn(2e7);
if (process.env.WITH_WORKER) {
  const { Worker } = require('node:worker_threads');
  const w = new Worker("require('node:worker_threads').parentPort.postMessage('up'); let s = 0; for (let i = 0; i < 3e6; i++) s += i; setInterval(() => {}, 1000);", { eval: true });
  w.once('message', () => setTimeout(() => w.terminate().then(() => console.log('done')), 50));
} else {
  process.on('exit', () => console.log(JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (worker_threads|inspector|perf_hooks|stream|module)$/.test(m)))));
}
`,
);

// A worker from a file, which reports the modules its thread has loaded once it runs.
const workerProgram = join(dir, 'worker-program.js');
writeFileSync(join(dir, 'worker-child.js'), "require('node:worker_threads').parentPort.postMessage(process.moduleLoadList.filter((m) => /^NativeModule (module|url|internal\\/modules\\/esm\\/loader)$/.test(m)));\n");
writeFileSync(workerProgram, "const w = new (require('node:worker_threads').Worker)(require('node:path').join(__dirname, 'worker-child.js'));\nw.once('message', (m) => console.log(JSON.stringify(m)));\n");

const KEYS = ['nodes', 'startTime', 'endTime', 'samples', 'timeDeltas', '$ciprof'];

describe.each(NODE_VERSIONS)('$label', (node) => {
  const run = (env: NodeJS.ProcessEnv, nodeOptions = '') => {
    const raw = mkdtempSync(join(dir, 'raw-'));
    const r = spawnSync(node.bin, [program], {
      env: { ...process.env, NODE_OPTIONS: `${nodeOptions} --require ${join(ROOT, 'dist/runners/preload.cjs')} --require ${join(ROOT, 'dist/agent.cjs')}`, CIPROF_RAW_DIR: raw, ...env },
      encoding: 'utf8',
    });
    const files = readdirSync(raw);
    const profiles = files.filter((f) => f.endsWith('.cpuprofile')).map((f) => ({ name: f, text: readFileSync(join(raw, f), 'utf8') }));
    const maps = files.filter((f) => f.endsWith('.scripts.json')).map((f) => JSON.parse(readFileSync(join(raw, f), 'utf8')) as ScriptMapsFile);
    return { r, profiles, maps };
  };

  it.skipIf(!node.available).each([
    ['text replies (inspector binding)', {}],
    ["node:inspector's Session", { CIPROF_INSPECTOR_SESSION: 'node' }],
    ['a name V8 escapes (parsed, then written)', { FN_NAME: 'b\u00fcrn\u2c00' }],
  ])('%s: a worker and the main thread, each file what JSON.stringify writes', (_label, env) => {
    const { r, profiles, maps } = run({ ...env, WITH_WORKER: '1' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('done\n');
    expect(profiles.map((p) => p.name.replace(/^\d+/, 'pid')).sort()).toEqual(['pid-0-0.cpuprofile', 'pid-1-0.cpuprofile']);
    for (const { text } of profiles) {
      const parsed = JSON.parse(text) as Record<string, unknown> & { $ciprof: { threadId: number } };
      expect(JSON.stringify(parsed)).toBe(text);
      expect(Object.keys(parsed)).toEqual(KEYS);
    }
    const fnName = (env as { FN_NAME?: string }).FN_NAME;
    if (fnName) expect(profiles.some((p) => (JSON.parse(p.text) as { nodes: { callFrame: { functionName: string } }[] }).nodes.some((n) => n.callFrame.functionName === fnName))).toBe(true);
    expect(maps).toHaveLength(2);
    expect(maps.map((m) => m.via).sort()).toEqual(['as-written', 'none']);
  });

  it.skipIf(!node.available)('loads no module the program did not, prints nothing, also under --pending-deprecation', () => {
    const plain = spawnSync(node.bin, [program], { env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' });
    expect(plain.stdout).toBe('[]\n');
    for (const nodeOptions of ['', '--pending-deprecation']) {
      const { r, profiles } = run({}, nodeOptions);
      expect({ stderr: r.stderr, status: r.status }).toEqual({ stderr: plain.stderr, status: plain.status });
      // Under --pending-deprecation the agent takes node:inspector's Session, which loads its modules.
      if (!nodeOptions) expect(r.stdout).toBe(plain.stdout);
      expect(profiles).toHaveLength(1);
      expect(JSON.stringify(JSON.parse(profiles[0]!.text))).toBe(profiles[0]!.text);
    }
  });

  it.skipIf(!node.available)('a worker thread: loads no module the thread did not (node:module, node:url, the ESM loader)', () => {
    const plain = spawnSync(node.bin, [workerProgram], { env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' });
    expect(plain.status).toBe(0);
    const raw = mkdtempSync(join(dir, 'raw-'));
    const r = spawnSync(node.bin, [workerProgram], {
      env: { ...process.env, NODE_OPTIONS: `--require ${join(ROOT, 'dist/runners/preload.cjs')} --require ${join(ROOT, 'dist/agent.cjs')}`, CIPROF_RAW_DIR: raw },
      encoding: 'utf8',
    });
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: plain.stdout, stderr: plain.stderr, status: 0 });
    // Both threads were profiled: the agent did run in the worker.
    expect(readdirSync(raw).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(2);
  });
});

describe('scanFrames', () => {
  const frame = (id: string, url: string) => `{"id":1,"callFrame":{"functionName":"f","scriptId":"${id}","url":"${url}","lineNumber":0,"columnNumber":0},"hitCount":1}`;
  it("reads each call frame's script id and url from V8's text, as parsing would", () => {
    const text = `{"nodes":[${frame('0', '')},${frame('12', 'file:///a.js')},${frame('13', 'node:fs')}],"startTime":1,"endTime":2}`;
    const found: string[][] = [];
    expect(scanFrames(text, (id, url) => found.push([id, url]))).toBe(true);
    const parsed = (JSON.parse(text) as { nodes: { callFrame: { scriptId: string; url: string } }[] }).nodes.map((n) => [n.callFrame.scriptId, n.callFrame.url]);
    expect(found).toEqual(parsed);
  });
  it('trusts nothing when a frame has another shape or the text has escapes', () => {
    const reordered = `{"nodes":[{"id":1,"callFrame":{"scriptId":"1","functionName":"f","url":"file:///a.js"}}]}`;
    expect(scanFrames(reordered, () => undefined)).toBe(false);
    expect(scanFrames(`{"nodes":[${frame('1', 'file:///a\\u00e9.js')}]}`, () => undefined)).toBe(false);
  });
});
