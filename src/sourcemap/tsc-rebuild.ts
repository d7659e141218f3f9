/**
 * A map for a TypeScript file that ts-jest compiled without one: a project whose tsconfig
 * says `"sourceMap": false` (ts-jest honours it, typestack/class-validator's spec config
 * does it) leaves jest's cache with code and no map, inline or beside it.
 *
 * The file is compiled again, with the project's own `typescript` and its nearest
 * tsconfig.json plus the options ts-jest forces (comments kept), this time with a map. Our
 * output is only close to ts-jest's (it has no type information, the project may point
 * ts-jest at another tsconfig), so the map is used only when every profiled line of the
 * cached code is, character for character, the same line of ours.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as TypeScript from 'typescript';
import type { V8CallFrame } from '../profile/cpuprofile.js';
import { toUrl, SourceMap } from './source-map.js';

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

/**
 * Wall time the rebuilds may take after the run, loading typescript included: compiling a
 * few hundred files costs seconds (4.8 s on class-validator's jest workers), which would
 * be most of ciprof's time after the command. Past it, the remaining files keep generated
 * positions and one line says so. `CIPROF_TS_REBUILD_MS=0` turns rebuilding off.
 */
export function rebuildBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.CIPROF_TS_REBUILD_MS);
  return env.CIPROF_TS_REBUILD_MS !== undefined && env.CIPROF_TS_REBUILD_MS !== '' && Number.isFinite(v) && v >= 0 ? v : 1000;
}

export class TscRebuild {
  private spentMs = 0;
  private skipped = 0;

  constructor(private readonly budgetMs: number = rebuildBudgetMs()) {}

  /** One line when files were left unmapped because the budget ran out. */
  get problem(): string | undefined {
    return this.skipped ? `${this.skipped} TypeScript file(s) compiled without a map keep generated positions: the ${this.budgetMs} ms budget for compiling them again was spent (CIPROF_TS_REBUILD_MS)` : undefined;
  }

  /** The compiler by the directory it was resolved from (undefined: the project has none). */
  private readonly compilers = new Map<string, typeof TypeScript | undefined>();
  /** Options by the directory of the file compiled (reading a tsconfig lists the project's files). */
  private readonly options = new Map<string, TypeScript.CompilerOptions>();

  /** The map of `file` (current text `source`) matching `cachedCode` at every profiled line, else undefined. */
  mapFor(file: string, source: string, cachedCode: string, frames: readonly V8CallFrame[]): SourceMap | undefined {
    // Only a module's top level (jest's wrapper, line 0) was profiled: nothing a map could place.
    if (!TYPESCRIPT_FILE.test(file) || !frames.some((f) => f.lineNumber >= 1)) return undefined;
    if (this.spentMs >= this.budgetMs) {
      this.skipped++;
      return undefined;
    }
    const started = performance.now();
    try {
      return this.compileMap(file, source, cachedCode, frames);
    } finally {
      this.spentMs += performance.now() - started;
    }
  }

  private compileMap(file: string, source: string, cachedCode: string, frames: readonly V8CallFrame[]): SourceMap | undefined {
    const ts = this.compiler(path.dirname(file));
    if (!ts) return undefined;
    let output: TypeScript.TranspileOutput;
    try {
      const dir = path.dirname(file);
      let options = this.options.get(dir);
      if (!options) this.options.set(dir, (options = compilerOptions(ts, dir)));
      output = ts.transpileModule(source, { fileName: file, compilerOptions: options, reportDiagnostics: false });
    } catch {
      return undefined; // a compiler that cannot handle the file: its frames keep generated positions
    }
    if (!output.sourceMapText) return undefined;
    const lineOf = alignLines(cachedCode.split('\n'), output.outputText.split('\n'));
    // Each profiled line (past jest's wrapper, line 0) must be found, the same text, in ours.
    if (frames.some((f) => f.lineNumber >= 1 && (lineOf[f.lineNumber] ?? -1) < 0)) return undefined;
    try {
      // One file in, one source out: named as the file itself, whatever outDir/rootDir made of it.
      const map = { ...(JSON.parse(output.sourceMapText) as object), sources: [toUrl(file)], sourceRoot: undefined };
      return SourceMap.parse(map, toUrl(file)).forLines(lineOf);
    } catch {
      return undefined;
    }
  }

  private compiler(dir: string): typeof TypeScript | undefined {
    if (this.compilers.has(dir)) return this.compilers.get(dir);
    let ts: typeof TypeScript | undefined;
    try {
      ts = createRequire(path.join(dir, 'noop.js'))('typescript') as typeof TypeScript;
      if (typeof ts.transpileModule !== 'function') ts = undefined;
    } catch {
      // no typescript where the file is: nothing to compile with
    }
    this.compilers.set(dir, ts);
    return ts;
  }
}

/** The nearest tsconfig.json's options, with a map, comments kept and module CommonJS unless set (as ts-jest). */
function compilerOptions(ts: typeof TypeScript, dir: string): TypeScript.CompilerOptions {
  let options: TypeScript.CompilerOptions = {};
  const configFile = ts.findConfigFile(dir, (f) => ts.sys.fileExists(f));
  if (configFile) {
    const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
    // Options only: no file list (`files: []`), which would walk the whole project per call.
    if (!read.error) options = ts.parseJsonConfigFileContent({ ...(read.config as object), files: [], include: [] }, ts.sys, path.dirname(configFile)).options;
  }
  return {
    ...options,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: false,
    removeComments: false,
    declaration: false,
    module: options.module ?? ts.ModuleKind.CommonJS,
  };
}

/** How far ahead a line is looked for when the two texts differ. */
const LOOKAHEAD = 40;

/**
 * For each cached line, the line of ours with the same text, or -1. Our compile differs
 * from ts-jest's in a few places (decorator metadata without type information adds a
 * `var _a;` line and rewrites one): identical runs are walked in step and a differing
 * line is looked for a little ahead on either side.
 */
function alignLines(cached: readonly string[], ours: readonly string[]): number[] {
  const lineOf = new Array<number>(cached.length).fill(-1);
  let j = 0;
  for (let i = 0; i < cached.length && j < ours.length; i++) {
    if (cached[i] === ours[j]) {
      lineOf[i] = j++;
      continue;
    }
    const ahead = ours.indexOf(cached[i]!, j + 1);
    if (ahead > j && ahead - j <= LOOKAHEAD) {
      lineOf[i] = ahead;
      j = ahead + 1;
    } else if (!cached.slice(i + 1, i + 1 + LOOKAHEAD).includes(ours[j]!)) {
      j++; // a line rewritten in place: both move on
    }
  }
  return lineOf;
}
