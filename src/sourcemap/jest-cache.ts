/**
 * Source maps of jest's worker processes, read after the run from jest's transform cache.
 *
 * jest gives a worker 500 ms to exit before it kills it and prints "A worker process has
 * failed to exit gracefully"; enabling the Debugger at exit to list maps costs 100-300 ms
 * of CPU in a worker that loaded TypeScript, more on a busy machine, so the agent skips
 * it there (src/agent/scripts.ts). jest keeps every transform it ran on disk instead:
 * `<cacheDirectory>/jest-transform-cache-*\/<xx>/<name>_<key>` (a checksum line, then the
 * code with its inline map) and `<same>.map`. A TypeScript transform cached without any
 * map is compiled again for one (tsc-rebuild.ts), also where jest's coverage instrumented
 * it (instrumented-map.ts).
 *
 * Several cached transforms may match one file (older versions, other configs): a
 * candidate must name the file among its sources, embed the file's current text when it
 * embeds any, and have code where V8 saw each function start (a parameter list or a
 * parameter at every profiled position); the newest such candidate wins.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { V8CallFrame } from '../profile/cpuprofile.js';
import { filePath, type SourceMapLoader } from './load.js';
import { toUrl, type SourceMap } from './source-map.js';
import { rebuiltMap } from './instrumented-map.js';
import { TscRebuild, TYPESCRIPT_FILE } from './tsc-rebuild.js';

/** Bounds the directory walk on a machine whose jest cache has grown huge. */
const MAX_INDEXED_FILES = 500_000;

/** jest's default cacheDirectory (jest-config's getCacheDirectory). */
export function defaultJestCacheDirectory(): string {
  let tmp = tmpdir();
  try {
    tmp = realpathSync(tmp);
  } catch {
    // as jest does: the unresolved path
  }
  const base = path.join(tmp, 'jest');
  return typeof process.getuid === 'function' ? `${base}_${process.getuid().toString(36)}` : base;
}

export class JestTransformCache {
  /** Per directory-name prefix (one config's caches, or all of them). */
  private readonly indexes = new Map<string, Map<string, string[]>>();
  /** Per cached transform: whether it may carry a map (mayNameMap). */
  private readonly namesMap = new Map<string, boolean>();
  /** The cache directory's entries, listed once. */
  private entries: string[] | undefined;
  private readonly rebuild: TscRebuild;

  constructor(private readonly cacheDirectory: string = defaultJestCacheDirectory()) {
    this.rebuild = new TscRebuild(undefined, cacheDirectory);
  }

  /** What the TypeScript rebuild left undone, if anything (one line). */
  get problem(): string | undefined {
    return this.rebuild.problem;
  }

  /**
   * The map of jest's cached transform of the script at `url`, checked against its
   * profiled frames. `configIds`: only the transform caches of these jest configs (what
   * the worker's jest hook saw); absent, every transform cache in the directory.
   */
  find(url: string, frames: readonly V8CallFrame[], loader: SourceMapLoader, configIds?: readonly string[]): SourceMap | undefined {
    const file = filePath(url);
    if (!file) return undefined;
    // A transform that wrote no map (jest without a transform, ESM through vm modules) can
    // give nothing unless the file is TypeScript (compiled again for one, tsc-rebuild.ts):
    // its candidates are passed over on their last line, not read whole and checked.
    const rebuildable = TYPESCRIPT_FILE.test(file);
    const candidates = this.candidates(file, configIds).filter((c) => rebuildable || this.mayNameMap(c));
    if (candidates.length === 0) return undefined;
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const sourceUrl = toUrl(file);
    let best: { map: SourceMap; score: number; mtimeMs: number } | undefined;
    for (const candidate of candidates) {
      const checked = this.check(candidate, url, sourceUrl, current, frames, loader);
      if (!checked) continue;
      const mtimeMs = statSync(candidate, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (!best || checked.score > best.score || (checked.score === best.score && mtimeMs > best.mtimeMs)) best = { ...checked, mtimeMs };
    }
    return best?.map;
  }

  private check(candidate: string, url: string, sourceUrl: string, current: string, frames: readonly V8CallFrame[], loader: SourceMapLoader): { map: SourceMap; score: number } | undefined {
    let text: string;
    try {
      text = readFileSync(candidate, 'utf8');
    } catch {
      return undefined;
    }
    // The first line is jest's checksum of the code that follows.
    const code = text.slice(text.indexOf('\n') + 1);
    const score = agreement(code.split('\n'), frames);
    if (score < 0) return undefined;
    const inline = /\/\/# sourceMappingURL=(data:[^\s]+)\s*$/.exec(code)?.[1];
    // Neither inline nor beside it: the transform made none (tsconfig `"sourceMap": false`),
    // and the file is compiled again (instrumented-map.ts).
    const map = inline || existsSync(`${candidate}.map`) ? loader.load(url, inline ?? `${candidate}.map`) : rebuiltMap(this.rebuild, filePath(url)!, current, code, frames);
    if (!map?.hasSource(sourceUrl)) return undefined;
    const embedded = map.contentOf(sourceUrl);
    return embedded === undefined || embedded === current ? { map, score } : undefined;
  }

  /**
   * Whether find() may give a map for the script at `url`: it is TypeScript, or some cached
   * transform of a file of its name may carry a map. Cheap (no transform read whole): lets a
   * worker's profile with nothing to map skip the parse.
   */
  mayMap(url: string, configIds?: readonly string[]): boolean {
    const file = filePath(url);
    if (!file) return false;
    return TYPESCRIPT_FILE.test(file) || this.candidates(file, configIds).some((c) => this.mayNameMap(c));
  }

  /** mayNameMap, once per cached transform: files of one name (`index.js`) are each other's candidates. */
  private mayNameMap(candidate: string): boolean {
    let may = this.namesMap.get(candidate);
    if (may === undefined) {
      may = mayNameMap(candidate);
      this.namesMap.set(candidate, may);
    }
    return may;
  }

  /** Cached transforms of files with this file's name (jest: `<name without non-word characters>_<key>`). */
  private candidates(file: string, configIds: readonly string[] | undefined): string[] {
    const key = path.basename(file, path.extname(file)).replace(/\W/g, '');
    if (!configIds) return this.indexFor(ALL_TRANSFORM_CACHES).get(key) ?? [];
    return [...new Set(configIds.flatMap((id) => this.indexFor(transformCachePrefix(id)).get(key) ?? []))];
  }

  /** The index of the transform caches whose directory names start with `prefix`, built once per prefix. */
  private indexFor(prefix: string): Map<string, string[]> {
    let index = this.indexes.get(prefix);
    if (!index) {
      this.entries ??= list(this.cacheDirectory);
      index = indexCache(this.cacheDirectory, this.entries.filter((d) => d.startsWith(prefix)));
      this.indexes.set(prefix, index);
    }
    return index;
  }
}

const ALL_TRANSFORM_CACHES = 'jest-transform-cache-';

/**
 * Where jest keeps one config's transforms: `jest-transform-cache-<config id>-<hash of
 * jest's version>` (@jest/transform's ScriptTransformer, through jest-haste-map's
 * getCacheFilePath, which turns non-word characters of the id into dashes).
 */
export function transformCachePrefix(configId: string): string {
  return `${ALL_TRANSFORM_CACHES}${configId.replace(/\W/g, '-')}-`;
}

function indexCache(cacheDirectory: string, transformDirs: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  let files = 0;
  for (const transformDir of transformDirs) {
    for (const bucket of list(path.join(cacheDirectory, transformDir))) {
      for (const name of list(path.join(cacheDirectory, transformDir, bucket))) {
        if (name.endsWith('.map') || ++files > MAX_INDEXED_FILES) continue;
        const cut = name.lastIndexOf('_');
        if (cut <= 0) continue;
        const key = name.slice(0, cut);
        const full = path.join(cacheDirectory, transformDir, bucket, name);
        const known = index.get(key);
        if (known) known.push(full);
        else index.set(key, [full]);
      }
    }
  }
  return index;
}

/** Bytes read from a cached transform's end to find its last line. */
const TAIL_BYTES = 4096;

/**
 * Whether a cached transform may carry a map: a `.map` beside it, or a last line that names
 * one (`//# sourceMappingURL=`), or a last line too long to see whole in its tail (an
 * inline map is that long). An unreadable file counts as may: check() then says no.
 */
function mayNameMap(candidate: string): boolean {
  if (existsSync(`${candidate}.map`)) return true;
  let fd: number | undefined;
  try {
    fd = openSync(candidate, 'r');
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const text = tail.toString('latin1').trimEnd();
    const lastLineStart = text.lastIndexOf('\n');
    if (lastLineStart < 0) return size > tail.length || text.includes('sourceMappingURL=');
    return text.includes('sourceMappingURL=', lastLineStart);
  } catch {
    return true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * How well a cached transform's code agrees with where V8 saw this script's functions:
 * -1 when some profiled position is not a function start (V8 places a function at its
 * parameter list: `(`, or the single parameter of `x => …`); else the number of named
 * functions whose name stands before that position on its line (`function name(`,
 * `name(` for a method, `const name = (`), which tells apart two transforms of the same
 * file (ts-jest's and babel-jest's) that both happen to have a `(` there. Line 0 is
 * skipped: jest evaluates the code behind a module wrapper on that line.
 */
function agreement(lines: readonly string[], frames: readonly V8CallFrame[]): number {
  let score = 0;
  for (const frame of frames) {
    if (frame.lineNumber < 1) continue;
    const line = lines[frame.lineNumber];
    const column = frame.columnNumber ?? 0;
    const char = line?.[column];
    if (line === undefined || char === undefined || !(char === '(' || /[\w$]/.test(char))) return -1;
    const name = /[\w$]+$/.exec(frame.functionName)?.[0];
    if (name && line.slice(0, column).includes(name)) score++;
  }
  return score;
}
