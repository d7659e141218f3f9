/**
 * The "tests failed" comment links the CI run. The URL comes from the CI's environment
 * (GITHUB_SERVER_URL, CI_JOB_URL, CIRCLE_BUILD_URL, BUILDKITE_BUILD_URL): it goes through
 * the same safe-URL rule as every other link, so only an http(s) URL without credentials
 * becomes a link, and nothing in it can close the link and open another. Checked by
 * rendering the comment with a CommonMark renderer (markdown-it).
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/ci/context.js';
import { testsFailedReport } from '../../src/pipeline/publish.js';
import type { Settings } from '../../src/pipeline/settings.js';

const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false });

function rendered(runUrl: string | undefined): { html: string; comment: string } {
  const ci = { provider: 'gitlab', jobKey: 'ci_test', repository: 'acme/shop', runUrl } as CiContext;
  const { comment } = testsFailedReport({ ci } as Settings, 1, 'a'.repeat(40));
  return { html: md.render(comment), comment };
}

const links = (html: string): string[] => [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);

describe('testsFailedReport: the run link', () => {
  it('an ordinary run URL is the one link', () => {
    expect(links(rendered('https://gitlab.example/acme/shop/-/jobs/12').html)).toEqual(['https://gitlab.example/acme/shop/-/jobs/12']);
  });

  it('a URL that tries to close the link and add an image and another link stays one encoded link', () => {
    const { html } = rendered('https://ci.example/job/1) ![x](https://evil.example/i.png) [y](https://evil.example/');
    expect(html).not.toMatch(/<img/);
    const found = links(html);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^https:\/\/ci\.example\/job\/1%29%20!%5Bx%5D%28https:\/\/evil\.example/);
  });

  it('credentials are dropped, and a non-http(s) URL is no link at all', () => {
    expect(links(rendered('https://user:s3cret-pass@ci.example/job/1').html)).toEqual(['https://ci.example/job/1']);
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url']) {
      const { html, comment } = rendered(bad);
      expect(links(html), bad).toEqual([]);
      expect(comment, bad).not.toContain(bad);
    }
  });
});
