/**
 * Code loading is judged with its class's swing, never on sampling noise: the swing measured
 * on class-validator under a noisy neighbour (pair A-5/B-5 of the calibration pool:
 * ts-jest's `parseTrailingTagComments` 13 ms in one run, 203 ms in the next, same code)
 * gives no regression row, while the same change in a project function is one. Frames are
 * real (test/profile/code-load.test.ts); the profiles go through pprof and back.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/diff/decision.js';
import { DIFF_REPORT_SCHEMA, parseDiffReport, serializeDiffReport } from '../../src/diff/diff-report.js';
import { COMPARE_THRESHOLDS, diffProfiles } from '../../src/diff/function-diff.js';
import { CODE_LOAD_PRIOR, noiseFromHistory } from '../../src/diff/noise-history.js';
import { diffRuns } from '../../src/diff/runs.js';
import { benjaminiHochberg } from '../../src/diff/stats.js';
import { decodePprof } from '../../src/profile/pprof-decode.js';
import { encodePprof } from '../../src/profile/pprof.js';
import { ProfileBuilder, type FunctionFrame, type Profile } from '../../src/profile/model.js';
import { renderComment } from '../../src/render/markdown.js';
import { PROJECT_CALL, TS_JEST_COMPILE } from '../profile/code-load-frames.js';

const MS = 1_000_000;
const MACHINE = { 'env.cpu': 'AMD EPYC', 'env.cores': '2', 'env.os': 'linux 6.1', 'env.node': 'v24.21.0' };

/** The parser functions ts-jest runs besides the swinging one, each under the same transform stack. */
const PARSER = ['parseIdentifier', 'scanIdentifier', 'parseStatement', 'bindChildren', 'getNodePos', 'parseList'];

/**
 * One run: 12 steady project functions of 500 ms under a test, `performValidations` (the
 * project's) of `projectMs`, the TypeScript parser's steady functions of 200 ms each and
 * `parseTrailingTagComments` of `compileMs`, all under ts-jest's transform.
 */
function run(projectMs: number, compileMs: number, parserMs = 200): Profile {
  const b = new ProfileBuilder();
  const id = (f: FunctionFrame): number => b.functionId(f.name, f.file, f.line);
  const add = (stack: FunctionFrame[], ms: number): void => {
    if (ms > 0) b.addSample(stack.map(id), [ms, ms * MS]);
  };
  for (let i = 0; i < 12; i++) add([{ name: `steady${i}`, file: `src/steady${i}.ts`, line: 1 }, ...PROJECT_CALL.slice(1)], 500);
  add(PROJECT_CALL, projectMs);
  PARSER.forEach((name, i) => add([{ name, file: 'node_modules/typescript/lib/typescript.js', line: 1000 + i }, ...TS_JEST_COMPILE.slice(1)], parserMs));
  add(TS_JEST_COMPILE, compileMs);
  b.meta = { ...MACHINE };
  return decodePprof(encodePprof(b.build()));
}

const row = (d: ReturnType<typeof diffProfiles>, name: string) => d.functions.find((r) => r.frame.name === name)!;

describe('code loading in the diff', () => {
  it("a compile swing of the size measured on class-validator is no regression row; the same change in a project function is", () => {
    const swing = diffProfiles(run(13, 13), run(13, 203));
    const parse = row(swing, 'parseTrailingTagComments');
    expect(parse.codeLoad).toBe('transform');
    expect(parse.judgedBy).toBe('prior');
    expect(parse.status).toBe('noise');
    expect(swing.regressions).toEqual([]);
    expect(swing.verdict).toBe('no-change');
    expect(swing.codeLoad?.map((r) => r.frame.name)).toContain('parseTrailingTagComments');
    expect(swing.head.codeLoadNs).toBe((6 * 200 + 203) * MS);

    const real = diffProfiles(run(13, 13), run(203, 13));
    expect(real.regressions.map((r) => r.frame.name)).toEqual(['performValidations']);
    expect(row(real, 'performValidations').codeLoad).toBeUndefined();
    expect(real.verdict).toBe('regression');
  });

  it('what ciprof reported before: the compile swing judged on sampling alone is a regression row', () => {
    // The same sample counts in a function the classifier cannot place (no transformer frame on its stack).
    const b = run(13, 0);
    const h = run(13, 0);
    const add = (p: Profile, ms: number): Profile => {
      const pb = new ProfileBuilder();
      for (const s of p.samples) pb.addSample(s.stack.map((i) => pb.functionId(p.functions[i]!.name, p.functions[i]!.file, p.functions[i]!.line)), s.values);
      pb.addSample([pb.functionId('parseTrailingTagComments', 'node_modules/typescript/lib/typescript.js', 35302), pb.functionId('lint', 'src/lint.ts', 1)], [ms, ms * MS]);
      pb.meta = p.meta;
      return pb.build();
    };
    expect(diffProfiles(add(b, 13), add(h, 203)).regressions.map((r) => r.frame.name)).toEqual(['parseTrailingTagComments']);
  });

  it("is judged with the class's swing the history measured, never below its prior: a steady history does not make a 10x compile swing a change, a 30x jump is, listed apart", () => {
    // The job's last runs: the parser swung between 100 and 400 ms a function.
    const swinging = noiseFromHistory([400, 100, 350, 120, 380, 110].map((ms) => run(13, ms, ms)))!;
    expect(swinging.codeLoadSwing?.get('transform')).toBeGreaterThan(CODE_LOAD_PRIOR.transform);
    const judged = diffProfiles(run(13, 13), run(13, 203), {}, { history: swinging });
    expect(row(judged, 'parseTrailingTagComments').judgedBy).toBe('history');
    expect(row(judged, 'parseTrailingTagComments').status).toBe('noise');

    // Five pairs of steady compiles measure a swing below the prior: the prior still holds
    // (the class is heavy-tailed; with the history's smaller swing this x10 was a note).
    const steady = noiseFromHistory([200, 204, 198, 201, 199, 202].map((ms) => run(13, ms, ms)))!;
    expect(steady.codeLoadSwing?.get('transform')).toBeLessThan(CODE_LOAD_PRIOR.transform);
    const base = run(13, 200, 200);
    const tenfold = row(diffProfiles(base, run(13, 2000, 200), {}, { history: steady }), 'parseTrailingTagComments');
    expect(tenfold.judgedBy).toBe('prior');
    expect(tenfold.status).toBe('noise');

    const head = run(13, 6000, 200);
    const jump = diffProfiles(base, head, {}, { history: steady });
    const parse = row(jump, 'parseTrailingTagComments');
    expect(parse.judgedBy).toBe('prior');
    expect(parse.status).toBe('regression');
    // Still not a CPU regression: the verdict is the CPU rows', a note says what loading did.
    expect(jump.regressions).toEqual([]);
    const decided = decide(base, head, jump);
    expect(decided.decision.verdict).toBe('no-change');
    expect(decided.decision.notes.join(' ')).toMatch(/Code loading changed beyond its class's usual swing: parseTrailingTagComments \(transform\) 5800 ms/);
  });

  it('a code-loading function with no sample on one side is judged with its class swing, not on sampling alone', () => {
    // ufo, A/A under a neighbour (A-9 vs A-10): vite's ssrTransform walker, 0 -> 27 samples, was a note at q 5e-7.
    const add = (p: Profile, n: number): Profile => {
      const pb = new ProfileBuilder();
      for (const s of p.samples) pb.addSample(s.stack.map((i) => pb.functionId(p.functions[i]!.name, p.functions[i]!.file, p.functions[i]!.line)), s.values);
      const vite = (name: string, line: number): number => pb.functionId(name, 'node_modules/vite/dist/node/chunks/node.js', line);
      const stack = [vite('isNodeInPattern', 16655), vite('isRefIdentifier', 16727), vite('enter', 16691), vite('visit', 16052), vite('walk', 16660), vite('ssrTransformScript', 16476)];
      for (let i = 0; i < n; i++) pb.addSample(stack, [1, 1.1 * MS]);
      pb.meta = p.meta;
      return pb.build();
    };
    const d = diffProfiles(add(run(13, 13), 0), add(run(13, 13), 27));
    const r = row(d, 'isNodeInPattern');
    expect(r.codeLoad).toBe('transform');
    expect(r.judgedBy).toBe('prior');
    expect(r.status).toBe('noise');
    expect(d.codeLoad?.filter((x) => x.status === 'regression')).toEqual([]);
  });

  it('compare: three runs a side that agree by chance are judged with the prior as the floor of the variance', () => {
    // class-validator's compare windows (calibration pools): parser functions ts-jest ran in
    // one window's runs and hardly in the other's, each window steady, became notes.
    const base = [15, 20, 18].map((ms) => run(100, ms));
    const head = [60, 70, 65].map((ms) => run(100, ms));
    const d = diffRuns(base, head, COMPARE_THRESHOLDS);
    const parse = row(d, 'parseTrailingTagComments');
    expect(parse.codeLoad).toBe('transform');
    expect(parse.judgedBy).toBe('prior');
    expect(parse.status).toBe('noise');
    expect(d.codeLoad?.filter((r) => r.status !== 'noise')).toEqual([]);
    // A swing far beyond the class's (x40) still is a change; a project function's +30% is a CPU row.
    expect(row(diffRuns(base, [600, 700, 650].map((ms) => run(100, ms)), COMPARE_THRESHOLDS), 'parseTrailingTagComments').status).toBe('regression');
    const real = diffRuns(base, [60, 70, 65].map((ms) => run(130, ms)), COMPARE_THRESHOLDS);
    expect(real.regressions.map((r) => r.frame.name)).toEqual(['performValidations']);
  });

  it('CPU rows are corrected for multiple testing among themselves (code-loading rows over all rows): a code-loading row beside them moves no CPU q-value', () => {
    // ufo under a noisy neighbour: +40 ms in `encode` was q 0.0084 beside a false code-loading
    // row with a tiny p, 0.017 once that row was judged right, across alpha 0.01 both times.
    const base = run(100, 200, 200);
    // +50% of a 100 ms function: p ~ 0.002, so its q depends on how many rows share its family.
    const quiet = diffProfiles(base, run(150, 200, 200));
    const loud = diffProfiles(base, run(150, 6000, 200));
    expect(row(loud, 'parseTrailingTagComments').status).toBe('regression');
    for (const d of [quiet, loud]) {
      const tested = d.functions.filter((r) => r.status !== 'too-small');
      const cpu = tested.filter((r) => !r.codeLoad && !r.blocked);
      const loading = tested.filter((r) => r.codeLoad);
      expect(cpu.length).toBeGreaterThan(1);
      expect(loading.length).toBeGreaterThan(1);
      expect(cpu.map((r) => r.qValue)).toEqual(benjaminiHochberg(cpu.map((r) => r.pValue)));
      const all = benjaminiHochberg(tested.map((r) => r.pValue));
      expect(loading.map((r) => r.qValue)).toEqual(loading.map((r) => all[tested.indexOf(r)]));
    }
    // 13 CPU rows: q = 13 p (it ranks first), with the compile swing beside it or not.
    for (const d of [quiet, loud]) {
      const r = row(d, 'performValidations');
      expect(r.pValue).toBeGreaterThan(1e-3);
      expect(r.qValue).toBeCloseTo(13 * r.pValue, 10);
    }
    expect(row(loud, 'performValidations').qValue / row(quiet, 'performValidations').qValue).toBeCloseTo(1, 2);
  });

  it('the comment lists code loading apart from the CPU rows, with its share of the suite', () => {
    const base = run(13, 13);
    const head = run(13, 203);
    const diff = diffProfiles(base, head);
    const decided = decide(base, head, diff);
    const report = parseDiffReport(serializeDiffReport({ schema: DIFF_REPORT_SCHEMA, ciprofVersion: 'test', jobKey: 'ci_test', head: {}, base: { source: 'file', found: true, reason: 'given', file: 'base.pb.gz' }, diff, changedPaths: [], links: {}, decision: decided.decision }));
    const comment = renderComment(report);
    expect(new MarkdownIt({ html: true }).render(comment)).toMatch(/<h3>⚪ ciprof: no significant change in CPU time/);
    expect(comment).toMatch(/Code loading \(\d+\): transforming and loading modules for the tests/);
    expect(comment).toMatch(/\| \*\*parseTrailingTagComments\*\*<br>.*\| transform \| 13\.0 ms → 203 ms \| \+190 ms .*within the swing real suites measured for transform \|/);
    expect(comment).toMatch(/of which loading code \(transform, module loader\) \| 1\.21 s \| 1\.40 s \| \+190 ms, judged apart/);
  });
});
