// node bench/alloc-calibrate.mjs [--trials 20]
//
// How often the allocation verdicts cry wolf, and how often they catch a real change,
// beside the CPU verdicts of the same runs (issue 18), on test/fixtures/projects/
// alloc-calibrate: the calibration suite's ordinary work in 8 node:test files plus
// allocTarget, ~4% of the suite's bytes, made to allocate 20% more through ALLOC_SLOW.
//   aa  two `ciprof run --alloc` of the same code, `ciprof diff --json`: false rows
//   ab  head with ALLOC_SLOW=1.2: is allocTarget reported (and nothing else)?
// Uses the built CLI (dist/cli.js). Writes bench/results/alloc-calibration.{json,md},
// including the in-diff dispersion estimates, which ALLOC_AA_DISPERSION is set from.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURE = join(ROOT, 'test/fixtures/projects/alloc-calibrate');
const TARGET = 'allocTarget';
// Files, not the directory: `node --test dir/` reads the directory as a module on Node 24.
const TEST_FILES = readdirSync(join(FIXTURE, 'test')).sort().map((f) => `test/${f}`);

const { values: opt } = parseArgs({ options: { trials: { type: 'string', default: '20' }, out: { type: 'string', default: join(ROOT, 'bench/results') } } });
const trials = Number(opt.trials);
const tmp = mkdtempSync(join(tmpdir(), 'ciprof-alloc-cal-'));
const env = { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '' };

function run(name, slow) {
  const out = join(tmp, name);
  const r = spawnSync(process.execPath, [CLI, 'run', '--alloc', '--no-store', '--no-report', '-q', '--out', out, '--', process.execPath, '--test', ...TEST_FILES], { cwd: FIXTURE, env: { ...env, ALLOC_SLOW: String(slow) }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`ciprof run exited ${r.status}: ${String(r.stderr).slice(-1000)}`);
  return join(out, 'profile.pb.gz');
}

function diff(base, head) {
  const r = spawnSync(process.execPath, [CLI, 'diff', '--base', base, '--head', head, '--json', '--out', join(tmp, 'diff')], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`ciprof diff exited ${r.status}: ${r.stderr.slice(-1000)}`);
  const report = JSON.parse(r.stdout);
  const a = report.alloc;
  const rows = [...a.functions, ...a.tests].filter((x) => x.status === 'regression' || x.status === 'improvement');
  const cpuRows = [...(report.diff?.regressions ?? []), ...(report.diff?.improvements ?? [])];
  return {
    allocRows: rows.map((x) => (x.frame ? x.frame.name : `test ${x.test.name}`)),
    targetReported: a.functions.some((x) => x.frame?.name === TARGET && x.status === 'regression'),
    target: a.functions.find((x) => x.frame?.name === TARGET),
    dispersion: a.dispersion.estimated,
    cpuRows: cpuRows.map((x) => x.frame.name),
    load: loadavg()[0],
  };
}

const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, trials, aa: [], ab: [] };
try {
  for (let t = 0; t < trials; t++) {
    const a = run(`a${t}`, 1);
    const a2 = run(`a2-${t}`, 1);
    const b = run(`b${t}`, 1.2);
    results.aa.push(diff(a, a2));
    results.ab.push(diff(a, b));
    process.stderr.write(`trial ${t + 1}/${trials}: A/A ${results.aa.at(-1).allocRows.length} allocation rows, A/B ${TARGET} ${results.ab.at(-1).targetReported ? 'reported' : 'missed'}\n`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const clean = (xs, key) => xs.filter((x) => x[key].length === 0).length;
const summary = {
  aaNoAllocRow: clean(results.aa, 'allocRows'),
  aaNoCpuRow: clean(results.aa, 'cpuRows'),
  abTargetReported: results.ab.filter((x) => x.targetReported).length,
  abOnlyTarget: results.ab.filter((x) => x.allocRows.every((n) => n === TARGET || n.startsWith('test '))).length,
  abCpuRows: results.ab.filter((x) => x.cpuRows.length > 0).length,
  dispersion: results.aa.map((x) => Math.round(x.dispersion * 100) / 100),
  load: results.aa.map((x) => Math.round(x.load * 10) / 10),
};
results.summary = summary;
mkdirSync(opt.out, { recursive: true });
writeFileSync(join(opt.out, 'alloc-calibration.json'), `${JSON.stringify(results, null, 2)}\n`);
const md = [
  `# Allocation verdicts calibration (${results.date.slice(0, 10)}, ${results.machine.cpus} cores, Node ${results.machine.node})`,
  '',
  `Fixture: test/fixtures/projects/alloc-calibrate (8 node:test files; allocTarget ~4% of the bytes). ${trials} trials; load average during the trials: ${summary.load.join(', ')}.`,
  '',
  '| | allocations | CPU (same runs) |',
  '| --- | ---: | ---: |',
  `| A/A trials with no row | ${summary.aaNoAllocRow}/${trials} | ${summary.aaNoCpuRow}/${trials} |`,
  `| A/B (allocTarget +20% bytes) reported | ${summary.abTargetReported}/${trials} | (no CPU change intended; trials with CPU rows: ${summary.abCpuRows}/${trials}) |`,
  `| A/B with no other allocation row | ${summary.abOnlyTarget}/${trials} | |`,
  '',
  `In-diff dispersion estimates on A/A (median z² / 0.455): ${summary.dispersion.join(', ')}.`,
  '',
].join('\n');
writeFileSync(join(opt.out, 'alloc-calibration.md'), md);
process.stdout.write(md);
