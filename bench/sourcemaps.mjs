// Source-map overhead, measured (not asserted): `node --import tsx bench/sourcemaps.mjs`.
// Writes bench/results/sourcemaps.json and .md. For each TypeScript fixture suite:
// 1. wall time of `ciprof run` mapped (default) vs unmapped (CIPROF_SOURCE_MAPS=0),
//    medians of BENCH_RUNS interleaved runs (the named peer is the same run, unmapped);
// 2. the agent's cost at flush, per profiled thread, from its own .scripts.json
//    (collectMs wall, collectCpuMs CPU) and the bytes it wrote;
// 3. the post-run cost: mapping every profile of one kept raw directory (FrameMapper:
//    parse, map, write back the profiles that have maps) beside importing them, in this process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CpuProfileImporter } from '../src/profile/cpuprofile.ts';
import { ProfileBuilder } from '../src/profile/model.ts';
import { FrameMapper } from '../src/sourcemap/apply.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURES = join(ROOT, 'test/fixtures/projects');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const bin = (p) => join(ROOT, 'node_modules', p);
const SUITES = [
  { name: 'vitest threads', dir: 'ts-vitest', cmd: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'threads' } },
  { name: 'vitest forks', dir: 'ts-vitest', cmd: ['node', bin('vitest/vitest.mjs'), 'run'], env: { FIXTURE_POOL: 'forks' } },
  { name: 'jest + ts-jest -w 2', dir: 'ts-jest', cmd: ['node', bin('jest/bin/jest.js'), '-w', '2'] },
  { name: 'jest + ts-jest -i', dir: 'ts-jest', cmd: ['node', bin('jest/bin/jest.js'), '-i'] },
  { name: 'jest + babel-jest -w 2', dir: 'ts-babel-jest', cmd: ['node', bin('jest/bin/jest.js'), '-w', '2'] },
  { name: 'node --import tsx --test', dir: 'ts-node-test', cmd: ['node', '--import', 'tsx', '--test', 'test/a.test.ts', 'test/b.test.ts'] },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function run(suite, mapped, keepRaw) {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-bench-maps-'));
  const args = [CLI, 'run', '--no-store', '--no-report', '-q', ...(keepRaw ? ['--keep-raw'] : []), '--out', out, '--', ...suite.cmd];
  const env = { ...process.env, NODE_OPTIONS: '', ...suite.env, ...(mapped ? {} : { CIPROF_SOURCE_MAPS: '0' }) };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: join(FIXTURES, suite.dir), env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`${suite.name}: exit ${r.status}\n${r.stderr}`);
  return { ms, rawDir: /raw V8 profiles kept in (\S+)/.exec(r.stderr)?.[1] };
}

function agentCost(rawDir) {
  const files = readdirSync(rawDir).filter((f) => f.endsWith('.scripts.json'));
  const threads = files.map((f) => ({ ...JSON.parse(readFileSync(join(rawDir, f), 'utf8')), bytes: statSync(join(rawDir, f)).size }));
  return {
    threadsWritten: threads.length,
    threadsWithMaps: threads.filter((t) => t.scripts.length > 0).length,
    collectMsMax: round(Math.max(0, ...threads.map((t) => t.collectMs))),
    collectCpuMsMax: round(Math.max(0, ...threads.map((t) => t.collectCpuMs ?? 0))),
    collectCpuMsSum: round(threads.reduce((s, t) => s + (t.collectCpuMs ?? 0), 0)),
    bytesSum: threads.reduce((s, t) => s + t.bytes, 0),
  };
}

function postRunCost(rawDir) {
  const files = readdirSync(rawDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => [join(rawDir, f), readFileSync(join(rawDir, f))]);
  const t0 = performance.now();
  const mapper = new FrameMapper(ROOT);
  const mapped = files.map(([file, bytes]) => mapper.mapBytes(file, bytes));
  const mapMs = performance.now() - t0;
  const importer = new CpuProfileImporter(new ProfileBuilder(), { repoRoot: ROOT });
  const t1 = performance.now();
  for (const bytes of mapped) importer.add(bytes);
  return { profiles: files.length, mapMs: round(mapMs), convertMs: round(performance.now() - t1), mapped: mapper.meta() };
}

const results = [];
for (const suite of SUITES) {
  const wall = { mapped: [], unmapped: [] };
  const kept = run(suite, true, true); // warm-up, and the raw files for the per-thread costs
  for (let i = 0; i < RUNS; i++) {
    wall.unmapped.push(run(suite, false, false).ms);
    wall.mapped.push(run(suite, true, false).ms);
  }
  const row = {
    suite: suite.name,
    runs: RUNS,
    medianMs: { unmapped: round(median(wall.unmapped)), mapped: round(median(wall.mapped)) },
    agent: agentCost(kept.rawDir),
    postRun: postRunCost(kept.rawDir),
  };
  row.ratio = round(row.medianMs.mapped / row.medianMs.unmapped, 3);
  rmSync(kept.rawDir, { recursive: true, force: true });
  results.push(row);
  console.log(JSON.stringify(row));
}

const load = loadavg().map((x) => round(x, 2));
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/sourcemaps.json'), `${JSON.stringify({ node: process.version, loadavg: load, results }, null, 2)}\n`);
const md = [
  `# Source-map overhead (${process.version}, load ${load.join(' ')}, ${RUNS} interleaved runs)`,
  '',
  '| suite | unmapped ms | mapped ms | ratio | threads with maps | agent CPU ms max / sum | agent wall ms max | .scripts.json bytes | post-run map ms / convert ms |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map((r) => `| ${r.suite} | ${r.medianMs.unmapped} | ${r.medianMs.mapped} | ${r.ratio} | ${r.agent.threadsWithMaps}/${r.agent.threadsWritten} | ${r.agent.collectCpuMsMax} / ${r.agent.collectCpuMsSum} | ${r.agent.collectMsMax} | ${r.agent.bytesSum} | ${r.postRun.mapMs} / ${r.postRun.convertMs} |`),
  '',
];
writeFileSync(join(ROOT, 'bench/results/sourcemaps.md'), md.join('\n'));
