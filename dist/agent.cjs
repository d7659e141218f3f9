"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/agent/agent.ts
var fs = __toESM(require("node:fs"), 1);
var inspector = __toESM(require("node:inspector"), 1);
var os = __toESM(require("node:os"), 1);
var path = __toESM(require("node:path"), 1);
var import_node_worker_threads = require("node:worker_threads");

// src/agent/protocol.ts
var FLUSH_CHANNEL = "ciprof:flush";

// src/agent/agent.ts
var AGENT_KEY = /* @__PURE__ */ Symbol.for("ciprof.agent");
var TERMINATE_FLUSH_TIMEOUT_MS = 500;
function warn(message) {
  try {
    fs.writeSync(2, `ciprof: warning: ${message} (pid ${process.pid}, thread ${import_node_worker_threads.threadId})
`);
  } catch {
  }
}
var ThreadProfiler = class {
  constructor(rawDir, intervalUs) {
    this.rawDir = rawDir;
    this.intervalUs = intervalUs;
  }
  rawDir;
  intervalUs;
  session = new inspector.Session();
  running = false;
  seq = 0;
  segmentStartedAt = 0;
  get isRunning() {
    return this.running;
  }
  start() {
    if (this.seq === 0) {
      try {
        this.session.connect();
        this.post("Profiler.enable");
      } catch (err) {
        if (/without a V8::Inspector/.test(errorText(err))) {
          const info = JSON.stringify({ pid: process.pid, threadId: import_node_worker_threads.threadId, argv: process.argv.slice(1, 4), execArgv: process.execArgv });
          fs.writeFileSync(path.join(this.rawDir, `${process.pid}-${import_node_worker_threads.threadId}.noinspector`), info);
          throw new NoInspector();
        }
        throw err;
      }
      this.post("Profiler.setSamplingInterval", { interval: this.intervalUs });
      fs.writeFileSync(path.join(this.rawDir, `${process.pid}-${import_node_worker_threads.threadId}.start`), "");
    }
    this.segmentStartedAt = Date.now();
    this.post("Profiler.start");
    this.running = true;
  }
  /** Stops the profiler and writes the segment. Synchronous: safe inside 'exit'. */
  flush(reason) {
    if (!this.running) return;
    this.running = false;
    const result = this.post("Profiler.stop");
    if (!result?.profile) throw new Error("Profiler.stop returned no profile");
    const info = {
      pid: process.pid,
      ppid: process.ppid,
      threadId: import_node_worker_threads.threadId,
      isMainThread: import_node_worker_threads.isMainThread,
      argv: process.argv.slice(1, 4),
      execPath: process.execPath,
      nodeVersion: process.version,
      segment: this.seq,
      reason,
      wallStartMs: this.segmentStartedAt,
      wallEndMs: Date.now(),
      hrtimeAtFlushNs: process.hrtime.bigint().toString(),
      intervalUs: this.intervalUs
    };
    const base = path.join(this.rawDir, `${process.pid}-${import_node_worker_threads.threadId}-${this.seq}`);
    this.seq += 1;
    fs.writeFileSync(`${base}.tmp`, JSON.stringify({ ...result.profile, $ciprof: info }));
    fs.renameSync(`${base}.tmp`, `${base}.cpuprofile`);
  }
  /**
   * The in-process inspector session dispatches synchronously: the callback has run
   * by the time post() returns, which is what lets us stop and write inside 'exit'.
   */
  post(method, params) {
    let out;
    let failure = null;
    this.session.post(method, params ?? {}, (err, result) => {
      failure = err;
      out = result;
    });
    if (failure) throw failure;
    return out;
  }
};
var NoInspector = class extends Error {
};
function errorText(err) {
  if (err instanceof Error) return err.message;
  if (err && typeof err === "object" && "message" in err) return String(err.message);
  return JSON.stringify(err);
}
function safely(what, fn) {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof NoInspector)) warn(`${what} failed: ${errorText(err)}`);
  }
}
function installSignalFlush(profiler, signals) {
  const handlers = /* @__PURE__ */ new Map();
  const stepAside = (signal) => {
    safely(`flush on ${signal}`, () => profiler.flush("signal"));
    process.removeListener(signal, handlers.get(signal));
  };
  for (const signal of signals) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) {
        safely(`flush on ${signal}`, () => profiler.flush("signal"));
        safely("profiler restart", () => profiler.start());
        return;
      }
      stepAside(signal);
      process.kill(process.pid, signal);
    };
    handlers.set(signal, onSignal);
    process.on(signal, onSignal);
  }
  const originalKill = process.kill.bind(process);
  process.kill = function kill(pid, signal) {
    const name = typeof signal === "number" ? signalName(signal) : signal ?? "SIGTERM";
    if (pid === process.pid && name && handlers.has(name) && process.listeners(name).length === 1 && process.listeners(name)[0] === handlers.get(name)) {
      stepAside(name);
    }
    return originalKill(pid, signal);
  };
}
function signalName(num) {
  return Object.keys(os.constants.signals).find((k) => os.constants.signals[k] === num);
}
function wrapWorkerTerminate() {
  const proto = import_node_worker_threads.Worker.prototype;
  if (proto[AGENT_KEY]) return;
  proto[AGENT_KEY] = true;
  const originalTerminate = proto.terminate;
  proto.terminate = function terminate() {
    const target = this.threadId;
    if (target < 0) return originalTerminate.call(this);
    return new Promise((resolve) => {
      const channel = new import_node_worker_threads.BroadcastChannel(FLUSH_CHANNEL);
      const finish = () => {
        clearTimeout(timer);
        channel.close();
        resolve();
      };
      const timer = setTimeout(finish, TERMINATE_FLUSH_TIMEOUT_MS);
      channel.onmessage = (event) => {
        const data = event.data;
        if (data?.type === "ack" && data.threadId === target) finish();
      };
      const request = { type: "flush", threadId: target };
      channel.postMessage(request);
    }).then(() => originalTerminate.call(this));
  };
}
function listenForFlushRequests(profiler) {
  const channel = new import_node_worker_threads.BroadcastChannel(FLUSH_CHANNEL);
  channel.unref();
  channel.onmessage = (event) => {
    const data = event.data;
    if (data?.type !== "flush" || data.threadId !== import_node_worker_threads.threadId) return;
    safely("flush on terminate", () => profiler.flush("terminate"));
    const ack = { type: "ack", threadId: import_node_worker_threads.threadId };
    channel.postMessage(ack);
  };
}
function main() {
  const g = globalThis;
  const rawDir = process.env.CIPROF_RAW_DIR;
  if (!rawDir || g[AGENT_KEY]) return;
  g[AGENT_KEY] = true;
  const intervalUs = Number(process.env.CIPROF_INTERVAL_US) || 1e3;
  const profiler = new ThreadProfiler(rawDir, intervalUs);
  profiler.start();
  process.on("exit", () => safely("flush at exit", () => profiler.flush("exit")));
  if (import_node_worker_threads.isMainThread) {
    installSignalFlush(profiler, ["SIGTERM", "SIGINT"]);
  } else {
    listenForFlushRequests(profiler);
  }
  wrapWorkerTerminate();
}
safely("profiler start", main);
