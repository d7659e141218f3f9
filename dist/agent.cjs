"use strict";
const process = globalThis.process;
"use strict";

// src/agent/agent.ts
var import_node_fs8 = require("node:fs");

// src/agent/process-facts.ts
var import_node_fs = require("node:fs");

// src/agent/thread.ts
var WORKER_BOOT_MODULES = ["worker_threads", "internal/worker", "internal/worker/io", "internal/process/worker_thread_only"];
function builtin(name) {
  const get = process.getBuiltinModule;
  return get ? get(name) : require(name);
}
function workerThreadsIfLoaded() {
  const list = process.moduleLoadList;
  const loaded = !Array.isArray(list) || WORKER_BOOT_MODULES.some((m) => list.includes(`NativeModule ${m}`));
  return loaded ? builtin("node:worker_threads") : void 0;
}
var workerThreads = workerThreadsIfLoaded();
var isMainThread = workerThreads ? workerThreads.isMainThread : true;
var threadId = workerThreads ? workerThreads.threadId : 0;
var pid = process.pid;
function commonJsModuleClass() {
  const own = typeof module === "object" && module !== null ? module.constructor : void 0;
  if (typeof own === "function" && "_extensions" in own) return own;
  return builtin("node:module");
}

// src/agent/process-facts.ts
var MAX_ANCESTORS = 8;
var hrtimeBigint = process.hrtime.bigint;
function hrtimeNs() {
  return hrtimeBigint();
}
function hrtimeUs() {
  return Number(hrtimeBigint() / 1000n);
}
function threadStartUs() {
  return Math.round(isMainThread ? hrtimeUs() - process.uptime() * 1e6 : hrtimeUs());
}
function parentChain() {
  const chain = [process.ppid];
  if (process.platform !== "linux") return chain;
  const buf = Buffer.allocUnsafe(1024);
  try {
    while (chain.length < MAX_ANCESTORS) {
      const stat = readStat(chain[chain.length - 1], buf);
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ", 2)[1]);
      if (!(ppid > 1)) break;
      chain.push(ppid);
    }
  } catch {
  }
  return chain;
}
function readStat(pid2, buf) {
  const fd = (0, import_node_fs.openSync)(`/proc/${pid2}/stat`, "r");
  try {
    return buf.toString("latin1", 0, (0, import_node_fs.readSync)(fd, buf, 0, buf.length, null));
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}

// src/agent/profiler.ts
var import_node_fs3 = require("node:fs");

// src/agent/protocol.ts
var FLUSH_CHANNEL = "ciprof:flush";
var inRawDir = (rawDir, name) => `${rawDir}/${name}`;
var HOOK_FLUSHERS = /* @__PURE__ */ Symbol.for("ciprof.hookFlushers");
var INTERRUPT_FLUSH = /* @__PURE__ */ Symbol.for("ciprof.interruptFlush");
var JEST_TRANSFORM_CACHES = /* @__PURE__ */ Symbol.for("ciprof.jestTransformCaches");
var FLUSHING_SUFFIX = ".flushing";
var WARNINGS_SUFFIX = ".warnings";
var MAX_ARG_CHARS = 1024;
function recordedArgv(argv) {
  return argv.slice(1, 4).map((a) => a.length > MAX_ARG_CHARS ? `${a.slice(0, MAX_ARG_CHARS - 1)}\u2026` : a);
}
function freeProfileBase(rawDir, pid2, threadId2, suffix, exists) {
  for (let segment = 0; ; segment++) {
    const base = inRawDir(rawDir, `${pid2}-${threadId2}-${segment}`);
    if (segment >= 999 || !exists(`${base}${suffix}`)) return { base, segment };
  }
}
var ALLOC_ENV = "CIPROF_ALLOC_BYTES";
var ALLOC_SUFFIX = ".allocprofile";
var DEFAULT_ALLOC_INTERVAL_BYTES = 4 * 1024;
var TEST_BOUNDARY = /* @__PURE__ */ Symbol.for("ciprof.testBoundary");
var MARKER_PIECES = 4;
var MARKER_RESIDUES = 16;
var MARKER_STEP = 16;
var markerElements = (intervalBytes) => Math.ceil(4 * intervalBytes / 8);

// src/agent/scripts.ts
var import_node_fs2 = require("node:fs");
function writeScriptSourceMaps(session, profile, file) {
  const started = process.hrtime.bigint();
  const cpuStarted = cpuMicros();
  const ids = /* @__PURE__ */ new Set();
  const urls = /* @__PURE__ */ new Set();
  const decided = /* @__PURE__ */ new Map();
  const add = (scriptId, url) => {
    if (!url) return;
    let project = decided.get(url);
    if (project === void 0) decided.set(url, project = isProjectScript(url) && !(OWN_DIR && url.includes(OWN_DIR)));
    if (!project) return;
    if (scriptId !== void 0) ids.add(String(scriptId));
    urls.add(url);
  };
  if (!("text" in profile && scanFrames(profile.text, add))) {
    const nodes = "text" in profile ? JSON.parse(profile.text).nodes : profile.nodes;
    for (const node of nodes ?? []) add(node.callFrame?.scriptId, node.callFrame?.url);
  }
  const jestWorker = JEST_WORKER.test(process.argv[1] ?? "");
  const skip = urls.size === 0 || jestWorker || process.env.CIPROF_SOURCE_MAPS === "0";
  let via = "none";
  let scripts = [];
  let tsAsWritten = false;
  if (!skip) {
    const fromVitest = vitestModuleMaps(urls);
    const asWritten = fromVitest ? void 0 : ranAsWritten(urls);
    if (fromVitest) [via, scripts] = ["vitest", fromVitest];
    else if (asWritten) [via, scripts] = ["as-written", asWritten];
    else {
      tsAsWritten = tsRanAsWritten();
      [via, scripts] = ["debugger", liveScriptMaps(session, ids, urls, tsAsWritten)];
    }
  }
  const content = {
    scripts,
    via,
    ...tsAsWritten ? { tsAsWritten: true } : {},
    ...jestWorker && urls.size > 0 && process.env.CIPROF_SOURCE_MAPS !== "0" ? { jestWorker: true, ...jestCachesSeen() } : {},
    collectMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
    collectCpuMs: Math.round((cpuMicros() - cpuStarted) / 10) / 100
  };
  const text = JSON.stringify(content);
  (0, import_node_fs2.writeFileSync)(`${file}.tmp`, text);
  (0, import_node_fs2.renameSync)(`${file}.tmp`, file);
  return Buffer.byteLength(text);
}
var CALL_FRAME = '"callFrame":{"functionName":"';
var SCRIPT_ID = '","scriptId":"';
var URL_KEY = '","url":"';
function scanFrames(text, add) {
  if (text.includes("\\")) return false;
  const found = [];
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
  for (let i = 0; i < found.length; i += 2) add(found[i], found[i + 1]);
  return true;
}
function isProjectScript(url) {
  return /^(?:file:|\/|[a-z]:[\\/])/i.test(url) && !/[\\/]node_modules[\\/]/.test(url);
}
function vitestModuleMaps(urls) {
  let pathToFileURL;
  const state = globalThis.__vitest_worker__;
  const modules = state?.evaluatedModules?.idToModuleMap;
  if (!(modules instanceof Map)) return void 0;
  const found = /* @__PURE__ */ new Map();
  for (const module2 of modules.values()) {
    if (typeof module2.file !== "string" || typeof module2.meta?.code !== "string") continue;
    const url = (pathToFileURL ??= builtin("node:url").pathToFileURL)(module2.file).href;
    if (!urls.has(url) || found.has(url)) continue;
    const sourceMapURL = inlineSourceMapUrl(module2.meta.code) ?? mapAsDataUrl(module2.meta.sourceMap);
    if (sourceMapURL) found.set(url, { url, sourceMapURL, scriptIds: [] });
  }
  return [...found.values()];
}
function mapAsDataUrl(map) {
  const json = typeof map === "string" ? map : map && typeof map === "object" ? JSON.stringify(map) : void 0;
  return json ? `data:application/json;charset=utf-8;base64,${Buffer.from(json, "utf8").toString("base64")}` : void 0;
}
var INLINE_MAP = "//# sourceMappingURL=data:";
function inlineSourceMapUrl(code) {
  const at = code.lastIndexOf(INLINE_MAP);
  if (at < 0) return void 0;
  const end = code.indexOf("\n", at);
  return code.slice(at + INLINE_MAP.length - "data:".length, end < 0 ? void 0 : end).trimEnd();
}
var JEST_WORKER = /[\\/]jest-worker[\\/]build[\\/](?:workers[\\/])?processChild\.js$/;
function jestCachesSeen() {
  const caches = globalThis[JEST_TRANSFORM_CACHES];
  return caches && caches.size > 0 ? { jestCaches: [...caches.values()] } : {};
}
var OWN_DIR = typeof __dirname === "string" ? `${__dirname}/` : void 0;
var MAX_GENERATED_SOURCE_CHARS = 32 * 1024 * 1024;
function tsRanAsWritten() {
  return jsLoader() === NODE_JS_LOADER && !userLoaderFlag() && !jestRuntimeLoaded() && typesStrippedByNode();
}
function liveScriptMaps(session, ids, urls, tsAsWritten) {
  const byUrlAndMap = /* @__PURE__ */ new Map();
  const onScript = (message) => {
    const { scriptId, url, sourceMapURL } = message.params;
    if (!(ids.has(scriptId) || urls.has(url))) return;
    if (!sourceMapURL && (tsAsWritten || !TYPESCRIPT_URL.test(url))) return;
    const key = `${url}\0${sourceMapURL ?? ""}`;
    const known = byUrlAndMap.get(key);
    if (known) known.scriptIds.push(scriptId);
    else byUrlAndMap.set(key, { url, sourceMapURL: sourceMapURL ?? "", scriptIds: [scriptId] });
  };
  session.on("Debugger.scriptParsed", onScript);
  try {
    postSync(session, "Debugger.enable");
    let kept = 0;
    for (const script of byUrlAndMap.values()) {
      if (script.sourceMapURL || kept >= MAX_GENERATED_SOURCE_CHARS) continue;
      const source = scriptSource(session, script.scriptIds[0]);
      if (source !== void 0) {
        script.generatedSource = source;
        kept += source.length;
      }
    }
    postSync(session, "Debugger.disable");
  } finally {
    session.removeListener("Debugger.scriptParsed", onScript);
  }
  return [...byUrlAndMap.values()].filter((s) => s.sourceMapURL || s.generatedSource !== void 0);
}
function scriptSource(session, scriptId) {
  let source;
  session.post("Debugger.getScriptSource", { scriptId }, (err, result) => {
    const text = result?.scriptSource;
    if (!err && typeof text === "string") source = text;
  });
  return source;
}
var NODE_JS_LOADER = jsLoader();
function jsLoader() {
  return commonJsModuleClass()._extensions?.[".js"];
}
var TS_LOADERS_AT_LOAD = tsLoaders();
function tsLoaders() {
  const extensions = commonJsModuleClass()._extensions;
  return [".ts", ".mts", ".cts"].map((ext) => typeof extensions?.[ext]).join();
}
function typesStrippedByNode() {
  return process.features.typescript === "strip" && tsLoaders() === TS_LOADERS_AT_LOAD;
}
var AS_WRITTEN_URL = /^file:\/\/(?:.*\.[cm]?js|[^?#]*\/[^./?#]+)$/i;
var TYPESCRIPT_URL = /^file:\/\/[^?#]*\.[cm]?ts$/i;
function ranAsWritten(urls) {
  if (jsLoader() !== NODE_JS_LOADER || userLoaderFlag() || jestRuntimeLoaded()) return void 0;
  const maps = [];
  let stripped;
  for (const url of urls) {
    if (!AS_WRITTEN_URL.test(url) && !(TYPESCRIPT_URL.test(url) && (stripped ??= typesStrippedByNode()))) return void 0;
    const map = mapNamedAtEnd(url);
    if (map === INLINE) return void 0;
    if (map) maps.push({ url, sourceMapURL: map, scriptIds: [] });
  }
  return maps;
}
function userLoaderFlag() {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean)];
  for (let i = 0; i < args.length; i++) {
    const m = /^(?:--(?:import|require|loader|experimental-loader)|-r)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const value = m[1] ?? args[++i] ?? "";
    if (OWN_DIR && value.includes(OWN_DIR)) continue;
    return true;
  }
  return false;
}
function jestRuntimeLoaded() {
  for (const file in require.cache) if (JEST_RUNTIME.test(file)) return true;
  return false;
}
var JEST_RUNTIME = /[\\/]jest-runtime[\\/]build[\\/]/;
var INLINE = /* @__PURE__ */ Symbol("inline");
function mapNamedAtEnd(url) {
  try {
    const fd = (0, import_node_fs2.openSync)(new URL(url), "r");
    try {
      const size = (0, import_node_fs2.fstatSync)(fd).size;
      const tail = Buffer.alloc(Math.min(size, 4096));
      (0, import_node_fs2.readSync)(fd, tail, 0, tail.length, size - tail.length);
      const text = tail.toString("utf8");
      if (text.includes("sourceMappingURL=data:") || size > tail.length && !text.slice(0, -1).includes("\n")) return INLINE;
      return /\/\/[#@] sourceMappingURL=([^\s'"]+)\s*$/.exec(text)?.[1];
    } finally {
      (0, import_node_fs2.closeSync)(fd);
    }
  } catch {
    return INLINE;
  }
}
function cpuMicros() {
  const usage = process.threadCpuUsage?.() ?? process.cpuUsage();
  return usage.user + usage.system;
}
function postSync(session, method) {
  let failure = null;
  session.post(method, {}, (err) => {
    failure = err;
  });
  if (failure) throw failure;
}

// src/agent/session.ts
var InspectorError = class extends Error {
  constructor(code, message) {
    super(`Inspector error ${code}: ${message}`);
    this.code = code;
  }
  code;
};
function rawConnectionClass() {
  const binding = process.binding;
  if (typeof binding !== "function" || binding.name !== "binding") return void 0;
  try {
    const Connection = binding.call(process, "inspector").Connection;
    return typeof Connection === "function" ? Connection : void 0;
  } catch {
    return void 0;
  }
}
var AgentSession = class {
  raw;
  fallback;
  nextId = 1;
  reply;
  listeners = /* @__PURE__ */ new Map();
  /** True when replies can be read as text (postText). */
  get hasText() {
    return this.raw !== void 0;
  }
  connect() {
    const Connection = process.env.CIPROF_INSPECTOR_SESSION === "node" ? void 0 : rawConnectionClass();
    if (Connection) {
      this.raw = new Connection((message) => this.onRawMessage(message));
      return;
    }
    const inspector = builtin("node:inspector");
    const session = new inspector.Session();
    session.connect();
    this.fallback = session;
  }
  /** Ends the session (a short-lived one: worker-interrupt.ts); the profiler's own lives as long as its thread. */
  disconnect() {
    this.raw?.disconnect();
    this.fallback?.disconnect();
    this.raw = void 0;
    this.fallback = void 0;
  }
  post(method, params, callback) {
    let result;
    let failure = null;
    try {
      result = this.fallback ? this.postSession(this.fallback, method, params) : parseReply(this.postText(method, params));
    } catch (err) {
      if (!callback) throw err;
      failure = err;
    }
    if (callback) return callback(failure, result);
    return result;
  }
  /**
   * The reply's text, as V8 wrote it: `{"id":N,"result":{...}}` or `{"id":N,"error":{...}}`.
   * Only where hasText.
   */
  postText(method, params) {
    if (!this.raw) throw new Error("no text replies on this session");
    const id = this.nextId++;
    this.reply = void 0;
    this.raw.dispatch(JSON.stringify(params ? { id, method, params } : { id, method }));
    const reply = this.reply;
    this.reply = void 0;
    if (reply === void 0) throw new Error(`no reply to ${method}`);
    return reply;
  }
  /** The prefix a reply to the last postText starts with when it succeeded. */
  resultPrefix() {
    return `{"id":${this.nextId - 1},"result":`;
  }
  on(event, listener) {
    if (this.fallback) this.fallback.on(event, listener);
    else this.listeners.set(event, [...this.listeners.get(event) ?? [], listener]);
    return this;
  }
  removeListener(event, listener) {
    if (this.fallback) this.fallback.removeListener(event, listener);
    else this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }
  onRawMessage(message) {
    if (message.startsWith('{"id":')) {
      this.reply = message;
      return;
    }
    if (this.listeners.size === 0) return;
    const event = JSON.parse(message);
    for (const listener of this.listeners.get(event.method) ?? []) listener(event);
  }
  postSession(session, method, params) {
    let out;
    let failure = null;
    session.post(method, params ?? {}, (err, result) => {
      failure = err;
      out = result;
    });
    if (failure) throw failure;
    return out;
  }
};
function parseReply(text) {
  const reply = JSON.parse(text);
  if (reply.error) throw new InspectorError(reply.error.code, reply.error.message);
  return reply.result;
}

// src/agent/profiler.ts
var dateNow = Date.now;
var NoInspector = class extends Error {
};
function isAccessDenied(err) {
  return err?.code === "ERR_ACCESS_DENIED" || /Access to this API has been restricted/.test(errorText(err));
}
function errorText(err) {
  if (err instanceof Error) return err.message;
  if (err && typeof err === "object" && "message" in err) return String(err.message);
  return JSON.stringify(err);
}
var ThreadProfiler = class {
  constructor(rawDir, intervalUs, facts) {
    this.rawDir = rawDir;
    this.intervalUs = intervalUs;
    this.facts = facts;
  }
  rawDir;
  intervalUs;
  facts;
  session = new AgentSession();
  running = false;
  startedAt = 0;
  /**
   * Connects and enables the profiler: the part that can find no inspector (NoInspector).
   * Separate from start() so the agent can install its flush triggers in between.
   */
  connect() {
    try {
      this.session.connect();
      this.post("Profiler.enable");
    } catch (err) {
      const denied = isAccessDenied(err);
      if (denied || /without a V8::Inspector/.test(errorText(err))) {
        const info = JSON.stringify({ pid, threadId, argv: recordedArgv(process.argv), execArgv: process.execArgv, ...denied ? { reason: "permission" } : {} });
        try {
          (0, import_node_fs3.writeFileSync)(inRawDir(this.rawDir, `${pid}-${threadId}.noinspector`), info);
        } catch (writeErr) {
          if (!isAccessDenied(writeErr)) throw writeErr;
        }
        throw new NoInspector();
      }
      throw err;
    }
    this.post("Profiler.setSamplingInterval", { interval: this.intervalUs });
  }
  /**
   * Writes the start marker and starts sampling. V8's Profiler.start logs every function
   * compiled so far (a walk of the heap, with line numbers): 15-20 ms of CPU in a fresh
   * process, Node 22 to 26, as long under `node --cpu-prof`.
   */
  start() {
    const marker = { startUs: this.facts.startUs, ...isMainThread ? { ancestors: this.facts.ancestors } : {} };
    (0, import_node_fs3.writeFileSync)(inRawDir(this.rawDir, `${pid}-${threadId}.start`), JSON.stringify(marker));
    this.startedAt = dateNow();
    this.post("Profiler.start");
    this.running = true;
  }
  /**
   * Stops the profiler and writes the profile; later calls do nothing. `whileStopped`
   * runs after the stop and before the write (the allocation profile: its forced GC
   * stays out of the CPU samples, and its file is on disk before the `.cpuprofile`
   * that tells the collector this thread is done).
   */
  flush(reason, whileStopped) {
    if (!this.running) return;
    this.running = false;
    const stopped = this.stopProfile();
    const { base, segment } = freeProfileBase(this.rawDir, pid, threadId, ".cpuprofile", import_node_fs3.existsSync);
    const info = {
      pid,
      ppid: process.ppid,
      threadId,
      isMainThread,
      argv: recordedArgv(process.argv),
      execPath: process.execPath,
      nodeVersion: process.version,
      segment,
      reason,
      wallStartMs: this.startedAt,
      wallEndMs: dateNow(),
      hrtimeAtFlushNs: this.facts.hrtimeNs().toString(),
      intervalUs: this.intervalUs,
      startUs: this.facts.startUs,
      ancestors: isMainThread ? this.facts.ancestors : []
    };
    whileStopped?.(info);
    const content = "text" in stopped ? `${stopped.text.slice(0, -1)},"$ciprof":${JSON.stringify(info)}}` : JSON.stringify({ ...stopped.profile, $ciprof: info });
    (0, import_node_fs3.writeFileSync)(`${base}.tmp`, content);
    (0, import_node_fs3.renameSync)(`${base}.tmp`, `${base}.cpuprofile`);
    writeScriptSourceMaps(this.session, "text" in stopped ? stopped : stopped.profile, `${base}.scripts.json`);
  }
  /**
   * Stops the profiler: V8's profile as text where the session gives text and the text is
   * plain (no escape anywhere: then JSON.parse and JSON.stringify give back the same
   * bytes), else parsed. Parsing a large profile only to write it again was most of a
   * flush's own cost.
   */
  stopProfile() {
    if (this.session.hasText) {
      const reply = this.session.postText("Profiler.stop");
      const prefix = `${this.session.resultPrefix()}{"profile":{"`;
      if (reply.startsWith(prefix) && reply.endsWith("}}}") && !reply.includes("\\")) {
        return { text: reply.slice(prefix.length - 2, -2) };
      }
      return { profile: profileOf(JSON.parse(reply)) };
    }
    return { profile: profileOf({ result: this.post("Profiler.stop") }) };
  }
  /**
   * The in-process inspector session dispatches synchronously: the callback has run
   * by the time post() returns, which is what lets us stop and write inside 'exit'.
   * Shared with the allocation sampler (one session per thread).
   */
  post(method, params) {
    return this.session.post(method, params);
  }
};
function profileOf(reply) {
  if (reply.error) throw new Error(`Profiler.stop failed: ${reply.error.message}`);
  const profile = reply.result?.profile;
  if (!profile) throw new Error("Profiler.stop returned no profile");
  return profile;
}

// src/agent/alloc.ts
var import_node_fs4 = require("node:fs");
var marks = {
  /** The mark's arrays go here so no compiler can prove them unused; cleared at once. */
  sink: void 0,
  ciprofAllocationBoundary(length) {
    for (let i = 0; i < MARKER_PIECES; i++) marks.sink = new Array(length);
    marks.sink = void 0;
  }
};
var nowUs = () => Number(hrtimeNs()) / 1e3;
var AllocationSampler = class {
  constructor(post, rawDir, intervalBytes) {
    this.post = post;
    this.rawDir = rawDir;
    this.intervalBytes = intervalBytes;
    this.elements = markerElements(intervalBytes);
  }
  post;
  rawDir;
  intervalBytes;
  running = false;
  boundariesUs = [];
  elements;
  startUs = 0;
  start() {
    this.post("HeapProfiler.enable");
    this.post("HeapProfiler.startSampling", { samplingInterval: this.intervalBytes, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    this.startUs = nowUs();
    this.running = true;
  }
  /** A test or test file starts or ends (TEST_BOUNDARY): mark the place in the sample sequence. */
  boundary(edge) {
    if (!this.running) return;
    const before = nowUs();
    marks.ciprofAllocationBoundary(this.elements + MARKER_STEP * (this.boundariesUs.length % MARKER_RESIDUES));
    this.boundariesUs.push(edge === "start" ? nowUs() : before);
  }
  /** Stops sampling and writes the profile (V8 runs one full GC here); later calls do nothing. */
  flush(info) {
    if (!this.running) return;
    this.running = false;
    const endUs = nowUs();
    const result = this.post("HeapProfiler.stopSampling");
    if (!result?.profile) throw new Error("HeapProfiler.stopSampling returned no profile");
    const alloc = { intervalBytes: this.intervalBytes, markerElements: this.elements, boundariesUs: this.boundariesUs, startUs: this.startUs, endUs };
    const { base } = freeProfileBase(this.rawDir, pid, threadId, ALLOC_SUFFIX, import_node_fs4.existsSync);
    const text = JSON.stringify({ nodes: flatten(result.profile.head), samples: result.profile.samples, $ciprof: info, $alloc: alloc });
    (0, import_node_fs4.writeFileSync)(`${base}.alloc.tmp`, text);
    (0, import_node_fs4.renameSync)(`${base}.alloc.tmp`, `${base}${ALLOC_SUFFIX}`);
  }
};
function flatten(head) {
  const out = [];
  const stack = [head];
  while (stack.length) {
    const node = stack.pop();
    out.push({ id: node.id, callFrame: node.callFrame, children: node.children.map((c) => c.id) });
    for (const child of node.children) stack.push(child);
  }
  return out;
}

// src/agent/run-env.ts
var import_node_fs5 = require("node:fs");
var RAW_DIR_ENV = "CIPROF_RAW_DIR";
var INTERVAL_ENV = "CIPROF_INTERVAL_US";
var RUN_ENV_FILE = "run-env.json";
var RUN_ENV_KEYS = [INTERVAL_ENV, ALLOC_ENV];
var RAW_DIR_PREFIX = "ciprof-raw-";
var DETOUR = new RegExp(`(/[^\\s"]*/${RAW_DIR_PREFIX}[^\\s"/]+)(?:/\\.\\.)+/`);
function rawDirInNodeOptions(nodeOptions) {
  return nodeOptions ? DETOUR.exec(nodeOptions)?.[1] : void 0;
}
function runRawDir(env = process.env) {
  const fromEnv = env[RAW_DIR_ENV];
  if (fromEnv) return fromEnv;
  const rawDir = rawDirInNodeOptions(env.NODE_OPTIONS);
  if (!rawDir) return void 0;
  let saved;
  try {
    saved = JSON.parse((0, import_node_fs5.readFileSync)(inRawDir(rawDir, RUN_ENV_FILE), "utf8"));
  } catch {
    return void 0;
  }
  for (const key of RUN_ENV_KEYS) if (typeof saved[key] === "string" && env[key] === void 0) env[key] = saved[key];
  env[RAW_DIR_ENV] = rawDir;
  return rawDir;
}

// src/agent/run-warnings.ts
var import_node_fs6 = require("node:fs");
function warnRun(rawDir, message) {
  if (!rawDir) return;
  try {
    (0, import_node_fs6.appendFileSync)(inRawDir(rawDir, `${pid}-${threadId}${WARNINGS_SUFFIX}`), `${message.replace(/\n/g, " ")}
`);
  } catch {
  }
}

// src/agent/signals.ts
var SIGNAL = "SIGTERM";
var FATAL = /* @__PURE__ */ new Set(["SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGIOT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR2", "SIGSEGV", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGIO", "SIGPOLL", "SIGPWR", "SIGSYS"]);
function signalName(signal) {
  if (signal === void 0) return SIGNAL;
  if (typeof signal === "string") return signal;
  if (signal === 0) return void 0;
  const numbers = builtin("node:os").constants.signals;
  return Object.keys(numbers).find((name) => numbers[name] === signal);
}
function installSigtermFlush(flush) {
  const originalKill = process.kill.bind(process);
  let attached = false;
  let changing = false;
  const setAttached = (want) => {
    if (attached === want) return;
    changing = true;
    try {
      if (want) process.on(SIGNAL, onSigterm);
      else process.removeListener(SIGNAL, onSigterm);
      attached = want;
    } finally {
      changing = false;
    }
  };
  const onSigterm = () => {
    setAttached(false);
    flush();
    originalKill(pid, SIGNAL);
  };
  process.prependListener("newListener", (event) => {
    if (event === SIGNAL && !changing) setAttached(false);
  });
  const attachIfAlone = () => {
    if (process.listenerCount(SIGNAL) === 0) setAttached(true);
  };
  process.on("removeListener", (event) => {
    if (event === SIGNAL && !changing && process.listenerCount(SIGNAL) === 0) process.nextTick(attachIfAlone);
  });
  attachIfAlone();
  process.kill = function kill(target, signal) {
    if (Number(target) === pid || Number(target) === 0) {
      const name = signalName(signal);
      if (name === SIGNAL) setAttached(false);
      if (name !== void 0 && FATAL.has(name) && process.listenerCount(name) === 0) flush();
    }
    return originalKill(target, signal);
  };
}

// src/agent/terminate.ts
var import_node_fs7 = require("node:fs");

// src/agent/flush-slots.ts
var FLUSH_SLOTS_KEY = "ciprof.flushSlots.v1";
var SLOTS = 1024;
var FIELDS = 3;
var OWNER = 0;
var REQUEST = 1;
var STATE = 2;
var SLOT_IDLE = 0;
var SLOT_FLUSHING = 1;
var SLOT_WRITTEN = 2;
var atomicsWaitAsync = Atomics.waitAsync;
var canWaitAsync = () => typeof atomicsWaitAsync === "function";
function waitAsync(view, index, value, timeoutMs) {
  const waited = atomicsWaitAsync.call(Atomics, view, index, value, timeoutMs);
  return waited.async ? waited.value : Promise.resolve(waited.value);
}
function shareFlushSlots(workerThreads2) {
  if (!canWaitAsync() || typeof workerThreads2.setEnvironmentData !== "function") return void 0;
  const inherited = workerThreads2.getEnvironmentData(FLUSH_SLOTS_KEY);
  if (inherited instanceof SharedArrayBuffer) return new Int32Array(inherited);
  const slots2 = new SharedArrayBuffer(SLOTS * FIELDS * Int32Array.BYTES_PER_ELEMENT);
  workerThreads2.setEnvironmentData(FLUSH_SLOTS_KEY, slots2);
  return new Int32Array(slots2);
}
function listenOnFlushSlot(workerThreads2, threadId2, flush) {
  if (!canWaitAsync()) return void 0;
  const shared = workerThreads2.getEnvironmentData(FLUSH_SLOTS_KEY);
  if (!(shared instanceof SharedArrayBuffer)) return void 0;
  const view = new Int32Array(shared);
  const base = claim(view, threadId2);
  if (base < 0) return void 0;
  const written = () => {
    Atomics.store(view, base + STATE, SLOT_WRITTEN);
    Atomics.notify(view, base + STATE);
    Atomics.compareExchange(view, base + OWNER, threadId2, 0);
  };
  void waitAsync(view, base + REQUEST, 0).then(() => {
    if (Atomics.load(view, base + OWNER) !== threadId2) return;
    Atomics.store(view, base + STATE, SLOT_FLUSHING);
    Atomics.notify(view, base + STATE);
    try {
      flush();
    } finally {
      written();
    }
  });
  return { written };
}
function claim(view, threadId2) {
  for (let i = 0; i < SLOTS; i++) {
    const base = (threadId2 + i) % SLOTS * FIELDS;
    if (Atomics.load(view, base + OWNER) !== 0) continue;
    Atomics.store(view, base + REQUEST, 0);
    Atomics.store(view, base + STATE, SLOT_IDLE);
    if (Atomics.compareExchange(view, base + OWNER, 0, threadId2) === 0) return base;
  }
  return -1;
}
function askToFlush(view, threadId2) {
  if (threadId2 <= 0) return void 0;
  let base = -1;
  for (let i = 0; i < SLOTS && base < 0; i++) {
    const at = (threadId2 + i) % SLOTS * FIELDS;
    if (Atomics.load(view, at + OWNER) === threadId2) base = at;
  }
  if (base < 0) return void 0;
  Atomics.store(view, base + REQUEST, 1);
  Atomics.notify(view, base + REQUEST);
  return {
    state: () => Atomics.load(view, base + STATE),
    waitFor: (from, ms) => waitAsync(view, base + STATE, from, ms),
    release: () => void Atomics.compareExchange(view, base + OWNER, threadId2, 0)
  };
}

// src/agent/worker-interrupt.ts
var TITLE = /^\[worker (\d+)\]/;
function flushExpression(threadIds) {
  return `globalThis[Symbol.for(${JSON.stringify(INTERRUPT_FLUSH.description)})]?.(${JSON.stringify(threadIds)})`;
}
function interruptToFlush(threadIds) {
  if (threadIds.length === 0) return;
  const session = new AgentSession();
  session.connect();
  try {
    const attached = [];
    session.on("NodeWorker.attachedToWorker", (event) => attached.push(event.params));
    session.post("NodeWorker.enable", { waitForDebuggerOnStart: false });
    const message = JSON.stringify({ id: 1, method: "Runtime.evaluate", params: { expression: flushExpression(threadIds), silent: true } });
    for (const worker of attached) {
      const titled = TITLE.exec(worker.workerInfo?.title ?? "");
      if (titled && !threadIds.includes(Number(titled[1]))) continue;
      session.post("NodeWorker.sendMessageToWorker", { sessionId: worker.sessionId, message });
    }
    session.post("NodeWorker.disable");
  } finally {
    session.disconnect();
  }
}

// src/agent/terminate.ts
var ANSWER_TIMEOUT_MS = 1e3;
var SLOT_ANSWER_MS = 20;
var WRITE_TIMEOUT_MS = 1e4;
var LAST_FILE = "-0.scripts.json";
function wrapWorkerTerminate(rawDir) {
  const channels = builtin("node:diagnostics_channel");
  const loaded = workerThreadsIfLoaded();
  if (loaded) wrapTerminate(loaded, rawDir);
  let wrapped = loaded !== void 0;
  channels.subscribe(WORKER_CHANNEL, (message) => {
    if (!wrapped) {
      wrapped = true;
      wrapTerminate(builtin("node:worker_threads"), rawDir);
    }
    const worker = message.worker;
    if (worker) remember(worker);
  });
}
var WORKER_CHANNEL = "worker_threads";
var madeHere = [];
function remember(worker) {
  if (madeHere.length >= 64) madeHere = madeHere.filter((ref) => (ref.deref()?.threadId ?? -1) >= 0);
  madeHere.push(new WeakRef(worker));
}
var EXIT_ANSWER_TIMEOUT_MS = 250;
var slots;
function flushLiveWorkersAtExit(rawDir, ownFlush) {
  const marker = (tid, suffix) => inRawDir(rawDir, `${pid}-${tid}${suffix}`);
  const pending = madeHere.map((ref) => ref.deref()?.threadId ?? -1).filter((tid) => tid > 0 && (0, import_node_fs7.existsSync)(marker(tid, ".start")) && !(0, import_node_fs7.existsSync)(marker(tid, LAST_FILE)));
  madeHere = [];
  if (pending.length === 0) return ownFlush();
  const asked = /* @__PURE__ */ new Map();
  for (const tid of pending) {
    const slot = slots && askToFlush(slots, tid);
    if (slot) asked.set(tid, slot);
  }
  const unslotted = pending.filter((tid) => !asked.has(tid));
  if (unslotted.length > 0) askOverChannel(unslotted);
  ownFlush();
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const started = Date.now();
  let waiting = pending;
  while (waiting.length > 0) {
    const elapsed = Date.now() - started;
    waiting = waiting.filter((tid) => {
      const slot = asked.get(tid);
      const state = slot ? slot.state() : stateOnDisk(rawDir, tid);
      if (state === SLOT_WRITTEN) return false;
      return elapsed < (state === SLOT_FLUSHING ? EXIT_ANSWER_TIMEOUT_MS + WRITE_TIMEOUT_MS : EXIT_ANSWER_TIMEOUT_MS);
    });
    if (waiting.length > 0) Atomics.wait(sleeper, 0, 0, 2);
  }
}
function askOverChannel(threadIds) {
  const { BroadcastChannel } = builtin("node:worker_threads");
  const channel = new BroadcastChannel(FLUSH_CHANNEL);
  try {
    for (const tid of threadIds) channel.postMessage({ type: "flush", threadId: tid });
  } finally {
    channel.close();
  }
}
function interruptUnanswered(threadIds) {
  try {
    interruptToFlush(threadIds);
  } catch {
  }
}
async function slotWritten(asked, rawDir, target) {
  const keepAlive = setTimeout(() => void 0, ANSWER_TIMEOUT_MS + WRITE_TIMEOUT_MS);
  try {
    if (asked.state() === SLOT_IDLE) await asked.waitFor(SLOT_IDLE, SLOT_ANSWER_MS);
    if (asked.state() === SLOT_IDLE) {
      const answer = await writtenOnDisk(rawDir, target, Date.now() - SLOT_ANSWER_MS);
      asked.release();
      return answer;
    }
    if (asked.state() === SLOT_FLUSHING) await asked.waitFor(SLOT_FLUSHING, WRITE_TIMEOUT_MS);
    return { interrupted: false };
  } finally {
    clearTimeout(keepAlive);
  }
}
var POLL_MS = 2;
function stateOnDisk(rawDir, tid) {
  if ((0, import_node_fs7.existsSync)(inRawDir(rawDir, `${pid}-${tid}${LAST_FILE}`))) return SLOT_WRITTEN;
  return (0, import_node_fs7.existsSync)(inRawDir(rawDir, `${pid}-${tid}${FLUSHING_SUFFIX}`)) ? SLOT_FLUSHING : SLOT_IDLE;
}
function writtenOnDisk(rawDir, target, started = Date.now()) {
  let interrupted = false;
  return new Promise((resolve) => {
    const look = () => {
      const state = stateOnDisk(rawDir, target);
      if (!interrupted && state === SLOT_IDLE && Date.now() - started >= SLOT_ANSWER_MS) {
        interrupted = true;
        interruptUnanswered([target]);
      }
      const limit = state === SLOT_FLUSHING ? ANSWER_TIMEOUT_MS + WRITE_TIMEOUT_MS : ANSWER_TIMEOUT_MS;
      if (state === SLOT_WRITTEN || Date.now() - started >= limit) resolve({ interrupted });
      else setTimeout(look, POLL_MS);
    };
    look();
  });
}
function wrapTerminate(workerThreads2, rawDir) {
  slots = shareFlushSlots(workerThreads2);
  const proto = workerThreads2.Worker.prototype;
  const originalTerminate = proto.terminate;
  proto.terminate = function terminate() {
    const target = this.threadId;
    if (target < 0 || !(0, import_node_fs7.existsSync)(inRawDir(rawDir, `${pid}-${target}.start`)) || (0, import_node_fs7.existsSync)(inRawDir(rawDir, `${pid}-${target}${LAST_FILE}`))) return originalTerminate.call(this);
    const asked = slots && askToFlush(slots, target);
    let written;
    if (asked) written = slotWritten(asked, rawDir, target);
    else {
      askOverChannel([target]);
      written = writtenOnDisk(rawDir, target);
    }
    return written.then(
      (how) => how.interrupted ? terminateUntilEnded(this, originalTerminate) : originalTerminate.call(this),
      () => originalTerminate.call(this)
    );
  };
}
var RETERMINATE_MS = 50;
var RETERMINATE_TIMES = 1200;
function terminateUntilEnded(worker, originalTerminate) {
  const ended = originalTerminate.call(worker);
  let times = 0;
  const again = () => {
    if (worker.threadId < 0 || ++times > RETERMINATE_TIMES) return;
    originalTerminate.call(worker).catch(() => void 0);
    setTimeout(again, RETERMINATE_MS).unref();
  };
  setTimeout(again, RETERMINATE_MS).unref();
  return ended;
}
function listenForFlushRequests(flush) {
  const workerThreads2 = builtin("node:worker_threads");
  const own = listenOnFlushSlot(workerThreads2, threadId, flush);
  if (own) return own;
  const channel = new workerThreads2.BroadcastChannel(FLUSH_CHANNEL);
  channel.unref();
  channel.onmessage = (event) => {
    const data = event.data;
    if (data?.type !== "flush" || data.threadId !== threadId) return;
    flush();
  };
  return void 0;
}

// src/agent/agent.ts
var AGENT_KEY = /* @__PURE__ */ Symbol.for("ciprof.agent");
function warn(message) {
  warnRun(runRawDirectory, message);
}
var runRawDirectory;
var runIsOver = () => runRawDirectory !== void 0 && !(0, import_node_fs8.existsSync)(runRawDirectory);
function safely(what, fn) {
  try {
    fn();
  } catch (err) {
    if (err instanceof NoInspector || isAccessDenied(err) || runIsOver()) return;
    warn(`${what} failed: ${errorText(err)}`);
  }
}
function main() {
  const g = globalThis;
  const rawDir = runRawDir();
  if (!rawDir || g[AGENT_KEY]) return;
  runRawDirectory = rawDir;
  if (runIsOver()) return;
  Object.defineProperty(g, AGENT_KEY, { value: true });
  if (!isMainThread && (0, import_node_fs8.existsSync)(inRawDir(rawDir, `${pid}-0${FLUSHING_SUFFIX}`))) return;
  const intervalUs = Number(process.env.CIPROF_INTERVAL_US) || 1e3;
  const profiler = new ThreadProfiler(rawDir, intervalUs, {
    startUs: threadStartUs(),
    ancestors: isMainThread ? parentChain() : [],
    hrtimeNs
  });
  profiler.connect();
  const started = {};
  const flushingMarker = inRawDir(rawDir, `${pid}-${threadId}${FLUSHING_SUFFIX}`);
  const markFlushing = () => safely("flush marker", () => (0, import_node_fs8.writeFileSync)(flushingMarker, ""));
  let ownSlot;
  const flushAll = (reason, tellSlot = true) => {
    markFlushing();
    for (const flushHook of g[HOOK_FLUSHERS] ?? []) safely(`per-test records (${reason})`, () => flushHook(reason));
    const sampler = started.alloc;
    const allocFlush = sampler && ((info) => safely(`allocation profile on ${reason}`, () => sampler.flush(info)));
    safely(`flush on ${reason}`, () => profiler.flush(reason, allocFlush));
    if (tellSlot) safely("flush slot", () => ownSlot?.written());
  };
  process.on("exit", () => {
    if (!isMainThread) return flushAll("exit");
    markFlushing();
    let ownFlushed = false;
    const ownFlush = () => {
      ownFlushed = true;
      flushAll("exit");
    };
    safely("flush of the live worker threads", () => flushLiveWorkersAtExit(rawDir, ownFlush));
    if (!ownFlushed) flushAll("exit");
  });
  if (isMainThread) {
    installSigtermFlush(() => flushAll("signal"));
  } else {
    ownSlot = listenForFlushRequests(() => flushAll("terminate"));
    const interruptFlush = (threadIds) => {
      if (threadIds.includes(threadId)) flushAll("terminate", false);
    };
    Object.defineProperty(g, INTERRUPT_FLUSH, { value: interruptFlush });
  }
  wrapWorkerTerminate(rawDir);
  profiler.start();
  started.alloc = startAllocationSampler(g, profiler, rawDir);
}
function startAllocationSampler(g, profiler, rawDir) {
  const intervalBytes = Number(process.env[ALLOC_ENV]);
  if (!(Number.isSafeInteger(intervalBytes) && intervalBytes > 0)) return void 0;
  const sampler = new AllocationSampler((method, params) => profiler.post(method, params), rawDir, intervalBytes);
  try {
    sampler.start();
  } catch (err) {
    warn(`allocation sampling not started: ${errorText(err)}`);
    return void 0;
  }
  Object.defineProperty(g, TEST_BOUNDARY, { value: (edge) => sampler.boundary(edge), configurable: true });
  return sampler;
}
safely("profiler start", main);
