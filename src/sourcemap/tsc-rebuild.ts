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
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as TypeScript from 'typescript';
import type { V8CallFrame } from '../profile/cpuprofile.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { makeDirs } from '../util/make-dirs.js';
import { toUrl, SourceMap } from './source-map.js';

export const TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;

/**
 * Wall time the rebuilds may take after the run, loading typescript included: a safety
 * cap, not a budget that is meant to run out. Which files are mapped must not depend on
 * the machine's load: with a budget that ran out (it was 1 s), a busy run left some files
 * at generated lines that a quiet run had mapped, so one function had two names in base
 * and head and the diff compared halves (class-validator under a noisy neighbour). Every
 * profiled file is compiled once per run, and kept on disk beside jest's cache, so a
 * second run on the same machine compiles nothing (compiling all 149 of class-validator's
 * files took 6.8 s cold on a 2-core machine at load 4). `CIPROF_TS_REBUILD_MS=0` turns
 * rebuilding off.
 */
export function rebuildBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.CIPROF_TS_REBUILD_MS);
  return env.CIPROF_TS_REBUILD_MS !== undefined && env.CIPROF_TS_REBUILD_MS !== '' && Number.isFinite(v) && v >= 0 ? v : 60_000;
}

/** Our compile of one file: its lines, to align with the cached code, and its map. */
interface Compiled {
  outputLines: readonly string[];
  sourceMapText: string;
}

/** Where compiled maps are kept between runs (inside jest's cache: `jest --clearCache` clears them too). */
export const REBUILD_CACHE_DIR = 'ciprof-tsc-rebuild';

export class TscRebuild {
  private spentMs = 0;
  private skipped = 0;
  /** Per file, once per run: every worker's profile of a file gets the same answer. */
  private readonly compiled = new Map<string, Compiled | undefined>();

  /** `cacheDir`: where compiled maps are kept between runs (none: compile every run). */
  constructor(
    private readonly budgetMs: number = rebuildBudgetMs(),
    private readonly cacheDir?: string,
  ) {}

  /** One line when files were left unmapped because the cap was reached. */
  get problem(): string | undefined {
    return this.skipped
      ? `${this.skipped} TypeScript file(s) compiled without a map keep generated positions, so their functions may not match the base's: compiling them again took past the ${this.budgetMs} ms cap (CIPROF_TS_REBUILD_MS; or set "sourceMap": true in the tsconfig ts-jest uses)`
      : undefined;
  }

  /** The compiler by the directory it was resolved from (undefined: the project has none). */
  private readonly compilers = new Map<string, typeof TypeScript | undefined>();
  /** What names a kept compile, by directory (typescript's version, the nearest tsconfig); null: no typescript there. */
  private readonly dirInputs = new Map<string, string | null>();
  /** Options by the directory of the file compiled (reading a tsconfig lists the project's files). */
  private readonly options = new Map<string, TypeScript.CompilerOptions>();

  /** The map of `file` (current text `source`) matching `cachedCode` at every profiled line, else undefined. */
  mapFor(file: string, source: string, cachedCode: string, frames: readonly V8CallFrame[]): SourceMap | undefined {
    // Only a module's top level (jest's wrapper, line 0) was profiled: nothing a map could place.
    if (!TYPESCRIPT_FILE.test(file) || !frames.some((f) => f.lineNumber >= 1)) return undefined;
    const compiled = this.compiledFile(file, source);
    if (!compiled) return undefined;
    const lineOf = alignLines(cachedCode.split('\n'), compiled.outputLines);
    // Each profiled line (past jest's wrapper, line 0) must be found, the same text, in ours.
    if (frames.some((f) => f.lineNumber >= 1 && (lineOf[f.lineNumber] ?? -1) < 0)) return undefined;
    try {
      // One file in, one source out: named as the file itself, whatever outDir/rootDir made of it.
      const map = { ...(JSON.parse(compiled.sourceMapText) as object), sources: [toUrl(file)], sourceRoot: undefined };
      return SourceMap.parse(map, toUrl(file)).forLines(lineOf);
    } catch {
      return undefined;
    }
  }

  /** Our compile of `file` itself, its lines and its map (for code istanbul rewrote from the transform's output: jest-cache.ts). */
  compiledCode(file: string, source: string): { lines: readonly string[]; map: SourceMap } | undefined {
    if (!TYPESCRIPT_FILE.test(file)) return undefined;
    const compiled = this.compiledFile(file, source);
    if (!compiled) return undefined;
    try {
      const map = { ...(JSON.parse(compiled.sourceMapText) as object), sources: [toUrl(file)], sourceRoot: undefined };
      return { lines: compiled.outputLines, map: SourceMap.parse(map, toUrl(file)) };
    } catch {
      return undefined;
    }
  }

  private compiledFile(file: string, source: string): Compiled | undefined {
    if (this.compiled.has(file)) return this.compiled.get(file);
    let compiled: Compiled | undefined;
    const diskFile = this.diskFileFor(file, source);
    if (diskFile) compiled = readCompiled(diskFile);
    if (!compiled) {
      if (this.spentMs >= this.budgetMs) {
        this.skipped++;
      } else {
        const started = performance.now();
        try {
          compiled = this.compile(file, source);
        } finally {
          this.spentMs += performance.now() - started;
        }
        if (compiled && diskFile) writeCompiled(diskFile, compiled);
      }
    }
    this.compiled.set(file, compiled);
    return compiled;
  }

  /**
   * The file a compile of `file` is kept in: named by what decides the output without
   * loading typescript (its version, the nearest tsconfig's text, the file and its text).
   * A config that `extends` another that changed can make a kept compile stale: mapFor
   * uses a compile only where it agrees, line for line, with the code jest cached.
   */
  private diskFileFor(file: string, source: string): string | undefined {
    if (!this.cacheDir) return undefined;
    const dir = path.dirname(file);
    let inputs = this.dirInputs.get(dir);
    if (inputs === undefined) {
      const version = typescriptVersion(dir);
      const config = nearestTsconfig(dir);
      this.dirInputs.set(dir, (inputs = version ? `${version}\0${config?.file ?? ''}\0${config?.text ?? ''}` : null));
    }
    if (inputs === null) return undefined;
    const hash = createHash('sha256').update(`${inputs}\0${file}\0${source}`).digest('hex');
    return path.join(this.cacheDir, REBUILD_CACHE_DIR, `${hash.slice(0, 40)}.json`);
  }

  private compile(file: string, source: string): Compiled | undefined {
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
    return output.sourceMapText ? { outputLines: output.outputText.split('\n'), sourceMapText: output.sourceMapText } : undefined;
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

/** The version of the typescript a file's directory resolves, without loading the compiler. */
function typescriptVersion(dir: string): string | undefined {
  try {
    const manifest = createRequire(path.join(dir, 'noop.js')).resolve('typescript/package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version as string | undefined;
  } catch {
    return undefined;
  }
}

/** The nearest tsconfig.json above `dir`, and its text. */
function nearestTsconfig(dir: string): { file: string; text: string } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      const file = path.join(d, 'tsconfig.json');
      return { file, text: readFileSync(file, 'utf8') };
    } catch {
      // not here: one level up
    }
    if (path.dirname(d) === d) return undefined;
  }
}

function readCompiled(file: string): Compiled | undefined {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { outputText?: unknown; sourceMapText?: unknown };
    return typeof raw.outputText === 'string' && typeof raw.sourceMapText === 'string' ? { outputLines: raw.outputText.split('\n'), sourceMapText: raw.sourceMapText } : undefined;
  } catch {
    return undefined; // absent, or unreadable: compiled again
  }
}

/** Kept best-effort: a read-only cache directory only costs the next run a compile. */
function writeCompiled(file: string, compiled: Compiled): void {
  try {
    makeDirs(path.dirname(file));
    // Atomic: jest runs side by side share the directory.
    writeFileAtomic(file, JSON.stringify({ outputText: compiled.outputLines.join('\n'), sourceMapText: compiled.sourceMapText }));
  } catch {
    // not kept
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
