/**
 * The map of code that istanbul instrumented, without a map, from a TypeScript transform's
 * output that had none either (istanbul.ts), made through our compile of the TypeScript
 * again (tsc-rebuild.ts). Each profiled function's declaration in the transform's output
 * (istanbul's fnMap) is looked for in ours by the function's name, near the same line:
 * ours may keep comments the transform dropped, or differ by a line of decorator metadata.
 * Every profiled function past jest's wrapper line must be found, else no map: a function
 * placed on a wrong line would be worse than one left at its generated position.
 */
import type { V8CallFrame } from '../profile/cpuprofile.js';
import { functionAt, lineStartsOf, readInstrumented, type InputPosition } from './istanbul.js';
import type { SourceMap } from './source-map.js';
import type { TscRebuild } from './tsc-rebuild.js';

/** How far from the transform's line a declaration is looked for in ours. */
const LOOKAHEAD = 40;

export interface CompiledCode {
  lines: readonly string[];
  map: SourceMap;
}

/**
 * The map of a TypeScript transform that came without one, from its code as jest cached it
 * or V8 ran it: the file compiled again and lined up with that code, or, where jest's
 * coverage instrumented it, through the positions istanbul kept in it.
 */
export function rebuiltMap(rebuild: TscRebuild, file: string, current: string, code: string, frames: readonly V8CallFrame[]): SourceMap | undefined {
  const aligned = rebuild.mapFor(file, current, code, frames);
  if (aligned || !code.includes('"__coverage__"')) return aligned;
  const compiled = rebuild.compiledCode(file, current);
  return compiled && instrumentedMap(code, frames, compiled);
}

export function instrumentedMap(code: string, frames: readonly V8CallFrame[], compiled: CompiledCode): SourceMap | undefined {
  const instrumented = readInstrumented(code);
  if (!instrumented) return undefined;
  const lineStarts = lineStartsOf(code);
  const found: { frame: V8CallFrame; decl: InputPosition; offset?: number }[] = [];
  const seen = new Set<string>();
  const column = (frame: V8CallFrame): number => Math.max(0, frame.columnNumber ?? 0);
  for (const frame of [...frames].sort((a, b) => a.lineNumber - b.lineNumber || column(a) - column(b))) {
    // Line 0 is jest's wrapper and the module's top level, and istanbul's own counter
    // function is no one's code: nothing a map could place (they keep no line).
    if (frame.lineNumber < 1 || frame.functionName === instrumented.counterFunction) continue;
    const key = `${frame.lineNumber}:${column(frame)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = functionAt(code, lineStarts, instrumented, frame.lineNumber, column(frame), ownName(frame.functionName));
    if (!entry) return undefined;
    found.push({ frame, decl: entry.decl });
  }
  if (found.length === 0) return undefined;
  // Named functions first, each from the offset of the one before it; an anonymous one
  // takes the offset of the nearest named one.
  let hint = 0;
  for (const f of found) {
    const name = ownName(f.frame.functionName);
    if (!name) continue;
    f.offset = nameOffset(compiled.lines, f.decl, name, hint);
    if (f.offset === undefined) return undefined;
    hint = f.offset;
  }
  const named = found.filter((f) => f.offset !== undefined);
  if (named.length === 0) return undefined;
  const points = found.map((f) => {
    const offset = f.offset ?? named.reduce((best, n) => (Math.abs(n.decl.line - f.decl.line) < Math.abs(best.decl.line - f.decl.line) ? n : best)).offset!;
    return { line: f.frame.lineNumber, column: column(f.frame), at: { line: f.decl.line + offset, column: f.decl.column } };
  });
  return compiled.map.forPoints(points);
}

/**
 * V8's name of a function as its declaration spells it: accessors lose their `get `/`set `,
 * and a name V8 inferred with its holder (`Object.<anonymous>.__exportStar` inside jest's
 * module wrapper, `exports.total`) keeps its last part.
 */
function ownName(functionName: string): string {
  const name = functionName.replace(/^(?:get|set) /, '');
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * Lines from the transform's line to ours, nearest to `hint` first: where our line has the
 * name at the declaration's column, or earlier on the line (`const f = () =>`, whose entry
 * is the arrow), or the declaration is a constructor (V8 names it after its class).
 */
function nameOffset(lines: readonly string[], decl: InputPosition, name: string, hint: number): number | undefined {
  const named = (index: number): boolean => {
    const line = lines[index]!;
    if (line.startsWith(name, decl.column)) return true;
    if (line.startsWith('constructor', decl.column)) return classAbove(lines, index) === name;
    const before = line.lastIndexOf(name, decl.column);
    return before >= 0 && !/[\w$]/.test(line[before - 1] ?? '') && !/[\w$]/.test(line[before + name.length] ?? '');
  };
  for (let delta = 0; delta <= LOOKAHEAD; delta++) {
    for (const offset of delta === 0 ? [hint] : [hint + delta, hint - delta]) {
      const index = decl.line + offset;
      if (lines[index] !== undefined && named(index)) return offset;
    }
  }
  return undefined;
}

/** The name of the nearest class declared above line `index` (a constructor's class). */
function classAbove(lines: readonly string[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const declared = /\bclass\s+([\w$]+)/.exec(lines[i]!);
    if (declared) return declared[1];
  }
  return undefined;
}
