import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  IDLE_FRAME,
  countValueIndex,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";

// src/util/well-formed.ts
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function wellFormed(s) {
  return s.isWellFormed?.() === true ? s : s.replace(LONE_SURROGATE, "\uFFFD");
}

// src/profile/tests.ts
var TEST_FILE_LABEL = "test_file";
var TEST_NAME_LABEL = "test_name";
var testKey = (file, name) => `${file}\0${name}`;
var TEST_META_PREFIX = "test:";
var round2ms = (ms) => Math.round(ms * 100) / 100;
var THREAD_ID = /^\d+-\d+$/;
function testWallsMeta(walls) {
  const meta = {};
  for (const w of walls.values()) {
    meta[`${TEST_META_PREFIX}${encodeURIComponent(wellFormed(w.file))}:${encodeURIComponent(wellFormed(w.name))}`] = `${w.wallMs === null ? "" : round2ms(w.wallMs)}|${w.status}|${w.cpuMs === null || w.cpuMs === void 0 ? "" : round2ms(w.cpuMs)}|${(w.threads ?? []).join(",")}`;
  }
  return meta;
}
function readTestWalls(profile) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(profile.meta)) {
    if (!k.startsWith(TEST_META_PREFIX)) continue;
    const [file, name] = k.slice(TEST_META_PREFIX.length).split(":");
    if (file === void 0 || name === void 0) continue;
    try {
      const [ms, status, cpu, threads] = v.split("|");
      const cpuMs = cpu ? Number(cpu) : NaN;
      const own = (threads ?? "").split(",").filter((t) => THREAD_ID.test(t));
      const w = { file: decodeURIComponent(file), name: decodeURIComponent(name), wallMs: ms ? Number(ms) : null, status: status ?? "" };
      if (Number.isFinite(cpuMs) && cpuMs >= 0) w.cpuMs = cpuMs;
      if (own.length) w.threads = own;
      out.set(testKey(w.file, w.name), w);
    } catch {
    }
  }
  return out;
}
var round2 = (ns) => Math.round(ns / 1e4) / 100;
function samplesByTest(profile) {
  const out = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const name = s.labels[TEST_NAME_LABEL];
    if (name === void 0) continue;
    const file = String(s.labels[TEST_FILE_LABEL] ?? "");
    const key = testKey(file, String(name));
    let entry = out.get(key);
    if (!entry) out.set(key, entry = { file, name: String(name), samples: [] });
    entry.samples.push(s);
  }
  return out;
}
function selfByFunction(profile, samples) {
  const vi = timeValueIndex(profile);
  const self = /* @__PURE__ */ new Map();
  for (const s of samples) {
    const leaf = s.stack[0];
    if (leaf === void 0 || profile.functions[leaf]?.name === IDLE_FRAME) continue;
    self.set(leaf, (self.get(leaf) ?? 0) + (s.values[vi] ?? 0));
  }
  return self;
}
function frameOut(f, ns) {
  return { name: f?.name ?? "?", file: f?.file ?? "", line: f?.line ?? 0, selfMs: round2(ns) };
}
function testStats(profile, options = {}) {
  const topN = options.topN ?? 3;
  const blockedOf = options.blockedOf;
  const ci = countValueIndex(profile);
  const rows = /* @__PURE__ */ new Map();
  for (const [key, { file, name, samples }] of samplesByTest(profile)) {
    const self = selfByFunction(profile, samples);
    let cpu = 0;
    for (const v of self.values()) cpu += v;
    const count = ci >= 0 ? samples.reduce((a, s) => a + (s.values[ci] ?? 0), 0) : samples.length;
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([id, ns]) => frameOut(profile.functions[id], ns));
    const row = { file, name, wallMs: null, cpuMs: round2(cpu), samples: count, top };
    if (blockedOf) Object.assign(row, blockedTime(profile, self, blockedOf));
    rows.set(key, row);
  }
  for (const [key, w] of options.walls ?? readTestWalls(profile)) {
    const row = rows.get(key) ?? { file: w.file, name: w.name, wallMs: null, cpuMs: 0, samples: 0, top: [] };
    row.wallMs = w.wallMs === null ? null : Math.round(w.wallMs * 100) / 100;
    row.status = w.status;
    if (typeof w.cpuMs === "number") row.cpuClockMs = Math.round(w.cpuMs * 100) / 100;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (b.wallMs ?? b.cpuMs) - (a.wallMs ?? a.cpuMs) || b.cpuMs - a.cpuMs);
}
function blockedTime(profile, self, blockedOf) {
  const by = {};
  let total = 0;
  for (const [id, ns] of self) {
    const f = profile.functions[id];
    const cls = f && blockedOf(f);
    if (!cls) continue;
    total += ns;
    by[cls] = (by[cls] ?? 0) + ns;
  }
  for (const k of Object.keys(by)) by[k] = round2(by[k]);
  return { blockedMs: round2(total), blocked: by };
}

export {
  wellFormed,
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  testKey,
  testWallsMeta,
  readTestWalls,
  samplesByTest,
  selfByFunction,
  testStats
};
