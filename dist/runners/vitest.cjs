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

// src/collect/test-record.ts
var import_node_fs = require("node:fs");
var path = __toESM(require("node:path"), 1);
var import_node_worker_threads = require("node:worker_threads");
var TESTS_SUFFIX = ".tests.jsonl";
var NAME_SEPARATOR = " > ";
function nowUs() {
  return Number(process.hrtime.bigint() / 1000n);
}
var TestRecorder = class {
  failed = false;
  file;
  constructor(rawDir = process.env.CIPROF_RAW_DIR) {
    this.file = rawDir ? path.join(rawDir, `${process.pid}-${import_node_worker_threads.threadId}${TESTS_SUFFIX}`) : void 0;
  }
  get enabled() {
    return this.file !== void 0 && !this.failed;
  }
  /** Writes a 'running' line and returns a function that writes the finished line. */
  begin(kind, file, name) {
    if (!this.enabled) return () => {
    };
    const startUs = nowUs();
    const base = { pid: process.pid, threadId: import_node_worker_threads.threadId, kind, file, name, startUs };
    this.write({ ...base, endUs: null, wallMs: null, status: "running" });
    let done = false;
    return (status) => {
      if (done) return;
      done = true;
      const endUs = nowUs();
      this.write({ ...base, endUs, wallMs: (endUs - startUs) / 1e3, status });
    };
  }
  write(record) {
    if (!this.file || this.failed) return;
    try {
      (0, import_node_fs.appendFileSync)(this.file, `${JSON.stringify(record)}
`);
    } catch (err) {
      this.failed = true;
      try {
        process.stderr.write(`ciprof: warning: per-test records not written: ${err.message}
`);
      } catch {
      }
    }
  }
};

// src/collect/runners/vitest.ts
var STATE_KEY = "__vitest_worker__";
var INSTRUMENTED = /* @__PURE__ */ Symbol.for("ciprof.vitest.state");
var recorder = new TestRecorder();
function fileOf(task) {
  return task.filepath ?? task.file?.filepath ?? "";
}
function fullName(test) {
  const names = [test.name ?? ""];
  for (let s = test.suite; s && s.type === "suite" && !s.filepath; s = s.suite) names.unshift(s.name ?? "");
  return names.join(NAME_SEPARATOR);
}
function statusOf(test) {
  const s = test.result?.state;
  return s === "pass" ? "passed" : s === "fail" ? "failed" : s === "skip" || s === "todo" ? "skipped" : "unknown";
}
function instrument(state) {
  if (!state || typeof state !== "object" || state[INSTRUMENTED]) return;
  const desc = Object.getOwnPropertyDescriptor(state, "current");
  if (desc && (!desc.configurable || !("value" in desc))) return;
  Object.defineProperty(state, INSTRUMENTED, { value: true });
  let current = desc?.value;
  let test;
  let file;
  const onChange = (next) => {
    if (test && next !== test.task) {
      test.done(statusOf(test.task));
      test = void 0;
    }
    const path2 = next ? fileOf(next) : "";
    if (file && path2 !== file.path) {
      file.done("passed");
      file = void 0;
    }
    if (path2 && !file) file = { path: path2, done: recorder.begin("file", path2, "") };
    if (next?.type === "test" && !test) test = { task: next, done: recorder.begin("test", path2, fullName(next)) };
  };
  Object.defineProperty(state, "current", {
    configurable: true,
    enumerable: desc?.enumerable ?? true,
    get: () => current,
    set: (value) => {
      current = value;
      try {
        onChange(value);
      } catch {
      }
    }
  });
}
function install() {
  if (!recorder.enabled) return;
  const original = Object.defineProperty;
  const patched = function defineProperty(target, key, attributes) {
    const result = original(target, key, attributes);
    if (key === STATE_KEY && target === globalThis && attributes && "value" in attributes) {
      try {
        instrument(attributes.value);
      } catch {
      }
    }
    return result;
  };
  original(Object, "defineProperty", { value: patched, writable: true, configurable: true, enumerable: false });
}
try {
  install();
} catch (err) {
  try {
    process.stderr.write(`ciprof: warning: vitest attribution disabled: ${err.message}
`);
  } catch {
  }
}
