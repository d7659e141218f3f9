// node bench/calibrate.mjs [--trials 20] [--phases aa,ab,caa,cab] [thresholds...]
//
// Measures how often ciprof cries wolf and how often it catches a real slowdown, on a
// fixture suite (test/fixtures/projects/calibrate: 8 node:test files, hotTarget a known
// share of the suite's CPU, slowed through CALIBRATE_SLOW). Uses the built CLI only
// (dist/cli.js), as a user would:
//   aa   A/A: two `ciprof run`s of the same code, `ciprof diff --json`: false rows
//   ab   A/B: head has hotTarget slowed by --slow (default 1.2): detections
//   caa  compare A/A: --runs interleaved runs per side, `ciprof compare --from-runs`: false rows
//   cab  compare A/B: hotTarget slowed by --compare-slow (default 1.05): detections
// The code difference is an env var, so compare trials drive `ciprof run` interleaved
// (B H B H …) and diff the run files with `ciprof compare --from-runs`, which is the same
// diff code `ciprof compare` runs after its git worktree runs.
//
// Writes bench/results/calibration.json and .md. --keep-runs DIR keeps every profile so
// thresholds can be re-tried offline (`ciprof diff` / `ciprof compare --from-runs`).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURE = join(ROOT, 'test/fixtures/projects/calibrate');
const TARGET = 'hotTarget';

const { values: opt } = parseArgs({
  options: {
    trials: { type: 'string', default: '20' },
    phases: { type: 'string', default: 'aa,ab,caa,cab' },
    runs: { type: 'string', default: '3' },
    'interval-us': { type: 'string', default: '250' },
    // hotTarget's work per call (CALIBRATE_TARGET): sets how many samples it gets per run.
    target: { type: 'string', default: '1.6e7' },
    // Every other function's work (CALIBRATE_SCALE): the suite's length around hotTarget.
    scale: { type: 'string', default: '6' },
    slow: { type: 'string', default: '1.2' },
    'compare-slow': { type: 'string', default: '1.05' },
    // Thresholds for the single-run diff (aa, ab); unset = ciprof's defaults.
    'min-ms': { type: 'string' },
    'min-pct': { type: 'string' },
    alpha: { type: 'string' },
    'min-samples': { type: 'string' },
    // Thresholds for the compare diff (caa, cab); unset = the single-run ones.
    'compare-min-ms': { type: 'string' },
    'compare-min-pct': { type: 'string' },
    'compare-alpha': { type: 'string' },
    'compare-min-samples': { type: 'string' },
    'keep-runs': { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench/results') },
    // The real suites instead of the fixture (issue 16): corpus pools, collected and judged.
    real: { type: 'boolean', default: false },
    projects: { type: 'string', default: 'express,ufo,class-validator' },
    conditions: { type: 'string', default: 'quiet,neighbour' },
  },
});

// `npm run calibrate -- --real`: the same verdicts on real suites of the corpus
// (`npm run realworld -- --setup` first), each project and condition a pool of kept runs
// (bench/calibrate-pool.mjs collect, resumable), then every pool judged with and without
// history; results in bench/results/calibration-pools.{md,json}. Hours of machine time.
if (opt.real) {
  const pool = join(ROOT, 'bench/calibrate-pool.mjs');
  const step = (args) => {
    const r = spawnSync(process.execPath, [pool, ...args], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  };
  for (const project of opt.projects.split(',')) {
    for (const condition of opt.conditions.split(',')) step(['collect', '--project', project, '--condition', condition, '--kind', 'cpu', '--trials', opt.trials, '--resume']);
  }
  step(['judge', '--history', '--kinds', 'cpu']);
  process.exit(0);
}

const trials = Number(opt.trials);
const runsPerSide = Number(opt.runs);
const phases = opt.phases.split(',').map((s) => s.trim()).filter(Boolean);
const thresholdFlags = (prefix = '') => {
  const flags = [];
  for (const name of ['min-ms', 'min-pct', 'alpha', 'min-samples']) {
    const v = opt[`${prefix}${name}`] ?? (prefix ? opt[name] : undefined);
    if (v !== undefined) flags.push(`--${name}`, v);
  }
  return flags;
};
const singleFlags = thresholdFlags();
const compareFlags = thresholdFlags('compare-');

if (!existsSync(CLI)) {
  console.error('dist/cli.js missing: run `npm run build` first');
  process.exit(2);
}
const work = opt['keep-runs'] ? resolve(opt['keep-runs']) : mkdtempSync(join(tmpdir(), 'ciprof-calibrate-'));
mkdirSync(work, { recursive: true });
const env = { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '' };

function cli(args, extraEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURE, env: { ...env, ...extraEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  return r;
}

/** One profiled run of the fixture suite; returns the profile path. */
function profiledRun(dir, slow) {
  const r = cli(['run', '--no-store', '--no-report', '-q', '--job-key', 'calibrate', '-o', dir, '--interval-us', opt['interval-us'], '--', 'node', '--test', 'test/'], { CALIBRATE_SLOW: String(slow), CALIBRATE_TARGET: opt.target, CALIBRATE_SCALE: opt.scale });
  if (r.status !== 0) throw new Error(`ciprof run exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return join(dir, 'profile.pb.gz');
}

function parseReport(r, what) {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout);
}

/** What a trial's diff said: rows and whether hotTarget is among the regressions. */
function judge(report) {
  const d = report.diff;
  const regressions = d.regressions.map((x) => x.frame.name);
  const improvements = d.improvements.map((x) => x.frame.name);
  const target = d.functions.find((x) => x.frame.name === TARGET);
  return {
    regressions,
    improvements,
    falseRegressions: regressions.filter((n) => n !== TARGET).length,
    detected: regressions.includes(TARGET),
    target: target && { deltaPct: round(target.selfDeltaPct, 2), q: target.qValue, baseMs: round(target.base.selfNs / 1e6), headMs: round(target.head.selfNs / 1e6), baseSharePct: round(target.baseSelfSharePct, 2) },
    suiteCpuMs: { base: round(d.base.cpuNs / 1e6), head: round(d.head.cpuNs / 1e6) },
    // How the machine-speed adjustment went: what the functions suggested, what was applied.
    speed: d.noiseModel.speed && { estimated: round(d.noiseModel.speed.estimated, 4), applied: round(d.noiseModel.speed.applied, 4), weight: round(d.noiseModel.speed.weight, 2), prior: d.noiseModel.speed.prior },
    dispersion: d.noiseModel.dispersion === undefined ? undefined : round(d.noiseModel.dispersion, 2),
  };
}

const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

function singleTrial(phase, t, slowHead) {
  const dir = join(work, phase, `trial-${t}`);
  rmSync(dir, { recursive: true, force: true });
  const a = profiledRun(join(dir, 'base'), 1);
  const b = profiledRun(join(dir, 'head'), slowHead);
  return judge(parseReport(cli(['diff', '--base', a, '--head', b, '--json', '-o', dir, ...singleFlags]), 'ciprof diff'));
}

function compareTrial(phase, t, slowHead) {
  const dir = join(work, phase, `trial-${t}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= runsPerSide; i++) {
    for (const [side, slow] of [['base', 1], ['head', slowHead]]) {
      const p = profiledRun(join(dir, 'runs', `${side}-${i}`), slow);
      copyFileSync(p, join(dir, `${side}-${i}.pb.gz`));
    }
  }
  return judge(parseReport(cli(['compare', '--from-runs', dir, '--json', '-o', join(dir, 'out'), ...compareFlags]), 'ciprof compare --from-runs'));
}

const PHASES = {
  aa: { title: 'A/A, one run per side', kind: 'false', run: (t) => singleTrial('aa', t, 1), slow: 1, flags: singleFlags },
  ab: { title: `A/B, ${TARGET} slowed ${pctOf(opt.slow)}, one run per side`, kind: 'detect', run: (t) => singleTrial('ab', t, Number(opt.slow)), slow: Number(opt.slow), flags: singleFlags },
  caa: { title: `compare A/A, ${runsPerSide}+${runsPerSide} interleaved runs`, kind: 'false', run: (t) => compareTrial('caa', t, 1), slow: 1, flags: compareFlags },
  cab: { title: `compare A/B, ${TARGET} slowed ${pctOf(opt['compare-slow'])}, ${runsPerSide}+${runsPerSide} interleaved runs`, kind: 'detect', run: (t) => compareTrial('cab', t, Number(opt['compare-slow'])), slow: Number(opt['compare-slow']), flags: compareFlags },
};
function pctOf(factor) {
  return `${round((Number(factor) - 1) * 100)}%`;
}

const started = performance.now();
const results = {};
for (const id of phases) {
  const phase = PHASES[id];
  if (!phase) throw new Error(`unknown phase ${id} (aa, ab, caa, cab)`);
  const t0 = performance.now();
  const rows = [];
  for (let t = 1; t <= trials; t++) {
    const r = phase.run(t);
    rows.push(r);
    const note = phase.kind === 'false' ? `${r.regressions.length} regression row(s), ${r.improvements.length} improvement row(s)` : `${TARGET} ${r.detected ? 'DETECTED' : 'missed'}`;
    console.error(`[${id} ${t}/${trials}] ${note}; ${TARGET} ${r.target?.deltaPct ?? '?'}% (q=${r.target ? r.target.q.toExponential(1) : '?'})${r.regressions.length ? `; regressions: ${r.regressions.join(', ')}` : ''}`);
  }
  const shares = rows.map((r) => r.target?.baseSharePct).filter((x) => x !== undefined);
  results[id] = {
    title: phase.title,
    slowFactor: phase.slow,
    thresholdFlags: phase.flags.join(' ') || '(ciprof defaults)',
    trials,
    trialsWithZeroRegressionRows: rows.filter((r) => r.regressions.length === 0).length,
    trialsWithZeroRows: rows.filter((r) => r.regressions.length + r.improvements.length === 0).length,
    trialsWithFalseRegressionRows: rows.filter((r) => r.falseRegressions > 0).length,
    detections: rows.filter((r) => r.detected).length,
    targetSharePct: shares.length ? round(shares.reduce((a, b) => a + b, 0) / shares.length, 2) : undefined,
    targetDeltaPct: rows.map((r) => r.target?.deltaPct),
    seconds: round((performance.now() - t0) / 1000),
    rows,
  };
  const s = results[id];
  console.error(`== ${id}: ${phase.kind === 'false' ? `${s.trialsWithZeroRegressionRows}/${trials} trials with 0 regression rows` : `${s.detections}/${trials} detected`} (${s.seconds} s)`);
}

const help = cli(['diff', '--help']).stdout;
const defaults = Object.fromEntries([...help.matchAll(/--(min-ms|min-pct|alpha|min-samples) <[^>]+>.*?\(default: "([^"]+)"\)/gs)].map((m) => [m[1], m[2]]));
const summary = {
  date: new Date().toISOString(),
  // Other jobs on the machine widen run-to-run noise: the load average says how busy it was.
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAvgAtEnd: loadavg().map((x) => round(x, 2)) },
  fixture: 'test/fixtures/projects/calibrate (node --test, 8 files)',
  intervalUs: Number(opt['interval-us']),
  runsPerSide,
  ciprofDefaultThresholds: defaults,
  totalSeconds: round((performance.now() - started) / 1000),
  phases: results,
};
mkdirSync(opt.out, { recursive: true });
writeFileSync(join(opt.out, 'calibration.json'), `${JSON.stringify(summary, null, 2)}\n`);
writeFileSync(join(opt.out, 'calibration.md'), markdown(summary));
console.error(`wrote ${join(opt.out, 'calibration.json')} and calibration.md (${summary.totalSeconds} s)${opt['keep-runs'] ? `; runs kept in ${work}` : ''}`);
if (!opt['keep-runs']) rmSync(work, { recursive: true, force: true });

function markdown(s) {
  const lines = [
    '# ciprof calibration',
    '',
    `${s.date} · ${s.machine.cpus} × ${s.machine.cpu} · Node ${s.machine.node} · load average at the end ${s.machine.loadAvgAtEnd?.join(' ')} · ${s.totalSeconds} s in all`,
    '',
    '## Method',
    '',
    `- Fixture: ${s.fixture}; \`${TARGET}\` is a fixed amount of work, slowed by \`CALIBRATE_SLOW=<factor>\` in the head.`,
    `- Every run is \`ciprof run --no-store --interval-us ${s.intervalUs} -- node --test test/\` (built CLI), a fresh process tree.`,
    '- A/A and A/B: one run per side, then `ciprof diff --base a.pb.gz --head b.pb.gz --json`.',
    `- compare: ${s.runsPerSide} + ${s.runsPerSide} runs interleaved (B H B H …), then \`ciprof compare --from-runs <dir> --json\` (the diff \`ciprof compare\` computes).`,
    '- A false row is any reported regression in an A/A trial; a detection is `hotTarget` among the reported regressions.',
    `- ciprof's default thresholds at the time: ${Object.entries(s.ciprofDefaultThresholds).map(([k, v]) => `--${k} ${v}`).join(', ')}.`,
    '',
    '## Results',
    '',
    `| phase | thresholds | ${TARGET} share of suite CPU | result | time |`,
    '|---|---|---|---|---|',
  ];
  for (const [id, p] of Object.entries(s.phases)) {
    const result = p.slowFactor === 1 ? `${p.trialsWithZeroRegressionRows}/${p.trials} trials with 0 regression rows (${p.trialsWithZeroRows}/${p.trials} with no row at all)` : `${p.detections}/${p.trials} detected; ${p.trialsWithFalseRegressionRows} trial(s) with another function reported as a regression`;
    lines.push(`| ${id}: ${p.title} | \`${p.thresholdFlags}\` | ${p.targetSharePct ?? '?'}% | ${result} | ${p.seconds} s |`);
  }
  lines.push('', `Measured ${TARGET} change per trial (%), by phase:`, '');
  for (const [id, p] of Object.entries(s.phases)) lines.push(`- ${id}: ${p.targetDeltaPct.map((x) => (x === undefined ? '?' : x)).join(', ')}`);
  lines.push('', 'Re-run: `npm run build && node bench/calibrate.mjs --trials 20` (flags: --phases, --runs, --interval-us, --slow, --compare-slow, --min-ms/--min-pct/--alpha/--min-samples and their --compare-* twins, --keep-runs DIR).', '');
  return lines.join('\n');
}

