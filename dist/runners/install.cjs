"use strict";
const process = globalThis.process;
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/collect/runners/install.ts
var install_exports = {};
__export(install_exports, {
  installRunnerHooks: () => installRunnerHooks
});
module.exports = __toCommonJS(install_exports);

// src/collect/test-record.ts
var import_node_fs2 = require("node:fs");

// src/agent/protocol.ts
var inRawDir = (rawDir, name) => `${rawDir}/${name}`;
var HOOK_FLUSHERS = /* @__PURE__ */ Symbol.for("ciprof.hookFlushers");
var JEST_TRANSFORM_CACHES = /* @__PURE__ */ Symbol.for("ciprof.jestTransformCaches");
var FLUSHING_SUFFIX = ".flushing";
var WARNINGS_SUFFIX = ".warnings";
var DEFAULT_ALLOC_INTERVAL_BYTES = 4 * 1024;
var TEST_BOUNDARY = /* @__PURE__ */ Symbol.for("ciprof.testBoundary");

// src/agent/run-warnings.ts
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

// src/agent/run-warnings.ts
function warnRun(rawDir, message) {
  if (!rawDir) return;
  try {
    (0, import_node_fs.appendFileSync)(inRawDir(rawDir, `${pid}-${threadId}${WARNINGS_SUFFIX}`), `${message.replace(/\n/g, " ")}
`);
  } catch {
  }
}

// src/collect/test-record.ts
var TESTS_SUFFIX = ".tests.jsonl";
var NAME_SEPARATOR = " > ";
var hrtimeBigint = process.hrtime.bigint;
function nowUs() {
  return Number(hrtimeBigint()) / 1e3;
}
var threadCpuUsage = process.threadCpuUsage?.bind(process);
function threadCpuUs() {
  if (!threadCpuUsage) return void 0;
  const u = threadCpuUsage();
  return u.user + u.system;
}
var TestRecorder = class {
  failed = false;
  file;
  rawDir;
  open = /* @__PURE__ */ new Set();
  done = [];
  constructor(rawDir = process.env.CIPROF_RAW_DIR) {
    this.rawDir = rawDir;
    this.file = rawDir ? inRawDir(rawDir, `${pid}-${threadId}${TESTS_SUFFIX}`) : void 0;
    if (this.file) (globalThis[HOOK_FLUSHERS] ??= []).push(() => this.flush());
  }
  get enabled() {
    return this.file !== void 0 && !this.failed;
  }
  begin(kind, file, name) {
    globalThis[TEST_BOUNDARY]?.("start");
    const test = { kind, file, name, startUs: nowUs(), cpuStartUs: threadCpuUs(), writtenOpen: false };
    this.open.add(test);
    return test;
  }
  /** Ends a test once; later calls for the same test do nothing. */
  end(test, status) {
    if (!this.open.delete(test)) return;
    const endUs = nowUs();
    this.done.push({ test, endUs, cpuEndUs: threadCpuUs(), status });
    globalThis[TEST_BOUNDARY]?.("end");
  }
  /** Writes what happened since the last flush in one append. Called by the agent. */
  flush() {
    if (!this.file || this.failed) return;
    const lines = [];
    for (const { test, endUs, cpuEndUs, status } of this.done) lines.push(line(test, endUs, cpuEndUs, status));
    for (const test of this.open) {
      if (test.writtenOpen) continue;
      test.writtenOpen = true;
      lines.push(line(test, null, void 0, "running"));
    }
    this.done = [];
    if (lines.length === 0) return;
    try {
      (0, import_node_fs2.appendFileSync)(this.file, `${lines.join("\n")}
`);
    } catch (err) {
      this.failed = true;
      warnRun(this.rawDir, `per-test records not written: ${err.message}`);
    }
  }
};
function line(test, endUs, cpuEndUs, status) {
  const startUs = Math.round(test.startUs);
  const end = endUs === null ? null : Math.round(endUs);
  const record = {
    pid,
    threadId,
    kind: test.kind,
    file: test.file,
    name: test.name,
    startUs,
    endUs: end,
    wallMs: end === null ? null : (end - startUs) / 1e3,
    cpuMs: end === null || cpuEndUs === void 0 || test.cpuStartUs === void 0 ? null : Math.max(0, cpuEndUs - test.cpuStartUs) / 1e3,
    status
  };
  return JSON.stringify(record);
}

// src/collect/runners/hooks/jest-worker-end.ts
var import_node_fs3 = require("node:fs");
var POLL_MS = 20;
function writingStarted(rawDir, pid2, until) {
  const marker = inRawDir(rawDir, `${pid2}-0${FLUSHING_SUFFIX}`);
  return new Promise((resolve) => {
    let done = false;
    void until.then(() => done = true);
    const poll = () => {
      if (done) return;
      if ((0, import_node_fs3.existsSync)(marker)) resolve();
      else setTimeout(poll, POLL_MS).unref();
    };
    poll();
  });
}
function endedOrWriting(worker, rawDir) {
  const original = worker.waitForExit;
  const pid2 = worker._child?.pid;
  if (typeof original !== "function" || typeof pid2 !== "number") return;
  worker.waitForExit = function waitForExit() {
    const exited = original.call(this);
    return Promise.race([exited, writingStarted(rawDir, pid2, exited)]);
  };
}
function letWorkersFinishWriting(Worker, rawDir) {
  const originalEnd = Worker.prototype.end;
  if (typeof originalEnd !== "function") return;
  Worker.prototype.end = function end(...args) {
    try {
      for (const worker of this._workerPool?.getWorkers?.() ?? []) endedOrWriting(worker, rawDir);
    } catch {
    }
    return originalEnd.apply(this, args);
  };
}

// src/collect/runners/hooks/jest.ts
var WRAPPED = /* @__PURE__ */ Symbol.for("ciprof.jest.wrapped");
function fullName(test) {
  const names = [test.name];
  for (let p = test.parent; p?.parent; p = p.parent) names.unshift(p.name);
  return names.join(NAME_SEPARATOR);
}
function isEnvClass(value) {
  return typeof value === "function" && typeof value.prototype?.getVmContext === "function" && !value[WRAPPED];
}
function wrapEnv(Original, recorder) {
  const originalHandler = Original.prototype.handleTestEvent;
  class CiprofEnvironment extends Original {
    ciprofFile = "";
    ciprofFileOpen;
    ciprofTests = /* @__PURE__ */ new Map();
    constructor(...args) {
      super(...args);
      const context = args[1];
      this.ciprofFile = context?.testPath ?? "";
      try {
        noteTransformCache(args[0]);
      } catch {
      }
    }
    handleTestEvent(...args) {
      try {
        this.ciprofRecord(args[0]);
      } catch {
      }
      return originalHandler?.apply(this, args);
    }
    ciprofRecord(event) {
      if (!this.ciprofFile) return;
      switch (event.name) {
        case "setup":
          this.ciprofFileOpen = recorder.begin("file", this.ciprofFile, "");
          break;
        case "test_start":
          if (event.test) this.ciprofTests.set(event.test, recorder.begin("test", this.ciprofFile, fullName(event.test)));
          break;
        case "test_done": {
          const open = event.test && this.ciprofTests.get(event.test);
          if (open) {
            recorder.end(open, event.test.errors?.length ? "failed" : "passed");
            this.ciprofTests.delete(event.test);
          }
          break;
        }
        case "teardown":
          if (this.ciprofFileOpen) recorder.end(this.ciprofFileOpen, "passed");
          break;
      }
    }
  }
  Object.defineProperty(CiprofEnvironment, WRAPPED, { value: true });
  Object.defineProperty(CiprofEnvironment, "name", { value: Original.name });
  return CiprofEnvironment;
}
function noteTransformCache(config) {
  const c = config;
  const project = c?.projectConfig ?? c;
  const directory = project?.cacheDirectory;
  const configId = project?.id;
  if (typeof directory !== "string" || typeof configId !== "string" || !directory || !configId) return;
  const g = globalThis;
  const caches = g[JEST_TRANSFORM_CACHES] ??= /* @__PURE__ */ new Map();
  const key = `${directory}\0${configId}`;
  if (!caches.has(key)) caches.set(key, { directory, configId });
}
function patchExports(exports2, recorder) {
  if (isEnvClass(exports2)) return wrapEnv(exports2, recorder);
  if (exports2 && typeof exports2 === "object") {
    const e = exports2;
    for (const key of ["default", "TestEnvironment"]) {
      const value = e[key];
      if (!isEnvClass(value)) continue;
      const desc = Object.getOwnPropertyDescriptor(e, key);
      if (desc && "value" in desc && desc.writable) e[key] = wrapEnv(value, recorder);
    }
  }
  return exports2;
}
function installJestHooks(recorder, main) {
  const M = builtin("node:module");
  const originalLoad = M._load;
  let workerEndWrapped = false;
  M._load = function load(request, ...rest) {
    const exports2 = originalLoad.call(this, request, ...rest);
    if (typeof request !== "string") return exports2;
    try {
      if (/env/i.test(request)) return patchExports(exports2, recorder);
      if (main && !workerEndWrapped && request === "jest-worker") {
        workerEndWrapped = true;
        const Worker = exports2.Worker;
        if (Worker) letWorkersFinishWriting(Worker, main.rawDir);
      }
    } catch {
    }
    return exports2;
  };
}

// src/collect/runners/hooks/mocha.ts
var import_node_fs4 = require("node:fs");
var import_node_path = require("node:path");
function statusOf(test) {
  return test.state === "failed" ? "failed" : test.state === "passed" ? "passed" : test.state === "pending" ? "skipped" : "unknown";
}
function listen(runner, recorder) {
  let current;
  const close = () => {
    if (!current) return;
    recorder.end(current.open, current.status ?? "unknown");
    current = void 0;
  };
  runner.on("test", (test) => {
    close();
    const name = test.titlePath ? test.titlePath().join(NAME_SEPARATOR) : test.title;
    current = { test, open: recorder.begin("test", test.file ?? "", name) };
  });
  runner.on("test end", (test) => {
    if (current?.test === test) current.status = statusOf(test);
  });
  runner.on("hook", (hook) => {
    if (current?.status !== void 0 && !/^"after each" hook/.test(hook.originalTitle ?? hook.title ?? "")) close();
  });
  runner.on("suite end", close);
  runner.on("end", close);
}
function loadRunnerClass() {
  const script = (0, import_node_fs4.realpathSync)(process.argv[1] ?? "");
  const root = /^(.*[\\/]mocha)[\\/](?:bin|lib)[\\/]/.exec(script)?.[1];
  if (!root) return void 0;
  const loaded = require((0, import_node_path.join)(root, "lib", "runner.js"));
  const Runner = typeof loaded === "function" ? loaded : loaded.Runner;
  if (typeof Runner?.prototype?.run !== "function") throw new Error(`no Runner with a run() in ${(0, import_node_path.join)(root, "lib", "runner.js")}`);
  return Runner;
}
function installMochaHooks(recorder) {
  const Runner = loadRunnerClass();
  if (!Runner) return;
  const originalRun = Runner.prototype.run;
  Runner.prototype.run = function run(...args) {
    try {
      listen(this, recorder);
    } catch {
    }
    return originalRun.apply(this, args);
  };
}

// src/collect/runners/hooks/load-watch.ts
var registerHooksOf = () => {
  const registerHooks = builtin("node:module").registerHooks;
  return typeof registerHooks === "function" ? registerHooks : void 0;
};

// src/collect/runners/hooks/node-test-plain.ts
var HARNESS = "node:internal/test_runner/harness";
function awaitHarnessRoot(then) {
  const onNewListener = (event) => {
    if (event !== "uncaughtException") return;
    let maker;
    try {
      maker = rootMaker();
    } catch {
      maker = "other";
    }
    if (maker === void 0) return;
    process.removeListener("newListener", onNewListener);
    if (maker === "lazyBootstrapRoot") then();
  };
  process.on("newListener", onNewListener);
}
function rootMaker() {
  const { prepareStackTrace, stackTraceLimit } = Error;
  try {
    Error.stackTraceLimit = 12;
    Error.prepareStackTrace = (_error, sites2) => sites2;
    const holder = {};
    Error.captureStackTrace(holder, rootMaker);
    const sites = Array.isArray(holder.stack) ? holder.stack : [];
    const harness = sites.filter((site) => site.getFileName() === HARNESS);
    if (harness.length === 0) return void 0;
    return harness.some((site) => site.getFunctionName() === "lazyBootstrapRoot") ? "lazyBootstrapRoot" : "other";
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

// src/collect/runners/hooks/node-test.ts
var loadNodeTest = () => builtin("node:test");
function registerRootHooks(nodeTest, recorder, file, manyFiles, firstTest) {
  nodeTest.beforeEach((ctx) => {
    firstTest?.();
    const c = ctx;
    const open = recorder.begin("test", manyFiles ? c.filePath ?? file : file, c.fullName ?? c.name);
    const signal = c.signal;
    if (!signal || signal.aborted) return recorder.end(open, "unknown");
    signal.addEventListener("abort", () => recorder.end(open, c.passed === false ? "failed" : "passed"), { once: true });
  });
}
function installNodeTestHooks(recorder, { manyFiles, plain }) {
  const file = process.argv[1] ?? "";
  if (!file && !manyFiles) return;
  if (plain) {
    recorder.begin("file", file, "");
    return registerRootHooks(loadNodeTest(), recorder, file, false);
  }
  if (!manyFiles) recorder.begin("file", file, "");
  const registerHooks = registerHooksOf();
  if (!registerHooks) {
    if (!manyFiles) registerRootHooks(loadNodeTest(), recorder, file, manyFiles);
    return;
  }
  const loading = manyFiles ? new FileLoading(recorder) : void 0;
  let hooked = false;
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    hooks.deregister();
  };
  const firstTest = loading ? () => {
    if (loading.done) return;
    loading.finish();
    remove();
  } : void 0;
  const onNodeTest = () => {
    hooked = true;
    if (!loading) remove();
    registerRootHooks(loadNodeTest(), recorder, file, manyFiles, firstTest);
  };
  const hooks = registerHooks(
    loading ? {
      // Many files: which file imports what needs the parent's URL, which only resolve has.
      resolve(specifier, context, next) {
        const result = next(specifier, context);
        if (!loading.done) loading.seen(specifier, context.parentURL, result.url);
        if (!hooked && result.url === "node:test") onNodeTest();
        return result;
      }
    } : {
      // One file: a load hook, off the stack of the file's resolution errors (load-watch.ts);
      // and the root hooks join only the root node:test's harness makes itself. An ES
      // module loads node:test while it links, before any of its code runs: one whose
      // other import then failed had a root from us, and on Node 22 its error went
      // through the harness (exit code 7, another report) instead of the plain exit 1.
      load(url, context, next) {
        const result = next(url, context);
        if (!hooked && url === "node:test") {
          hooked = true;
          remove();
          awaitHarnessRoot(() => registerRootHooks(loadNodeTest(), recorder, file, false));
        }
        return result;
      }
    }
  );
}
var FileLoading = class {
  constructor(recorder) {
    this.recorder = recorder;
  }
  recorder;
  done = false;
  open;
  started = false;
  /** One resolution: the runner's import of a test file opens that file (and closes the one before). */
  seen(specifier, parentURL, url) {
    if (specifier !== url || !url.startsWith("file:")) return;
    if (parentURL === void 0) this.started = true;
    else if (!this.started || !parentURL.endsWith("/")) return;
    const path = filePath(url);
    if (path === void 0) return;
    this.close();
    this.open = this.recorder.begin("file", path, "");
  }
  /** The tests begin: loading is over. */
  finish() {
    this.done = true;
    this.close();
  }
  close() {
    if (this.open) this.recorder.end(this.open, "unknown");
    this.open = void 0;
  }
};
function filePath(url) {
  try {
    return builtin("node:url").fileURLToPath(url);
  } catch {
    return void 0;
  }
}

// src/collect/runners/hooks/runner-role.ts
var import_node_fs5 = require("node:fs");

// src/agent/process-facts.ts
var hrtimeBigint2 = process.hrtime.bigint;

// src/collect/runners/hooks/runner-role.ts
var sep = String.raw`[\\/]`;
var table = (patterns) => ({ patterns });
var MAIN_ENTRIES = table([
  ["jest", "(?:jest|jest-cli)/bin/jest(?:\\.js)?"],
  ["jest", "\\.bin/jest"],
  ["vitest", "vitest/vitest\\.mjs"],
  ["vitest", "\\.bin/vitest"],
  ["mocha", "mocha/(?:bin/_?mocha(?:\\.js)?|lib/cli/cli\\.js)"],
  ["mocha", "\\.bin/_?mocha"]
]);
var WORKER_PROCESS_ENTRIES = table([
  ["jest", "jest-worker/build/(?:workers/)?processChild\\.js"],
  ["vitest", "vitest/dist/workers/(?:forks|vmForks)\\.js"],
  ["vitest", "tinypool/dist/entry/process\\.js"],
  // worker.js up to mocha 11, worker.cjs from mocha 12
  ["mocha", "mocha/lib/nodejs/worker\\.c?js"]
]);
var WORKER_THREAD_ENTRIES = table([
  ["jest", "jest-worker/build/(?:workers/)?threadChild\\.js"],
  ["vitest", "vitest/dist/workers/(?:threads|vmThreads)\\.js"],
  ["vitest", "tinypool/dist/entry/worker\\.js"]
]);
var testsMarker = (rawDir, pid2) => inRawDir(rawDir, `${pid2}.node-test.tests`);
var markTests = (rawDir) => (0, import_node_fs5.writeFileSync)(testsMarker(rawDir, process.pid), "");

// src/collect/runners/hooks/vitest.ts
var STATE_KEY = "__vitest_worker__";
var INSTRUMENTED = /* @__PURE__ */ Symbol.for("ciprof.vitest.state");
function fileOf(task) {
  return task.filepath ?? task.file?.filepath ?? "";
}
function fullName2(test) {
  const names = [test.name ?? ""];
  for (let s = test.suite; s && s.type === "suite" && !s.filepath; s = s.suite) names.unshift(s.name ?? "");
  return names.join(NAME_SEPARATOR);
}
function statusOf2(test) {
  const s = test.result?.state;
  return s === "pass" ? "passed" : s === "fail" ? "failed" : s === "skip" || s === "todo" ? "skipped" : "unknown";
}
var StateWatcher = class {
  constructor(recorder, onRunEnd) {
    this.recorder = recorder;
    this.onRunEnd = onRunEnd;
  }
  recorder;
  onRunEnd;
  test;
  file;
  onCurrent(next) {
    if (this.test && next !== this.test.task) {
      this.recorder.end(this.test.open, statusOf2(this.test.task));
      this.test = void 0;
    }
    const path = next ? fileOf(next) : "";
    if (this.file && path !== this.file.path) {
      this.recorder.end(this.file.open, "passed");
      this.file = void 0;
    }
    if (path && !this.file) this.file = { path, open: this.recorder.begin("file", path, "") };
    if (next?.type === "test" && !this.test) this.test = { task: next, open: this.recorder.begin("test", path, fullName2(next)) };
    if (next === void 0) this.onRunEnd();
  }
};
function instrument(state, watcher, define) {
  if (!state || typeof state !== "object" || state[INSTRUMENTED]) return;
  const desc = Object.getOwnPropertyDescriptor(state, "current");
  if (desc && (!desc.configurable || !("value" in desc))) return;
  define(state, INSTRUMENTED, { value: true });
  let current = desc?.value;
  define(state, "current", {
    configurable: true,
    enumerable: desc?.enumerable ?? true,
    get: () => current,
    set: (value) => {
      current = value;
      try {
        watcher.onCurrent(value);
      } catch {
      }
    }
  });
}
function installVitestHooks(recorder) {
  const original = Object.defineProperty;
  const arm = () => {
    if (Object.defineProperty === original) original(Object, "defineProperty", { value: waiting, writable: true, configurable: true, enumerable: false });
  };
  const disarm = () => {
    if (Object.defineProperty === waiting) original(Object, "defineProperty", { value: original, writable: true, configurable: true, enumerable: false });
  };
  const watcher = new StateWatcher(recorder, arm);
  const waiting = function defineProperty(target, key, attributes) {
    const result = original(target, key, attributes);
    if (key === STATE_KEY && attributes && "value" in attributes) {
      disarm();
      try {
        instrument(attributes.value, watcher, original);
      } catch {
      }
    }
    return result;
  };
  arm();
}

// src/collect/runners/install.ts
function installRunnerHooks(role, rawDir) {
  switch (role.runner) {
    case "jest":
      installJestHooks(new TestRecorder(), role.role === "main" ? { rawDir } : void 0);
      break;
    case "mocha":
      installMochaHooks(new TestRecorder());
      break;
    case "vitest":
      installVitestHooks(new TestRecorder());
      break;
    case "node-test":
      if (role.plain) markTests(rawDir);
      installNodeTestHooks(new TestRecorder(), { manyFiles: role.manyFiles === true, plain: role.plain === true });
      break;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  installRunnerHooks
});
