// npm run bench: measured, not asserted. Writes bench/results.json and bench/results.md.
//
// 1. overhead: `ciprof run` on the example suite vs the plain command and vs node's own
//    --cpu-prof (the named peer), median of N interleaved runs each.
// 2. merge: convert+merge of 200 V8 .cpuprofile files with `ciprof merge` vs `go tool pprof
//    -proto` merging the same profiles already converted to pprof (bench/merge.mjs).
// 3. after-run: ciprof's own work after the command on a 175-process suite (bench/after-run.mjs).
// 4. report: generation and first paint for a 100k-frame profile (bench/report.mjs).
//
// `--only merge` (repeatable, or comma-separated) runs some sections; the others keep their
// numbers from the previous bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const RUNS = Number(process.env.BENCH_RUNS || 7);
const env = { ...process.env, NODE_OPTIONS: '' };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function timeRun(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, env: opts.env ?? env, stdio: ['ignore', 'ignore', 'pipe'], ...opts });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** `scale` multiplies the example suite's work (SHOP_SCALE): 1 is the ~0.5 s example, 40 a ~5 s suite. */
function overhead(scale) {
  const suite = ['--test', 'examples/shop/test/'];
  const tmp = mkdtempSync(join(tmpdir(), 'ciprof-bench-'));
  const opts = { env: { ...env, SHOP_SCALE: String(scale) } };
  const variants = {
    plain: () => timeRun('node', suite, opts),
    // The peer: node's native profiler. It profiles only processes that get the flag on
    // their command line (NODE_OPTIONS refuses it on Node 20), so it under-counts work here.
    'node --cpu-prof': () => timeRun('node', ['--cpu-prof', `--cpu-prof-dir=${join(tmp, 'native')}`, ...suite], opts),
    'ciprof run': () => timeRun('node', [CLI, 'run', '--no-store', '-q', '--out', join(tmp, 'out'), '--', 'node', ...suite], opts),
  };
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const fn of Object.values(variants)) fn(); // warm the page cache once
  for (let i = 0; i < RUNS; i++) for (const [k, fn] of Object.entries(variants)) samples[k].push(fn());
  rmSync(tmp, { recursive: true, force: true });
  const med = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v))]));
  return {
    suite: `node --test examples/shop/test/ (SHOP_SCALE=${scale})`,
    runs: RUNS,
    medianMs: med,
    samplesMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => round(x))])),
    ratioVsPlain: round(med['ciprof run'] / med.plain, 3),
    ratioVsCpuProf: round(med['ciprof run'] / med['node --cpu-prof'], 3),
  };
}

const SECTIONS = ['overhead', 'merge', 'after-run', 'report'];
const only = process.argv.flatMap((a, i, all) => (all[i - 1] === '--only' ? a.split(',') : a.startsWith('--only=') ? a.slice(7).split(',') : []));
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`--only ${name}: one of ${SECTIONS.join(', ')}`);
const wanted = (name) => only.length === 0 || only.includes(name);
const previous = existsSync(join(ROOT, 'bench/results.json')) ? JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) : {};

const results = {
  ...previous,
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
};
if (wanted('overhead')) results.overhead = [overhead(1), overhead(40)];
if (wanted('merge')) results.merge = (await import('./merge.mjs')).benchMerge({ runs: RUNS });
if (wanted('after-run')) results.afterRun = await (await import('./after-run.mjs')).benchAfterRun({ runs: Math.max(3, RUNS >> 1) });
if (wanted('report') && existsSync(join(ROOT, 'bench/report.mjs'))) {
  const { benchReport } = await import('./report.mjs');
  results.report = await benchReport();
}

writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
const { mergeMarkdown } = await import('./merge.mjs');
const { afterRunMarkdown } = await import('./after-run.mjs');
const md = [
  `# ciprof benchmarks (${results.date.slice(0, 10)}, ${results.machine.cpus} cores, ${results.machine.model}, Node ${results.machine.node})`,
  '',
  ...(results.overhead ?? []).flatMap((o) => [
    `## Overhead: ${o.suite}, median of ${o.runs} interleaved runs`,
    '',
    '| variant | median wall ms |',
    '| --- | ---: |',
    ...Object.entries(o.medianMs).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    `ciprof run / plain: **${o.ratioVsPlain}**; ciprof run / node --cpu-prof: **${o.ratioVsCpuProf}**`,
    '',
  ]),
  ...(results.merge ? mergeMarkdown(results.merge) : []),
  ...(results.afterRun ? afterRunMarkdown(results.afterRun) : []),
  ...(results.report ? ['## HTML report', '', '```json', JSON.stringify(results.report, null, 2), '```'] : []),
  '',
].join('\n');
writeFileSync(join(ROOT, 'bench/results.md'), md);
process.stdout.write(md);
