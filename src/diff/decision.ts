/**
 * One decision behind everything a diff shows: the headline, the suite table, the function
 * rows and the test rows are read off the object built here, so they cannot contradict.
 * Three reconciliations, in order:
 *
 * 1. A CPU function row whose change sits in tests whose thread CPU clocks did not move
 *    (the time went to waiting: Atomics.wait, a blocking call V8 shows under its caller,
 *    a descheduled thread) is not a CPU change: demoted, `demotedBy: 'cpu-clock'`. Only
 *    tests long enough for their clock to be read (cpu-clock.ts: it moves in 1-4 ms ticks)
 *    count: on express, a real +40 ms spread over 762 calls in hundreds of short tests was
 *    demoted when every test's clock counted (2 of 4 trials, q = 1e-15 and 1e-18).
 * 2. The per-test section is computed on the same profiles and thresholds, with the CPU
 *    clock gate (test-significance.ts).
 * 3. Every listed test's main function either is a row, or a note says why not (within
 *    noise at what q, blocked time, not the same across test files, below the minimums);
 *    a suite that moved while no function did gets its note too. The headline counts them.
 */
import type { Profile } from '../profile/model.js';
import { readTestWalls, samplesByTest } from '../profile/tests.js';
import { functionKey, timeValueIndex } from '../profile/model.js';
import { isPseudo } from './self-time.js';
import { POOL_BELOW_NS } from './cpu-clock.js';
import { partitionRows, type FunctionDelta, type ProfileDiff, type Verdict } from './function-diff.js';
import { significantTestChanges, type SignificantTestChange, type TestRuns, type TestSection } from './test-significance.js';

export interface Decision {
  verdict: Verdict;
  /** One line, plain text (renderers escape it): what changed, in CPU, and what else the tables show. */
  headline: string;
  /** Why a table shows something the function rows do not, one plain-text sentence each. */
  notes: string[];
}

export interface Decided {
  tests?: TestSection;
  decision: Decision;
}

/** Share of a row's change that must sit in clocked tests, and at most how much of it their clocks may show, to call it waiting. */
const CLOCKED_SHARE = 0.8;
const CLOCK_AGREES = 0.5;

/**
 * Reconciles `diff` in place (rows demoted by the CPU clock) and returns the test section
 * and the decision. `runs`: the runs behind mean profiles, so tests are judged over them too.
 */
export function decide(base: Profile, head: Profile, diff: ProfileDiff, runs?: TestRuns): Decided {
  demoteByCpuClock(base, head, diff);
  Object.assign(diff, partitionRows(diff.functions));
  const tests = significantTestChanges(base, head, diff.base, diff.head, diff.thresholds, runs);
  const notes = [...suiteNotes(diff), ...testNotes(diff, tests)];
  return { ...(tests ? { tests } : {}), decision: { verdict: diff.verdict, headline: headline(diff, tests, notes), notes } };
}

/** Per test: sampled self ns of the candidate functions, all its sampled ns, and its thread CPU clock (ms) when known. */
interface TestSide {
  self: Map<string, number>;
  sampledNs: number;
  cpuMs?: number;
}

function sideByTest(profile: Profile, keys: ReadonlySet<string>): Map<string, TestSide> {
  const vi = timeValueIndex(profile);
  const fnKeys = profile.functions.map(functionKey);
  const walls = readTestWalls(profile);
  const out = new Map<string, TestSide>();
  for (const [key, entry] of samplesByTest(profile)) {
    const self = new Map<string, number>();
    let sampledNs = 0;
    for (const s of entry.samples) {
      const k = fnKeys[s.stack[0] ?? -1];
      sampledNs += s.values[vi] ?? 0;
      if (k !== undefined && keys.has(k)) self.set(k, (self.get(k) ?? 0) + (s.values[vi] ?? 0));
    }
    const cpuMs = walls.get(key)?.cpuMs;
    out.set(key, { self, sampledNs, ...(typeof cpuMs === 'number' ? { cpuMs } : {}) });
  }
  return out;
}

function demoteByCpuClock(base: Profile, head: Profile, diff: ProfileDiff): void {
  const rows = [...diff.regressions, ...diff.improvements];
  if (rows.length === 0) return;
  const keys = new Set(rows.map((r) => r.key));
  const b = sideByTest(base, keys);
  const h = sideByTest(head, keys);
  for (const r of rows) {
    let clockedDeltaNs = 0;
    let clockDeltaNs = 0;
    for (const [test, hs] of h) {
      const bs = b.get(test);
      if (!bs || bs.cpuMs === undefined || hs.cpuMs === undefined || bs.sampledNs < POOL_BELOW_NS || hs.sampledNs < POOL_BELOW_NS) continue;
      const d = (hs.self.get(r.key) ?? 0) - (bs.self.get(r.key) ?? 0);
      // Only the tests where the row moved its way: their clocks must have moved with it.
      if (Math.sign(d) !== Math.sign(r.selfDeltaNs)) continue;
      clockedDeltaNs += d;
      clockDeltaNs += (hs.cpuMs - bs.cpuMs) * 1e6;
    }
    const delta = r.selfDeltaNs;
    if (delta === 0 || clockedDeltaNs / delta < CLOCKED_SHARE) continue;
    if (clockDeltaNs / clockedDeltaNs < CLOCK_AGREES) {
      r.status = 'noise';
      r.demotedBy = 'cpu-clock';
    }
  }
}

const ms = (ns: number): string => `${Math.round(ns / 1e6)} ms`;
const pct = (p: number): string => (Number.isFinite(p) ? `${p >= 0 ? '+' : '−'}${Math.abs(p).toFixed(1)}%` : 'new');
const q = (v: number): string => (v >= 0.001 ? v.toFixed(3) : v.toExponential(1));
const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

function suiteNotes(diff: ProfileDiff): string[] {
  const notes: string[] = [];
  const demoted = diff.functions.filter((r) => r.demotedBy === 'cpu-clock');
  if (demoted.length) {
    notes.push(`${demoted.map((r) => r.frame.name || '(anonymous)').join(', ')}: the sampled time changed but the CPU clocks of the tests it ran in did not; the thread was waiting (a blocking call inside it, or the machine's other work), so no CPU row.`);
  }
  if (diff.suite.significant && diff.verdict === 'no-change' && !diff.noiseModel.runs) {
    notes.push(`The whole run's CPU moved (${pct(diff.suite.deltaPct)}) and no function stands out from the run's overall speed: a busier or different machine, or a change that touches everything; \`ciprof compare\` runs both on one machine to tell them apart.`);
  }
  const blocked = (diff.blocked ?? []).filter((r) => r.status === 'regression' || r.status === 'improvement');
  if (blocked.length) notes.push(`Blocked time changed beyond its measured noise: ${blocked.map((r) => `${r.frame.name} (${r.blocked}) ${ms(r.selfDeltaNs)}`).join(', ')}; waiting, not CPU.`);
  const loading = (diff.codeLoad ?? []).filter((r) => r.status === 'regression' || r.status === 'improvement');
  if (loading.length) notes.push(`Code loading changed beyond its ${loading.some((r) => r.judgedBy === 'prior') ? 'class\'s usual swing' : 'measured swing'}: ${loading.map((r) => `${r.frame.name || '(anonymous)'} (${r.codeLoad}) ${ms(r.selfDeltaNs)}`).join(', ')}; compiling and loading modules for the tests, not the code under test.`);
  return notes;
}

/** Why the function that explains a listed test is not a row of its own. */
function whyNotARow(row: FunctionDelta | undefined, diff: ProfileDiff): string {
  if (!row) return 'it ran only outside the compared tests';
  if (row.blocked) return `it is time blocked in a system call (${row.blocked}), not CPU`;
  if (row.codeLoad) return `it is code loading (${row.codeLoad}: compiling or loading modules for the tests), judged apart with its class's swing`;
  if (row.demotedBy === 'cpu-clock') return 'the CPU clocks of its tests did not move with it (waiting, not CPU)';
  if (row.demotedBy === 'test-files') return 'its change is not the same across test files (run-to-run noise)';
  if (row.status === 'too-small') return `it has fewer than ${diff.thresholds.minSamples} samples`;
  if (row.status === 'noise' && row.qValue <= diff.thresholds.alpha) return `its change (${ms(row.selfDeltaNs)}, ${pct(row.adjustedPct)} against the run's speed) is below the minimums (${diff.thresholds.minMs} ms and ${diff.thresholds.minPct}%)`;
  if (isPseudo(row.frame)) return 'it is not a function of the code (the runtime\'s own work)';
  return `over the whole suite its change (${ms(row.selfDeltaNs)}) is within ${diff.noiseModel.runs ? 'the run-to-run noise the runs measured' : 'noise'} (q = ${q(row.qValue)})`;
}

function testNotes(diff: ProfileDiff, tests: TestSection | undefined): string[] {
  if (!tests) return [];
  const reported = new Set([...diff.regressions, ...diff.improvements].map((r) => r.key));
  const byKey = new Map(diff.functions.map((r) => [r.key, r]));
  const notes: string[] = [];
  const explain = (t: SignificantTestChange, dir: 'slower' | 'faster'): void => {
    const top = t.functions[0];
    if (!top || (dir === 'slower' ? top.deltaMs <= 0 : top.deltaMs >= 0)) return;
    const key = functionKey({ name: top.name, file: top.file, line: top.line });
    if (reported.has(key)) return;
    notes.push(`Test "${t.name}" is ${dir} (${t.deltaMs > 0 ? '+' : '−'}${Math.abs(t.deltaMs).toFixed(1)} ms), mostly in ${top.name || '(anonymous)'} (${top.deltaMs > 0 ? '+' : '−'}${Math.abs(top.deltaMs).toFixed(1)} ms), which is no function row: ${whyNotARow(byKey.get(key), diff)}.`);
  };
  for (const t of tests.slower) explain(t, 'slower');
  for (const t of tests.faster) explain(t, 'faster');
  return notes;
}

function headline(diff: ProfileDiff, tests: TestSection | undefined, notes: string[]): string {
  const noise = `${plural(diff.withinNoise, 'function')} within noise`;
  const extra: string[] = [];
  if (tests?.slower.length) extra.push(`${plural(tests.slower.length, 'test')} slower`);
  if (tests?.faster.length) extra.push(`${plural(tests.faster.length, 'test')} faster`);
  if (notes.length) extra.push(`${plural(notes.length, 'note')} below`);
  const tail = extra.length ? `; ${extra.join(', ')}` : '';
  if (diff.verdict === 'regression') return `slower: ${plural(diff.regressions.length, 'function')} regressed${diff.improvements.length ? `, ${diff.improvements.length} improved` : ''} (${noise})${tail}`;
  if (diff.verdict === 'improvement') return `faster: ${plural(diff.improvements.length, 'function')} improved (${noise})${tail}`;
  return `no significant change in CPU time (${noise})${tail}`;
}

