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

// src/collect/runners/jest.ts
var import_node_module = __toESM(require("node:module"), 1);

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

// src/collect/runners/jest.ts
var WRAPPED = /* @__PURE__ */ Symbol.for("ciprof.jest.wrapped");
var recorder = new TestRecorder();
function fullName(test) {
  const names = [test.name];
  for (let p = test.parent; p?.parent; p = p.parent) names.unshift(p.name);
  return names.join(NAME_SEPARATOR);
}
function isEnvClass(value) {
  return typeof value === "function" && typeof value.prototype?.getVmContext === "function" && !value[WRAPPED];
}
function wrapEnv(Original) {
  const originalHandler = Original.prototype.handleTestEvent;
  class CiprofEnvironment extends Original {
    ciprofFile = "";
    ciprofFileDone;
    ciprofTests = /* @__PURE__ */ new Map();
    constructor(...args) {
      super(...args);
      const context = args[1];
      this.ciprofFile = context?.testPath ?? "";
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
          this.ciprofFileDone = recorder.begin("file", this.ciprofFile, "");
          break;
        case "test_start":
          if (event.test) this.ciprofTests.set(event.test, recorder.begin("test", this.ciprofFile, fullName(event.test)));
          break;
        case "test_done":
          if (event.test) {
            this.ciprofTests.get(event.test)?.(event.test.errors?.length ? "failed" : "passed");
            this.ciprofTests.delete(event.test);
          }
          break;
        case "test_skip":
        case "test_todo":
          break;
        case "teardown":
          this.ciprofFileDone?.("passed");
          break;
      }
    }
  }
  Object.defineProperty(CiprofEnvironment, WRAPPED, { value: true });
  Object.defineProperty(CiprofEnvironment, "name", { value: Original.name });
  return CiprofEnvironment;
}
function patchExports(exports2) {
  if (isEnvClass(exports2)) return wrapEnv(exports2);
  if (exports2 && typeof exports2 === "object") {
    const e = exports2;
    for (const key of ["default", "TestEnvironment"]) {
      const value = e[key];
      if (!isEnvClass(value)) continue;
      const desc = Object.getOwnPropertyDescriptor(e, key);
      if (desc && "value" in desc && desc.writable) e[key] = wrapEnv(value);
    }
  }
  return exports2;
}
function install() {
  if (!recorder.enabled) return;
  const M = import_node_module.default;
  const originalLoad = M._load;
  M._load = function load(request, ...rest) {
    const exports2 = originalLoad.call(this, request, ...rest);
    if (/environment|env/i.test(request)) {
      try {
        return patchExports(exports2);
      } catch {
        return exports2;
      }
    }
    return exports2;
  };
}
try {
  install();
} catch (err) {
  try {
    process.stderr.write(`ciprof: warning: jest attribution disabled: ${err.message}
`);
  } catch {
  }
}
