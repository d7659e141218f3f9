/**
 * Rewrites the call frames of V8 profiles from generated to original positions, before
 * they enter the profile model: a mapped frame's (name, file, line) is the function as
 * the developer wrote it, so base and head match across unrelated edits and every
 * file:line link points at the source.
 *
 * Which map belongs to a frame: the agent's `.scripts.json` (by script id, else by URL:
 * the same file evaluated again per test file has the same map), else for a built .js
 * file the map its last line names on disk, else for a jest process the transform jest
 * cached (jest-cache.ts). Dependencies (node_modules) and Node's own scripts are left as
 * they are.
 *
 * A frame without a map keeps its generated position; when its file is TypeScript (or
 * another language V8 cannot run), that position is known to be the generated one and the
 * profile's metadata says so, per file. A frame whose script has a map but whose position
 * has no original one (code the compiler wrote: tsc's `__decorate`, `__awaiter`,
 * `__exportStar`'s getters) keeps its name and file, and loses its line when that file is
 * the source (jest, vitest and tsx name the .ts file that was compiled): its generated line
 * is a line of code the developer never saw, and a `file:line` link would point at some
 * other code in the .ts file. A built .js file keeps it, since there the line is real.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JestTransformCacheRef } from '../agent/protocol.js';
import { isProjectScript, type ScriptMapsFile, type ScriptSourceMap } from '../agent/scripts.js';
import type { V8CallFrame, V8CpuProfile, V8Node } from '../profile/cpuprofile.js';
import { normalizeScriptPath } from '../profile/paths.js';
import { filePath, SourceMapLoader } from './load.js';
import { readScriptMaps, scriptMapsPath } from './scripts-file.js';
import { inferFunctionName } from './infer-name.js';
import { rebuiltMap } from './instrumented-map.js';
import { defaultJestCacheDirectory, JestTransformCache } from './jest-cache.js';
import { TscRebuild } from './tsc-rebuild.js';
import type { OriginalPosition, SourceMap } from './source-map.js';

/** Files V8 never runs as written: without a map, their positions are the transform's. */
const TRANSFORMED_SOURCE = /\.(?:[cm]?tsx?|jsx|vue|svelte)(?:[?#].*)?$/i;
/** What Node's type stripping runs as written (not .tsx): positions that are the file's own where the agent says so (tsAsWritten). */
const STRIPPED_BY_NODE = /\.[cm]?ts$/i;

/** The name V8 gives the function jest wraps each module in (jest-runtime's `Object.<anonymous>` key). */
const JEST_MODULE_WRAPPER = 'Object.<anonymous>';

/** How many generated files the metadata names (the count is always complete). */
const LISTED_FILES = 20;

export class FrameMapper {
  private readonly loader = new SourceMapLoader();
  private readonly mappedFunctions = new Set<string>();
  private readonly generatedFunctions = new Set<string>();
  private readonly generatedFiles = new Set<string>();
  /** Frames returned for generated code, and the samples whose innermost frame is one. */
  private readonly generatedFrames = new WeakSet<V8CallFrame>();
  private generatedSamples = 0;
  private readonly fileProblems: string[] = [];
  private readonly sourceLines = new Map<string, readonly string[] | undefined>();

  /** jest's transform caches, per cache directory. */
  private readonly jestCaches = new Map<string, JestTransformCache>();
  /** For TypeScript that V8 ran without a map (the agent sent its code): compiled again, once per file. */
  private rebuild: TscRebuild | undefined;

  constructor(
    private readonly repoRoot: string,
    private readonly options: { jestCacheDirectory?: string } = {},
  ) {}

  /**
   * Maps every call frame of `cpu` in place. `scripts` is the agent's file for it, if
   * any; `fromJestWorker`: the profile is of a jest worker, whose transforms jest cached.
   * True when some frame changed.
   */
  apply(cpu: V8CpuProfile, scripts: ScriptMapsFile | undefined, fromJestWorker = false): boolean {
    const byId = new Map<string, ScriptSourceMap>();
    const byUrl = new Map<string, ScriptSourceMap>();
    for (const script of scripts?.scripts ?? []) {
      for (const id of script.scriptIds) byId.set(id, script);
      if (!byUrl.has(script.url)) byUrl.set(script.url, script);
    }
    const originalIds = new OriginalScriptIds(cpu);
    const generatedNodes = new Set<number>();
    let changed = false;
    for (const nodes of userScriptNodes(cpu).values()) {
      const first = nodes[0]!.callFrame;
      const entry = byId.get(String(first.scriptId)) ?? byUrl.get(first.url);
      const frames = nodes.map((n) => n.callFrame);
      const map = this.mapFor(first.url, entry, frames, fromJestWorker ? { caches: scripts?.jestCaches } : undefined);
      // Many nodes share one function (one per call path): map each position once.
      const done = new Map<string, V8CallFrame>();
      for (const node of nodes) {
        const frame = node.callFrame;
        const key = `${frame.lineNumber}\u0000${frame.columnNumber ?? -1}\u0000${frame.functionName}`;
        let mapped = done.get(key);
        if (!mapped) {
          mapped = map ? this.mapFrame(frame, map, originalIds) : scripts?.tsAsWritten && STRIPPED_BY_NODE.test(frame.url) ? frame : this.unmapped(frame, false);
          done.set(key, mapped);
        }
        if (mapped !== frame) changed = true;
        node.callFrame = mapped;
        if (this.generatedFrames.has(mapped)) generatedNodes.add(node.id);
      }
    }
    if (generatedNodes.size > 0) for (const id of cpu.samples ?? []) if (generatedNodes.has(id)) this.generatedSamples++;
    return changed;
  }

  /**
   * The bytes of a .cpuprofile the agent wrote, with its frames mapped through the maps
   * its `.scripts.json` lists (or jest's cache, for a jest worker). A profile with nothing
   * to map is returned as it is, never parsed: the importer reads bytes, and a parse and
   * write here is paid only by profiles of transformed code.
   */
  mapBytes(cpuprofileFile: string, bytes: Uint8Array): Uint8Array;
  /**
   * `jestCache: false`: undefined for a jest worker's profile instead of looking in jest's
   * cache, which fills while the run goes on (read it once the run has ended).
   */
  mapBytes(cpuprofileFile: string, bytes: Uint8Array, options: { jestCache: false }): Uint8Array | undefined;
  mapBytes(cpuprofileFile: string, bytes: Uint8Array, options?: { jestCache: false }): Uint8Array | undefined {
    const scriptsFile = scriptMapsPath(cpuprofileFile);
    let scripts: ScriptMapsFile | undefined;
    try {
      // The writer's pid starts the file name (<pid>-<tid>-<seq>): it may still be writing.
      scripts = readScriptMaps(scriptsFile, Number(path.basename(cpuprofileFile).split('-')[0]) || undefined);
    } catch (err) {
      this.fileProblems.push(`${scriptsFile}: ${(err as Error).message}`);
    }
    // Where the agent asked the Debugger and found nothing, a frame may still be a transformed
    // source whose script was collected before the flush (jest in band drops each test file's
    // modules): read on, so that it is at least counted as generated, never left silently.
    const askedDebugger = scripts?.via === 'debugger';
    if (!scripts || (scripts.scripts.length === 0 && !scripts.jestWorker && !askedDebugger)) return bytes;
    if (scripts.jestWorker && options?.jestCache === false) return undefined;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (scripts.scripts.length === 0 && !(scripts.jestWorker ? this.mayChange(text, scripts.jestCaches) : hasTransformedSource(text))) return bytes;
    let cpu: V8CpuProfile;
    try {
      cpu = JSON.parse(text) as V8CpuProfile;
      if (!Array.isArray(cpu.nodes)) return bytes;
    } catch {
      return bytes; // the importer names what is wrong with the file
    }
    // No frame changed (no map found, or none placed a frame elsewhere): the bytes as they were, not written again.
    return this.apply(cpu, scripts, scripts.jestWorker === true) ? Buffer.from(JSON.stringify(cpu)) : bytes;
  }

  /** One line per map or map file that could not be read, naming it and the problem. */
  get problems(): readonly string[] {
    const rebuilds = [...this.jestCaches.values(), ...(this.rebuild ? [this.rebuild] : [])].map((c) => c.problem).filter((p): p is string => p !== undefined);
    return [...this.fileProblems, ...this.loader.problems, ...new Set(rebuilds)];
  }

  /** Profile metadata: what was mapped, and which files kept generated positions. */
  meta(): Record<string, string> {
    const meta: Record<string, string> = {
      'sourcemap.mapped_functions': String(this.mappedFunctions.size),
      'sourcemap.generated_functions': String(this.generatedFunctions.size),
      // Samples (V8's, one per interval) whose innermost frame kept a generated position.
      'sourcemap.generated_samples': String(this.generatedSamples),
    };
    if (this.generatedFiles.size > 0) meta['sourcemap.generated_files'] = [...this.generatedFiles].sort().slice(0, LISTED_FILES).join(',');
    return meta;
  }

  /**
   * Whether apply() could change a frame of a jest worker's profile (the agent listed no
   * map): some project script of it is a transformed source, names a map on disk, or has a
   * cached transform that may carry one. Read from the text (frameUrls), no parse: a worker
   * whose transforms made no maps (jest running ES modules as they are) is passed as it is.
   * True when the text cannot be read so.
   */
  private mayChange(text: string, caches: readonly JestTransformCacheRef[] | undefined): boolean {
    const seen = new Set<string>();
    const may = (url: string): boolean => {
      if (seen.has(url)) return false;
      seen.add(url);
      if (!isProjectScript(url)) return false;
      return TRANSFORMED_SOURCE.test(url) || this.loader.mapUrlOnDisk(url) !== undefined || this.jestCachesFor(caches).some(([cache, ids]) => cache.mayMap(url, ids));
    };
    // Stops at the first url that may change: a TypeScript worker's is among its first frames.
    return forEachFrameUrl(text, may) !== false;
  }

  /** The transform caches to look in, with the config ids to look for (undefined: every one). */
  private jestCachesFor(caches: readonly JestTransformCacheRef[] | undefined): [JestTransformCache, string[] | undefined][] {
    if (!caches?.length) return [[this.jestCacheAt(this.options.jestCacheDirectory ?? defaultJestCacheDirectory()), undefined]];
    const idsByDirectory = new Map<string, string[]>();
    for (const { directory, configId } of caches) idsByDirectory.set(directory, [...(idsByDirectory.get(directory) ?? []), configId]);
    return [...idsByDirectory].map(([directory, ids]) => [this.jestCacheAt(directory), ids]);
  }

  /**
   * The agent's map, else the one a built file names on disk, else jest's cached one: in
   * the transform caches the worker's jest hook named, else in every one of jest's default
   * directory (an agent without the hook's note, or a jest whose config it could not read).
   */
  private mapFor(url: string, entry: ScriptSourceMap | undefined, frames: readonly V8CallFrame[], jest: { caches: readonly JestTransformCacheRef[] | undefined } | undefined): SourceMap | undefined {
    if (entry?.sourceMapURL) return this.loader.load(entry.url, entry.sourceMapURL);
    if (entry?.generatedSource !== undefined) return this.fromGeneratedSource(entry.url, entry.generatedSource, frames);
    const onDisk = this.loader.mapUrlOnDisk(url);
    if (onDisk) return this.loader.load(url, onDisk);
    if (!jest) return undefined;
    for (const [cache, ids] of this.jestCachesFor(jest.caches)) {
      const map = cache.find(url, frames, this.loader, ids);
      if (map) return map;
    }
    return undefined;
  }

  /** A TypeScript script V8 ran without a map, from its code as the agent read it (instrumented-map.ts). */
  private fromGeneratedSource(url: string, code: string, frames: readonly V8CallFrame[]): SourceMap | undefined {
    const file = filePath(url);
    if (!file) return undefined;
    let current: string;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      return undefined; // moved or deleted since the run: generated positions
    }
    // Compiles are kept beside jest's cache, as for its workers' transforms.
    this.rebuild ??= new TscRebuild(undefined, this.options.jestCacheDirectory ?? defaultJestCacheDirectory());
    return rebuiltMap(this.rebuild, file, current, code, frames);
  }

  private jestCacheAt(directory: string): JestTransformCache {
    let cache = this.jestCaches.get(directory);
    if (!cache) {
      cache = new JestTransformCache(directory);
      this.jestCaches.set(directory, cache);
    }
    return cache;
  }

  private mapFrame(frame: V8CallFrame, map: SourceMap, originalIds: OriginalScriptIds): V8CallFrame {
    const original = frame.lineNumber >= 0 ? map.originalPositionFor(frame.lineNumber, Math.max(0, frame.columnNumber ?? 0)) : undefined;
    if (!original) return this.unmapped(frame, true);
    const mapped: V8CallFrame = {
      ...frame,
      scriptId: originalIds.of(original.source),
      functionName: this.originalName(frame.functionName, original, map),
      url: original.source,
      lineNumber: original.line,
      columnNumber: original.column,
    };
    this.mappedFunctions.add(this.identity(mapped));
    return mapped;
  }

  /**
   * A map's name at the position renames a function V8 named (minified code). For one V8
   * calls anonymous, a map's name would belong to some other token nearby (a callee, a
   * variable), so the name comes from the original text instead, as V8 would infer it.
   */
  private originalName(v8Name: string, original: OriginalPosition, map: SourceMap): string {
    if (v8Name) return original.name ?? v8Name;
    const lines = this.originalLines(original.source, map);
    return (lines && inferFunctionName(lines, original.line, original.column)) || v8Name;
  }

  private originalLines(source: string, map: SourceMap): readonly string[] | undefined {
    if (this.sourceLines.has(source)) return this.sourceLines.get(source);
    let text = map.contentOf(source);
    if (text === undefined && source.startsWith('file:')) {
      try {
        text = readFileSync(fileURLToPath(source), 'utf8');
      } catch {
        // moved or deleted since the run: the function stays anonymous
      }
    }
    const lines = text?.split(/\r?\n/);
    this.sourceLines.set(source, lines);
    return lines;
  }

  /** `hasMap`: the script had a map but this position has no original (generated code). */
  private unmapped(frame: V8CallFrame, hasMap: boolean): V8CallFrame {
    // A module's top level (the loader's wrapper function, jest's named `Object.<anonymous>`)
    // starts at line 1 in every transform.
    const topLevel = frame.lineNumber === 0 && (!frame.functionName || frame.functionName === JEST_MODULE_WRAPPER);
    if (topLevel) return frame;
    const source = TRANSFORMED_SOURCE.test(frame.url);
    if (!hasMap && !source) return frame;
    this.generatedFunctions.add(this.identity(frame));
    this.generatedFiles.add(normalizeScriptPath(frame.url, this.repoRoot));
    const generated = hasMap && source ? { ...frame, lineNumber: -1, columnNumber: -1 } : frame;
    this.generatedFrames.add(generated);
    return generated;
  }

  private identity(frame: V8CallFrame): string {
    return `${frame.functionName}\u0000${frame.url}\u0000${frame.lineNumber}`;
  }
}

/** Whether some project frame of the profile's text is a transformed source (TypeScript, JSX, …); true when the text cannot be read so. */
function hasTransformedSource(text: string): boolean {
  return forEachFrameUrl(text, (url) => isProjectScript(url) && TRANSFORMED_SOURCE.test(url)) !== false;
}

/**
 * V8 writes each call frame as `"callFrame":{"functionName":"…","scriptId":"…","url":"…",…`
 * (CDP's Runtime.CallFrame, in that order, Node 20 to 26). The urls of the frames that may
 * be files (a path or a file: URL), read from the text with JSON's escapes (a `RegExp: \\s`
 * function name has some); undefined unless every call frame has that shape.
 */
const CALL_FRAME = '"callFrame":{"functionName":"';
const SCRIPT_ID = '","scriptId":"';
const URL_KEY = '","url":"';
const LINE_KEY = '","lineNumber":';

export function frameUrls(text: string): Set<string> | undefined {
  const urls = new Set<string>();
  return forEachFrameUrl(text, (url) => void urls.add(url)) === undefined ? undefined : urls;
}

/**
 * Calls `visit` with the url of each frame that may be a file, in the order of the text,
 * until it returns true: then true. False when it never did, undefined when some call
 * frame is not of V8's shape.
 */
function forEachFrameUrl(text: string, visit: (url: string) => boolean | void): boolean | undefined {
  let frames = 0;
  // Inside a JSON string every quote is escaped: `","scriptId":"` and the like only occur
  // as the separators they are, so each is found by indexOf, escapes or not.
  for (let at = text.indexOf(CALL_FRAME); at >= 0; at = text.indexOf(CALL_FRAME, at + CALL_FRAME.length)) {
    frames++;
    const idAt = text.indexOf(SCRIPT_ID, at + CALL_FRAME.length);
    const urlAt = idAt < 0 ? -1 : text.indexOf(URL_KEY, idAt + SCRIPT_ID.length);
    const urlEnd = urlAt < 0 ? -1 : text.indexOf(LINE_KEY, urlAt + URL_KEY.length);
    if (urlEnd < 0) return undefined;
    at = urlEnd;
    // Only what may be a path (isProjectScript): Node's own `node:` scripts and V8's empty urls are most frames.
    const first = text.charCodeAt(urlAt + URL_KEY.length);
    if (first !== 47 /* / */ && text.charCodeAt(urlAt + URL_KEY.length + 1) !== 58 /* X: */ && !text.startsWith('file:', urlAt + URL_KEY.length)) continue;
    const raw = text.slice(urlAt + URL_KEY.length, urlEnd);
    if (visit(raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw) === true) return true;
  }
  // Every call frame seen, in that shape (a frame of another shape would have been skipped).
  let callFrames = 0;
  for (let at = text.indexOf('"callFrame":'); at >= 0; at = text.indexOf('"callFrame":', at + 12)) callFrames++;
  return callFrames === frames ? false : undefined;
}

/**
 * Script ids for original sources, unused by V8 in this profile. The .cpuprofile reader
 * takes one URL per script id in a file (cpuprofile-scan.ts): a mapped frame that kept
 * its generated script's id would be read with the URL of whichever frame of that script
 * came first, e.g. the unmapped module wrapper or a tsc helper (`__classPrivateFieldGet`)
 * still in the .js file, and the original line would land in the built file.
 */
class OriginalScriptIds {
  private readonly ids = new Map<string, string>();
  private next: number;

  constructor(cpu: V8CpuProfile) {
    let max = 0;
    for (const node of cpu.nodes) max = Math.max(max, Number(node.callFrame.scriptId) || 0);
    this.next = max + 1;
  }

  of(source: string): string {
    let id = this.ids.get(source);
    if (id === undefined) {
      id = String(this.next++);
      this.ids.set(source, id);
    }
    return id;
  }
}

/** The profile's nodes in the project's own scripts, grouped by script. */
function userScriptNodes(cpu: V8CpuProfile): Map<string, V8Node[]> {
  const byScript = new Map<string, V8Node[]>();
  for (const node of cpu.nodes) {
    const url = node.callFrame.url;
    if (!isProjectScript(url)) continue;
    const key = `${node.callFrame.scriptId ?? ''}\u0000${url}`;
    const nodes = byScript.get(key);
    if (nodes) nodes.push(node);
    else byScript.set(key, [node]);
  }
  return byScript;
}
