/**
 * Code that babel-plugin-istanbul instrumented without a map: jest's coverage (the babel
 * provider, jest's default) over a transform that made none (ts-jest told
 * `"sourceMap": false`, as typestack/class-validator's `npm test` runs). The instrumented
 * code is printed anew, a counter before each statement, so neither a compile of the
 * TypeScript again (tsc-rebuild.ts) nor its line numbers line up with it.
 *
 * istanbul keeps what is needed in the file itself: a `coverageData` literal whose fnMap
 * gives each function's declaration in the code it was given (the transform's output), and
 * in each function's body a counter `cov_<hash>().f[N]++` naming its entry. So a profiled
 * function, found by the first such counter after the position V8 gives for it, has its
 * position in the transform's output. The caller (jest-cache.ts) takes it on to the
 * TypeScript through the compile again, checked there by the function's name.
 */

/** A position in the code istanbul was given: 0-based line and column. */
export interface InputPosition {
  line: number;
  column: number;
}

interface FnEntry {
  name: string;
  decl: InputPosition;
}

/** What one instrumented file tells of its functions. */
export interface InstrumentedCode {
  /** fnMap, by counter index. */
  functions: readonly (FnEntry | undefined)[];
  /** `cov_<hash>().f[`: the text that starts a function counter in this file. */
  counterPrefix: string;
  /** `cov_<hash>`: istanbul's own function, called at every counter (it has no original position). */
  counterFunction: string;
}

/** The coverage literal's header, as babel-plugin-istanbul prints it (istanbul-lib-instrument). */
const HEADER = /function (cov_[A-Za-z0-9_$]+)\(\) \{\s*var path = [^\n]*\n\s*var hash = [^\n]*\n\s*var global = [^\n]*\n\s*var gcv = "__coverage__";\s*var coverageData = /;

/** Instrumented by istanbul: its functions' entries, else undefined (not instrumented, or a literal that cannot be read). */
export function readInstrumented(code: string): InstrumentedCode | undefined {
  // The literal comes first in the file, before any of the project's code.
  const header = HEADER.exec(code.slice(0, 4096));
  if (!header) return undefined;
  const start = header.index + header[0].length;
  const literal = objectLiteralAt(code, start);
  if (literal === undefined) return undefined;
  const data = parseLiteral(literal);
  const fnMap = (data as { fnMap?: unknown } | undefined)?.fnMap;
  if (!fnMap || typeof fnMap !== 'object') return undefined;
  const functions: (FnEntry | undefined)[] = [];
  for (const [key, value] of Object.entries(fnMap as Record<string, unknown>)) {
    const index = Number(key);
    const entry = value as { name?: unknown; decl?: { start?: { line?: unknown; column?: unknown } } };
    const line = entry.decl?.start?.line;
    const column = entry.decl?.start?.column;
    if (!Number.isInteger(index) || index < 0 || typeof entry.name !== 'string' || typeof line !== 'number' || typeof column !== 'number' || line < 1) continue;
    functions[index] = { name: entry.name, decl: { line: line - 1, column } };
  }
  return { functions, counterPrefix: `${header[1]}().f[`, counterFunction: header[1]! };
}

/** How many counters past V8's position a function's own is looked for by name. */
const NAMED_LOOKAHEAD = 8;

/**
 * The function entry of the function V8 placed at `line`/`column` of the instrumented code:
 * its counter is the first statement of its body, so one of the first function counters
 * after that position. Where V8 gave a name, the first one whose entry bears it (a function
 * in a default parameter has its counter before its enclosing function's); else, and for
 * names istanbul does not keep (methods, arrows: `(anonymous_N)`), the first one.
 */
export function functionAt(code: string, lineStarts: readonly number[], instrumented: InstrumentedCode, line: number, column: number, name: string): FnEntry | undefined {
  const lineStart = lineStarts[line];
  if (lineStart === undefined) return undefined;
  const { counterPrefix, functions } = instrumented;
  let first: FnEntry | undefined;
  let seen = 0;
  for (let at = code.indexOf(counterPrefix, lineStart + column); at >= 0 && seen < NAMED_LOOKAHEAD; at = code.indexOf(counterPrefix, at + counterPrefix.length)) {
    const close = code.indexOf(']', at + counterPrefix.length);
    const entry = functions[Number(code.slice(at + counterPrefix.length, close))];
    if (!entry) return first;
    first ??= entry;
    if (!name || entry.name === name) return entry;
    seen++;
  }
  return first;
}

/** Where each line starts, for positions given as line and column. */
export function lineStartsOf(code: string): number[] {
  const starts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The text of the object literal that starts at `start` (its braces balanced outside strings), or undefined. */
function objectLiteralAt(code: string, start: number): string | undefined {
  if (code[start] !== '{') return undefined;
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      i = stringEnd(code, i);
      if (i < 0) return undefined;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return code.slice(start, i + 1);
    }
  }
  return undefined;
}

/** The index of the quote that ends the string starting at `at`, or -1. */
function stringEnd(code: string, at: number): number {
  const quote = code[at];
  for (let i = at + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i;
    else if (code[i] === '\n') return -1;
  }
  return -1;
}

/**
 * babel's printing of a literal of plain data (istanbul's coverage data): keys bare or in
 * double quotes, values numbers, double-quoted strings, booleans, null, undefined, objects
 * and arrays.
 * Read as JSON once the bare keys are quoted; nothing in it is run. Anything else: undefined.
 */
function parseLiteral(text: string): unknown {
  let json = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      json += text.slice(i, end + 1);
      i = end;
    } else if (c === "'") {
      return undefined; // single-quoted strings: not the printing this reads
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 256))![0];
      const after = /^\s*:/.test(text.slice(i + word.length, i + word.length + 64));
      if (after) json += JSON.stringify(word);
      else if (word === 'true' || word === 'false' || word === 'null') json += word;
      else if (word === 'undefined') json += 'null'; // a branch's missing location (an implicit else)
      else return undefined; // an identifier as a value: code, not data
      i += word.length - 1;
    } else json += c;
  }
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
