import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  blockedClass
} from "./chunk-TOQZ6A4H.js";
import {
  TESTS_SUFFIX,
  makeLabelerFor,
  readTestRecordFile,
  readTestRecords,
  testWalls
} from "./chunk-CK6QLLWJ.js";
import {
  testStats
} from "./chunk-ZT4APMRY.js";
import "./chunk-WO6TBIDZ.js";
import "./chunk-DWI46GCV.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/collect/test-record-prefetch.ts
import { statSync } from "node:fs";
import * as path from "node:path";
var TestRecordPrefetch = class {
  kept = /* @__PURE__ */ new Map();
  /** Reads the records of thread `threadKey` ("<pid>-<tid>"), if it wrote any. */
  prefetch(rawDir, threadKey) {
    const file = path.join(rawDir, `${threadKey}${TESTS_SUFFIX}`);
    try {
      const { size, mtimeMs } = statSync(file);
      this.kept.set(file, { size, mtimeMs, records: readTestRecordFile(file) });
    } catch {
      this.kept.delete(file);
    }
  }
  /** A records file's content: as read ahead when unchanged since, else read now (readTestRecordFile's errors). */
  read = (file) => {
    const kept = this.kept.get(file);
    if (kept) {
      this.kept.delete(file);
      try {
        const now = statSync(file);
        if (now.size === kept.size && now.mtimeMs === kept.mtimeMs) return kept.records;
      } catch {
      }
    }
    return readTestRecordFile(file);
  };
  /** How many files are held (tests). */
  get size() {
    return this.kept.size;
  }
};

// src/collect/test-attribution.ts
var NO_RUNNER = "per-test attribution off: no test ran under jest, mocha, vitest or node --test; whole-suite profile only";
var TestAttribution = class {
  /** `warnOnce`: the first problem is told, one line; the rest would repeat it. */
  constructor(warnOnce) {
    this.warnOnce = warnOnce;
  }
  warnOnce;
  labeler;
  testWalls;
  readAhead = new TestRecordPrefetch();
  /** Reads a thread's records while the command runs, once its profile is written (prepare uses them if unchanged). */
  prefetch(rawDir, threadKey) {
    this.readAhead.prefetch(rawDir, threadKey);
  }
  /** Reads the hooks' records; `repoRoot` makes their test files relative. */
  prepare(rawDir, repoRoot) {
    try {
      const records = readTestRecords(rawDir, repoRoot, this.readAhead.read);
      for (const w of records.warnings) this.warnOnce(w);
      if (records.byThread.size === 0) {
        this.warnOnce(NO_RUNNER);
        return;
      }
      this.labeler = makeLabelerFor(records);
      this.testWalls = testWalls(records);
    } catch (err) {
      this.warnOnce(`per-test attribution off: ${err.message}`);
    }
  }
  labelerFor(info) {
    try {
      return this.labeler?.(info);
    } catch (err) {
      this.warnOnce(`per-test attribution off: ${err.message}`);
      return void 0;
    }
  }
  tests(profile) {
    return testStats(profile, { walls: this.testWalls, blockedOf: blockedClass });
  }
  walls() {
    return this.testWalls;
  }
  finish() {
    this.labeler = void 0;
  }
};
export {
  TestAttribution
};
