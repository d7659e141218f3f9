/**
 * One decision: the headline, the function rows and the test rows never contradict. Each
 * case builds the profiles of a situation where they used to: a test listed slower "because
 * of" a function that is no row, and a function row that was only waiting.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/diff/decision.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { diffRuns, meanProfile } from '../../src/diff/runs.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { testWallsMeta, testKey, type TestWall } from '../../src/profile/tests.js';

const MS = 1_000_000;
const FILE = 'test/app.test.js';

interface TestSpec {
  name: string;
  /** Self ms per function inside the test. */
  fns: Record<string, number>;
  /** The thread's CPU clock over the test, ms (undefined: no clock, as on Node 20). */
  cpuMs?: number;
}

/** One run: every test on thread 7-0, labelled as the labeler labels them, with its walls in the metadata. */
function run(tests: TestSpec[]): Profile {
  const b = new ProfileBuilder();
  const main = b.functionId('main', FILE, 1);
  const walls = new Map<string, TestWall>();
  for (const t of tests) {
    const labels = { pid: 7, thread: 0, test_file: FILE, test_name: t.name };
    let total = 0;
    for (const [fn, ms] of Object.entries(t.fns)) {
      if (ms > 0) b.addSample([b.functionId(fn, `src/${fn}.js`, 1), main], [ms, ms * MS], labels);
      total += ms;
    }
    walls.set(testKey(FILE, t.name), { file: FILE, name: t.name, wallMs: total, status: 'passed', ...(t.cpuMs !== undefined ? { cpuMs: t.cpuMs, threads: ['7-0'] } : {}) });
  }
  b.meta = { ...testWallsMeta(walls) };
  return b.build();
}

/** Every listed test's main function is a row or is named in a note. */
function noContradiction(d: ReturnType<typeof diffProfiles>, decided: ReturnType<typeof decide>): void {
  const rows = new Set([...d.regressions, ...d.improvements].map((r) => r.frame.name));
  for (const t of [...(decided.tests?.slower ?? []), ...(decided.tests?.faster ?? [])]) {
    const top = t.functions[0]!.name;
    expect(rows.has(top) || decided.decision.notes.some((n) => n.includes(`"${t.name}"`) && n.includes(top)), `${t.name}: ${top}`).toBe(true);
  }
  expect(decided.decision.verdict).toBe(d.verdict);
}

describe('decide', () => {
  it('compare: a test slower on the mean profiles, its function within the runs\' noise: the headline and a note say so', () => {
    // slowFn swings between runs of the same side (a busy machine); the run means differ by +25%.
    const side = (slow: number[]) => slow.map((ms) => run([{ name: 'slow', fns: { slowFn: ms, steadyFn: 400 } }, { name: 'steady', fns: { steadyFn: 600, other: 300 } }]));
    const baseRuns = side([900, 1500, 800]);
    const headRuns = side([1600, 900, 1500]);
    const d = diffRuns(baseRuns, headRuns, { minMs: 5, minPct: 3, alpha: 0.05 });
    // Tests judged on the mean profiles' sample counts (what ciprof did): listed, and the note explains.
    const onMeans = decide(meanProfile(baseRuns), meanProfile(headRuns), d);
    expect(d.regressions).toEqual([]);
    expect(onMeans.tests?.slower.map((t) => t.name)).toEqual(['slow']);
    expect(onMeans.decision.headline).toMatch(/^no significant change in CPU time .*1 test slower, 1 note below$/);
    expect(onMeans.decision.notes[0]).toMatch(/Test "slow" is slower .* mostly in slowFn .* no function row: over the whole suite its change .* is within the run-to-run noise the runs measured \(q = /);
    noContradiction(d, onMeans);
    // Tests judged over the runs, as the function rows are (what the pipeline does): nothing to explain.
    const overRuns = decide(meanProfile(baseRuns), meanProfile(headRuns), d, { base: baseRuns, head: headRuns });
    expect(overRuns.tests?.slower).toEqual([]);
    expect(overRuns.decision.headline).toMatch(/^no significant change in CPU time \(\d+ functions within noise\)$/);
    expect(overRuns.decision.notes).toEqual([]);
  });

  it('compare: a real, steady slowdown is a function row and a test row over the runs alike', () => {
    const side = (slow: number[]) => slow.map((ms) => run([{ name: 'slow', fns: { slowFn: ms, steadyFn: 400 } }, { name: 'steady', fns: { steadyFn: 600, other: 300 } }]));
    const baseRuns = side([1000, 1010, 990]);
    const headRuns = side([1300, 1310, 1290]);
    const d = diffRuns(baseRuns, headRuns, { minMs: 5, minPct: 3, alpha: 0.05 });
    const decided = decide(meanProfile(baseRuns), meanProfile(headRuns), d, { base: baseRuns, head: headRuns });
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['slowFn']);
    expect(decided.tests?.slower.map((t) => t.name)).toEqual(['slow']);
    expect(decided.decision.notes).toEqual([]);
    noContradiction(d, decided);
  });

  it('single run: a function that only waited longer (its tests\' CPU clocks still) is demoted, and its test is not listed', () => {
    // waitsBlocked calls Atomics.wait: V8 charges the wait to it. The thread clock says 8 ms both times.
    const base = run([{ name: 'waits', fns: { waitsBlocked: 100, f: 8 }, cpuMs: 8 }, { name: 'works', fns: { f: 500, g: 500 }, cpuMs: 1000 }]);
    const head = run([{ name: 'waits', fns: { waitsBlocked: 900, f: 8 }, cpuMs: 8 }, { name: 'works', fns: { f: 500, g: 500 }, cpuMs: 1000 }]);
    // By default the samples are brought to the tests' CPU clocks first: no row at all.
    const onCpu = diffProfiles(base, head);
    expect(onCpu.noiseModel.cpuClock).toBe(true);
    expect(onCpu.regressions).toEqual([]);
    expect(onCpu.functions.find((r) => r.frame.name === 'waitsBlocked')!.head.selfNs).toBeLessThan(10 * MS);
    // As sampled (what ciprof reported before): waitsBlocked a CPU regression; the decision demotes it.
    const d = diffProfiles(base, head, {}, { onCpu: false });
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['waitsBlocked']);
    const decided = decide(base, head, d);
    expect(d.regressions).toEqual([]);
    expect(d.verdict).toBe('no-change');
    const row = d.functions.find((r) => r.frame.name === 'waitsBlocked')!;
    expect(row.status).toBe('noise');
    expect(row.demotedBy).toBe('cpu-clock');
    expect(decided.tests?.slower).toEqual([]);
    expect(decided.tests?.offCpu).toBe(1);
    expect(decided.decision.notes.join(' ')).toMatch(/waitsBlocked: the sampled time changed but the CPU clocks/);
    noContradiction(d, decided);
  });

  it('single run: real CPU growth confirmed by the clock stays a row, and its test names it', () => {
    const base = run([{ name: 'hot', fns: { hotFn: 500, f: 100 }, cpuMs: 600 }, { name: 'cold', fns: { f: 500, g: 500 }, cpuMs: 1000 }]);
    const head = run([{ name: 'hot', fns: { hotFn: 1000, f: 100 }, cpuMs: 1100 }, { name: 'cold', fns: { f: 500, g: 500 }, cpuMs: 1000 }]);
    const d = diffProfiles(base, head);
    const decided = decide(base, head, d);
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['hotFn']);
    expect(decided.tests?.slower.map((t) => t.name)).toEqual(['hot']);
    expect(decided.decision.headline).toMatch(/^slower: 1 function regressed .*; 1 test slower$/);
    expect(decided.decision.notes).toEqual([]);
    noContradiction(d, decided);
  });

  it('without a CPU clock (Node 20) nothing is demoted on its account', () => {
    const base = run([{ name: 'waits', fns: { waitsBlocked: 100, f: 8 } }, { name: 'works', fns: { f: 500, g: 500 } }]);
    const head = run([{ name: 'waits', fns: { waitsBlocked: 900, f: 8 } }, { name: 'works', fns: { f: 500, g: 500 } }]);
    const d = diffProfiles(base, head);
    const decided = decide(base, head, d);
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['waitsBlocked']);
    expect(decided.tests?.slower.map((t) => t.name)).toEqual(['waits']);
    noContradiction(d, decided);
  });
});
