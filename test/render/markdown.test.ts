/**
 * The comment renders hostile names as text: rendered through a real CommonMark
 * renderer (markdown-it with HTML enabled, as GitHub allows some HTML), no element is
 * created from a profile's strings. And the comment stays under GitHub's limit.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { changedPaths } from '../../src/diff/call-tree-diff.js';
import { DIFF_REPORT_SCHEMA, parseDiffReport, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { TEST_FILE_LABEL, TEST_NAME_LABEL, testWallsMeta, testKey, type TestWall } from '../../src/profile/tests.js';
import { buildDiffReport } from '../../src/pipeline/diff.js';
import { CALL_TREE_LEGEND, GITHUB_COMMENT_LIMIT, renderComment, renderJobSummary } from '../../src/render/markdown.js';

const md = new MarkdownIt({ html: true, linkify: true });
const XSS = '<img src=x onerror=alert(1)>';
const CODE = '`**x**`';

/** root -> caller -> leaf per name, `ms` of 1 ms samples each. */
function profile(fns: { name: string; file: string; ms: number }[]): Profile {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (const f of fns) {
    const id = b.functionId(f.name, f.file, 3);
    b.addSample([id, main], [f.ms, f.ms * 1e6]);
  }
  return b.build();
}

function report(names: string[], extra: Partial<DiffReport> = {}): DiffReport {
  // A large steady rest of the run, so the slowed functions stand out against it (rows
  // judge a function against the rest of its run; hundreds slowing alike would not).
  // Many steady functions: the run's speed is a median over functions, not over time.
  const steady = Array.from({ length: 20 }, (_, i) => ({ name: `steady${i}`, file: `src/steady${i}.js`, ms: 50_000 }));
  const base = profile([...steady, ...names.map((n) => ({ name: n, file: `src/${n}.js`, ms: 100 }))]);
  const head = profile([...steady, ...names.map((n) => ({ name: n, file: `src/${n}.js`, ms: 400 }))]);
  const diff = diffProfiles(base, head);
  return {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: 'test',
    jobKey: 'ci_test',
    provider: 'github',
    repository: 'acme/shop',
    serverUrl: 'https://github.com',
    head: { commit: 'b'.repeat(40) },
    base: { source: 'store', found: true, commit: 'a'.repeat(40), wanted: 'a'.repeat(40), distance: 0, reason: 'merge-base of origin/main and HEAD', store: 'local' },
    diff,
    changedPaths: changedPaths(base, head, diff, { minDeltaNs: 20e6 }),
    links: { summary: 'https://github.com/acme/shop/actions/runs/1' },
    ...extra,
  };
}

describe('renderComment', () => {
  it('prints hostile function names and paths as text, never as HTML or markdown', () => {
    const r = report([XSS, CODE, '[click](javascript:alert(1))', '@octocat', '| a | b |']);
    expect(r.diff!.regressions).toHaveLength(5);
    const comment = renderComment(r);
    const html = md.render(comment);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<strong>x<\/strong>/);
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toContain('<code>**x**</code>');
    // The literal text survives (as entities in HTML).
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('`**x**`');
    // Mentions defused outside code blocks (zero-width joiner); inside code they are inert anyway.
    expect(html.replace(/<pre>[\s\S]*?<\/pre>/g, '')).not.toMatch(/@octocat/);
    // The code fence is not broken by names either, and the tree uses - (red) for slower.
    expect(comment).toMatch(/```diff\n- main src\/main\.js:1/);
    // Every table row still has its 6 cells: a `|` in a name did not split a cell.
    for (const line of comment.split('\n').filter((l) => l.startsWith('| **'))) {
      expect(line.replace(/\\\|/g, '').split('|').length - 2).toBe(6);
    }
  });

  it('links file:line to the file at the head commit, names the base commit', () => {
    const comment = renderComment(report(['slowFn']));
    expect(comment).toContain(`(https://github.com/acme/shop/blob/${'b'.repeat(40)}/src/slowFn.js#L3)`);
    expect(comment).toContain(`[\`${'a'.repeat(12)}\`](https://github.com/acme/shop/commit/${'a'.repeat(40)})`);
    expect(comment).toMatch(/the merge-base itself/);
    expect(comment).toMatch(/^<!-- ciprof:ci_test -->/);
    expect(comment).toMatch(/ciprof test/);
  });

  it('stays under 65,536 characters with a truncation note and a link to the summary', () => {
    const names = Array.from({ length: 400 }, (_, i) => `fn${i}_${'<&>'.repeat(120)}`);
    const r = report(names);
    const full = renderJobSummary(r);
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const comment = renderComment(r);
    expect(comment.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(comment).toContain('[job summary](https://github.com/acme/shop/actions/runs/1)');
    expect(comment).toMatch(/Shortened to fit/);
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('survives a round trip through diff.json (new functions: Infinity -> null -> Infinity)', () => {
    const r = report(['a']);
    const back = parseDiffReport(serializeDiffReport(r));
    expect(renderComment(back)).toBe(renderComment(r));
  });

  it('says plainly when there is no baseline', () => {
    const comment = renderComment(report([], { diff: undefined, changedPaths: [], base: { source: 'store', found: false, reason: 'no profile for <b>x</b>' } }));
    expect(comment).toMatch(/no baseline/);
    expect(md.render(comment)).not.toContain('<b>x</b>');
  });

  it('paints the changed call paths red for slower (-) and green for faster (+), with a legend saying so', () => {
    // slowFn and fastFn as roots of their own: the tree shows each path moving its own way.
    const side = (slow: number, fast: number): Profile => {
      const b = new ProfileBuilder();
      const main = b.functionId('main', 'src/main.js', 1);
      for (let i = 0; i < 20; i++) b.addSample([b.functionId(`steady${i}`, `src/steady${i}.js`, 3), main], [50_000, 50_000 * 1e6]);
      b.addSample([b.functionId('slowFn', 'src/slow.js', 3)], [slow, slow * 1e6]);
      b.addSample([b.functionId('fastFn', 'src/fast.js', 3)], [fast, fast * 1e6]);
      return b.build();
    };
    const base = side(100, 400);
    const head = side(400, 100);
    const diff = diffProfiles(base, head);
    expect(diff.regressions.map((r) => r.frame.name)).toEqual(['slowFn']);
    expect(diff.improvements.map((r) => r.frame.name)).toEqual(['fastFn']);
    const comment = renderComment(report([], { diff, changedPaths: changedPaths(base, head, diff, { minDeltaNs: 20e6 }) }));
    const block = /```diff\n([\s\S]*?)\n```/.exec(comment)![1]!.split('\n');
    // GitHub's diff highlighting: `-` lines red (deleted), `+` lines green (added).
    expect(block.find((l) => l.includes('slowFn'))).toMatch(/^- +slowFn src\/slow\.js:3 +100 ms → 400 ms \(\+300 ms\)/);
    expect(block.find((l) => l.includes('fastFn'))).toMatch(/^\+ +fastFn src\/fast\.js:3 +400 ms → 100 ms \(-300 ms\)/);
    expect(comment).toContain(CALL_TREE_LEGEND);
    expect(CALL_TREE_LEGEND).toMatch(/`-` red = slower, `\+` green = faster/);
    // The legend sits right above the block, outside it.
    const lines = comment.split('\n');
    expect(lines[lines.indexOf('```diff') - 2]).toBe(CALL_TREE_LEGEND);
  });

  it('says "from 0 ms", not "new", for a test the base recorded without samples; "new" tests are listed apart', () => {
    // Per-test profiles as the runner hooks write them: samples labelled with the test, every test in the metadata.
    const testProfile = (tests: { name: string; ms: number }[], recorded: string[]): Profile => {
      const b = new ProfileBuilder();
      const main = b.functionId('main', 'src/main.js', 1);
      for (let i = 0; i < 20; i++) b.addSample([b.functionId(`steady${i}`, 'src/steady.js', i + 1), main], [5000, 5000 * 1e6], { [TEST_FILE_LABEL]: 'test/a.test.js', [TEST_NAME_LABEL]: `steady ${i}` });
      for (const t of tests) b.addSample([b.functionId(`work_${t.name}`, 'src/work.js', 1), main], [t.ms, t.ms * 1e6], { [TEST_FILE_LABEL]: 'test/a.test.js', [TEST_NAME_LABEL]: t.name });
      const walls = new Map<string, TestWall>();
      for (const name of [...recorded, ...Array.from({ length: 20 }, (_, i) => `steady ${i}`)]) walls.set(testKey('test/a.test.js', name), { file: 'test/a.test.js', name, wallMs: 1, status: 'passed' });
      b.meta = testWallsMeta(walls);
      return b.build();
    };
    // "quick" ran in the base too (recorded, under one sampling interval); "brand new" did not exist there.
    const base = testProfile([], ['quick']);
    const head = testProfile([{ name: 'quick', ms: 400 }, { name: 'brand new', ms: 400 }], ['quick', 'brand new']);
    const { report: r } = buildDiffReport({
      ci: { provider: 'github', jobKey: 'ci_test', repository: 'acme/shop', serverUrl: 'https://github.com' } as Parameters<typeof buildDiffReport>[0]['ci'],
      baseRuns: [base],
      headRuns: [head],
      provenance: { source: 'file', found: true, reason: 'given', file: 'base.pb.gz' },
      head: { commit: 'b'.repeat(40) },
      thresholds: {},
    });
    expect(r.tests!.slower.map((t) => t.name)).toEqual(['quick']);
    expect(r.tests!.added.map((t) => t.name)).toEqual(['brand new']);
    const comment = renderComment(r);
    const row = comment.split('\n').find((l) => l.startsWith('| quick'))!;
    expect(row).toContain('0.0 ms → 400.0 ms');
    expect(row).toContain('(from 0 ms)');
    expect(row).not.toMatch(/new/);
    expect(comment).toContain('1 test(s) only in head, 0 only in base (not compared)');
  });
});
