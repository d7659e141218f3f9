/**
 * Agent side of source mapping: which source map belongs to each script in a profile.
 *
 * Only the process knows the maps of code it transformed in memory (vite's module
 * runner, jest's transformers, tsx): V8 saw the `//# sourceMappingURL=` comment, inline
 * `data:` ones included, when it parsed the script. Enabling the Debugger domain makes
 * V8 report every script still alive through `Debugger.scriptParsed`, with that URL.
 * This runs at flush time only, so profiling costs nothing per sample or per script
 * parse; the Debugger is disabled again before returning. Where a runner already holds
 * the maps (vitest's module graph) or keeps them on disk (jest's transform cache), the
 * Debugger is not used.
 *
 * Written beside the .cpuprofile as `<pid>-<tid>-<seq>.scripts.json` (ScriptMapsFile).
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import type * as Url from 'node:url';
import { JEST_TRANSFORM_CACHES, type JestTransformCacheRef } from './protocol.js';
import type { EventSession } from './session.js';
import { builtin, commonJsModuleClass } from './thread.js';

/** One script's map: `sourceMapURL` as V8 saw it (relative to `url`, or a `data:` URL). */
export interface ScriptSourceMap {
  url: string;
  /** Empty for a TypeScript script that named no map: then `generatedSource` holds what V8 ran. */
  sourceMapURL: string;
  /** Every live script with this url and map (V8 script ids, as in callFrame.scriptId). */
  scriptIds: string[];
  /**
   * A TypeScript script V8 ran without a map (jest in band over ts-jest told
   * `"sourceMap": false`, with or without coverage): the code as V8 had it, for the
   * collector to compile the file again and line the two up (src/sourcemap/tsc-rebuild.ts,
   * instrumented-map.ts).
   */
  generatedSource?: string;
}

/** The `.scripts.json` file written beside a `.cpuprofile`. */
export interface ScriptMapsFile {
  scripts: ScriptSourceMap[];
  /** A jest worker: nothing collected here, its maps are in jest's transform cache. */
  jestWorker?: true;
  /** A jest worker's transform caches, as the jest hook saw them (protocol.ts); absent: jest's default directory, every cache in it. */
  jestCaches?: JestTransformCacheRef[];
  /** What collecting cost this thread at flush (wall, and CPU of the thread where Node can tell), for the benchmark. */
  collectMs: number;
  collectCpuMs: number;
  /** How the maps were looked for: vitest's module graph, the Debugger, or not at all (scripts ran as written, or nothing to look for). */
  via?: 'vitest' | 'debugger' | 'as-written' | 'none';
  /** With the Debugger: TypeScript files that named no map ran as written (Node stripped their types), so their positions are the files' own. */
  tsAsWritten?: true;
}

export interface ProfileFrames {
  nodes?: { callFrame?: { scriptId?: string | number; url?: string } }[];
}

/** A profile as V8's text, without escapes (profiler.ts). */
export interface ProfileText {
  text: string;
}

interface ScriptParsed {
  scriptId: string;
  url: string;
  sourceMapURL?: string;
}

/**
 * Collects the source map URL of every live script that appears in the profile (by id),
 * or that shares a URL with one (jest and vitest evaluate a file again per test file;
 * an earlier copy may already be garbage, the live one has the same map), and writes
 * them to `file`. Always writes the file, even empty, so the collector can tell "no
 * maps" from "not written yet"; call it after the .cpuprofile is safely on disk, since
 * enabling the Debugger costs time (it hashes every script) that a pool's terminate
 * timeout may not grant. Returns the bytes written.
 */
export function writeScriptSourceMaps(session: EventSession, profile: ProfileFrames | ProfileText, file: string): number {
  const started = process.hrtime.bigint();
  const cpuStarted = cpuMicros();
  const ids = new Set<string>();
  const urls = new Set<string>();
  // Decided once per url: a profile has thousands of frames and a few hundred scripts.
  const decided = new Map<string, boolean>();
  const add = (scriptId: string | number | undefined, url: string | undefined): void => {
    if (!url) return;
    let project = decided.get(url);
    if (project === undefined) decided.set(url, (project = isProjectScript(url) && !(OWN_DIR && url.includes(OWN_DIR))));
    if (!project) return;
    if (scriptId !== undefined) ids.add(String(scriptId));
    urls.add(url);
  };
  if (!('text' in profile && scanFrames(profile.text, add))) {
    const nodes = 'text' in profile ? (JSON.parse(profile.text) as ProfileFrames).nodes : profile.nodes;
    for (const node of nodes ?? []) add(node.callFrame?.scriptId, node.callFrame?.url);
  }
  const jestWorker = JEST_WORKER.test(process.argv[1] ?? '');
  const skip = urls.size === 0 || jestWorker || process.env.CIPROF_SOURCE_MAPS === '0';
  let via: ScriptMapsFile['via'] = 'none';
  let scripts: ScriptSourceMap[] = [];
  let tsAsWritten = false;
  if (!skip) {
    const fromVitest = vitestModuleMaps(urls);
    const asWritten = fromVitest ? undefined : ranAsWritten(urls);
    if (fromVitest) [via, scripts] = ['vitest', fromVitest];
    else if (asWritten) [via, scripts] = ['as-written', asWritten];
    else {
      tsAsWritten = tsRanAsWritten();
      [via, scripts] = ['debugger', liveScriptMaps(session, ids, urls, tsAsWritten)];
    }
  }
  const content: ScriptMapsFile = {
    scripts,
    via,
    ...(tsAsWritten ? { tsAsWritten: true as const } : {}),
    ...(jestWorker && urls.size > 0 && process.env.CIPROF_SOURCE_MAPS !== '0' ? { jestWorker: true as const, ...jestCachesSeen() } : {}),
    collectMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
    collectCpuMs: Math.round((cpuMicros() - cpuStarted) / 10) / 100,
  };
  const text = JSON.stringify(content);
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  return Buffer.byteLength(text);
}

/**
 * V8 writes each call frame as `"callFrame":{"functionName":"…","scriptId":"…","url":"…",…`
 * (CDP's Runtime.CallFrame, in that order, on Node 20 to 26): read the script id and url
 * of every frame from the text, no JSON.parse of the profile. The text has no escapes, so
 * no string holds a quote. False (nothing is trusted) unless every call frame has that shape.
 */
const CALL_FRAME = '"callFrame":{"functionName":"';
const SCRIPT_ID = '","scriptId":"';
const URL_KEY = '","url":"';

export function scanFrames(text: string, add: (scriptId: string, url: string) => void): boolean {
  if (text.includes('\\')) return false;
  const found: string[] = [];
  for (let at = text.indexOf('"callFrame":'); at >= 0; at = text.indexOf('"callFrame":', at + 12)) {
    if (!text.startsWith(CALL_FRAME, at)) return false;
    const idAt = text.indexOf('"', at + CALL_FRAME.length);
    if (!text.startsWith(SCRIPT_ID, idAt)) return false;
    const idEnd = text.indexOf('"', idAt + SCRIPT_ID.length);
    if (!text.startsWith(URL_KEY, idEnd)) return false;
    const urlEnd = text.indexOf('"', idEnd + URL_KEY.length);
    if (urlEnd < 0) return false;
    found.push(text.slice(idAt + SCRIPT_ID.length, idEnd), text.slice(idEnd + URL_KEY.length, urlEnd));
  }
  for (let i = 0; i < found.length; i += 2) add(found[i]!, found[i + 1]!);
  return true;
}

/**
 * Scripts a transform may have produced: the project's own files (by path or file: URL),
 * the only ones mapped. Node's internals, wasm and eval'd code, and dependencies (loaded
 * from disk as published) are left out, and so is ciprof's own bundle, so a process that
 * ran none of the project's code pays nothing.
 */
export function isProjectScript(url: string): boolean {
  return /^(?:file:|\/|[a-z]:[\\/])/i.test(url) && !/[\\/]node_modules[\\/]/.test(url);
}

interface VitestModule {
  file?: unknown;
  meta?: { code?: unknown; sourceMap?: unknown };
}

/**
 * A vitest worker keeps every module it transformed, code and map included, in its state
 * (`__vitest_worker__.evaluatedModules`, vite's module runner graph): reading it costs
 * nothing, where enabling the Debugger in each short-lived worker (one per test file when
 * isolated) costs 90-180 ms of CPU. vitest 4 leaves the map inline at the end of the code;
 * vitest 5 keeps it beside the code (`meta.sourceMap`, JSON text), and ends the code with
 * its own `//# vitestCache=` comment instead. Undefined outside a vitest worker.
 */
function vitestModuleMaps(urls: Set<string>): ScriptSourceMap[] | undefined {
  let pathToFileURL: typeof Url.pathToFileURL | undefined;
  const state = (globalThis as { __vitest_worker__?: { evaluatedModules?: { idToModuleMap?: unknown } } }).__vitest_worker__;
  const modules = state?.evaluatedModules?.idToModuleMap;
  if (!(modules instanceof Map)) return undefined;
  const found = new Map<string, ScriptSourceMap>();
  for (const module of modules.values() as Iterable<VitestModule>) {
    if (typeof module.file !== 'string' || typeof module.meta?.code !== 'string') continue;
    const url = (pathToFileURL ??= builtin<typeof Url>('node:url').pathToFileURL)(module.file).href;
    if (!urls.has(url) || found.has(url)) continue;
    const sourceMapURL = inlineSourceMapUrl(module.meta.code) ?? mapAsDataUrl(module.meta.sourceMap);
    if (sourceMapURL) found.set(url, { url, sourceMapURL, scriptIds: [] });
  }
  return [...found.values()];
}

/** A map held as JSON text or as an object, as the `data:` URL an inline comment would give. */
function mapAsDataUrl(map: unknown): string | undefined {
  const json = typeof map === 'string' ? map : map && typeof map === 'object' ? JSON.stringify(map) : undefined;
  return json ? `data:application/json;charset=utf-8;base64,${Buffer.from(json, 'utf8').toString('base64')}` : undefined;
}

const INLINE_MAP = '//# sourceMappingURL=data:';

function inlineSourceMapUrl(code: string): string | undefined {
  const at = code.lastIndexOf(INLINE_MAP);
  if (at < 0) return undefined;
  const end = code.indexOf('\n', at);
  return code.slice(at + INLINE_MAP.length - 'data:'.length, end < 0 ? undefined : end).trimEnd();
}

/**
 * A jest worker is killed, and jest says so in its output, when it takes 500 ms to exit:
 * it collects nothing, its maps are read from jest's transform cache after the run
 * (src/sourcemap/jest-cache.ts). CIPROF_SOURCE_MAPS=0 turns collection off everywhere
 * (the benchmark's unmapped run, and a way out).
 */
const JEST_WORKER = /[\\/]jest-worker[\\/]build[\\/](?:workers[\\/])?processChild\.js$/;

/** The transform caches the jest hook saw in this worker, if any. */
function jestCachesSeen(): { jestCaches?: JestTransformCacheRef[] } {
  const caches = (globalThis as { [JEST_TRANSFORM_CACHES]?: Map<string, JestTransformCacheRef> })[JEST_TRANSFORM_CACHES];
  return caches && caches.size > 0 ? { jestCaches: [...caches.values()] } : {};
}

const OWN_DIR = typeof __dirname === 'string' ? `${__dirname}/` : undefined;

/** What V8 ran of TypeScript scripts without a map is kept up to this much text in all (a bound, not a budget: class-validator's 150 files take ~1.5 MB). */
const MAX_GENERATED_SOURCE_CHARS = 32 * 1024 * 1024;

/** TypeScript files Node loaded itself ran as written (types stripped, nothing else in between): ranAsWritten's conditions, for .ts alone. */
function tsRanAsWritten(): boolean {
  return jsLoader() === NODE_JS_LOADER && !userLoaderFlag() && !jestRuntimeLoaded() && typesStrippedByNode();
}

/** `tsAsWritten`: TypeScript without a map ran as written (Node stripped its types): nothing to send for it. */
function liveScriptMaps(session: EventSession, ids: Set<string>, urls: Set<string>, tsAsWritten: boolean): ScriptSourceMap[] {
  const byUrlAndMap = new Map<string, ScriptSourceMap>();
  const onScript = (message: { params: unknown }): void => {
    const { scriptId, url, sourceMapURL } = message.params as ScriptParsed;
    if (!(ids.has(scriptId) || urls.has(url))) return;
    // A script without a map is kept only where the collector can compile it again.
    if (!sourceMapURL && (tsAsWritten || !TYPESCRIPT_URL.test(url))) return;
    const key = `${url}\u0000${sourceMapURL ?? ''}`;
    const known = byUrlAndMap.get(key);
    if (known) known.scriptIds.push(scriptId);
    else byUrlAndMap.set(key, { url, sourceMapURL: sourceMapURL ?? '', scriptIds: [scriptId] });
  };
  session.on('Debugger.scriptParsed', onScript);
  try {
    // The in-process session dispatches synchronously: every scriptParsed event for the
    // scripts alive now has been delivered when post() returns.
    postSync(session, 'Debugger.enable');
    let kept = 0;
    for (const script of byUrlAndMap.values()) {
      if (script.sourceMapURL || kept >= MAX_GENERATED_SOURCE_CHARS) continue;
      // jest evaluates a file again per test file: one copy of the code stands for all.
      const source = scriptSource(session, script.scriptIds[0]!);
      if (source !== undefined) {
        script.generatedSource = source;
        kept += source.length;
      }
    }
    postSync(session, 'Debugger.disable');
  } finally {
    session.removeListener('Debugger.scriptParsed', onScript);
  }
  // Scripts without a map whose code could not be read say nothing.
  return [...byUrlAndMap.values()].filter((s) => s.sourceMapURL || s.generatedSource !== undefined);
}

/** The code of a live script, as V8 has it (Debugger enabled). */
function scriptSource(session: EventSession, scriptId: string): string | undefined {
  let source: string | undefined;
  session.post('Debugger.getScriptSource', { scriptId }, (err, result) => {
    const text = (result as { scriptSource?: unknown } | undefined)?.scriptSource;
    if (!err && typeof text === 'string') source = text;
  });
  return source;
}

/** Node's own loader for .js, as it was before any user code could replace it (babel/register, pirates, ts-node with allowJs). */
const NODE_JS_LOADER = jsLoader();

function jsLoader(): unknown {
  return commonJsModuleClass()._extensions?.['.js'];
}

/** The require loaders for TypeScript, as they were at load: none of Node's own; ts-node, @babel/register, esbuild-register and tsx's CommonJS hook each add theirs. */
const TS_LOADERS_AT_LOAD = tsLoaders();

function tsLoaders(): string {
  const extensions = commonJsModuleClass()._extensions;
  return ['.ts', '.mts', '.cts'].map((ext) => typeof extensions?.[ext]).join();
}

/**
 * Whether .ts files that Node loaded from disk ran as written, position for position: Node
 * strips their types itself (on by default from Node 22.18 and 23.6), replacing each type
 * with blanks, so every line and column is the file's own and there is no map to look for.
 * Not under --experimental-transform-types (it rewrites code: process.features.typescript
 * is 'transform'), nor once a require hook for TypeScript was added in the process.
 * markdown-it's suite runs its sources so: the Debugger found no map in any of its six
 * processes and cost 60-100 ms of CPU in each (Node 24).
 */
function typesStrippedByNode(): boolean {
  return (process.features as { typescript?: unknown }).typescript === 'strip' && tsLoaders() === TS_LOADERS_AT_LOAD;
}

/**
 * A .js/.mjs/.cjs file, or a file without an extension: a CLI's bin script (`bin/pm`, with
 * a shebang), which Node's own .js loader runs. Tests that spawn their CLI run one such
 * process per spawn; taking the Debugger for each cost ~40 ms of CPU (commander.js's
 * suite: 36 of its 175 profiled processes).
 */
const AS_WRITTEN_URL = /^file:\/\/(?:.*\.[cm]?js|[^?#]*\/[^./?#]+)$/i;

/** A .ts/.mts/.cts file: as written when Node stripped its types itself (typesStrippedByNode). */
const TYPESCRIPT_URL = /^file:\/\/[^?#]*\.[cm]?ts$/i;

/**
 * When every project script in the profile is a .js/.mjs/.cjs or extensionless file that Node loaded from
 * disk as written, or a .ts/.mts/.cts file whose types Node stripped itself (no loader flag of the user's: --import, --require, --loader; Node's .js
 * loader untouched; no inline map at the end of the file), the map URLs those files name
 * on disk (tsc's `//# sourceMappingURL=x.js.map`), read from their last bytes; else
 * undefined. Those need no Debugger: their positions are the file's own or their map's
 * (read from disk after the run, src/sourcemap/load.ts). Enabling the Debugger would cost every such process
 * ~35 ms of CPU (measured: a node --test file process, Node 24), paid 175 times by a suite
 * of 175 test files, for nothing. Paths without a file: scheme (jest's vm scripts) never
 * count as written, and in a process that runs jest's runtime no file does (jestRuntimeLoaded).
 */
function ranAsWritten(urls: ReadonlySet<string>): ScriptSourceMap[] | undefined {
  if (jsLoader() !== NODE_JS_LOADER || userLoaderFlag() || jestRuntimeLoaded()) return undefined;
  const maps: ScriptSourceMap[] = [];
  let stripped: boolean | undefined;
  for (const url of urls) {
    if (!AS_WRITTEN_URL.test(url) && !(TYPESCRIPT_URL.test(url) && (stripped ??= typesStrippedByNode()))) return undefined;
    const map = mapNamedAtEnd(url);
    if (map === INLINE) return undefined;
    if (map) maps.push({ url, sourceMapURL: map, scriptIds: [] });
  }
  return maps;
}

function userLoaderFlag(): boolean {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
  for (let i = 0; i < args.length; i++) {
    const m = /^(?:--(?:import|require|loader|experimental-loader)|-r)(?:=(.*))?$/.exec(args[i]!);
    if (!m) continue;
    const value = m[1] ?? args[++i] ?? '';
    if (OWN_DIR && value.includes(OWN_DIR)) continue; // ciprof's own preloads
    return true;
  }
  return false;
}

/**
 * jest runs test files and what they import through its own runtime (jest-runtime: its
 * transformer, then vm), under each file's own file: URL (jest 30). What V8 ran is jest's
 * transform, never the file as written, whatever Node's loader would have done with it: a
 * .ts file's types stripped in place (Node 22.18+), a .js file run as is. In band, the jest
 * process itself runs the tests: its maps come from the Debugger. (jest's workers take
 * theirs from jest's transform cache.) Seen on Node 24: ts-jest and @swc/jest in band kept
 * generated lines.
 */
function jestRuntimeLoaded(): boolean {
  for (const file in require.cache) if (JEST_RUNTIME.test(file)) return true;
  return false;
}
const JEST_RUNTIME = /[\\/]jest-runtime[\\/]build[\\/]/;

const INLINE = Symbol('inline');

/**
 * The map a file names in its last line: INLINE for a `data:` map (or a last line too
 * long to tell: the Debugger is the cheap way to read those), its URL for a map file,
 * undefined when it names none.
 */
function mapNamedAtEnd(url: string): string | typeof INLINE | undefined {
  try {
    const fd = openSync(new URL(url), 'r');
    try {
      const size = fstatSync(fd).size;
      const tail = Buffer.alloc(Math.min(size, 4096));
      readSync(fd, tail, 0, tail.length, size - tail.length);
      const text = tail.toString('utf8');
      if (text.includes('sourceMappingURL=data:') || (size > tail.length && !text.slice(0, -1).includes('\n'))) return INLINE;
      return /\/\/[#@] sourceMappingURL=([^\s'"]+)\s*$/.exec(text)?.[1];
    } finally {
      closeSync(fd);
    }
  } catch {
    return INLINE; // unreadable: let the Debugger say what V8 saw
  }
}

/** This thread's CPU time where Node has it (23.9+), else the process's. */
function cpuMicros(): number {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
  return usage.user + usage.system;
}

function postSync(session: EventSession, method: string): void {
  let failure: Error | null = null;
  session.post(method, {}, (err) => {
    failure = err;
  });
  if (failure) throw failure;
}
