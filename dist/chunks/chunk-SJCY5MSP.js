import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  __require
} from "./chunk-ZHB73YNC.js";

// src/agent/protocol.ts
var ALLOC_ENV = "CIPROF_ALLOC_BYTES";
var ALLOC_SUFFIX = ".allocprofile";
var DEFAULT_ALLOC_INTERVAL_BYTES = 4 * 1024;
function withAllocSampling(env, on) {
  return on ? { ...env, [ALLOC_ENV]: String(DEFAULT_ALLOC_INTERVAL_BYTES) } : env;
}
var MARKER_RESIDUES = 16;
var MARKER_STEP = 16;

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

export {
  ALLOC_SUFFIX,
  withAllocSampling,
  MARKER_RESIDUES,
  MARKER_STEP,
  builtin
};
