// npm run bench: measured, not asserted. Writes bench/results.json and bench/results.md.
//
// 1. Overhead of `ciprof run` on the example suite vs the plain command and vs node's own
//    --cpu-prof (the named peer), median of N interleaved runs each.
// 2. Convert+merge of 200 V8 .cpuprofile files with `ciprof merge` vs `go tool pprof -proto`
//    merging the same profiles already converted to pprof (conversion not timed for go).
// 3. Report generation and first paint for a 100k-frame profile (bench/report.mjs), when present.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

function collectRawProfiles(dir, count) {
  // Real V8 profiles from real runs (example suite + jest fixture), replicated to `count`
  // files under distinct pids, as a large CI run with many worker processes produces.
  const seedDir = mkdtempSync(join(tmpdir(), 'ciprof-bench-seed-'));
  const keep = (args, cwd = ROOT) => {
    const r = spawnSync('node', [CLI, 'run', '--no-store', '-q', '--keep-raw', '--out', join(seedDir, 'o'), '--', ...args], { cwd, env, encoding: 'utf8' });
    const m = /raw V8 profiles kept in (\S+)/.exec(r.stderr);
    if (!m) throw new Error(`no raw profiles: ${r.stderr}`);
    return readdirSync(m[1]).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(m[1], f));
  };
  const seeds = [...keep(['node', '--test', 'examples/shop/test/']), ...keep(['node', join(ROOT, 'node_modules/jest/bin/jest.js'), '-w', '2'], join(ROOT, 'test/fixtures/projects/jest'))];
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `${10000 + i}-0-0.cpuprofile`), readFileSync(seeds[i % seeds.length]));
  return readdirSync(dir).map((f) => join(dir, f));
}

function mergeBench() {
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-bench-merge-'));
  const files = collectRawProfiles(join(dir, 'raw'), 200);
  const inputMB = files.reduce((a, f) => a + readFileSync(f).length, 0) / 1e6;
  // go tool pprof reads pprof, not V8 JSON: give it each profile converted (untimed).
  mkdirSync(join(dir, 'pprof'));
  const pprofFiles = files.map((f, i) => {
    const out = join(dir, 'pprof', `${i}.pb.gz`);
    execFileSync('node', [CLI, 'export', f, '--format', 'pprof', '-o', out], { env });
    return out;
  });
  const ciprof = [];
  const go = [];
  let ciprofPeakRssMB = 0;
  timeRun('go', ['tool', 'pprof', '-proto', '-output', join(dir, 'warm.pb.gz'), ...pprofFiles.slice(0, 2)]); // build cache
  for (let i = 0; i < Math.max(3, RUNS >> 1); i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', 'node', CLI, 'merge', ...files, '-o', join(dir, 'merged.pb.gz')], { env, encoding: 'utf8' });
    ciprofPeakRssMB = Math.max(ciprofPeakRssMB, Number(r.stderr.trim().split('\n').pop()) / 1024 || 0);
    ciprof.push(timeRun('node', [CLI, 'merge', ...files, '-o', join(dir, 'merged.pb.gz')]));
    go.push(timeRun('go', ['tool', 'pprof', '-proto', '-output', join(dir, 'go-merged.pb.gz'), ...pprofFiles]));
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    files: files.length,
    inputMB: round(inputMB),
    medianMs: { 'ciprof merge (convert+merge .cpuprofile)': round(median(ciprof)), 'go tool pprof -proto (merge pprof)': round(median(go)) },
    ciprofPeakRssMB: round(ciprofPeakRssMB),
    ratioCiprofVsGo: round(median(ciprof) / median(go), 3),
  };
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  overhead: [overhead(1), overhead(40)],
  merge: mergeBench(),
};
if (existsSync(join(ROOT, 'bench/report.mjs'))) {
  const { benchReport } = await import('./report.mjs');
  results.report = await benchReport();
}

writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
const md = [
  `# ciprof benchmarks (${results.date.slice(0, 10)}, ${results.machine.cpus} cores, ${results.machine.model}, Node ${results.machine.node})`,
  '',
  ...results.overhead.flatMap((o) => [
    `## Overhead: ${o.suite}, median of ${o.runs} interleaved runs`,
    '',
    '| variant | median wall ms |',
    '| --- | ---: |',
    ...Object.entries(o.medianMs).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    `ciprof run / plain: **${o.ratioVsPlain}**; ciprof run / node --cpu-prof: **${o.ratioVsCpuProf}**`,
    '',
  ]),
  '',
  `## Convert + merge of ${results.merge.files} V8 profiles (${results.merge.inputMB} MB)`,
  '',
  '| tool | median ms |',
  '| --- | ---: |',
  ...Object.entries(results.merge.medianMs).map(([k, v]) => `| ${k} | ${v} |`),
  '',
  `ciprof / go tool pprof: **${results.merge.ratioCiprofVsGo}** (ciprof peak RSS ${results.merge.ciprofPeakRssMB} MB)`,
  ...(results.report ? ['', '## HTML report', '', '```json', JSON.stringify(results.report, null, 2), '```'] : []),
  '',
].join('\n');
writeFileSync(join(ROOT, 'bench/results.md'), md);
process.stdout.write(md);
