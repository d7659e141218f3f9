import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-ZHB73YNC.js";

// src/agent/thread.ts
var WORKER_BOOT_MODULES = ["worker_threads", "internal/worker", "internal/worker/io", "internal/process/worker_thread_only"];
function builtin(name) {
  const get = process.getBuiltinModule;
  return get ? get(name) : __require(name);
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

export {
  commonJsModuleClass
};
