/** wellFormed: lone surrogates become U+FFFD; pairs and plain text pass unchanged (the fast path). */
import { describe, expect, it } from 'vitest';
import { wellFormed } from '../../src/util/well-formed.js';

describe('wellFormed', () => {
  it('keeps plain text and surrogate pairs as they are', () => {
    for (const s of ['', 'plain test name', 'naïve ✓ 名前', 'emoji 😀 pair', '😀😀']) expect(wellFormed(s)).toBe(s);
  });

  it('replaces a lone high or low surrogate, wherever it is', () => {
    expect(wellFormed('cut \uD83D')).toBe('cut \uFFFD');
    expect(wellFormed('\uDE00 start')).toBe('\uFFFD start');
    expect(wellFormed('a\uD83Db\uDE00c😀')).toBe('a\uFFFDb\uFFFDc😀');
    // Twice in a row: the global regex starts afresh every call.
    expect(wellFormed('x\uD800')).toBe('x\uFFFD');
    expect(wellFormed('x\uD800')).toBe('x\uFFFD');
  });
});
