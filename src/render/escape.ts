/**
 * Everything printed from a profile (function names, file paths, branch names) is data
 * from the code under test, possibly from a fork: it must render as literal text on
 * GitHub and GitLab, never as markdown, HTML, a link or a mention.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Literal text inside markdown, table cells included: line breaks flattened (a newline
 * could end a table row or start a block), every markdown punctuation character
 * backslash-escaped (CommonMark allows it for all ASCII punctuation), then the HTML
 * specials turned into entities. The order matters: the entities' own `&#;` must not be
 * escaped again.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const escaped = flat.replace(/[\\`*_{}[\]()#+\-.!|~:=$^%/]/g, (c) => `\\${c}`);
  // "@user" would notify someone: a zero-width joiner keeps it readable but inert.
  return escapeHtml(escaped).replace(/@/g, '@\u200d');
}

/** Text for a line inside a fenced code block: one line, no control characters. */
export function codeLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** A fence longer than any backtick run in the body, so no content can close it. */
export function fenceFor(body: string): string {
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A URL safe to put inside markdown link parentheses: only http(s), parentheses and spaces encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.toString().replace(/[()\s<>"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A path segment for a URL, every character outside the unreserved set encoded. */
export function encodePathSegments(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
