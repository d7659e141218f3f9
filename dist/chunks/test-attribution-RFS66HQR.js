import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  blockedClass
} from "./chunk-XUAEFIIR.js";
import {
  makeLabelerFor,
  readTestRecords,
  testWalls
} from "./chunk-OWPVGWMK.js";
import {
  testStats
} from "./chunk-ZT4APMRY.js";
import "./chunk-3SCT6IFH.js";
import "./chunk-BXLDHBTS.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

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
  /** Reads the hooks' records; `repoRoot` makes their test files relative. */
  prepare(rawDir, repoRoot) {
    try {
      const records = readTestRecords(rawDir, repoRoot);
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
