/**
 * A pull request that adds lines above a hot function (an import, a comment) moves the
 * function's line. Two real runs, the built CLI: the head's function must be the base's
 * one row, compared, and no row must call it new or gone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/diff-report.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
const WORK = 'function hotLoop() { let s = 0; for (let i = 0; i < 3e7; i++) s += i % 7; return s; }\nfunction coldLoop() { let s = 0; for (let i = 0; i < 1e7; i++) s += i % 5; return s; }\nhotLoop(); coldLoop();\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ciprof-moved-'));
  for (const [side, text] of [['base', WORK], ['head', `// added by the PR\n// (two lines, and one more)\n\n${WORK}`]] as const) {
    mkdirSync(join(dir, side, 'src'), { recursive: true });
    writeFileSync(join(dir, side, 'src/work.js'), text);
    const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', join(dir, side, 'out'), '--', 'node', 'src/work.js'], { cwd: join(dir, side) });
    expect(r.status, r.stderr).toBe(0);
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ciprof diff of a function an edit moved', () => {
  it('is one row at the head line, with the base time, and no regression or improvement', () => {
    const r = runCli(['diff', '--base', join(dir, 'base/out/profile.pb.gz'), '--head', join(dir, 'head/out/profile.pb.gz'), '--json', '-o', join(dir, 'diff')], { cwd: join(dir, 'head') });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as DiffReport;
    const hot = report.diff!.functions.filter((f) => f.frame.name === 'hotLoop');
    expect(hot.map((f) => ({ file: f.frame.file, line: f.frame.line }))).toEqual([{ file: 'src/work.js', line: 4 }]);
    expect(hot[0]!.base.selfNs).toBeGreaterThan(0);
    expect(hot[0]!.head.selfNs).toBeGreaterThan(0);
    expect(hot[0]!.onlyIn).toBeUndefined();
    const rows = [...report.diff!.regressions, ...report.diff!.improvements].map((x) => x.frame.name);
    expect(rows.filter((n) => n === 'hotLoop' || n === 'coldLoop')).toEqual([]);
  });
});
