"use strict";

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

// src/collect/runners/hooks/runner-role.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
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
  ["mocha", "mocha/lib/nodejs/worker\\.js"]
]);
var WORKER_THREAD_ENTRIES = table([
  ["jest", "jest-worker/build/(?:workers/)?threadChild\\.js"],
  ["vitest", "vitest/dist/workers/(?:threads|vmThreads)\\.js"],
  ["vitest", "tinypool/dist/entry/worker\\.js"]
]);
function recordsTests(role) {
  return role.role === "worker" || role.runner === "jest" || role.runner === "mocha";
}
var marker = (rawDir, pid, runner) => (0, import_node_path.join)(rawDir, `${pid}.${runner}.runner`);
var match = (entries, file) => (entries.compiled ??= entries.patterns.map(([runner, pattern]) => [runner, entry(pattern)])).find(([, re]) => re.test(file))?.[0];
var mayBeRunner = (file) => file.includes("jest") || file.includes("vitest") || file.includes("mocha") || file.includes("tinypool");
function mainThreadRole(rawDir) {
  const script = process.argv[1] ?? "";
  if (process.execArgv.includes("--test")) return markMain(rawDir, "node-test");
  const candidate = mayBeRunner(script);
  const main2 = candidate && match(MAIN_ENTRIES, script);
  if (main2) return markMain(rawDir, main2);
  const worker = candidate && match(WORKER_PROCESS_ENTRIES, script);
  if (worker) return { runner: worker, role: "worker" };
  if (script && (0, import_node_fs.existsSync)(marker(rawDir, process.ppid, "node-test"))) return { runner: "node-test", role: "worker" };
  return void 0;
}
function markMain(rawDir, runner) {
  (0, import_node_fs.writeFileSync)(marker(rawDir, process.pid, runner), "");
  return { runner, role: "main" };
}
function onWorkerThreadRole(rawDir, then) {
  const candidate = ["vitest", "jest"].find((runner) => (0, import_node_fs.existsSync)(marker(rawDir, process.pid, runner)));
  if (!candidate) return;
  const registerHooks = builtin("node:module").registerHooks;
  if (typeof registerHooks !== "function") return then({ runner: candidate, role: "worker" });
  let watching = true;
  const stop = () => {
    if (!watching) return;
    watching = false;
    clearImmediate(timeout);
    hooks.deregister();
  };
  const hooks = registerHooks({
    resolve(specifier, context, next) {
      const result = next(specifier, context);
      if (!watching || context.parentURL !== void 0) return result;
      const runner = match(WORKER_THREAD_ENTRIES, result.url);
      if (runner) {
        stop();
        then({ runner, role: "worker" });
      }
      return result;
    }
  });
  const timeout = setImmediate(stop);
  timeout.unref();
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
    try {
      process.stderr.write(`ciprof: warning: ${role.runner} attribution disabled: ${err.message}
`);
    } catch {
    }
  }
}
function main() {
  const rawDir = process.env.CIPROF_RAW_DIR;
  if (!rawDir) return;
  if (isMainThread) {
    const role = mainThreadRole(rawDir);
    if (role) guarded(role, rawDir);
  } else onWorkerThreadRole(rawDir, (role) => guarded(role, rawDir));
}
try {
  main();
} catch {
}
