/**
 * Fuzzing what a privileged job does with a diff.json from a pull request's run: a real
 * report (ciprof's own diff of two profiles, with call paths and per-test rows) mutated a
 * thousand times, seeded, structurally (a leaf replaced by a hostile string, an
 * odd number, a wrong type; keys dropped or added; deep nesting) and textually (NaN and
 * Infinity tokens, truncation, duplicated spans). Each mutant goes through what `ciprof
 * comment` and the Action's report mode run: readDiffReport, bindReport, renderComment and
 * renderJobSummary, then a CommonMark renderer (markdown-it). Asserted for every mutant:
 *   - refused with one line that names the file, or accepted; never another exception;
 *   - accepted: the rendered comment and summary hold no image, no link outside the
 *     repository, no raw HTML element, no live @mention or owner/repo#N reference.
 * Replay a failure with CIPROF_FUZZ_SEED.
 */
import MarkdownIt from 'markdown-it';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedPaths } from '../../src/diff/call-tree-diff.js';
import { DIFF_REPORT_SCHEMA, readDiffReport, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { bindReport, type ReportTarget } from '../../src/publish/untrusted-report.js';
import { renderComment, renderJobSummary } from '../../src/render/markdown.js';

const ITERATIONS = 1000;
const SEED = Number(process.env.CIPROF_FUZZ_SEED ?? 20261126);
const HEAD = '7'.repeat(40);
const REPO_PREFIX = 'https://github.com/acme/shop/';
const target: ReportTarget = { provider: 'github', repository: 'acme/shop', serverUrl: 'https://github.com', pr: 7, headSha: HEAD };

const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-diffjson-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function profile(slow: number) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (let i = 0; i < 20; i++) b.addSample([b.functionId(`steady${i}`, `src/s${i}.js`, 1), main], [50_000, 50_000e6], { test_file: `test/t${i % 3}.test.js`, test_name: `case ${i % 3}` });
  const hot = b.functionId('hotB', 'lib/hot.js', 3);
  b.addSample([b.functionId('inner', 'lib/inner.js', 9), hot, main], [100 * slow, 100e6 * slow], { test_file: 'test/t0.test.js', test_name: 'case 0' });
  b.addSample([b.functionId('fasterC', 'lib/c.js', 5), main], [800 / slow, 800e6 / slow], { test_file: 'test/t1.test.js', test_name: 'case 1' });
  return b.build();
}

/** A report as ciprof writes it, every section filled. */
function seedReport(): string {
  const base = profile(1);
  const head = profile(4);
  const diff = diffProfiles(base, head);
  const report: DiffReport = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: 'test',
    jobKey: 'ci_test',
    provider: 'github',
    repository: 'acme/shop',
    serverUrl: 'https://github.com',
    pr: 7,
    head: { commit: HEAD },
    base: { source: 'store', found: true, commit: 'a'.repeat(40), wanted: 'a'.repeat(40), distance: 0, reason: 'merge-base', store: 'github-artifacts', runId: 555 },
    diff,
    changedPaths: changedPaths(base, head, diff, { minDeltaNs: 1e6 }),
    links: { run: `${REPO_PREFIX}actions/runs/77`, summary: `${REPO_PREFIX}actions/runs/77` },
    tests: {
      slower: [{ file: 'test/t0.test.js', name: 'case 0', baseMs: 10, headMs: 40, deltaMs: 30, deltaPct: 300, baseSamples: 10, headSamples: 40, qValue: 0.001, functions: [{ name: 'hotB', file: 'lib/hot.js', line: 3, baseMs: 1, headMs: 30, deltaMs: 29 }] }],
      faster: [],
      withinNoise: 2,
      added: [],
      removed: [],
    } as unknown as DiffReport['tests'],
  };
  return serializeDiffReport(report);
}

/** mulberry32, as test/profile/mutate.ts. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE: unknown[] = [
  '@acme/security-team', 'cc @octocat', 'fixes #123', 'acme/other#7', '![x](https://evil.example/i.png)', '[click](https://evil.example)',
  '<img src=x onerror=alert(1)>', '<a href="https://evil.example">x</a>', 'https://evil.example/phish', 'javascript:alert(1)', '\u001b[31mred\nline2\r\n| x |',
  '```\n@octocat\n```', 'x'.repeat(20_000), '', '-1', 'NaN', 'regression', 'https://github.com/acme/shop/../../evil/x',
  -1, -1e12, 1e308, 2 ** 53 + 2, 0.5, 0, null, true, [], {}, [1, [2, [3]]], { frame: { name: '@octocat' } },
];
const TOKENS = ['NaN', 'Infinity', '-Infinity', '1e999', '-0', '01', '"@octocat"', 'null', '[]', '{}', '"x"'];

type Json = Record<string, unknown> | unknown[];

/** Every container and key/index below `value`, so one can be replaced or dropped. */
function slots(value: unknown, out: [Json, string | number][] = []): [Json, string | number][] {
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : value && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, v] of entries) {
    out.push([value as Json, key]);
    slots(v, out);
  }
  return out;
}

function mutate(rand: () => number, seed: string): { how: string; text: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const r = rand();
  if (r < 0.7) {
    const doc = JSON.parse(seed) as unknown;
    const all = slots(doc);
    const [holder, key] = pick(all);
    const kind = rand();
    let how: string;
    const current = (holder as Record<string | number, unknown>)[key];
    if (kind < 0.65) {
      // Mostly the same type (a hostile name where a name goes): what gets past the schema is what the renderer sees.
      const sameType = HOSTILE.filter((v) => typeof v === typeof current && Array.isArray(v) === Array.isArray(current));
      (holder as Record<string | number, unknown>)[key] = structuredClone(pick(rand() < 0.7 && sameType.length ? sameType : HOSTILE));
      how = `set ${String(key)}`;
    } else if (kind < 0.8) {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key as string];
      how = `drop ${String(key)}`;
    } else if (kind < 0.9) {
      if (!Array.isArray(holder)) holder[`x${Math.floor(rand() * 100)}`] = pick(HOSTILE);
      else holder.push(structuredClone(holder[0] ?? pick(HOSTILE)));
      how = 'add';
    } else {
      let deep: unknown = pick(HOSTILE);
      for (let i = 0; i < 1000; i++) deep = { children: [deep] };
      (holder as Record<string | number, unknown>)[key] = deep;
      how = 'nest';
    }
    return { how, text: JSON.stringify(doc) };
  }
  if (r < 0.85) {
    const numbers = [...seed.matchAll(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)];
    const m = pick(numbers);
    return { how: 'token', text: `${seed.slice(0, m.index)}${pick(TOKENS)}${seed.slice(m.index! + m[0].length)}` };
  }
  const at = Math.floor(rand() * seed.length);
  if (r < 0.93) return { how: 'truncate', text: seed.slice(0, at) };
  const len = 1 + Math.floor(rand() * 200);
  return { how: 'duplicate', text: `${seed.slice(0, at)}${seed.slice(at, at + len)}${seed.slice(at)}` };
}

const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false });
const ALLOWED_TAGS = new Set(['h3', 'h4', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'br', 'a', 'sub', 'pre', 'code', 'blockquote', 'em', 'details', 'summary', 'ul', 'li']);

/** What a rendered comment must not hold; '' when clean. */
function problemIn(markdown: string): string {
  const html = md.render(markdown);
  if (/<img\b/i.test(html)) return 'image';
  for (const m of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) if (!m[1]!.replace(/&amp;/g, '&').startsWith(REPO_PREFIX)) return `link to ${m[1]}`;
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b/gi)) if (!ALLOWED_TAGS.has(m[1]!.toLowerCase())) return `element <${m[1]}>`;
  const text = html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|<a [^>]*>[\s\S]*?<\/a>/g, ' ').replace(/<[^>]+>/g, '\n').replace(/&#(\d+);/g, (_x, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
  const live = /(?:^|[^\p{L}\p{N}_`])@[a-z0-9][a-z0-9-]*/iu.exec(text) ?? /[\w.-]+\/[\w.-]+#\d+/.exec(text);
  return live ? `live reference ${live[0].trim()}` : '';
}

describe('diff.json fuzz (what a workflow_run job publishes)', () => {
  it(`${ITERATIONS} mutants of a real report: one-line refusals naming the file, or a comment with nothing live (seed ${SEED})`, () => {
    const seed = seedReport();
    const file = path.join(dir, 'diff.json');
    writeFileSync(file, seed);
    expect(problemIn(renderComment(bindReport(readDiffReport(file), target, file)))).toBe('');
    // The check can fail: each thing it looks for, unescaped.
    expect(problemIn('![x](https://evil.example/i.png)')).toBe('image');
    expect(problemIn('[a](https://evil.example)')).toBe('link to https://evil.example');
    expect(problemIn('<b>x</b>')).toBe('element <b>');
    expect(problemIn('cc @octocat')).toBe('live reference @octocat');
    expect(problemIn('see acme/other#7')).toBe('live reference acme/other#7');

    const rand = prng(SEED);
    const crashes: string[] = [];
    const badLines: string[] = [];
    const leaks: string[] = [];
    let accepted = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const { how, text } = mutate(rand, seed);
      writeFileSync(file, text);
      let report: DiffReport;
      try {
        report = bindReport(readDiffReport(file), target, file);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (!(err instanceof Error) || err instanceof RangeError || err instanceof TypeError) crashes.push(`#${i} ${how}: ${String(err)}`);
        else if (message.includes('\n') || !message.startsWith(file)) badLines.push(`#${i} ${how}: ${message.slice(0, 200)}`);
        continue;
      }
      accepted++;
      try {
        for (const [what, markdown] of [['comment', renderComment(report)], ['summary', renderJobSummary(report)]] as const) {
          const problem = problemIn(markdown);
          if (problem) leaks.push(`#${i} ${how} (${what}): ${problem}`);
        }
      } catch (err) {
        crashes.push(`#${i} ${how}: rendering threw ${String(err)}`);
      }
    }
    console.log(`diff.json fuzz: ${ITERATIONS} mutants, ${accepted} accepted and rendered, ${ITERATIONS - accepted} refused`);
    expect(crashes.slice(0, 10)).toEqual([]);
    expect(badLines.slice(0, 10)).toEqual([]);
    expect(leaks.slice(0, 10)).toEqual([]);
    // Both paths exercised: enough mutants get through the schema to test the renderer.
    expect(accepted).toBeGreaterThan(ITERATIONS / 5);
    expect(ITERATIONS - accepted).toBeGreaterThan(ITERATIONS / 5);
  }, 300_000);
});
