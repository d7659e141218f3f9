/**
 * Names from a profile are inert wherever they land: rendered through a real CommonMark
 * renderer (markdown-it with HTML and linkify on), the comment holds no link, image or
 * mention that ciprof did not make itself, and its plain text holds none of the
 * patterns GitHub and GitLab turn into links after rendering (mentions, #123,
 * owner/repo#7, GH-1, bare URLs, e-mails, :emoji:, commit ids). Terminal text has no
 * escape sequences or line breaks.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { changedPaths } from '../../src/diff/call-tree-diff.js';
import { DIFF_REPORT_SCHEMA, type DiffReport } from '../../src/diff/diff-report.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { escapeMarkdown, safeUrl, terminalText } from '../../src/render/escape.js';
import { renderComment, renderJobSummary } from '../../src/render/markdown.js';
import { formatDiffText } from '../../src/render/text.js';

const HOSTILE = [
  '@octocat',
  'cc @acme/security-team',
  'fixes #123',
  'acme/other#7',
  'see GH-42 and gh-43',
  'https://evil.example/x',
  'http://evil.example',
  'www.evil.example',
  'mail me@evil.example',
  'mailto:me@evil.example',
  ':octocat: :+1:',
  'deadbeefcafe1234',
  'GitLab !12 ~bug ~"two words" %v1 $77 &9',
  '<img src=x onerror=alert(1)>',
  '![pic](https://evil.example/i.png)',
  '[click](https://evil.example)',
  '<https://evil.example/auto>',
  '\u001b[31mred\u001b[0m\u001b]0;title\u0007',
  'line1\nline2\r\n| x |',
];

/** GitHub's and GitLab's post-render reference filters, approximated. */
const FORGE_PATTERNS: [string, RegExp][] = [
  ['mention', /(?:^|[^\p{L}\p{N}_`])@[a-z0-9][a-z0-9-]*/iu],
  ['issue reference', /(?:^|[^\p{L}\p{N}_&/])#\d+/u],
  ['cross-repository reference', /[\w.-]+\/[\w.-]+#\d+/],
  ['GH- reference', /\bGH-\d+/i],
  ['URL', /\b(?:https?|ftp):\/\//i],
  ['www link', /\bwww\./i],
  ['e-mail', /[\w.+-]+@[\w-]+\.[\w.-]+/],
  ['mailto', /\b(?:mailto|xmpp):[\w.+-]+@[\w-]/i],
  ['emoji', /:[a-z0-9_+-]+:/i],
  ['commit id', /\b[0-9a-f]{7,40}\b/i],
  ['GitLab reference', /(?:^|[\s(])[!~%$&][\p{L}\p{N}_"]/u],
];

const REPO_PREFIX = 'https://github.com/acme/shop/';

function profile(fns: { name: string; file: string; ms: number }[]): Profile {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (const f of fns) b.addSample([b.functionId(f.name, f.file, 3), main], [f.ms, f.ms * 1e6]);
  return b.build();
}

function hostileReport(): DiffReport {
  const steady = Array.from({ length: 20 }, (_, i) => ({ name: `steady${i}`, file: `src/steady${i}.js`, ms: 50_000 }));
  const hot = HOSTILE.map((name, i) => ({ name, file: i % 2 ? `src/${name}.js` : `/abs/${name}`, ms: 100 }));
  const base = profile([...steady, ...hot]);
  const head = profile([...steady, ...hot.map((h) => ({ ...h, ms: 400 }))]);
  const diff = diffProfiles(base, head);
  diff.environmentWarnings = [HOSTILE.join(' ')];
  const test = (name: string) => ({ file: `test/${name}.test.js`, name, baseMs: 10, headMs: 40, deltaMs: 30, deltaPct: 3, baseSamples: 10, headSamples: 40, qValue: 0.001, functions: [{ name, file: 'src/x.js', line: 1, baseMs: 1, headMs: 30, deltaMs: 29 }] });
  return {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: 'test',
    jobKey: 'ci_test',
    provider: 'github',
    repository: 'acme/shop',
    serverUrl: 'https://github.com',
    head: { commit: 'b'.repeat(40) },
    base: { source: 'store', found: true, commit: 'a'.repeat(40), wanted: 'a'.repeat(40), distance: 0, reason: HOSTILE.join(' '), store: 'local' },
    diff,
    changedPaths: changedPaths(base, head, diff, { minDeltaNs: 20e6 }),
    links: { summary: `${REPO_PREFIX}actions/runs/1` },
    tests: { slower: HOSTILE.map(test), faster: [], withinNoise: 0, added: [], removed: [] },
  };
}

const decode = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The text GitHub's reference filters read: outside code and pre (and links, unless asked), entities decoded. */
function filteredText(html: string, keepLinks = false): string {
  let outside = html.replace(/<pre>[\s\S]*?<\/pre>/g, ' ').replace(/<code>[\s\S]*?<\/code>/g, ' ');
  if (!keepLinks) outside = outside.replace(/<a [^>]*>[\s\S]*?<\/a>/g, ' ');
  return decode(outside.replace(/<[^>]+>/g, '\n'));
}

const md = new MarkdownIt({ html: true, linkify: true });
// GitHub autolinks only www. and scheme URLs, not bare domains: same here.
md.linkify.set({ fuzzyLink: false });

describe('hostile names in the comment and the job summary', () => {
  const report = hostileReport();

  for (const [what, text] of [
    ['comment', renderComment(report)],
    ['job summary', renderJobSummary(report)],
  ] as const) {
    it(`${what}: every link and image is ciprof's own`, () => {
      expect(report.diff!.regressions.length).toBe(HOSTILE.length);
      const html = md.render(text);
      expect(html).not.toMatch(/<img\b/i);
      const targets = [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
      // The blob links of repository files, the base commit and the job summary.
      expect(targets.length).toBeGreaterThan(5);
      for (const t of targets) expect(t.startsWith(REPO_PREFIX), t).toBe(true);
      // No raw HTML element came from a name: only the tags ciprof writes.
      const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]!.toLowerCase()));
      for (const tag of tags) expect(['h3', 'h4', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'br', 'a', 'sub', 'pre', 'code', 'blockquote', 'em', 'details', 'summary']).toContain(tag);
    });

    it(`${what}: no mention, reference, URL, e-mail, emoji or commit id in the rendered text`, () => {
      const plain = filteredText(md.render(text));
      // eslint-disable-next-line no-control-regex
      for (const h of HOSTILE) expect(plain.replace(/\u200d/g, '')).toContain(h.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001f]/g, '').slice(0, 6));
      for (const [name, re] of FORGE_PATTERNS) expect(re.exec(plain)?.[0], name).toBeUndefined();
    });
  }

  it('the same patterns are live without escaping (the check can fail)', () => {
    const plain = filteredText(md.render(HOSTILE.join('\n\n')), true);
    for (const [name, re] of FORGE_PATTERNS) expect(re.test(plain), name).toBe(true);
  });

  it('numbers read back from a forged diff.json print as numbers or "?", never as text', () => {
    const r = hostileReport();
    const forged = '<img src=x onerror=alert(1)> @org/team' as unknown as number;
    Object.assign(r.diff!.thresholds, { minSamples: forged, alpha: forged });
    Object.assign(r.diff!.excludedTests, { headOnly: forged, baseOnly: 1 });
    Object.assign(r.diff!.noiseModel, { testFiles: forged });
    r.diff!.withinNoise = forged;
    r.base.distance = forged;
    r.base.commit = '`<b>x</b>`';
    const comment = renderComment(r);
    const html = md.render(comment);
    expect(html).not.toMatch(/<img|<b>/);
    expect(filteredText(html)).not.toContain('@org');
    expect(comment).not.toContain('%3Cb%3E');
    expect(comment).toMatch(/≥ \? samples/);
    expect(comment).toMatch(/\? functions within noise/);
  });
});

describe('escape helpers', () => {
  it('escapeMarkdown keeps the text readable: only invisible joiners are added', () => {
    for (const h of HOSTILE.slice(0, 13)) expect(decode(md.renderInline(escapeMarkdown(h))).replace(/\u200d/g, '')).toBe(h);
  });

  it('safeUrl drops credentials and non-http schemes', () => {
    expect(safeUrl('https://u:p@github.com/a')).toBe('https://github.com/a');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://x.test/a(b)')).toBe('https://x.test/a%28b%29');
  });

  it('terminal text: no escape sequences, controls, bidi overrides or line breaks', () => {
    expect(terminalText('\u001b[31mred\u001b[0m\u001b]0;title\u0007 a\nb\r\nc\td\u202eevil\u0000')).toBe('red a b c devil');
  });

  it('the terminal diff prints names on one line without escape sequences', () => {
    const text = formatDiffText(hostileReport(), 100);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text.split('\n').filter((l) => /^\W*(line2|\| x)/.test(l))).toEqual([]);
    expect(text).toContain('line1 line2 | x |');
  });
});
