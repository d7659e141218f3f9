"use strict";
const process = globalThis.process;
"use strict";

// src/collect/runners/preload.ts
var import_node_fs5 = require("node:fs");

// src/agent/run-env.ts
var import_node_fs = require("node:fs");

// src/agent/protocol.ts
var inRawDir = (rawDir, name) => `${rawDir}/${name}`;
var WARNINGS_SUFFIX = ".warnings";
var ALLOC_ENV = "CIPROF_ALLOC_BYTES";
var DEFAULT_ALLOC_INTERVAL_BYTES = 4 * 1024;
var OUTER_NODE_TEST_CONTEXT = "node-test-context.outer";

// src/agent/run-env.ts
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
    saved = JSON.parse((0, import_node_fs.readFileSync)(inRawDir(rawDir, RUN_ENV_FILE), "utf8"));
  } catch {
    return void 0;
  }
  for (const key of RUN_ENV_KEYS) if (typeof saved[key] === "string" && env[key] === void 0) env[key] = saved[key];
  env[RAW_DIR_ENV] = rawDir;
  return rawDir;
}

// src/agent/run-warnings.ts
var import_node_fs2 = require("node:fs");

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
    (0, import_node_fs2.appendFileSync)(inRawDir(rawDir, `${pid}-${threadId}${WARNINGS_SUFFIX}`), `${message.replace(/\n/g, " ")}
`);
  } catch {
  }
}

// src/collect/runners/hooks/load-watch.ts
var registerHooksOf = () => {
  const registerHooks = builtin("node:module").registerHooks;
  return typeof registerHooks === "function" ? registerHooks : void 0;
};
function watchLoading(seen, via = "resolve") {
  const registerHooks = registerHooksOf();
  if (!registerHooks) return false;
  let watching = true;
  const stop = () => {
    if (!watching) return;
    watching = false;
    clearImmediate(loaded);
    hooks.deregister();
  };
  const look = (url, parentURL) => {
    const found = watching ? seen(url, parentURL) : void 0;
    if (found) {
      stop();
      found();
    }
  };
  const hooks = registerHooks(
    via === "load" ? {
      load(url, context, next) {
        const result = next(url, context);
        look(url, void 0);
        return result;
      }
    } : {
      resolve(specifier, context, next) {
        const result = next(specifier, context);
        look(result.url, context.parentURL);
        return result;
      }
    }
  );
  const loaded = setImmediate(stop);
  loaded.unref();
  return true;
}

// src/collect/runners/hooks/node-test-plain.ts
var HARNESS = "node:internal/test_runner/harness";
function watchPlainNodeTest(onRoot) {
  watchLoading((url) => url === "node:test" ? () => awaitHarnessRoot(onRoot) : void 0, "load");
}
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

// src/collect/runners/hooks/runner-role.ts
var import_node_fs4 = require("node:fs");

// src/agent/process-facts.ts
var import_node_fs3 = require("node:fs");
var MAX_ANCESTORS = 8;
var hrtimeBigint = process.hrtime.bigint;
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
  const fd = (0, import_node_fs3.openSync)(`/proc/${pid2}/stat`, "r");
  try {
    return buf.toString("latin1", 0, (0, import_node_fs3.readSync)(fd, buf, 0, buf.length, null));
  } finally {
    (0, import_node_fs3.closeSync)(fd);
  }
}

// src/collect/runners/hooks/runner-role.ts
var sep = String.raw`[\\/]`;
var entry = (pattern) => new RegExp(`${sep}${pattern.replaceAll("/", sep)}$`);
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
function recordsTests(role) {
  return role.role === "worker" || role.runner === "jest" || role.runner === "mocha";
}
var marker = (rawDir, pid2, runner) => inRawDir(rawDir, `${pid2}.${runner}.runner`);
var match = (entries, file) => (entries.compiled ??= entries.patterns.map(([runner, pattern]) => [runner, entry(pattern)])).find(([, re]) => re.test(file))?.[0];
var mayBeRunner = (file) => file.includes("jest") || file.includes("vitest") || file.includes("mocha") || file.includes("tinypool");
function mainThreadRole(rawDir) {
  const script = process.argv[1] ?? "";
  if (process.execArgv.includes("--test")) {
    if (!isolationNone(process.execArgv)) return markMain(rawDir, "node-test");
    markTests(rawDir);
    return { runner: "node-test", role: "worker", manyFiles: true };
  }
  const candidate = mayBeRunner(script);
  const main2 = candidate && match(MAIN_ENTRIES, script);
  if (main2) return markMain(rawDir, main2);
  const worker = candidate && match(WORKER_PROCESS_ENTRIES, script);
  if (worker) return { runner: worker, role: "worker" };
  if (script && nodeTestFileProcess(rawDir)) {
    markTests(rawDir);
    return { runner: "node-test", role: "worker" };
  }
  if (script && TEST_SCRIPT.test(projectPath(script)) && !runnerAbove(rawDir)) return { runner: "node-test", role: "worker", plain: true };
  return void 0;
}
function projectPath(script) {
  const cwd = process.cwd();
  return script.startsWith(cwd) && (script[cwd.length] === "/" || script[cwd.length] === "\\") ? script.slice(cwd.length + 1) : script.slice(Math.max(script.lastIndexOf("/"), script.lastIndexOf("\\")) + 1);
}
var TEST_SCRIPT = /(?:^|[\\/])(?:tests?|__tests__|specs?)(?:[\\/]|\.[cm]?[jt]sx?$)|[._-](?:test|spec)s?\.[cm]?[jt]sx?$/i;
function markMain(rawDir, runner) {
  (0, import_node_fs4.writeFileSync)(marker(rawDir, process.pid, runner), "");
  return { runner, role: "main" };
}
var testsMarker = (rawDir, pid2) => inRawDir(rawDir, `${pid2}.node-test.tests`);
var markTests = (rawDir) => (0, import_node_fs4.writeFileSync)(testsMarker(rawDir, process.pid), "");
var RUNNERS = ["node-test", "jest", "vitest", "mocha"];
function runnerAbove(rawDir) {
  return parentChain().some((pid2) => (0, import_node_fs4.existsSync)(testsMarker(rawDir, pid2)) || RUNNERS.some((runner) => (0, import_node_fs4.existsSync)(marker(rawDir, pid2, runner))));
}
function isolationNone(execArgv) {
  return execArgv.some((arg, i) => {
    const flag = arg.replace(/^--experimental-test-isolation/, "--test-isolation");
    return flag === "--test-isolation=none" || flag === "--test-isolation" && execArgv[i + 1] === "none";
  });
}
function nodeTestFileProcess(rawDir) {
  if ((0, import_node_fs4.existsSync)(marker(rawDir, process.ppid, "node-test"))) return true;
  if (process.env.NODE_TEST_CONTEXT !== "child-v8" || (0, import_node_fs4.existsSync)(inRawDir(rawDir, OUTER_NODE_TEST_CONTEXT))) return false;
  for (const pid2 of parentChain()) if ((0, import_node_fs4.existsSync)(testsMarker(rawDir, pid2)) || (0, import_node_fs4.existsSync)(marker(rawDir, pid2, "node-test"))) return false;
  return true;
}
function onWorkerThreadRole(rawDir, then) {
  const candidate = ["vitest", "jest"].find((runner) => (0, import_node_fs4.existsSync)(marker(rawDir, process.pid, runner)));
  if (!candidate) return;
  const watched = watchLoading((url, parentURL) => {
    const runner = parentURL === void 0 ? match(WORKER_THREAD_ENTRIES, url) : void 0;
    return runner && (() => then({ runner, role: "worker" }));
  });
  if (!watched) then({ runner: candidate, role: "worker" });
}

// src/collect/runners/preload.ts
function install(role, rawDir) {
  const hooks = require(`${__dirname}/install.cjs`);
  hooks.installRunnerHooks(role, rawDir);
}
function guarded(role, rawDir) {
  if (!recordsTests(role)) return;
  try {
    install(role, rawDir);
  } catch (err) {
    warnRun(rawDir, `${role.runner} attribution disabled: ${err.message}`);
  }
}
function main() {
  const rawDir = runRawDir();
  if (!rawDir || !(0, import_node_fs5.existsSync)(rawDir)) return;
  if (isMainThread) {
    const role = mainThreadRole(rawDir);
    if (role?.plain) watchPlainNodeTest(() => guarded(role, rawDir));
    else if (role) guarded(role, rawDir);
  } else onWorkerThreadRole(rawDir, (role) => guarded(role, rawDir));
}
try {
  main();
} catch {
}
