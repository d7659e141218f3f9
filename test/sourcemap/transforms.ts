/**
 * The TypeScript fixture transformed by the real tools our users' runners use: esbuild
 * (vite/vitest, tsx), the TypeScript compiler (ts-jest) and babel (babel-jest), each with
 * its source map. Positions of functions are found by searching the texts, never fixed.
 */
import { transformSync as babelTransform } from '@babel/core';
import { transformSync as esbuildTransform } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { FIXTURES } from '../helpers/cli.js';

export const GEOMETRY = join(FIXTURES, 'ts-lib/geometry.ts');
export const geometrySource = (): string => readFileSync(GEOMETRY, 'utf8');

export interface Transformed {
  tool: string;
  code: string;
  /** The map as JSON text, `sources` naming GEOMETRY. */
  map: string;
}

export function transformGeometry(): Transformed[] {
  const source = geometrySource();
  const esbuild = esbuildTransform(source, { loader: 'ts', format: 'esm', sourcemap: 'external', sourcefile: GEOMETRY, keepNames: true });
  const tsc = ts.transpileModule(source, { fileName: GEOMETRY, compilerOptions: { sourceMap: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } });
  const babel = babelTransform(source, {
    filename: GEOMETRY,
    babelrc: false,
    configFile: false,
    sourceMaps: true,
    presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
  });
  if (!babel?.code || !babel.map) throw new Error('babel produced no code or map');
  return [
    { tool: 'esbuild', code: esbuild.code, map: esbuild.map },
    { tool: 'typescript', code: tsc.outputText, map: tsc.sourceMapText! },
    { tool: 'babel', code: babel.code, map: JSON.stringify(babel.map) },
  ];
}

/** 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found`);
  return i + 1;
}

/**
 * Where V8 places a function (0-based line and column of its parameter list's `(`), found
 * in generated code by the text that precedes it, e.g. `tsHotDistance(` or `tsHotArrow = (`.
 */
export function v8Position(code: string, before: RegExp): { line: number; column: number } {
  const lines = code.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const m = before.exec(lines[line]!);
    if (m) return { line, column: m.index + m[0].length - 1 };
  }
  throw new Error(`${before} not found in generated code`);
}
