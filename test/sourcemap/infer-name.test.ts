import { describe, expect, it } from 'vitest';
import { inferFunctionName } from '../../src/sourcemap/infer-name.js';

/** The name for a function whose parameter list starts at the `(` marked by `|` in `line`. */
function nameAt(...lines: string[]): string | undefined {
  const row = lines.findIndex((l) => l.includes('|'));
  const column = lines[row]!.indexOf('|');
  return inferFunctionName(
    lines.map((l) => l.replace('|', '')),
    row,
    column,
  );
}

describe('inferFunctionName', () => {
  it.each([
    ['const total = |(items: Item[]): number => {', 'total'],
    ['export const total: Reducer<Item> = async |(items) => {', 'total'],
    ['  let handler = function |(event) {', 'handler'],
    ['module.exports.run = async function* |() {', 'module.exports.run'],
    ['this.onDone = |() => {', 'this.onDone'],
    ['const api = { fetch: async |(url: string) => {', 'fetch'],
    ['  retry: async |(n: number) => {', 'retry'],
    ['  private cache = |(key: string) => {', 'cache'],
  ])('names %s as V8 would: %s', (line, expected) => {
    expect(nameAt(line)).toBe(expected);
  });

  it('reads the previous line when the function starts a line', () => {
    expect(nameAt('export const total =', '  |(items: Item[]) => items.length;')).toBe('total');
  });

  it.each([
    ["test('adds', |() => {"],
    ['items.map(|(item) => item.price)'],
    ['if (a === |(b) => b) {}'],
    ['const ok = a >= |(b) => b'],
    ['promise.then(|function () {})'],
    ['return cond ? a : |(x) => x'],
  ])('leaves a function passed as an argument (or not assigned) anonymous: %s', (line) => {
    expect(nameAt(line)).toBeUndefined();
  });

  it('is undefined past the end of the source', () => {
    expect(inferFunctionName(['x'], 5, 0)).toBeUndefined();
  });
});
