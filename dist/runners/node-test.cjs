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

// src/collect/runners/node-test.ts
function install() {
  if (!process.env.NODE_TEST_CONTEXT || !process.env.CIPROF_RAW_DIR) return;
  const file = process.argv[1];
  if (!file) return;
  const recorder = new TestRecorder();
  recorder.begin("file", file, "");
  const nodeTest = require("node:test");
  const running = /* @__PURE__ */ new WeakMap();
  nodeTest.beforeEach((ctx) => {
    const c = ctx;
    running.set(c, recorder.begin("test", file, c.fullName ?? c.name));
  });
  nodeTest.afterEach((ctx) => {
    const c = ctx;
    running.get(c)?.(c.passed === false ? "failed" : "passed");
    running.delete(c);
  });
}
try {
  install();
} catch (err) {
  try {
    process.stderr.write(`ciprof: warning: node:test attribution disabled: ${err.message}
`);
  } catch {
  }
}
