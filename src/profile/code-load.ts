/**
 * Work that loads code rather than runs it: a test runner's transform (ts-jest compiling
 * TypeScript, babel, swc, esbuild, vite) and Node's module loader (resolving, reading
 * package.json, wrapping and compiling each module: `wrapSafe` is V8 compiling it). It is
 * CPU, but how much of it a run does is a property of scheduling, not of the code under
 * test: which jest worker compiles which file, two workers racing to compile the same
 * file before either has written the transform cache, and the cache's state. Measured on
 * class-validator (jest -w 2, ts-jest) under a noisy neighbour: same-code A/A pairs put
 * TypeScript parser and binder functions (`parseTrailingTagComments`, `bindCondition`) and
 * `wrapSafe` among the CPU regressions at q < 0.01. Such rows are shown apart and judged
 * with the noise measured for their class (noise-history.ts), never on sampling noise.
 *
 * Known by the stack, not the function: the TypeScript parser is transform work when
 * ts-jest runs it for jest, and test work when the tests call it. A sample is transform
 * work when a transformer's frame is on its stack; the project's own functions (not under
 * node_modules, not Node's) never are, so a project's babel plugin or jest transformer is
 * judged as CPU like the rest of its code.
 */
import { functionKey, timeValueIndex, type FunctionFrame, type Profile } from './model.js';

export type CodeLoadClass = 'transform' | 'module-load';

export const CODE_LOAD_CLASSES: readonly CodeLoadClass[] = ['transform', 'module-load'];

/**
 * Files whose frames, anywhere on a stack, mean the code below is being transformed for
 * loading: the runners' transform pipelines and require hooks, not the compilers they call
 * (a project's tests may call TypeScript or babel themselves; that is test work).
 */
const TRANSFORMER_FILES: readonly RegExp[] = [
  // jest: ScriptTransformer and its cache (every transformer jest runs is called from it).
  /(?:^|\/)node_modules\/@jest\/transform\//,
  /(?:^|\/)node_modules\/(?:ts-jest|babel-jest|@swc\/jest|esbuild-jest)\//,
  // require hooks: mocha --require ts-node/register, @babel/register, tsx, swc, esbuild.
  /(?:^|\/)node_modules\/(?:ts-node|@babel\/register|tsx|esbuild-register|@swc\/register|@swc-node\/register|pirates)\//,
  // Node's own type stripping (--experimental-strip-types, on by default in 23.6+).
  /^node:internal\/modules\/typescript$/,
];

/** vite (vitest): its transform pipeline, by function, in bundled chunks of any name. */
const VITE_FILE = /(?:^|\/)node_modules\/(?:vite|vite-node|vitest)\//;
const VITE_TRANSFORMS = new Set(['transformRequest', '_transformRequest', 'doTransform', 'loadAndTransform', 'transformWithEsbuild', 'ssrTransform', 'ssrTransformScript']);

/**
 * Module loaders: Node's (resolve, read package.json, wrap, compile with `wrapSafe`, run the
 * module's top level), jest's per-test-file module registry, vite's module runner (vitest).
 * Work whose nearest non-native frame is one of these, or is a dependency's module body run
 * from one, is loading code: `@babel/types` building its tables when jest-snapshot requires
 * it, once per test file.
 */
const LOADER_FILES: readonly RegExp[] = [/^node:internal\/modules\//, /(?:^|\/)node_modules\/jest-runtime\//, /(?:^|\/)node_modules\/vite\/dist\/node\/module-runner\.js$/, /(?:^|\/)node_modules\/vite-node\/dist\/client\./];

export const isLoaderFrame = (f: Pick<FunctionFrame, 'file'>): boolean => LOADER_FILES.some((re) => re.test(f.file));

export function isTransformerFrame(f: Pick<FunctionFrame, 'name' | 'file'>): boolean {
  if (TRANSFORMER_FILES.some((re) => re.test(f.file))) return true;
  return VITE_TRANSFORMS.has(f.name) && VITE_FILE.test(f.file);
}

/** The project's own code: neither a dependency, nor Node's, nor a native or V8 frame. */
export function isProjectFrame(f: Pick<FunctionFrame, 'file'>): boolean {
  return f.file !== '' && !f.file.startsWith('node:') && !/(?:^|\/)node_modules\//.test(f.file);
}

/**
 * The class of code-loading work one sample is, from its stack (leaf first), or undefined:
 * the work belongs to the nearest of the project's own code, a transformer and a module
 * loader above it. The project's code calling a dependency is the project's work, even at
 * a module's top level; a dependency's module body run by a loader is loading.
 */
function sampleClass(stack: readonly number[], project: readonly boolean[], transformer: readonly boolean[], loader: readonly boolean[]): CodeLoadClass | undefined {
  for (const id of stack) {
    if (project[id]) return undefined;
    if (transformer[id]) return 'transform';
    if (loader[id]) return 'module-load';
  }
  return undefined;
}

/** Per function key: self samples (count) by code-load class, and all its self samples. */
export interface CodeLoadSelf {
  byClass: Map<CodeLoadClass, number>;
  all: number;
}

/**
 * For every function with self samples: how many of them are code-loading work, by class.
 * Counts, not time: the diff's tests are on sample counts.
 */
export function codeLoadSelf(profile: Profile): Map<string, CodeLoadSelf> {
  const fs = profile.functions;
  const project = fs.map(isProjectFrame);
  const transformer = fs.map(isTransformerFrame);
  const loader = fs.map(isLoaderFrame);
  const keys = fs.map(functionKey);
  const countIndex = profile.sampleTypes.findIndex((t) => t.unit === 'count');
  const vi = countIndex >= 0 ? countIndex : timeValueIndex(profile);
  const out = new Map<string, CodeLoadSelf>();
  for (const s of profile.samples) {
    const leaf = s.stack[0];
    if (leaf === undefined) continue;
    const n = s.values[vi] ?? 0;
    const key = keys[leaf]!;
    let row = out.get(key);
    if (!row) out.set(key, (row = { byClass: new Map(), all: 0 }));
    row.all += n;
    const cls = sampleClass(s.stack, project, transformer, loader);
    if (cls) row.byClass.set(cls, (row.byClass.get(cls) ?? 0) + n);
  }
  return out;
}

/**
 * Share of a function's self samples (both sides together) that must be code loading for
 * its row to be judged as code loading. A function the tests also call in earnest (a
 * string helper the TypeScript parser uses too) stays a CPU row.
 */
export const CODE_LOAD_SHARE = 0.8;

/**
 * The class a function's row is judged in, over one or more profiles' counts of it (the
 * larger class when it is both: `wrapSafe` compiles typescript.js for ts-jest and the
 * tests' modules for Node); undefined: CPU.
 */
export function codeLoadClassOf(...sides: (CodeLoadSelf | undefined)[]): CodeLoadClass | undefined {
  const all = sides.reduce((a, s) => a + (s?.all ?? 0), 0);
  const by = CODE_LOAD_CLASSES.map((cls) => ({ cls, n: sides.reduce((a, s) => a + (s?.byClass.get(cls) ?? 0), 0) }));
  const loading = by.reduce((a, x) => a + x.n, 0);
  if (all <= 0 || loading < CODE_LOAD_SHARE * all) return undefined;
  return by.reduce((a, x) => (x.n > a.n ? x : a)).cls;
}

/** The pseudo-frame name code-loading time is shown under, e.g. `(code load: transform)`. */
export const codeLoadLabel = (cls: CodeLoadClass): string => `(code load: ${cls})`;
