/**
 * A lone UTF-16 surrogate (a test name built from a string cut in the middle of a pair)
 * cannot be written as UTF-8: pprof's string table, the URI-encoded per-test metadata
 * and every report would each do something different with it. It becomes U+FFFD here,
 * once, so the name is the same string everywhere downstream.
 */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
