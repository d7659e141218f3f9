/**
 * Code instrumented by the real babel-plugin-istanbul (as jest's coverage runs it, no input
 * map): its function entries are read from the coverage literal, and a function V8 places
 * at its declaration is matched to its entry by the counter at the start of its body.
 */
import { transformSync } from '@babel/core';
import { describe, expect, it } from 'vitest';
import { functionAt, lineStartsOf, readInstrumented } from '../../src/sourcemap/istanbul.js';

// What ts-jest leaves of a small TypeScript module (comments dropped, CommonJS).
const INPUT = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Ledger = void 0;
exports.total = total;
function total(values, scale = () => 2) {
    let sum = 0;
    for (const v of values)
        sum += v * scale();
    return sum;
}
class Ledger {
    constructor(rows) {
        this.rows = rows;
    }
    get size() {
        return this.rows.length;
    }
    memo(i) {
        return this.rows[i] ?? '';
    }
}
exports.Ledger = Ledger;
`;

function instrument(code: string): string {
  const out = transformSync(code, {
    filename: '/project/src/ledger.ts',
    babelrc: false,
    configFile: false,
    compact: false,
    plugins: [[require.resolve('babel-plugin-istanbul'), { cwd: '/project', exclude: [], extension: false, useInlineSourceMaps: false }]],
    sourceMaps: false,
  });
  return out!.code!;
}

/** V8's position of a function: the line and column of its name (or of `(` for an arrow), found in the text. */
function positionOf(code: string, needle: string): { line: number; column: number } {
  const at = code.indexOf(needle);
  const lines = code.slice(0, at).split('\n');
  return { line: lines.length - 1, column: lines.at(-1)!.length };
}

describe('istanbul', () => {
  const code = instrument(INPUT);
  const instrumented = readInstrumented(code);

  it("reads the function entries istanbul keeps in the file, at the input's positions", () => {
    expect(instrumented).toBeDefined();
    const names = instrumented!.functions.map((f) => f?.name);
    expect(names).toContain('total');
    const entry = instrumented!.functions.find((f) => f?.name === 'total')!;
    // `function total(` is line 4 (0-based) of the input, the name at column 9.
    expect(entry.decl).toEqual({ line: 4, column: 9 });
  });

  it('finds each function by the counter that starts its body, also past one in a default parameter', () => {
    const starts = lineStartsOf(code);
    const at = (needle: string, name: string) => {
      const p = positionOf(code, needle);
      return functionAt(code, starts, instrumented!, p.line, p.column, name)?.decl;
    };
    expect(at('function total(', 'total')).toEqual({ line: 4, column: 9 });
    expect(at('memo(i)', 'memo')).toEqual({ line: 17, column: 4 });
    expect(at('get size()', 'size')).toEqual({ line: 14, column: 4 });
  });

  it('reads nothing from code without the coverage literal, or whose literal holds code', () => {
    expect(readInstrumented(INPUT)).toBeUndefined();
    const tampered = code.replace(/var coverageData = \{/, 'var coverageData = { evil: process.exit(1),');
    expect(readInstrumented(tampered)).toBeUndefined();
  });
});
