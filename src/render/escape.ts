/**
 * Everything printed from a profile (function names, file paths, branch names) is data
 * from the code under test, possibly from a fork: it must render as literal text on
 * GitHub and GitLab, never as markdown, HTML, a link, a mention, a reference or an emoji,
 * and reach a terminal without control sequences. Secrets the process knows of, and URL
 * credentials, are redacted first (ci/mask.ts): a comment is as public as a log.
 */
import { redact } from '../ci/mask.js';
import { plainLine } from '../util/terminal-text.js';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** U+200D, invisible: splits a pattern GitHub or GitLab would act on without changing what reads. */
const JOINER = '\u200d';

/**
 * What the forges find in plain text after markdown is parsed (so backslash escapes and
 * HTML entities do not stop them), each broken by an invisible joiner after its trigger:
 *   @user, @org/team, e-mails, user@sha      `@`
 *   #123, owner/repo#7, GitLab !5 ~label %m $s &e   the sigil before a letter or digit
 *   :emoji: (custom ones render as images), https://, mailto:   `:` before a letter or `/`
 *   www.example.com                          `www.`
 *   GH-123                                   `GH-`
 *   a commit id (7 to 40 hex digits)         every sixth digit (no piece is long enough)
 */
export function defuseReferences(text: string): string {
  return text
    .replace(/@/g, `@${JOINER}`)
    .replace(/([#!~%$&^])(?=[\p{L}\p{N}_"])/gu, `$1${JOINER}`)
    .replace(/:(?=[\p{L}_+/-])/gu, `:${JOINER}`)
    .replace(/\b(www)\./gi, `$1${JOINER}.`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${JOINER}-`)
    .replace(/\b[0-9a-f]{7,40}\b/gi, (id) => id.match(/.{1,6}/g)!.join(JOINER));
}

/**
 * Literal text inside markdown, table cells included: line breaks flattened (a newline
 * could end a table row or start a block), references defused, every markdown punctuation
 * character backslash-escaped (CommonMark allows it for all ASCII punctuation), then the
 * HTML specials turned into entities. The order matters: the entities' own `&#;` must not
 * be escaped again.
 */
export function escapeMarkdown(text: string): string {
  const flat = redact(text).replace(/[\r\n\u2028\u2029]+/g, ' ');
  const escaped = defuseReferences(flat).replace(/[\\`*_{}[\]()#+\-.!|~:=$^%/]/g, (c) => `\\${c}`);
  return escapeHtml(escaped);
}

/** Text for a line inside a fenced code block: one line, no control characters. */
export function codeLine(text: string): string {
  return redact(plainLine(text));
}

/** Text for a terminal: one line, no escape sequences (colours, cursor moves, titles), no controls, tabs as spaces. */
export function terminalText(text: string): string {
  return codeLine(text.replace(/\t/g, ' '));
}

/** A fence longer than any backtick run in the body, so no content can close it. */
export function fenceFor(body: string): string {
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A URL safe to put inside markdown link parentheses: only http(s), no credentials, parentheses and spaces encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  parsed.username = '';
  parsed.password = '';
  return redact(parsed.toString()).replace(/[()\s<>"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A path segment for a URL, every character outside the unreserved set encoded. */
export function encodePathSegments(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
