import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceMap } from '../../src/sourcemap/source-map.js';
import { GEOMETRY, geometrySource, lineOf, transformGeometry, v8Position } from './transforms.js';

/** Each hot function: how V8's position is found in generated code, and its declaration in the source. */
const FUNCTIONS = [
  { name: 'tsHotDistance', generated: /function tsHotDistance\(/, declared: 'export function tsHotDistance(' },
  { name: 'tsHotPerimeter', generated: /^\s*tsHotPerimeter\(/, declared: '  tsHotPerimeter(iterations' },
  { name: 'tsHotArrow', generated: /tsHotArrow = (?:\/\* @__PURE__ \*\/ __name\()?\(/, declared: 'export const tsHotArrow = (' },
];

describe('SourceMap.originalPositionFor', () => {
  describe.each(transformGeometry())('on $tool output', ({ code, map }) => {
    const sourceMap = SourceMap.parse(JSON.parse(map), pathToFileURL(GEOMETRY).href);

    it.each(FUNCTIONS)('puts $name at the line it is declared on in the .ts source', ({ generated, declared }) => {
      const at = v8Position(code, generated);
      const original = sourceMap.originalPositionFor(at.line, at.column);
      expect(original?.source).toBe(pathToFileURL(GEOMETRY).href);
      expect(original!.line + 1).toBe(lineOf(geometrySource(), declared));
    });

    it('finds no original for a line without mappings', () => {
      expect(sourceMap.originalPositionFor(10_000, 0)).toBeUndefined();
    });
  });

  it('takes the name the map gives at the function, as minifiers write it', () => {
    // `function a(b){}` minified from `function total(items){}` on line 3: the name token
    // (col 9 -> 9) carries "total", the parameter list (col 10 -> 14) has its own segment.
    const map = SourceMap.parse({ version: 3, sources: ['src/total.ts'], names: ['total'], mappings: 'SAESA,CAAK' }, 'file:///repo/dist/total.js');
    expect(map.originalPositionFor(0, 10)).toEqual({ source: 'file:///repo/dist/src/total.ts', line: 2, column: 14, name: 'total' });
  });

  it('resolves sources against sourceRoot and the map URL; keeps other schemes as written', () => {
    const map = SourceMap.parse({ version: 3, sourceRoot: '../src', sources: ['a.ts', 'webpack://pkg/b.ts', '/abs/c.ts'], names: [], mappings: 'AAAA,CCAA,CCAA' }, 'file:///repo/dist/x.js.map');
    expect([0, 1, 2].map((column) => map.originalPositionFor(0, column)?.source)).toEqual(['file:///repo/src/a.ts', 'webpack://pkg/b.ts', 'file:///abs/c.ts']);
  });

  it('uses the first segment of the line for a function that starts before it', () => {
    const map = SourceMap.parse({ version: 3, sources: ['a.ts'], names: [], mappings: 'UAEA' }, 'file:///r/a.js');
    expect(map.originalPositionFor(0, 3)).toMatchObject({ line: 2, column: 0 });
  });

  it('refuses what it cannot read, saying why', () => {
    expect(() => SourceMap.parse({ version: 2, sources: [], mappings: '' }, 'x')).toThrow('unsupported source map version 2 (3 expected)');
    expect(() => SourceMap.parse({ version: 3, sections: [] }, 'x')).toThrow('index source maps ("sections") are not supported');
    expect(() => SourceMap.parse({ version: 3, mappings: '' }, 'x')).toThrow('source map has no "sources" array');
    expect(() => SourceMap.parse({ version: 3, sources: [] }, 'x')).toThrow('source map has no "mappings" string');
    expect(() => SourceMap.parse('x', 'x')).toThrow('not a source map (not a JSON object)');
  });
});
