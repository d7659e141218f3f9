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
import { GITHUB_COMMENT_LIMIT, renderComment, renderJobSummary } from '../../src/render/markdown.js';

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
    // The code fence is not broken by names either, and the tree uses + for slower.
    expect(comment).toMatch(/```diff\n\+ main src\/main\.js:1/);
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
});
