import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  LAUNCHER_ROLE,
  PROCESS_ROLE_LABEL
} from "./chunk-4Q5ER2D7.js";
import {
  preloadDirs
} from "./chunk-EFHURMFM.js";
import "./chunk-LERJVIWU.js";
import {
  CpuProfileImporter,
  ProfileFileReader,
  asInputError,
  readProfileBytes
} from "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import {
  DEFAULT_LIMITS
} from "./chunk-JSXNLBLO.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
import {
  makeDirs
} from "./chunk-MIHNHIUD.js";
import {
  commonJsModuleClass
} from "./chunk-WO6TBIDZ.js";
import {
  ALLOC_SUFFIX,
  MARKER_RESIDUES,
  MARKER_STEP,
  WARNINGS_SUFFIX
} from "./chunk-DWI46GCV.js";
import {
  normalizeScriptPath
} from "./chunk-BCCUQZ3E.js";
import {
  ALLOC_SAMPLES,
  ALLOC_SPACE,
  CIPROF_FRAME,
  ProfileBuilder
} from "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/collect/gather.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync6, statSync as statSync3 } from "node:fs";
import * as path5 from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";

// src/sourcemap/apply.ts
import { readFileSync as readFileSync5 } from "node:fs";
import * as path3 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/agent/scripts.ts
function isProjectScript(url) {
  return /^(?:file:|\/|[a-z]:[\\/])/i.test(url) && !/[\\/]node_modules[\\/]/.test(url);
}
var OWN_DIR = typeof __dirname === "string" ? `${__dirname}/` : void 0;
var MAX_GENERATED_SOURCE_CHARS = 32 * 1024 * 1024;
var NODE_JS_LOADER = jsLoader();
function jsLoader() {
  return commonJsModuleClass()._extensions?.[".js"];
}
var TS_LOADERS_AT_LOAD = tsLoaders();
function tsLoaders() {
  const extensions = commonJsModuleClass()._extensions;
  return [".ts", ".mts", ".cts"].map((ext) => typeof extensions?.[ext]).join();
}

// src/sourcemap/load.ts
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// src/sourcemap/source-map.ts
import { pathToFileURL } from "node:url";

// src/sourcemap/mappings.ts
var SEGMENT_FIELDS = 5;
var NONE = -1;
var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;
function decodeMappings(mappings) {
  const lines = [];
  let current = [];
  let sorted = true;
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  let column = 0;
  const fields = [];
  const endLine = () => {
    lines.push(sorted ? Int32Array.from(current) : sortSegments(current));
    current = [];
    sorted = true;
    column = 0;
  };
  let i = 0;
  while (i <= mappings.length) {
    const c = i < mappings.length ? mappings.charCodeAt(i) : 59;
    if (c === 59 || c === 44) {
      i++;
      if (c === 59) endLine();
      continue;
    }
    fields.length = 0;
    while (i < mappings.length && mappings.charCodeAt(i) !== 44 && mappings.charCodeAt(i) !== 59) {
      let value = 0;
      let shift = 0;
      let digit;
      do {
        const code = mappings.charCodeAt(i++);
        digit = code < 128 ? DIGIT[code] : -1;
        if (digit < 0) throw new Error(`invalid base64 VLQ character at offset ${i - 1} of "mappings"`);
        value += (digit & 31) * 2 ** shift;
        shift += 5;
      } while (digit & 32 && i < mappings.length);
      if (digit & 32) throw new Error('"mappings" ends inside a VLQ number');
      fields.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    }
    if (fields.length !== 1 && fields.length !== 4 && fields.length !== 5) {
      throw new Error(`a segment of "mappings" has ${fields.length} fields (1, 4 or 5 expected)`);
    }
    const generatedColumn = column += fields[0];
    if (current.length > 0 && generatedColumn < current[current.length - SEGMENT_FIELDS]) sorted = false;
    if (fields.length === 1) {
      current.push(generatedColumn, NONE, NONE, NONE, NONE);
      continue;
    }
    source += fields[1];
    sourceLine += fields[2];
    sourceColumn += fields[3];
    if (fields.length === 5) name += fields[4];
    current.push(generatedColumn, source, sourceLine, sourceColumn, fields.length === 5 ? name : NONE);
  }
  return lines;
}
function sortSegments(flat) {
  const order = Array.from({ length: flat.length / SEGMENT_FIELDS }, (_, k) => k);
  order.sort((a, b) => flat[a * SEGMENT_FIELDS] - flat[b * SEGMENT_FIELDS]);
  const out = new Int32Array(flat.length);
  order.forEach((from, to) => out.set(flat.slice(from * SEGMENT_FIELDS, (from + 1) * SEGMENT_FIELDS), to * SEGMENT_FIELDS));
  return out;
}

// src/sourcemap/source-map.ts
var SourceMap = class _SourceMap {
  constructor(sources, names, lines, contents) {
    this.sources = sources;
    this.names = names;
    this.lines = lines;
    this.contents = contents;
  }
  sources;
  names;
  lines;
  contents;
  /**
   * `mapUrl` is where the map was found: sources are resolved against it (for an inline
   * map, the script's own URL). Throws a plain Error naming the problem.
   */
  static parse(json, mapUrl) {
    const raw = json;
    if (!raw || typeof raw !== "object") throw new Error("not a source map (not a JSON object)");
    if (raw.sections !== void 0) throw new Error('index source maps ("sections") are not supported');
    if (raw.version !== 3) throw new Error(`unsupported source map version ${JSON.stringify(raw.version)} (3 expected)`);
    if (!Array.isArray(raw.sources)) throw new Error('source map has no "sources" array');
    if (typeof raw.mappings !== "string") throw new Error('source map has no "mappings" string');
    const names = Array.isArray(raw.names) ? raw.names.map((n) => typeof n === "string" ? n : "") : [];
    const root = typeof raw.sourceRoot === "string" ? raw.sourceRoot : "";
    const sources = raw.sources.map((s) => resolveSource(typeof s === "string" ? s : "", root, mapUrl));
    const contents = Array.isArray(raw.sourcesContent) ? raw.sourcesContent.map((c) => typeof c === "string" ? c : void 0) : [];
    return new _SourceMap(sources, names, decodeMappings(raw.mappings), contents);
  }
  hasSource(source) {
    return this.sources.includes(source);
  }
  /**
   * This map for code whose line i is line `lineOf[i]` of the code it was made for (-1:
   * a line that code lacks): a map made for a near copy of the code that ran.
   */
  forLines(lineOf) {
    const none = new Int32Array(0);
    return new _SourceMap(this.sources, this.names, lineOf.map((l) => l >= 0 ? this.lines[l] ?? none : none), this.contents);
  }
  /**
   * A map for other code, whose positions `points` stand for positions of the code this map
   * was made for: each gets the segment its counterpart falls in (the same original),
   * starting at its own column. Where several points share a line they are ordered by column.
   */
  forPoints(points) {
    const byLine = [];
    for (const { line, column, at } of [...points].sort((a, b) => a.line - b.line || a.column - b.column)) {
      const segments = this.lines[at.line];
      if (!segments || segments.length === 0 || line < 0) continue;
      const k = Math.max(0, lastSegmentAtOrBefore(segments, at.column));
      const segment = Array.from(segments.subarray(k * SEGMENT_FIELDS, (k + 1) * SEGMENT_FIELDS));
      segment[0] = column;
      (byLine[line] ??= []).push(...segment);
    }
    const none = new Int32Array(0);
    return new _SourceMap(this.sources, this.names, Array.from({ length: byLine.length }, (_, i) => byLine[i] ? Int32Array.from(byLine[i]) : none), this.contents);
  }
  /** The original text of `source` (as returned in OriginalPosition.source), if embedded. */
  contentOf(source) {
    const i = this.sources.indexOf(source);
    return i >= 0 ? this.contents[i] : void 0;
  }
  /**
   * The original position of the code at a generated position: the segment that starts
   * at or before the column on that line, else (a function that starts before the
   * line's first mapped column) the line's first segment. Undefined when the line has
   * no segment with a source: the map says this code has no original.
   */
  originalPositionFor(line, column) {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return void 0;
    const at = Math.max(0, lastSegmentAtOrBefore(segments, column));
    const base = at * SEGMENT_FIELDS;
    const sourceIndex = segments[base + 1];
    if (sourceIndex === NONE) return void 0;
    const source = this.sources[sourceIndex];
    if (source === void 0) return void 0;
    const position = { source, line: segments[base + 2], column: segments[base + 3] };
    const name = this.nameNear(segments, at);
    if (name) position.name = name;
    return position;
  }
  /**
   * V8 places a function at its parameter list; generators put the name on the segment
   * of the name token just before it. Only the found segment and the one before count,
   * so a name from an unrelated expression further left is never taken.
   */
  nameNear(segments, at) {
    for (let k = at; k >= Math.max(0, at - 1); k--) {
      const nameIndex = segments[k * SEGMENT_FIELDS + 4];
      if (nameIndex !== NONE) return this.names[nameIndex] || void 0;
    }
    return void 0;
  }
};
function lastSegmentAtOrBefore(segments, column) {
  let lo = 0;
  let hi = segments.length / SEGMENT_FIELDS - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (segments[mid * SEGMENT_FIELDS] <= column) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
function resolveSource(source, root, mapUrl) {
  const joined = root && !/^[a-z][a-z0-9+.-]*:/i.test(source) && !source.startsWith("/") ? `${root.replace(/\/?$/, "/")}${source}` : source;
  try {
    return new URL(joined, toUrl(mapUrl)).href;
  } catch {
    return joined;
  }
}
function toUrl(pathOrUrl) {
  if (pathOrUrl.startsWith("/") || /^[a-z]:[\\/]/i.test(pathOrUrl)) return pathToFileURL(pathOrUrl).href;
  return pathOrUrl;
}

// src/sourcemap/load.ts
var MAX_MAP_BYTES = 64 * 1024 * 1024;
var TAIL_BYTES = 4096;
var SourceMapLoader = class {
  maps = /* @__PURE__ */ new Map();
  onDisk = /* @__PURE__ */ new Map();
  /** One line per map that could not be read: "<where>: <problem>". */
  problems = [];
  /** The parsed map, or undefined (reason recorded once in `problems`) when it cannot be read. */
  load(scriptUrl, sourceMapUrl) {
    const key = `${scriptUrl}\0${sourceMapUrl}`;
    if (this.maps.has(key)) return this.maps.get(key);
    let map;
    const inline = sourceMapUrl.startsWith("data:");
    let where = inline ? `inline source map of ${scriptUrl}` : sourceMapUrl;
    try {
      if (inline) {
        map = SourceMap.parse(parseJson(decodeDataUrl(sourceMapUrl)), scriptUrl);
      } else {
        const mapUrl = new URL(sourceMapUrl, toUrl(scriptUrl)).href;
        where = filePath(mapUrl) ?? mapUrl;
        map = loadFile(mapUrl);
      }
    } catch (err) {
      const e = err;
      this.problems.push(`${where}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
    }
    this.maps.set(key, map);
    return map;
  }
  /**
   * The map URL a script file on disk names in its last lines, for scripts the agent saw
   * no map for (a profile from `--cpu-prof`, or a script already garbage at flush time).
   * Only for JavaScript files: a .ts file on disk is the original, not what V8 ran.
   */
  mapUrlOnDisk(scriptUrl) {
    if (this.onDisk.has(scriptUrl)) return this.onDisk.get(scriptUrl);
    let found;
    const file = filePath(scriptUrl);
    if (file && /\.[cm]?js$/.test(file)) {
      try {
        const text = readTail(file, TAIL_BYTES);
        const m = /\/\/[#@] sourceMappingURL=([^\s'"]+)\s*$/.exec(text);
        if (m) found = m[1];
      } catch {
      }
    }
    this.onDisk.set(scriptUrl, found);
    return found;
  }
};
function loadFile(mapUrl) {
  const file = filePath(mapUrl);
  if (!file) throw new Error("not a local file, not fetched");
  const size = statSync(file).size;
  if (size > MAX_MAP_BYTES) throw new Error(`${size} bytes, over the ${MAX_MAP_BYTES}-byte limit`);
  return SourceMap.parse(parseJson(readFileSync(file, "utf8")), mapUrl);
}
function decodeDataUrl(url) {
  const comma = url.indexOf(",");
  if (comma < 0) throw new Error("malformed data: URL (no comma)");
  const header = url.slice(5, comma);
  const body = url.slice(comma + 1);
  const bytes = /;base64$/i.test(header) ? body.length * 3 / 4 : body.length;
  if (bytes > MAX_MAP_BYTES) throw new Error(`${Math.round(bytes)} bytes, over the ${MAX_MAP_BYTES}-byte limit`);
  return /;base64$/i.test(header) ? Buffer.from(body, "base64").toString("utf8") : decodeURIComponent(body);
}
function parseJson(text) {
  try {
    return JSON.parse(text.replace(/^\)\]\}'[^\n]*\n/, ""));
  } catch (err) {
    throw new Error(`invalid JSON (${err.message})`);
  }
}
function filePath(url) {
  if (url.startsWith("file:")) {
    try {
      return fileURLToPath(url.split(/[?#]/, 1)[0]);
    } catch {
      return void 0;
    }
  }
  return url.startsWith("/") ? url.split(/[?#]/, 1)[0] : void 0;
}
function readTail(file, bytes) {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(size, bytes));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString("utf8");
  } finally {
    closeSync(fd);
  }
}

// src/sourcemap/scripts-file.ts
import { readFileSync as readFileSync2 } from "node:fs";
var WAIT_STEP_MS = 20;
var DEFAULT_WAIT_MS = 2e3;
function scriptMapsPath(cpuprofileFile) {
  return cpuprofileFile.replace(/\.cpuprofile$/, ".scripts.json");
}
function readScriptMaps(file, writerPid, waitMs = DEFAULT_WAIT_MS) {
  const deadline = Date.now() + waitMs;
  for (; ; ) {
    let text;
    try {
      text = readFileSync2(file, "utf8");
    } catch (err) {
      if (err.code !== "ENOENT") throw err;
      if (writerPid === void 0 || !isAlive(writerPid) || Date.now() >= deadline) return void 0;
      sleep(WAIT_STEP_MS);
      continue;
    }
    return checkScriptMaps(JSON.parse(text));
  }
}
function checkScriptMaps(value) {
  const scripts = value?.scripts;
  if (!Array.isArray(scripts)) throw new Error('no "scripts" array');
  for (const s of scripts) {
    if (!s || typeof s.url !== "string" || typeof s.sourceMapURL !== "string" || !Array.isArray(s.scriptIds)) {
      throw new Error("a script entry lacks url, sourceMapURL or scriptIds");
    }
    if (s.generatedSource !== void 0 && typeof s.generatedSource !== "string") throw new Error(`the script entry of ${s.url} has a generatedSource that is not text`);
  }
  const tsAsWritten = value.tsAsWritten;
  if (tsAsWritten !== void 0 && tsAsWritten !== true) throw new Error('"tsAsWritten" is not true');
  const caches = value.jestCaches;
  if (caches !== void 0 && !(Array.isArray(caches) && caches.every((c) => c && typeof c.directory === "string" && c.directory !== "" && typeof c.configId === "string" && c.configId !== ""))) {
    throw new Error('"jestCaches" is not a list of { directory, configId } strings');
  }
  return value;
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// src/sourcemap/infer-name.ts
var IDENTIFIER = String.raw`[A-Za-z_$][\w$]*`;
var ASSIGNED = new RegExp(String.raw`(?:^|[^\w$.])(${IDENTIFIER}(?:\.${IDENTIFIER})*)\s*(?::[^=;(){}]+)?(?<![=!<>])=\s*(?:async)?$`);
var PROPERTY = new RegExp(String.raw`(?:^\s*|[{,]\s*)(${IDENTIFIER})\s*:\s*(?:async)?$`);
var FUNCTION_KEYWORD = /(?:async\s+)?function\s*\*?\s*$/;
function inferFunctionName(lines, line, column) {
  const current = lines[line];
  if (current === void 0) return void 0;
  let before = current.slice(0, column);
  if (before.trim() === "" && line > 0) before = `${lines[line - 1] ?? ""} `;
  before = before.replace(FUNCTION_KEYWORD, "").trimEnd();
  const match = ASSIGNED.exec(before) ?? PROPERTY.exec(before);
  return match?.[1];
}

// src/sourcemap/istanbul.ts
var HEADER = /function (cov_[A-Za-z0-9_$]+)\(\) \{\s*var path = [^\n]*\n\s*var hash = [^\n]*\n\s*var global = [^\n]*\n\s*var gcv = "__coverage__";\s*var coverageData = /;
function readInstrumented(code) {
  const header = HEADER.exec(code.slice(0, 4096));
  if (!header) return void 0;
  const start = header.index + header[0].length;
  const literal = objectLiteralAt(code, start);
  if (literal === void 0) return void 0;
  const data = parseLiteral(literal);
  const fnMap = data?.fnMap;
  if (!fnMap || typeof fnMap !== "object") return void 0;
  const functions = [];
  for (const [key, value] of Object.entries(fnMap)) {
    const index = Number(key);
    const entry = value;
    const line = entry.decl?.start?.line;
    const column = entry.decl?.start?.column;
    if (!Number.isInteger(index) || index < 0 || typeof entry.name !== "string" || typeof line !== "number" || typeof column !== "number" || line < 1) continue;
    functions[index] = { name: entry.name, decl: { line: line - 1, column } };
  }
  return { functions, counterPrefix: `${header[1]}().f[`, counterFunction: header[1] };
}
var NAMED_LOOKAHEAD = 8;
function functionAt(code, lineStarts, instrumented, line, column, name) {
  const lineStart = lineStarts[line];
  if (lineStart === void 0) return void 0;
  const { counterPrefix, functions } = instrumented;
  let first;
  let seen = 0;
  for (let at = code.indexOf(counterPrefix, lineStart + column); at >= 0 && seen < NAMED_LOOKAHEAD; at = code.indexOf(counterPrefix, at + counterPrefix.length)) {
    const close = code.indexOf("]", at + counterPrefix.length);
    const entry = functions[Number(code.slice(at + counterPrefix.length, close))];
    if (!entry) return first;
    first ??= entry;
    if (!name || entry.name === name) return entry;
    seen++;
  }
  return first;
}
function lineStartsOf(code) {
  const starts = [0];
  for (let i = code.indexOf("\n"); i >= 0; i = code.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
function objectLiteralAt(code, start) {
  if (code[start] !== "{") return void 0;
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      i = stringEnd(code, i);
      if (i < 0) return void 0;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return code.slice(start, i + 1);
    }
  }
  return void 0;
}
function stringEnd(code, at) {
  const quote = code[at];
  for (let i = at + 1; i < code.length; i++) {
    if (code[i] === "\\") i++;
    else if (code[i] === quote) return i;
    else if (code[i] === "\n") return -1;
  }
  return -1;
}
function parseLiteral(text) {
  let json = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return void 0;
      json += text.slice(i, end + 1);
      i = end;
    } else if (c === "'") {
      return void 0;
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 256))[0];
      const after = /^\s*:/.test(text.slice(i + word.length, i + word.length + 64));
      if (after) json += JSON.stringify(word);
      else if (word === "true" || word === "false" || word === "null") json += word;
      else if (word === "undefined") json += "null";
      else return void 0;
      i += word.length - 1;
    } else json += c;
  }
  try {
    return JSON.parse(json);
  } catch {
    return void 0;
  }
}

// src/sourcemap/instrumented-map.ts
var LOOKAHEAD = 40;
function rebuiltMap(rebuild, file, current, code, frames) {
  const aligned = rebuild.mapFor(file, current, code, frames);
  if (aligned || !code.includes('"__coverage__"')) return aligned;
  const compiled = rebuild.compiledCode(file, current);
  return compiled && instrumentedMap(code, frames, compiled);
}
function instrumentedMap(code, frames, compiled) {
  const instrumented = readInstrumented(code);
  if (!instrumented) return void 0;
  const lineStarts = lineStartsOf(code);
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const column = (frame) => Math.max(0, frame.columnNumber ?? 0);
  for (const frame of [...frames].sort((a, b) => a.lineNumber - b.lineNumber || column(a) - column(b))) {
    if (frame.lineNumber < 1 || frame.functionName === instrumented.counterFunction) continue;
    const key = `${frame.lineNumber}:${column(frame)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = functionAt(code, lineStarts, instrumented, frame.lineNumber, column(frame), ownName(frame.functionName));
    if (!entry) return void 0;
    found.push({ frame, decl: entry.decl });
  }
  if (found.length === 0) return void 0;
  let hint = 0;
  for (const f of found) {
    const name = ownName(f.frame.functionName);
    if (!name) continue;
    f.offset = nameOffset(compiled.lines, f.decl, name, hint);
    if (f.offset === void 0) return void 0;
    hint = f.offset;
  }
  const named = found.filter((f) => f.offset !== void 0);
  if (named.length === 0) return void 0;
  const points = found.map((f) => {
    const offset = f.offset ?? named.reduce((best, n) => Math.abs(n.decl.line - f.decl.line) < Math.abs(best.decl.line - f.decl.line) ? n : best).offset;
    return { line: f.frame.lineNumber, column: column(f.frame), at: { line: f.decl.line + offset, column: f.decl.column } };
  });
  return compiled.map.forPoints(points);
}
function ownName(functionName) {
  const name = functionName.replace(/^(?:get|set) /, "");
  return name.slice(name.lastIndexOf(".") + 1);
}
function nameOffset(lines, decl, name, hint) {
  const named = (index) => {
    const line = lines[index];
    if (line.startsWith(name, decl.column)) return true;
    if (line.startsWith("constructor", decl.column)) return classAbove(lines, index) === name;
    const before = line.lastIndexOf(name, decl.column);
    return before >= 0 && !/[\w$]/.test(line[before - 1] ?? "") && !/[\w$]/.test(line[before + name.length] ?? "");
  };
  for (let delta = 0; delta <= LOOKAHEAD; delta++) {
    for (const offset of delta === 0 ? [hint] : [hint + delta, hint - delta]) {
      const index = decl.line + offset;
      if (lines[index] !== void 0 && named(index)) return offset;
    }
  }
  return void 0;
}
function classAbove(lines, index) {
  for (let i = index - 1; i >= 0; i--) {
    const declared = /\bclass\s+([\w$]+)/.exec(lines[i]);
    if (declared) return declared[1];
  }
  return void 0;
}

// src/sourcemap/jest-cache.ts
import { closeSync as closeSync2, existsSync, fstatSync as fstatSync2, openSync as openSync2, readdirSync, readFileSync as readFileSync4, readSync as readSync2, realpathSync, statSync as statSync2 } from "node:fs";
import { tmpdir } from "node:os";
import * as path2 from "node:path";

// src/sourcemap/tsc-rebuild.ts
import { createHash } from "node:crypto";
import { readFileSync as readFileSync3 } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
var TYPESCRIPT_FILE = /\.[cm]?tsx?$/i;
function rebuildBudgetMs(env = process.env) {
  const v = Number(env.CIPROF_TS_REBUILD_MS);
  return env.CIPROF_TS_REBUILD_MS !== void 0 && env.CIPROF_TS_REBUILD_MS !== "" && Number.isFinite(v) && v >= 0 ? v : 6e4;
}
var REBUILD_CACHE_DIR = "ciprof-tsc-rebuild";
var TscRebuild = class {
  /** `cacheDir`: where compiled maps are kept between runs (none: compile every run). */
  constructor(budgetMs = rebuildBudgetMs(), cacheDir) {
    this.budgetMs = budgetMs;
    this.cacheDir = cacheDir;
  }
  budgetMs;
  cacheDir;
  spentMs = 0;
  skipped = 0;
  /** Per file, once per run: every worker's profile of a file gets the same answer. */
  compiled = /* @__PURE__ */ new Map();
  /** One line when files were left unmapped because the cap was reached. */
  get problem() {
    return this.skipped ? `${this.skipped} TypeScript file(s) compiled without a map keep generated positions, so their functions may not match the base's: compiling them again took past the ${this.budgetMs} ms cap (CIPROF_TS_REBUILD_MS; or set "sourceMap": true in the tsconfig ts-jest uses)` : void 0;
  }
  /** The compiler by the directory it was resolved from (undefined: the project has none). */
  compilers = /* @__PURE__ */ new Map();
  /** What names a kept compile, by directory (typescript's version, the nearest tsconfig); null: no typescript there. */
  dirInputs = /* @__PURE__ */ new Map();
  /** Options by the directory of the file compiled (reading a tsconfig lists the project's files). */
  options = /* @__PURE__ */ new Map();
  /** The map of `file` (current text `source`) matching `cachedCode` at every profiled line, else undefined. */
  mapFor(file, source, cachedCode, frames) {
    if (!TYPESCRIPT_FILE.test(file) || !frames.some((f) => f.lineNumber >= 1)) return void 0;
    const compiled = this.compiledFile(file, source);
    if (!compiled) return void 0;
    const lineOf = alignLines(cachedCode.split("\n"), compiled.outputLines);
    if (frames.some((f) => f.lineNumber >= 1 && (lineOf[f.lineNumber] ?? -1) < 0)) return void 0;
    try {
      const map = { ...JSON.parse(compiled.sourceMapText), sources: [toUrl(file)], sourceRoot: void 0 };
      return SourceMap.parse(map, toUrl(file)).forLines(lineOf);
    } catch {
      return void 0;
    }
  }
  /** Our compile of `file` itself, its lines and its map (for code istanbul rewrote from the transform's output: jest-cache.ts). */
  compiledCode(file, source) {
    if (!TYPESCRIPT_FILE.test(file)) return void 0;
    const compiled = this.compiledFile(file, source);
    if (!compiled) return void 0;
    try {
      const map = { ...JSON.parse(compiled.sourceMapText), sources: [toUrl(file)], sourceRoot: void 0 };
      return { lines: compiled.outputLines, map: SourceMap.parse(map, toUrl(file)) };
    } catch {
      return void 0;
    }
  }
  compiledFile(file, source) {
    if (this.compiled.has(file)) return this.compiled.get(file);
    let compiled;
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
  diskFileFor(file, source) {
    if (!this.cacheDir) return void 0;
    const dir = path.dirname(file);
    let inputs = this.dirInputs.get(dir);
    if (inputs === void 0) {
      const version = typescriptVersion(dir);
      const config = nearestTsconfig(dir);
      this.dirInputs.set(dir, inputs = version ? `${version}\0${config?.file ?? ""}\0${config?.text ?? ""}` : null);
    }
    if (inputs === null) return void 0;
    const hash = createHash("sha256").update(`${inputs}\0${file}\0${source}`).digest("hex");
    return path.join(this.cacheDir, REBUILD_CACHE_DIR, `${hash.slice(0, 40)}.json`);
  }
  compile(file, source) {
    const ts = this.compiler(path.dirname(file));
    if (!ts) return void 0;
    let output;
    try {
      const dir = path.dirname(file);
      let options = this.options.get(dir);
      if (!options) this.options.set(dir, options = compilerOptions(ts, dir));
      output = ts.transpileModule(source, { fileName: file, compilerOptions: options, reportDiagnostics: false });
    } catch {
      return void 0;
    }
    return output.sourceMapText ? { outputLines: output.outputText.split("\n"), sourceMapText: output.sourceMapText } : void 0;
  }
  compiler(dir) {
    if (this.compilers.has(dir)) return this.compilers.get(dir);
    let ts;
    try {
      ts = createRequire(path.join(dir, "noop.js"))("typescript");
      if (typeof ts.transpileModule !== "function") ts = void 0;
    } catch {
    }
    this.compilers.set(dir, ts);
    return ts;
  }
};
function typescriptVersion(dir) {
  try {
    const manifest = createRequire(path.join(dir, "noop.js")).resolve("typescript/package.json");
    return JSON.parse(readFileSync3(manifest, "utf8")).version;
  } catch {
    return void 0;
  }
}
function nearestTsconfig(dir) {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      const file = path.join(d, "tsconfig.json");
      return { file, text: readFileSync3(file, "utf8") };
    } catch {
    }
    if (path.dirname(d) === d) return void 0;
  }
}
function readCompiled(file) {
  try {
    const raw = JSON.parse(readFileSync3(file, "utf8"));
    return typeof raw.outputText === "string" && typeof raw.sourceMapText === "string" ? { outputLines: raw.outputText.split("\n"), sourceMapText: raw.sourceMapText } : void 0;
  } catch {
    return void 0;
  }
}
function writeCompiled(file, compiled) {
  try {
    makeDirs(path.dirname(file));
    writeFileAtomic(file, JSON.stringify({ outputText: compiled.outputLines.join("\n"), sourceMapText: compiled.sourceMapText }));
  } catch {
  }
}
function compilerOptions(ts, dir) {
  let options = {};
  const configFile = ts.findConfigFile(dir, (f) => ts.sys.fileExists(f));
  if (configFile) {
    const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
    if (!read.error) options = ts.parseJsonConfigFileContent({ ...read.config, files: [], include: [] }, ts.sys, path.dirname(configFile)).options;
  }
  return {
    ...options,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: false,
    removeComments: false,
    declaration: false,
    module: options.module ?? ts.ModuleKind.CommonJS
  };
}
var LOOKAHEAD2 = 40;
function alignLines(cached, ours) {
  const lineOf = new Array(cached.length).fill(-1);
  let j = 0;
  for (let i = 0; i < cached.length && j < ours.length; i++) {
    if (cached[i] === ours[j]) {
      lineOf[i] = j++;
      continue;
    }
    const ahead = ours.indexOf(cached[i], j + 1);
    if (ahead > j && ahead - j <= LOOKAHEAD2) {
      lineOf[i] = ahead;
      j = ahead + 1;
    } else if (!cached.slice(i + 1, i + 1 + LOOKAHEAD2).includes(ours[j])) {
      j++;
    }
  }
  return lineOf;
}

// src/sourcemap/jest-cache.ts
var MAX_INDEXED_FILES = 5e5;
function defaultJestCacheDirectory() {
  let tmp = tmpdir();
  try {
    tmp = realpathSync(tmp);
  } catch {
  }
  const base = path2.join(tmp, "jest");
  return typeof process.getuid === "function" ? `${base}_${process.getuid().toString(36)}` : base;
}
var JestTransformCache = class {
  constructor(cacheDirectory = defaultJestCacheDirectory()) {
    this.cacheDirectory = cacheDirectory;
    this.rebuild = new TscRebuild(void 0, cacheDirectory);
  }
  cacheDirectory;
  /** Per directory-name prefix (one config's caches, or all of them). */
  indexes = /* @__PURE__ */ new Map();
  /** Per cached transform: whether it may carry a map (mayNameMap). */
  namesMap = /* @__PURE__ */ new Map();
  /** The cache directory's entries, listed once. */
  entries;
  rebuild;
  /** What the TypeScript rebuild left undone, if anything (one line). */
  get problem() {
    return this.rebuild.problem;
  }
  /**
   * The map of jest's cached transform of the script at `url`, checked against its
   * profiled frames. `configIds`: only the transform caches of these jest configs (what
   * the worker's jest hook saw); absent, every transform cache in the directory.
   */
  find(url, frames, loader, configIds) {
    const file = filePath(url);
    if (!file) return void 0;
    const rebuildable = TYPESCRIPT_FILE.test(file);
    const candidates = this.candidates(file, configIds).filter((c) => rebuildable || this.mayNameMap(c));
    if (candidates.length === 0) return void 0;
    let current;
    try {
      current = readFileSync4(file, "utf8");
    } catch {
      return void 0;
    }
    const sourceUrl = toUrl(file);
    let best;
    for (const candidate of candidates) {
      const checked = this.check(candidate, url, sourceUrl, current, frames, loader);
      if (!checked) continue;
      const mtimeMs = statSync2(candidate, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (!best || checked.score > best.score || checked.score === best.score && mtimeMs > best.mtimeMs) best = { ...checked, mtimeMs };
    }
    return best?.map;
  }
  check(candidate, url, sourceUrl, current, frames, loader) {
    let text;
    try {
      text = readFileSync4(candidate, "utf8");
    } catch {
      return void 0;
    }
    const code = text.slice(text.indexOf("\n") + 1);
    const score = agreement(code.split("\n"), frames);
    if (score < 0) return void 0;
    const inline = /\/\/# sourceMappingURL=(data:[^\s]+)\s*$/.exec(code)?.[1];
    const map = inline || existsSync(`${candidate}.map`) ? loader.load(url, inline ?? `${candidate}.map`) : rebuiltMap(this.rebuild, filePath(url), current, code, frames);
    if (!map?.hasSource(sourceUrl)) return void 0;
    const embedded = map.contentOf(sourceUrl);
    return embedded === void 0 || embedded === current ? { map, score } : void 0;
  }
  /**
   * Whether find() may give a map for the script at `url`: it is TypeScript, or some cached
   * transform of a file of its name may carry a map. Cheap (no transform read whole): lets a
   * worker's profile with nothing to map skip the parse.
   */
  mayMap(url, configIds) {
    const file = filePath(url);
    if (!file) return false;
    return TYPESCRIPT_FILE.test(file) || this.candidates(file, configIds).some((c) => this.mayNameMap(c));
  }
  /** mayNameMap, once per cached transform: files of one name (`index.js`) are each other's candidates. */
  mayNameMap(candidate) {
    let may = this.namesMap.get(candidate);
    if (may === void 0) {
      may = mayNameMap(candidate);
      this.namesMap.set(candidate, may);
    }
    return may;
  }
  /** Cached transforms of files with this file's name (jest: `<name without non-word characters>_<key>`). */
  candidates(file, configIds) {
    const key = path2.basename(file, path2.extname(file)).replace(/\W/g, "");
    if (!configIds) return this.indexFor(ALL_TRANSFORM_CACHES).get(key) ?? [];
    return [...new Set(configIds.flatMap((id) => this.indexFor(transformCachePrefix(id)).get(key) ?? []))];
  }
  /** The index of the transform caches whose directory names start with `prefix`, built once per prefix. */
  indexFor(prefix) {
    let index = this.indexes.get(prefix);
    if (!index) {
      this.entries ??= list(this.cacheDirectory);
      index = indexCache(this.cacheDirectory, this.entries.filter((d) => d.startsWith(prefix)));
      this.indexes.set(prefix, index);
    }
    return index;
  }
};
var ALL_TRANSFORM_CACHES = "jest-transform-cache-";
function transformCachePrefix(configId) {
  return `${ALL_TRANSFORM_CACHES}${configId.replace(/\W/g, "-")}-`;
}
function indexCache(cacheDirectory, transformDirs) {
  const index = /* @__PURE__ */ new Map();
  let files = 0;
  for (const transformDir of transformDirs) {
    for (const bucket of list(path2.join(cacheDirectory, transformDir))) {
      for (const name of list(path2.join(cacheDirectory, transformDir, bucket))) {
        if (name.endsWith(".map") || ++files > MAX_INDEXED_FILES) continue;
        const cut = name.lastIndexOf("_");
        if (cut <= 0) continue;
        const key = name.slice(0, cut);
        const full = path2.join(cacheDirectory, transformDir, bucket, name);
        const known = index.get(key);
        if (known) known.push(full);
        else index.set(key, [full]);
      }
    }
  }
  return index;
}
var TAIL_BYTES2 = 4096;
function mayNameMap(candidate) {
  if (existsSync(`${candidate}.map`)) return true;
  let fd;
  try {
    fd = openSync2(candidate, "r");
    const size = fstatSync2(fd).size;
    const tail = Buffer.alloc(Math.min(size, TAIL_BYTES2));
    readSync2(fd, tail, 0, tail.length, size - tail.length);
    const text = tail.toString("latin1").trimEnd();
    const lastLineStart = text.lastIndexOf("\n");
    if (lastLineStart < 0) return size > tail.length || text.includes("sourceMappingURL=");
    return text.includes("sourceMappingURL=", lastLineStart);
  } catch {
    return true;
  } finally {
    if (fd !== void 0) closeSync2(fd);
  }
}
function list(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
function agreement(lines, frames) {
  let score = 0;
  for (const frame of frames) {
    if (frame.lineNumber < 1) continue;
    const line = lines[frame.lineNumber];
    const column = frame.columnNumber ?? 0;
    const char = line?.[column];
    if (line === void 0 || char === void 0 || !(char === "(" || /[\w$]/.test(char))) return -1;
    const name = /[\w$]+$/.exec(frame.functionName)?.[0];
    if (name && line.slice(0, column).includes(name)) score++;
  }
  return score;
}

// src/sourcemap/apply.ts
var TRANSFORMED_SOURCE = /\.(?:[cm]?tsx?|jsx|vue|svelte)(?:[?#].*)?$/i;
var STRIPPED_BY_NODE = /\.[cm]?ts$/i;
var JEST_MODULE_WRAPPER = "Object.<anonymous>";
var LISTED_FILES = 20;
var FrameMapper = class {
  constructor(repoRoot, options = {}) {
    this.repoRoot = repoRoot;
    this.options = options;
  }
  repoRoot;
  options;
  loader = new SourceMapLoader();
  mappedFunctions = /* @__PURE__ */ new Set();
  generatedFunctions = /* @__PURE__ */ new Set();
  generatedFiles = /* @__PURE__ */ new Set();
  /** Frames returned for generated code, and the samples whose innermost frame is one. */
  generatedFrames = /* @__PURE__ */ new WeakSet();
  generatedSamples = 0;
  fileProblems = [];
  sourceLines = /* @__PURE__ */ new Map();
  /** jest's transform caches, per cache directory. */
  jestCaches = /* @__PURE__ */ new Map();
  /** For TypeScript that V8 ran without a map (the agent sent its code): compiled again, once per file. */
  rebuild;
  /**
   * Maps every call frame of `cpu` in place. `scripts` is the agent's file for it, if
   * any; `fromJestWorker`: the profile is of a jest worker, whose transforms jest cached.
   * True when some frame changed.
   */
  apply(cpu, scripts, fromJestWorker = false) {
    const byId = /* @__PURE__ */ new Map();
    const byUrl = /* @__PURE__ */ new Map();
    for (const script of scripts?.scripts ?? []) {
      for (const id of script.scriptIds) byId.set(id, script);
      if (!byUrl.has(script.url)) byUrl.set(script.url, script);
    }
    const originalIds = new OriginalScriptIds(cpu);
    const generatedNodes = /* @__PURE__ */ new Set();
    let changed = false;
    for (const nodes of userScriptNodes(cpu).values()) {
      const first = nodes[0].callFrame;
      const entry = byId.get(String(first.scriptId)) ?? byUrl.get(first.url);
      const frames = nodes.map((n) => n.callFrame);
      const map = this.mapFor(first.url, entry, frames, fromJestWorker ? { caches: scripts?.jestCaches } : void 0);
      const done = /* @__PURE__ */ new Map();
      for (const node of nodes) {
        const frame = node.callFrame;
        const key = `${frame.lineNumber}\0${frame.columnNumber ?? -1}\0${frame.functionName}`;
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
    if (generatedNodes.size > 0) {
      for (const id of cpu.samples ?? []) if (generatedNodes.has(id)) this.generatedSamples++;
    }
    return changed;
  }
  mapBytes(cpuprofileFile, bytes, options) {
    const scriptsFile = scriptMapsPath(cpuprofileFile);
    let scripts;
    try {
      scripts = readScriptMaps(scriptsFile, Number(path3.basename(cpuprofileFile).split("-")[0]) || void 0);
    } catch (err) {
      this.fileProblems.push(`${scriptsFile}: ${err.message}`);
    }
    const askedDebugger = scripts?.via === "debugger";
    if (!scripts || scripts.scripts.length === 0 && !scripts.jestWorker && !askedDebugger) return bytes;
    if (scripts.jestWorker && options?.jestCache === false) return void 0;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    if (scripts.scripts.length === 0 && !(scripts.jestWorker ? this.mayChange(text, scripts.jestCaches) : hasTransformedSource(text))) return bytes;
    let cpu;
    try {
      cpu = JSON.parse(text);
      if (!Array.isArray(cpu.nodes)) return bytes;
    } catch {
      return bytes;
    }
    return this.apply(cpu, scripts, scripts.jestWorker === true) ? Buffer.from(JSON.stringify(cpu)) : bytes;
  }
  /** One line per map or map file that could not be read, naming it and the problem. */
  get problems() {
    const rebuilds = [...this.jestCaches.values(), ...this.rebuild ? [this.rebuild] : []].map((c) => c.problem).filter((p) => p !== void 0);
    return [...this.fileProblems, ...this.loader.problems, ...new Set(rebuilds)];
  }
  /** Profile metadata: what was mapped, and which files kept generated positions. */
  meta() {
    const meta = {
      "sourcemap.mapped_functions": String(this.mappedFunctions.size),
      "sourcemap.generated_functions": String(this.generatedFunctions.size),
      // Samples (V8's, one per interval) whose innermost frame kept a generated position.
      "sourcemap.generated_samples": String(this.generatedSamples)
    };
    if (this.generatedFiles.size > 0) meta["sourcemap.generated_files"] = [...this.generatedFiles].sort().slice(0, LISTED_FILES).join(",");
    return meta;
  }
  /**
   * Whether apply() could change a frame of a jest worker's profile (the agent listed no
   * map): some project script of it is a transformed source, names a map on disk, or has a
   * cached transform that may carry one. Read from the text (frameUrls), no parse: a worker
   * whose transforms made no maps (jest running ES modules as they are) is passed as it is.
   * True when the text cannot be read so.
   */
  mayChange(text, caches) {
    const seen = /* @__PURE__ */ new Set();
    const may = (url) => {
      if (seen.has(url)) return false;
      seen.add(url);
      if (!isProjectScript(url)) return false;
      return TRANSFORMED_SOURCE.test(url) || this.loader.mapUrlOnDisk(url) !== void 0 || this.jestCachesFor(caches).some(([cache, ids]) => cache.mayMap(url, ids));
    };
    return forEachFrameUrl(text, may) !== false;
  }
  /** The transform caches to look in, with the config ids to look for (undefined: every one). */
  jestCachesFor(caches) {
    if (!caches?.length) return [[this.jestCacheAt(this.options.jestCacheDirectory ?? defaultJestCacheDirectory()), void 0]];
    const idsByDirectory = /* @__PURE__ */ new Map();
    for (const { directory, configId } of caches) idsByDirectory.set(directory, [...idsByDirectory.get(directory) ?? [], configId]);
    return [...idsByDirectory].map(([directory, ids]) => [this.jestCacheAt(directory), ids]);
  }
  /**
   * The agent's map, else the one a built file names on disk, else jest's cached one: in
   * the transform caches the worker's jest hook named, else in every one of jest's default
   * directory (an agent without the hook's note, or a jest whose config it could not read).
   */
  mapFor(url, entry, frames, jest) {
    if (entry?.sourceMapURL) return this.loader.load(entry.url, entry.sourceMapURL);
    if (entry?.generatedSource !== void 0) return this.fromGeneratedSource(entry.url, entry.generatedSource, frames);
    const onDisk = this.loader.mapUrlOnDisk(url);
    if (onDisk) return this.loader.load(url, onDisk);
    if (!jest) return void 0;
    for (const [cache, ids] of this.jestCachesFor(jest.caches)) {
      const map = cache.find(url, frames, this.loader, ids);
      if (map) return map;
    }
    return void 0;
  }
  /** A TypeScript script V8 ran without a map, from its code as the agent read it (instrumented-map.ts). */
  fromGeneratedSource(url, code, frames) {
    const file = filePath(url);
    if (!file) return void 0;
    let current;
    try {
      current = readFileSync5(file, "utf8");
    } catch {
      return void 0;
    }
    this.rebuild ??= new TscRebuild(void 0, this.options.jestCacheDirectory ?? defaultJestCacheDirectory());
    return rebuiltMap(this.rebuild, file, current, code, frames);
  }
  jestCacheAt(directory) {
    let cache = this.jestCaches.get(directory);
    if (!cache) {
      cache = new JestTransformCache(directory);
      this.jestCaches.set(directory, cache);
    }
    return cache;
  }
  mapFrame(frame, map, originalIds) {
    const original = frame.lineNumber >= 0 ? map.originalPositionFor(frame.lineNumber, Math.max(0, frame.columnNumber ?? 0)) : void 0;
    if (!original) return this.unmapped(frame, true);
    const mapped = {
      ...frame,
      scriptId: originalIds.of(original.source),
      functionName: this.originalName(frame.functionName, original, map),
      url: original.source,
      lineNumber: original.line,
      columnNumber: original.column
    };
    this.mappedFunctions.add(this.identity(mapped));
    return mapped;
  }
  /**
   * A map's name at the position renames a function V8 named (minified code). For one V8
   * calls anonymous, a map's name would belong to some other token nearby (a callee, a
   * variable), so the name comes from the original text instead, as V8 would infer it.
   */
  originalName(v8Name, original, map) {
    if (v8Name) return original.name ?? v8Name;
    const lines = this.originalLines(original.source, map);
    return lines && inferFunctionName(lines, original.line, original.column) || v8Name;
  }
  originalLines(source, map) {
    if (this.sourceLines.has(source)) return this.sourceLines.get(source);
    let text = map.contentOf(source);
    if (text === void 0 && source.startsWith("file:")) {
      try {
        text = readFileSync5(fileURLToPath2(source), "utf8");
      } catch {
      }
    }
    const lines = text?.split(/\r?\n/);
    this.sourceLines.set(source, lines);
    return lines;
  }
  /** `hasMap`: the script had a map but this position has no original (generated code). */
  unmapped(frame, hasMap) {
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
  identity(frame) {
    return `${frame.functionName}\0${frame.url}\0${frame.lineNumber}`;
  }
};
function hasTransformedSource(text) {
  return forEachFrameUrl(text, (url) => isProjectScript(url) && TRANSFORMED_SOURCE.test(url)) !== false;
}
var CALL_FRAME = '"callFrame":{"functionName":"';
var SCRIPT_ID = '","scriptId":"';
var URL_KEY = '","url":"';
var LINE_KEY = '","lineNumber":';
function forEachFrameUrl(text, visit) {
  let frames = 0;
  for (let at = text.indexOf(CALL_FRAME); at >= 0; at = text.indexOf(CALL_FRAME, at + CALL_FRAME.length)) {
    frames++;
    const idAt = text.indexOf(SCRIPT_ID, at + CALL_FRAME.length);
    const urlAt = idAt < 0 ? -1 : text.indexOf(URL_KEY, idAt + SCRIPT_ID.length);
    const urlEnd = urlAt < 0 ? -1 : text.indexOf(LINE_KEY, urlAt + URL_KEY.length);
    if (urlEnd < 0) return void 0;
    at = urlEnd;
    const first = text.charCodeAt(urlAt + URL_KEY.length);
    if (first !== 47 && text.charCodeAt(urlAt + URL_KEY.length + 1) !== 58 && !text.startsWith("file:", urlAt + URL_KEY.length)) continue;
    const raw = text.slice(urlAt + URL_KEY.length, urlEnd);
    if (visit(raw.includes("\\") ? JSON.parse(`"${raw}"`) : raw) === true) return true;
  }
  let callFrames = 0;
  for (let at = text.indexOf('"callFrame":'); at >= 0; at = text.indexOf('"callFrame":', at + 12)) callFrames++;
  return callFrames === frames ? false : void 0;
}
var OriginalScriptIds = class {
  ids = /* @__PURE__ */ new Map();
  next;
  constructor(cpu) {
    let max = 0;
    for (const node of cpu.nodes) max = Math.max(max, Number(node.callFrame.scriptId) || 0);
    this.next = max + 1;
  }
  of(source) {
    let id = this.ids.get(source);
    if (id === void 0) {
      id = String(this.next++);
      this.ids.set(source, id);
    }
    return id;
  }
};
function userScriptNodes(cpu) {
  const byScript = /* @__PURE__ */ new Map();
  for (const node of cpu.nodes) {
    const url = node.callFrame.url;
    if (!isProjectScript(url)) continue;
    const key = `${node.callFrame.scriptId ?? ""}\0${url}`;
    const nodes = byScript.get(key);
    if (nodes) nodes.push(node);
    else byScript.set(key, [node]);
  }
  return byScript;
}

// src/profile/alloc-import.ts
var isInt = (v) => Number.isSafeInteger(v);
var isNum = (v) => typeof v === "number" && Number.isFinite(v);
function parseAllocProfile(bytes, limits = DEFAULT_LIMITS) {
  if (bytes.length > limits.maxBytes) throw new Error(`larger than ${limits.maxBytes} bytes`);
  let raw;
  try {
    raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  } catch (err) {
    throw new Error(`not JSON (${err.message})`);
  }
  if (!raw || typeof raw !== "object") throw new Error("not an allocation profile");
  const { nodes, samples, $alloc: alloc } = raw;
  if (!Array.isArray(nodes) || nodes.length === 0 || nodes.length > limits.maxNodes) throw new Error(`"nodes" must be a list of 1 to ${limits.maxNodes} nodes`);
  if (!Array.isArray(samples) || samples.length > limits.maxSamples) throw new Error(`"samples" must be a list of at most ${limits.maxSamples} samples`);
  for (const n of nodes) {
    const f = n?.callFrame;
    if (!isInt(n?.id) || !Array.isArray(n.children) || !n.children.every(isInt) || typeof f?.functionName !== "string" || typeof f.url !== "string" || !isInt(f.lineNumber)) {
      throw new Error("a node without id, children or callFrame {functionName, url, lineNumber}");
    }
    if (f.functionName.length > limits.maxStringBytes || f.url.length > limits.maxStringBytes) throw new Error(`a name or URL over ${limits.maxStringBytes} characters`);
  }
  for (const s of samples) {
    if (!isNum(s?.size) || s.size < 0 || !isInt(s.nodeId) || !isNum(s.ordinal)) throw new Error("a sample without size, nodeId or ordinal");
  }
  const b = alloc?.boundariesUs;
  if (!alloc || !isInt(alloc.intervalBytes) || !isInt(alloc.markerElements) || !isNum(alloc.startUs) || !isNum(alloc.endUs) || !Array.isArray(b) || b.length > limits.maxTicks || !b.every(isNum)) {
    throw new Error('bad "$alloc" block');
  }
  return { nodes, samples, info: raw.$ciprof, alloc };
}
function markResidue(size, markerElements) {
  for (const element of [8, 4]) {
    const over = size - element * markerElements;
    const step = element * MARKER_STEP;
    const r = Math.floor(over / step);
    const header = over - r * step;
    if (Number.isInteger(over) && r >= 0 && r < MARKER_RESIDUES && header >= element && header <= (element === 8 ? 80 : 40)) return r;
  }
  return -1;
}
function spansByMarks(file, isMarkNode) {
  const order = file.samples.map((_, i) => i).sort((a, b) => file.samples[a].ordinal - file.samples[b].ordinal);
  const span = new Int32Array(file.samples.length);
  const total = file.alloc.boundariesUs.length;
  let last = -1;
  let found = 0;
  for (const i of order) {
    const s = file.samples[i];
    const residue = isMarkNode(s.nodeId) ? markResidue(s.size, file.alloc.markerElements) : -1;
    if (residue >= 0) {
      span[i] = -1;
      if (last >= 0 && residue === last % MARKER_RESIDUES) continue;
      last += 1 + (residue - (last + 1) % MARKER_RESIDUES + MARKER_RESIDUES) % MARKER_RESIDUES;
      last = Math.min(last, total - 1);
      found++;
      continue;
    }
    span[i] = last + 1;
  }
  return { span, found: Math.min(found, total) };
}
var AllocProfileImporter = class {
  constructor(builder, options) {
    this.builder = builder;
    this.options = options;
    this.samplesIdx = builder.sampleTypeIndex(ALLOC_SAMPLES);
    this.bytesIdx = builder.sampleTypeIndex(ALLOC_SPACE);
  }
  builder;
  options;
  samplesIdx;
  bytesIdx;
  ownNode = -1;
  add(file, opts = {}) {
    const byId = /* @__PURE__ */ new Map();
    const parent = /* @__PURE__ */ new Map();
    for (const n of file.nodes) byId.set(n.id, n);
    for (const n of file.nodes) for (const c of n.children) if (!parent.has(c) && c !== n.id) parent.set(c, n.id);
    const resolve = this.stackResolver(byId, parent);
    const isMarkNode = (id) => {
      const f = byId.get(id)?.callFrame;
      return f !== void 0 && this.kindOf(f.url) === "own";
    };
    const { span, found } = spansByMarks(file, isMarkNode);
    const base = opts.labels ?? {};
    const spanLabels = /* @__PURE__ */ new Map();
    const labelsOf = (k) => {
      let l = spanLabels.get(k);
      if (!l) {
        const b = file.alloc.boundariesUs;
        const from = k === 0 ? file.alloc.startUs : b[k - 1];
        const to = k >= b.length ? file.alloc.endUs : b[k];
        const extra = opts.labelAt?.((from + to) / 2);
        l = extra ? { ...base, ...extra } : base;
        spanLabels.set(k, l);
      }
      return l;
    };
    const stats = { samples: 0, bytes: 0, ownBytes: 0, marks: file.alloc.boundariesUs.length, marksFound: found };
    const stacks = file.samples.map((s, i) => span[i] < 0 || !byId.has(s.nodeId) ? void 0 : resolve(s.nodeId));
    const values = new Array(this.builder.sampleTypes.length).fill(0);
    file.samples.forEach((s, i) => {
      const stack = stacks[i];
      if (!stack) return;
      const { trie, own } = stack;
      values[this.samplesIdx] = 1;
      values[this.bytesIdx] = s.size;
      this.builder.addSampleAt(own ? this.ciprofNode() : trie, values, own ? base : labelsOf(span[i]));
      stats.samples++;
      stats.bytes += s.size;
      if (own) stats.ownBytes += s.size;
    });
    return stats;
  }
  kindOf(url) {
    if (url.startsWith("node:internal/modules/")) return "user";
    if (url === "" || url.startsWith("node:")) return "node";
    return this.options.isOwnScript?.(url) ? "own" : "user";
  }
  ciprofNode() {
    if (this.ownNode < 0) this.ownNode = this.builder.childNode(0, this.builder.functionId(CIPROF_FRAME, "", 0));
    return this.ownNode;
  }
  /** The call-trie node of a V8 node, ciprof's frames cut out, and whether it is ciprof's own work (CpuProfileImporter's rule). */
  stackResolver(byId, parent) {
    const memo = /* @__PURE__ */ new Map();
    const maxDepth = (this.options.limits ?? DEFAULT_LIMITS).maxDepth;
    return (id) => {
      const chain = [];
      for (let cur = id; cur !== void 0 && !memo.has(cur); cur = parent.get(cur)) {
        chain.push(cur);
        if (chain.length > maxDepth) throw new Error(`a stack deeper than ${maxDepth} frames (or a cycle)`);
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const node = chain[i];
        const p = parent.get(node);
        const up = p === void 0 ? { trie: 0, own: false } : memo.get(p);
        const f = byId.get(node).callFrame;
        const kind = this.kindOf(f.url);
        if (p === void 0 && f.functionName === "(root)") memo.set(node, up);
        else if (kind === "own") memo.set(node, { trie: up.trie, own: true });
        else {
          const fid = this.builder.functionId(f.functionName || "(anonymous)", normalizeScriptPath(f.url, this.options.repoRoot), f.lineNumber >= 0 ? f.lineNumber + 1 : 0);
          memo.set(node, { trie: this.builder.childNode(up.trie, fid), own: up.own && kind === "node" });
        }
      }
      return memo.get(id);
    };
  }
};

// src/collect/thread-info.ts
import * as path4 from "node:path";
var MAX_ARGV = 64;
var MAX_TEXT = 4096;
var isCount = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
var isTime = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
var isText = (v) => typeof v === "string" && v.length <= MAX_TEXT;
function agentInfoOf(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const v = value;
  if (!isCount(v.pid)) return "pid is not a non-negative integer";
  if (!isCount(v.threadId)) return "threadId is not a non-negative integer";
  const argvIn = v.argv ?? [];
  if (!Array.isArray(argvIn) || !argvIn.every((a) => typeof a === "string")) return "argv is not a list of strings";
  const argv = argvIn.slice(0, MAX_ARGV).map((a) => a.length > MAX_TEXT ? a.slice(0, MAX_TEXT) : a);
  for (const key of ["execPath", "nodeVersion", "hrtimeAtFlushNs"]) {
    if (v[key] !== void 0 && !isText(v[key])) return `${key} is not a string`;
  }
  for (const key of ["ppid", "segment", "intervalUs"]) {
    if (v[key] !== void 0 && !isCount(v[key])) return `${key} is not a non-negative integer`;
  }
  const wallStartMs = v.wallStartMs ?? 0;
  const wallEndMs = v.wallEndMs ?? wallStartMs;
  if (!isTime(wallStartMs) || !isTime(wallEndMs) || wallEndMs < wallStartMs) return "wallStartMs/wallEndMs are not an ordered pair of times";
  if (v.isMainThread !== void 0 && typeof v.isMainThread !== "boolean") return "isMainThread is not a boolean";
  const reason = v.reason === "signal" || v.reason === "terminate" ? v.reason : "exit";
  if (v.startUs !== void 0 && !isTime(v.startUs)) return "startUs is not a time";
  const ancestors = v.ancestors ?? [];
  if (!Array.isArray(ancestors) || ancestors.length > MAX_ARGV || !ancestors.every(isCount)) return `ancestors is not a list of at most ${MAX_ARGV} pids`;
  return {
    pid: v.pid,
    ppid: v.ppid ?? 0,
    threadId: v.threadId,
    isMainThread: v.isMainThread ?? v.threadId === 0,
    argv,
    execPath: v.execPath ?? "",
    nodeVersion: v.nodeVersion ?? "",
    segment: v.segment ?? 0,
    reason,
    wallStartMs,
    wallEndMs,
    hrtimeAtFlushNs: v.hrtimeAtFlushNs ?? "",
    intervalUs: v.intervalUs ?? 0,
    startUs: v.startUs,
    ancestors
  };
}
var LAUNCHER_SCRIPT = [
  /[\\/]node_modules[\\/](npm|pnpm|yarn|corepack)[\\/](bin|dist|lib)[\\/][^\\/]+$/,
  /[\\/]\.yarn[\\/]releases[\\/]yarn-[^\\/]+\.c?js$/
];
var LAUNCHER_NAMES = /* @__PURE__ */ new Set(["npm", "npx", "pnpm", "pnpx", "yarn", "yarnpkg", "corepack"]);
var baseName = (file) => path4.basename(file).replace(/\.(exe|cmd|c?js)$/i, "");
function isLauncherProcess(argv, execPath) {
  const script = argv[0] ?? "";
  if (LAUNCHER_SCRIPT.some((re) => re.test(script)) || LAUNCHER_NAMES.has(baseName(script))) return true;
  return LAUNCHER_NAMES.has(baseName(execPath));
}

// src/collect/gather-alloc.ts
var AllocGatherer = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  importer;
  totals;
  /** Throws a plain Error naming the problem; nothing of a bad file reaches the builder. */
  add(file, name) {
    const raw = readProfileBytes(file, this.ctx.limits);
    const bytes = raw.length <= this.ctx.maxMappedBytes ? this.ctx.frameMapper.mapBytes(file.slice(0, -ALLOC_SUFFIX.length) + ".cpuprofile", raw) : raw;
    const parsed = parseAllocProfile(bytes, this.ctx.limits);
    const info = parsed.info === void 0 ? void 0 : agentInfoOf(parsed.info);
    if (typeof info === "string") throw new Error(`bad "$ciprof" block (${info})`);
    const [pidText, tidText] = name.split("-");
    const pid = info?.pid ?? Number(pidText);
    const thread = info?.threadId ?? Number(tidText);
    const launcher = info ? isLauncherProcess(info.argv, info.execPath) : false;
    const labels = launcher ? { pid, thread, [PROCESS_ROLE_LABEL]: LAUNCHER_ROLE } : { pid, thread };
    this.importer ??= new AllocProfileImporter(this.ctx.builder, { repoRoot: this.ctx.repoRoot, isOwnScript: this.ctx.isOwnScript, limits: this.ctx.limits });
    const stats = this.importer.add(parsed, { labels, labelAt: info && !launcher ? this.ctx.labelerFor?.(info) : void 0 });
    const t = this.totals ??= { intervalBytes: parsed.alloc.intervalBytes, threads: 0, samples: 0, bytes: 0, ownBytes: 0, marks: 0, marksFound: 0 };
    t.threads++;
    t.samples += stats.samples;
    t.bytes += stats.bytes;
    t.ownBytes += stats.ownBytes;
    t.marks += stats.marks;
    t.marksFound += stats.marksFound;
  }
  /** Profile metadata and warnings once every file is read. */
  finish(meta, warnings) {
    const t = this.totals;
    if (!t) return;
    meta["alloc.interval_bytes"] = String(t.intervalBytes);
    meta["alloc.threads"] = String(t.threads);
    if (t.marksFound < t.marks) {
      warnings.push(`allocations: ${t.marks - t.marksFound} of ${t.marks} test boundaries not found among the heap samples; allocations next to them may be charged to the neighbouring test`);
    }
  }
};

// src/collect/gather.ts
var MAX_MARKER_BYTES = 64 * 1024;
var MAX_MAPPED_BYTES = 32 * 1024 * 1024;
var MAX_PREFETCHED_BYTES = 256 * 1024 * 1024;
function gatherRawProfiles(rawDir, options) {
  return new RawGatherer(rawDir, options).gather();
}
var RawGatherer = class {
  constructor(rawDir, options) {
    this.rawDir = rawDir;
    this.options = options;
    this.isOwnScript = options.isOwnScript ?? ownScriptMatcher();
    this.importer = new CpuProfileImporter(this.builder, { repoRoot: options.repoRoot, isOwnScript: this.isOwnScript, limits: options.limits });
    this.reader = new ProfileFileReader(options.limits);
    this.frameMapper = new FrameMapper(options.repoRoot);
  }
  rawDir;
  options;
  builder = new ProfileBuilder();
  importer;
  reader;
  frameMapper;
  isOwnScript;
  prefetched = /* @__PURE__ */ new Map();
  gathered = false;
  /** Bytes held by the prefetched scans (see MAX_PREFETCHED_BYTES). */
  heldBytes = 0;
  /**
   * Reads the .cpuprofile `name` ahead of gather(), once its writer is done with it (its
   * `.scripts.json` is written after it). A bad file's problem is kept for gather() to
   * report in its place. Left to gather(): a jest worker's profile (its maps are read
   * from jest's cache, which fills while the run goes on), and any past the memory bound.
   */
  prefetch(name) {
    if (this.gathered || this.prefetched.has(name) || this.heldBytes > MAX_PREFETCHED_BYTES) return;
    const file = path5.join(this.rawDir, name);
    try {
      const loaded = this.load(file, false);
      if (!loaded) return;
      const { scanned } = loaded;
      this.heldBytes += scanned.frameOf.byteLength * 3 + scanned.tickNode.byteLength + scanned.tickTime.byteLength;
      this.prefetched.set(name, loaded);
    } catch (err) {
      this.prefetched.set(name, { error: asInputError(file, err) });
    }
  }
  gather() {
    this.gathered = true;
    const { builder, options, rawDir } = this;
    const result = { profile: builder.build(), threads: [], processes: 0, lost: [], unprofilable: [], warnings: [], own: { samples: 0, cpuNs: 0 }, readEarly: this.prefetched.size };
    const started = /* @__PURE__ */ new Set();
    const threads = /* @__PURE__ */ new Map();
    let entries = [];
    try {
      entries = readdirSync2(rawDir).sort();
    } catch (err) {
      result.warnings.push(`${rawDir}: cannot read raw profiles (${err.message})`);
    }
    const wall = { start: Infinity, end: 0 };
    const unmapped = [];
    const allocs = new AllocGatherer({ builder, repoRoot: options.repoRoot, isOwnScript: this.isOwnScript, frameMapper: this.frameMapper, maxMappedBytes: MAX_MAPPED_BYTES, labelerFor: options.labelerFor, limits: options.limits });
    const state = { threads, wall, own: result.own };
    const threadWarnings = new ThreadWarnings();
    for (const name of entries) {
      const file = path5.join(rawDir, name);
      if (name.endsWith(".start")) started.add(name.slice(0, -".start".length));
      else if (name.endsWith(".noinspector")) result.unprofilable.push(readNoInspector(file, name));
      else if (name.endsWith(WARNINGS_SUFFIX)) threadWarnings.add(name.slice(0, -WARNINGS_SUFFIX.length), readMarker(file));
      else if (name.endsWith(".cpuprofile")) {
        try {
          const loaded = this.prefetched.get(name) ?? this.load(file, true);
          if ("error" in loaded) throw loaded.error;
          if (loaded.unmapped) unmapped.push(file);
          addThreadProfile(this.importer, loaded.scanned, name, options, state);
        } catch (err) {
          result.warnings.push(asInputError(file, err).message);
        }
      } else if (name.endsWith(ALLOC_SUFFIX)) {
        try {
          allocs.add(file, name);
        } catch (err) {
          result.warnings.push(asInputError(file, err).message);
        }
      }
    }
    this.prefetched.clear();
    result.warnings.push(...threadWarnings.lines());
    builder.meta = this.frameMapper.meta();
    allocs.finish(builder.meta, result.warnings);
    if (allocs.totals) result.alloc = allocs.totals;
    result.warnings.push(...[...this.frameMapper.problems].sort());
    if (unmapped.length) result.warnings.push(`${unmapped[0]}${unmapped.length > 1 ? ` and ${unmapped.length - 1} more` : ""}: larger than ${MAX_MAPPED_BYTES} bytes, source maps not applied`);
    if (wall.start !== Infinity) {
      builder.timeNanos = wall.start * 1e6;
      builder.durationNanos = Math.max(0, wall.end - wall.start) * 1e6;
    }
    result.threads = [...threads.values()];
    result.lost = [...started].filter((k) => !threads.has(k));
    const reused = result.threads.filter((t) => t.isMainThread && t.segments > 1).reduce((n, t) => n + t.segments - 1, 0);
    result.processes = new Set(result.threads.map((t) => t.pid)).size + reused;
    if (reused > 0) result.warnings.push(`${reused} process(es) had the pid of an earlier process of this run (the kernel reuses pids: kernel.pid_max); their samples are kept, merged under that pid and thread`);
    result.profile = builder.build();
    return result;
  }
  /** Read, mapped through source maps and scanned; undefined only when `jestCache` is false and the profile needs it. */
  load(file, jestCache) {
    const parsed = this.reader.parse(file);
    if (parsed.kind !== "cpuprofile") throw new Error("expected a V8 .cpuprofile");
    if (parsed.bytes.length > MAX_MAPPED_BYTES) return { scanned: this.importer.scan(parsed.bytes), unmapped: true };
    const bytes = jestCache ? this.frameMapper.mapBytes(file, parsed.bytes) : this.frameMapper.mapBytes(file, parsed.bytes, { jestCache: false });
    return bytes && { scanned: this.importer.scan(bytes), unmapped: false };
  }
};
function addThreadProfile(importer, scanned, name, options, state) {
  let info;
  let launcher = false;
  let pid = 0;
  let threadId = 0;
  const stats = importer.addScanned(scanned, (block) => {
    const checked = block === void 0 ? void 0 : agentInfoOf(block);
    if (typeof checked === "string") throw new Error(`bad "$ciprof" block (${checked})`);
    info = checked;
    const [pidText, tidText] = name.split("-");
    pid = info?.pid ?? Number(pidText);
    threadId = info?.threadId ?? Number(tidText);
    launcher = info ? isLauncherProcess(info.argv, info.execPath) : false;
    const labels = launcher ? { pid, thread: threadId, [PROCESS_ROLE_LABEL]: LAUNCHER_ROLE } : { pid, thread: threadId };
    return { labels, labelAt: info && !launcher ? options.labelerFor?.(info) : void 0 };
  });
  state.own.samples += stats.ownSamples;
  state.own.cpuNs += stats.ownNs;
  const key = `${pid}-${threadId}`;
  const record = state.threads.get(key);
  if (record) {
    record.samples += stats.samples;
    record.cpuNs += stats.totalNs;
    record.segments += 1;
    record.startUs = Math.min(record.startUs, stats.startUs);
    record.endUs = Math.max(record.endUs, stats.endUs);
  } else {
    state.threads.set(key, {
      pid,
      threadId,
      isMainThread: info?.isMainThread ?? threadId === 0,
      argv: info?.argv ?? [],
      nodeVersion: info?.nodeVersion ?? "",
      samples: stats.samples,
      cpuNs: stats.totalNs,
      segments: 1,
      startUs: stats.startUs,
      endUs: stats.endUs,
      ...launcher ? { role: LAUNCHER_ROLE } : {}
    });
  }
  if (info) {
    state.wall.start = Math.min(state.wall.start, info.wallStartMs);
    state.wall.end = Math.max(state.wall.end, info.wallEndMs);
  }
}
function readMarker(file) {
  try {
    return statSync3(file).size > MAX_MARKER_BYTES ? "" : readFileSync6(file, "utf8");
  } catch {
    return "";
  }
}
var MAX_THREAD_WARNINGS = 10;
var ThreadWarnings = class {
  byMessage = /* @__PURE__ */ new Map();
  add(threadKey, text) {
    for (const message of text.split("\n")) {
      if (!message.trim()) continue;
      const threads = this.byMessage.get(message) ?? [];
      threads.push(threadKey);
      this.byMessage.set(message, threads);
    }
  }
  lines() {
    const all = [...this.byMessage].map(([message, threads]) => `${message} (${threads.length === 1 ? `thread ${threads[0]}` : `${threads.length} threads, e.g. ${threads[0]}`})`);
    if (all.length <= MAX_THREAD_WARNINGS) return all;
    return [...all.slice(0, MAX_THREAD_WARNINGS), `and ${all.length - MAX_THREAD_WARNINGS} more warnings from the command's processes`];
  }
};
function readNoInspector(file, name) {
  const fallback = { pid: Number(name.split("-")[0]), argv: [] };
  try {
    const info = JSON.parse(readMarker(file));
    const argv = Array.isArray(info.argv) ? info.argv.filter((a) => typeof a === "string").slice(0, 16) : [];
    return { pid: Number.isSafeInteger(info.pid) ? info.pid : fallback.pid, argv, ...info.reason === "permission" ? { reason: "permission" } : {} };
  } catch {
    return fallback;
  }
}
function ownScriptMatcher(dirs = preloadDirs()) {
  if (dirs.length === 0) return () => false;
  const agents = new Set(dirs.map((d) => path5.join(d, "agent.cjs")));
  const runners = dirs.map((d) => path5.join(d, "runners") + path5.sep);
  return (url) => {
    let file = url;
    if (url.startsWith("file:")) {
      try {
        file = fileURLToPath3(url);
      } catch {
        return false;
      }
    }
    return agents.has(file) || file.endsWith(".cjs") && runners.some((r) => file.startsWith(r));
  };
}
export {
  RawGatherer,
  gatherRawProfiles,
  ownScriptMatcher
};
