/**
 * diff.json as ciprof writes it (from two real `node --test` runs) loads unchanged;
 * anything else a fork's job could write instead is refused with one line naming the
 * file, the field and the problem.
 */
import { cpSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiffReport, readDiffReport, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';
import { DIFF_REPORT_LIMITS } from '../../src/diff/report-schema.js';
import { renderComment } from '../../src/render/markdown.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

let dir: string;
let realText: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-schema-'));
  cpSync(path.join(FIXTURES, 'node-test'), path.join(dir, 'node-test'), { recursive: true });
  cpSync(path.join(FIXTURES, 'lib'), path.join(dir, 'lib'), { recursive: true });
  const cwd = path.join(dir, 'node-test');
  for (const [out, slow] of [['base', '1'], ['head', '3']] as const) {
    const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', 'node', '--test', 'test/'], { cwd, env: { FIXTURE_SLOW_B: slow } });
    expect(r.status, r.stderr).toBe(0);
  }
  const d = runCli(['diff', '--json', '--base', 'base/profile.pb.gz', '--head', 'head/profile.pb.gz'], { cwd });
  expect(d.status, d.stderr).toBe(0);
  realText = d.stdout;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A report as a forger sees it: any field, any value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Forgeable = Record<string, any>;

/** The real report, edited by `forge`, as text. */
function forged(forge: (r: Forgeable) => void): string {
  const data = JSON.parse(realText) as Forgeable;
  forge(data);
  return JSON.stringify(data);
}

const oneLine = (s: string): boolean => !/[\r\n]/.test(s) && !s.includes('\u001b');

function refusal(text: string, file = 'pr/diff.json'): string {
  try {
    parseDiffReport(text, file);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the report was accepted');
}

describe('diff.json validation', () => {
  it('a report ciprof wrote from real runs loads, and writes back the same', () => {
    const report = parseDiffReport(realText, 'diff.json');
    expect(report.diff!.functions.length).toBeGreaterThan(5);
    expect(report.tests).toBeDefined();
    expect(report.changedPaths.length).toBeGreaterThan(0);
    expect(JSON.parse(serializeDiffReport(report))).toEqual(JSON.parse(realText));
    expect(renderComment(report)).toBe(renderComment(parseDiffReport(serializeDiffReport(report))));
  });

  const cases: [string, (r: Forgeable) => void, RegExp][] = [
    ['an unknown field', (r) => (r.owner = 'x'), /^pr\/diff\.json: the report: unknown field "owner"$/],
    ['an unknown nested field', (r) => (r.diff.functions[0].frame.html = '<b>'), /^pr\/diff\.json: diff\.functions\[0\]\.frame: unknown field "html"$/],
    ['text where a number goes', (r) => (r.diff.thresholds.minSamples = '<img src=x> @org/team'), /^pr\/diff\.json: diff\.thresholds\.minSamples: expected a finite number, got a string$/],
    ['a PR number as text', (r) => (r.pr = '7'), /: pr: expected a finite number, got a string$/],
    ['a fractional PR number', (r) => (r.pr = 7.5), /: pr: expected a whole number$/],
    ['null where no Infinity can be', (r) => (r.diff.base.cpuNs = null), /: diff\.base\.cpuNs: expected a finite number, got null$/],
    ['a negative count', (r) => (r.diff.withinNoise = -1), /: diff\.withinNoise: expected at least 0$/],
    ['a repository with markdown in it', (r) => (r.repository = 'acme/shop)[x](https://evil'), /: repository: not a repository path/],
    ['a commit that is not hex', (r) => (r.head.commit = '`<b>`'), /: head\.commit: not a commit id$/],
    ['a javascript: link', (r) => (r.links.report = 'javascript:alert(1)'), /: links\.report: not an http\(s\) URL$/],
    ['a job key that would break the marker', (r) => (r.jobKey = 'x --> <img>'), /: jobKey: not a job key/],
    ['an unknown verdict', (r) => (r.diff.verdict = 'pwned'), /: diff\.verdict: expected one of regression, improvement, no-change$/],
    ['another schema', (r) => (r.schema = 'ciprof.diff/0'), /: schema: not a ciprof diff report/],
    ['a huge name', (r) => (r.diff.functions[0].frame.name = 'x'.repeat(DIFF_REPORT_LIMITS.stringChars + 1)), /: diff\.functions\[0\]\.frame\.name: longer than 16384 characters$/],
    ['a list where an object goes', (r) => (r.links = []), /: links: expected an object, got a list$/],
    ['an unknown field with a newline in its name', (r) => (r.diff['a\nb\u001b[31m'] = 1), /^pr\/diff\.json: diff: unknown field "a\\nb\\u001b\[31m"$/],
  ];
  for (const [what, forge, message] of cases) {
    it(`refuses ${what}, in one line`, () => {
      const m = refusal(forged(forge));
      expect(m).toMatch(message);
      expect(oneLine(m)).toBe(true);
    });
  }

  it('refuses call paths nested deeper than the limit without exhausting the stack', () => {
    // Built as text: JSON.stringify itself would overflow the stack on 100,000 levels.
    const open = '{"frame":{"name":"f","file":"","line":0},"baseNs":0,"headNs":1,"reported":false,"children":[';
    const nested = `${open.repeat(100_000)}${']}'.repeat(100_000)}`;
    const m = refusal(forged((r) => (r.changedPaths = '@nested')).replace('"@nested"', `[${nested}]`));
    expect(m).toMatch(/: changedPaths\[0\](\.children\[0\])+: call paths nested deeper than 256$/);
  });

  it('refuses invalid JSON in one printable line', () => {
    const m = refusal('{"a":\n\u001b[31m x}');
    expect(m).toMatch(/^pr\/diff\.json: invalid JSON \(/);
    expect(oneLine(m)).toBe(true);
  });

  it('refuses a file over the size limit before reading it', () => {
    const file = path.join(dir, 'big.json');
    writeFileSync(file, '');
    truncateSync(file, DIFF_REPORT_LIMITS.fileBytes + 1);
    expect(() => readDiffReport(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ bytes, more than a diff report may have`));
  });

  it('revives the nulls Infinity was written as (a new function)', () => {
    const text = forged((r) => {
      r.diff.functions[0].selfDeltaPct = null;
      r.tests.slower[0].deltaPct = null;
    });
    const report: DiffReport = parseDiffReport(text);
    expect(report.diff!.functions[0]!.selfDeltaPct).toBe(Infinity);
    expect(report.tests!.slower[0]!.deltaPct).toBe(Infinity);
  });
});
