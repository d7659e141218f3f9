// npm run bench: measured, not asserted. Writes bench/results.json and bench/results.md.
//
// 1. overhead: `ciprof run` vs the plain command vs node's own --cpu-prof (the named peer)
//    on a one-process mocha suite of 1,500 tests and the multi-process example suite, on
//    Node 22 and 24, medians of N interleaved runs (bench/overhead.mjs).
// 2. merge: convert+merge of 200 V8 .cpuprofile files with `ciprof merge` vs `go tool pprof
//    -proto` merging the same profiles already converted to pprof (bench/merge.mjs).
// 3. after-run: ciprof's own work after the command on a 175-process suite (bench/after-run.mjs).
// 4. sourcemaps: `ciprof run` with and without source-map collection (bench/sourcemaps.mjs).
// 5. report: generation and first paint for a 100k-frame profile (bench/report.mjs).
// 6. alloc: `ciprof run` vs `ciprof run --alloc` on the same suites (bench/alloc.mjs).
// 7. warmup: `ciprof run` outside the command, JIT warm-up on vs off (bench/warmup.mjs).
//
// `--only merge` (repeatable, or comma-separated) runs some sections; the others keep their
// numbers from the previous bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS || 7);

const SECTIONS = ['overhead', 'merge', 'after-run', 'sourcemaps', 'report', 'alloc', 'warmup'];
const only = process.argv.flatMap((a, i, all) => (all[i - 1] === '--only' ? a.split(',') : a.startsWith('--only=') ? a.slice(7).split(',') : []));
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`--only ${name}: one of ${SECTIONS.join(', ')}`);
const wanted = (name) => only.length === 0 || only.includes(name);
const previous = existsSync(join(ROOT, 'bench/results.json')) ? JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) : {};

const results = {
  ...previous,
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
};
if (wanted('overhead')) results.overhead = (await import('./overhead.mjs')).benchOverhead({ runs: RUNS });
if (wanted('merge')) results.merge = (await import('./merge.mjs')).benchMerge({ runs: RUNS });
if (wanted('after-run')) {
  const { afterRunNodes, benchAfterRun } = await import('./after-run.mjs');
  results.afterRun = [];
  for (const node of afterRunNodes()) results.afterRun.push(await benchAfterRun({ runs: Math.max(3, RUNS >> 1), node }));
}
if (wanted('sourcemaps')) {
  // Issue 17: `ciprof run` mapped vs unmapped (CIPROF_SOURCE_MAPS=0) on the TypeScript fixtures.
  // It imports src/*.ts, hence tsx; it writes bench/results/sourcemaps.{json,md} itself.
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/sourcemaps.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BENCH_RUNS: String(Math.max(3, RUNS >> 1)) } });
  if (r.status !== 0) throw new Error(`bench/sourcemaps.mjs exited ${r.status}`);
  results.sourcemaps = JSON.parse(readFileSync(join(ROOT, 'bench/results/sourcemaps.json'), 'utf8'));
}
if (wanted('warmup')) results.warmup = (await import('./warmup.mjs')).benchWarmUp({ runs: RUNS });
if (wanted('alloc')) results.alloc = (await import('./alloc.mjs')).benchAlloc({ runs: RUNS });
if (wanted('report') && existsSync(join(ROOT, 'bench/report.mjs'))) {
  const { benchReport } = await import('./report.mjs');
  results.report = await benchReport();
}

writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
const { mergeMarkdown } = await import('./merge.mjs');
const { afterRunMarkdown } = await import('./after-run.mjs');
const { overheadMarkdown } = await import('./overhead.mjs');
const { allocMarkdown } = await import('./alloc.mjs');
const { warmUpMarkdown } = await import('./warmup.mjs');
const md = [
  `# ciprof benchmarks (${results.date.slice(0, 10)}, ${results.machine.cpus} cores, ${results.machine.model}, Node ${results.machine.node})`,
  '',
  ...(Array.isArray(results.overhead) && results.overhead[0]?.medianWallMs ? overheadMarkdown(results.overhead) : []),
  ...(results.merge ? mergeMarkdown(results.merge) : []),
  ...[results.afterRun ?? []].flat().flatMap((a) => afterRunMarkdown(a)),
  ...(Array.isArray(results.warmup) ? warmUpMarkdown(results.warmup) : []),
  ...(Array.isArray(results.alloc) ? allocMarkdown(results.alloc) : []),
  ...(existsSync(join(ROOT, 'bench/results/sourcemaps.md')) ? [readFileSync(join(ROOT, 'bench/results/sourcemaps.md'), 'utf8').replace(/^# /m, '## '), ''] : []),
  ...(results.report ? ['## HTML report', '', '```json', JSON.stringify(results.report, null, 2), '```'] : []),
  '',
].join('\n');
writeFileSync(join(ROOT, 'bench/results.md'), md);
process.stdout.write(md);
