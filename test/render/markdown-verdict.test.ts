/**
 * The comment reads its headline and notes off the one decision, shows blocked time apart
 * from CPU rows, and per-test CPU clock / off-CPU / wall apart: with hostile names escaped.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { DIFF_REPORT_SCHEMA, parseDiffReport, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';
import { decide } from '../../src/diff/decision.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { testWallsMeta, testKey, type TestWall } from '../../src/profile/tests.js';
import { renderComment } from '../../src/render/markdown.js';

const md = new MarkdownIt({ html: true, linkify: true });
const XSS = '<img src=x onerror=alert(1)>';
const MS = 1e6;

/** Tests on thread 5-0 with their clocks: `fns` self ms inside each, plus 20 steady functions outside. */
function run(tests: { name: string; fns: Record<string, number>; cpuMs: number }[], bindMs: number): Profile {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'test/a.test.js', 1);
  for (let i = 0; i < 20; i++) b.addSample([b.functionId(`steady${i}`, `src/steady${i}.js`, 1), main], [2000, 2000 * MS], { pid: 5, thread: 0, test_file: '(setup)' });
  b.addSample([b.functionId('createServerHandle', 'node:net', 1), main], [bindMs, bindMs * MS], { pid: 5, thread: 0, test_file: '(setup)' });
  const walls = new Map<string, TestWall>();
  for (const t of tests) {
    const labels = { pid: 5, thread: 0, test_file: 'test/a.test.js', test_name: t.name };
    for (const [fn, ms] of Object.entries(t.fns)) b.addSample([b.functionId(fn, `src/${fn.length > 20 ? 'x' : fn}.js`, 1), main], [ms, ms * MS], labels);
    walls.set(testKey('test/a.test.js', t.name), { file: 'test/a.test.js', name: t.name, wallMs: 5000, status: 'passed', cpuMs: t.cpuMs, threads: ['5-0'] });
  }
  b.meta = testWallsMeta(walls);
  return b.build();
}

function reportOf(base: Profile, head: Profile, sampled = false): DiffReport {
  const diff = diffProfiles(base, head, {}, { onCpu: !sampled });
  const decided = decide(base, head, diff);
  return {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: 'test',
    jobKey: 'ci_test',
    head: {},
    base: { source: 'file', found: true, reason: 'given', file: 'base.pb.gz' },
    diff,
    changedPaths: [],
    links: {},
    ...(decided.tests ? { tests: decided.tests } : {}),
    decision: decided.decision,
  };
}

describe('the comment from one decision', () => {
  it('headline and notes say why a slower test\'s function is no row; blocked time is apart; hostile names stay text', () => {
    // XSS "waits" (a wait V8 charges to its caller): sampled +800 ms, its test's CPU clock still.
    const base = run([{ name: `waits ${XSS}`, fns: { [XSS]: 100 }, cpuMs: 10 }], 40);
    const head = run([{ name: `waits ${XSS}`, fns: { [XSS]: 900 }, cpuMs: 10 }], 600);
    const r = parseDiffReport(serializeDiffReport(reportOf(base, head, true)));
    const comment = renderComment(r);
    const html = md.render(comment);
    expect(html).not.toMatch(/<img/i);
    expect(html).toMatch(/<h3>⚪ ciprof: no significant change in CPU time \(\d+ functions within noise\); 1 note below<\/h3>/);
    expect(html).toContain('the sampled time changed but the CPU clocks of the tests it ran in did not');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The bind's swing is blocked time, in its own table, never a CPU row.
    expect(comment).toMatch(/Blocked time \(1\): waits the profiler samples as if they ran/);
    expect(comment).toMatch(/\| bind \| 40\.0 ms → 600 ms \| \+560 ms .*not judged: no measured noise for it \|/);
    expect(comment).toMatch(/of which blocked in system calls \| 40\.0 ms \| 600 ms/);
  });

  it('a slower test shows its CPU clock, off-CPU and wall time apart, and its function is the row', () => {
    const base = run([{ name: 'hot', fns: { hotFn: 500 }, cpuMs: 500 }], 40);
    const head = run([{ name: 'hot', fns: { hotFn: 1200 }, cpuMs: 1200 }], 40);
    const comment = renderComment(reportOf(base, head));
    expect(md.render(comment)).toMatch(/<h3>🔴 ciprof: slower: 1 function regressed \(\d+ functions within noise\); 1 test slower<\/h3>/);
    expect(comment).toMatch(/\| \*\*hotFn\*\*<br>/);
    expect(comment).toMatch(/CPU time \(tests by their CPU clock\)/);
    expect(comment).toMatch(/\| CPU 500\.0 → 1200\.0 ms<br>off-CPU 0\.0 → 0\.0 ms<br>wall 5000\.0 → 5000\.0 ms \|/);
  });
});
