import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/render/report.ts
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

// src/profile/model.ts
var SAMPLES_COUNT = { type: "samples", unit: "count" };
var CPU_NANOS = { type: "cpu", unit: "nanoseconds" };
var IDLE_FRAME = "(idle)";
var PROGRAM_FRAME = "(program)";
var GC_FRAME = "(garbage collector)";
function functionKey(f) {
  return `${f.name}\0${f.file}\0${f.line}`;
}
function labelsKey(labels) {
  const keys = Object.keys(labels);
  if (keys.length === 0) return "";
  keys.sort();
  let out = "";
  for (const k of keys) out += `${k}${labels[k]}`;
  return out;
}
var ProfileBuilder = class {
  constructor(sampleTypes = [SAMPLES_COUNT, CPU_NANOS], periodType = CPU_NANOS, period = 1e6) {
    this.sampleTypes = sampleTypes;
    this.periodType = periodType;
    this.period = period;
  }
  sampleTypes;
  periodType;
  period;
  functions = [];
  functionIds = /* @__PURE__ */ new Map();
  /** Trie node 0 is the root (empty stack). */
  trieParent = [-1];
  trieFunction = [-1];
  trieChild = /* @__PURE__ */ new Map();
  trieChildWide = /* @__PURE__ */ new Map();
  /** Per label set: trie node -> index into `sampleRows`. */
  sampleIndex = /* @__PURE__ */ new Map();
  labelInterning = /* @__PURE__ */ new Map();
  sampleRows = [];
  timeNanos = 0;
  durationNanos = 0;
  meta = {};
  /** Index of a sample type, added (0 in every existing sample) when new. */
  sampleTypeIndex(t) {
    const i = this.sampleTypes.findIndex((x) => x.type === t.type && x.unit === t.unit);
    if (i >= 0) return i;
    this.sampleTypes.push(t);
    return this.sampleTypes.length - 1;
  }
  functionId(name, file, line) {
    const key = `${name}\0${file}\0${line}`;
    let id = this.functionIds.get(key);
    if (id === void 0) {
      id = this.functions.length;
      this.functions.push({ name, file, line });
      this.functionIds.set(key, id);
    }
    return id;
  }
  /** The trie node for `fn` called from the stack `parent` (0 = from the root). */
  childNode(parent, fn) {
    const wide = fn >= 1048576;
    const key = parent * 1048576 + fn;
    let node = wide ? this.trieChildWide.get(`${parent}:${fn}`) : this.trieChild.get(key);
    if (node === void 0) {
      node = this.trieParent.length;
      this.trieParent.push(parent);
      this.trieFunction.push(fn);
      if (wide) this.trieChildWide.set(`${parent}:${fn}`, node);
      else this.trieChild.set(key, node);
    }
    return node;
  }
  /** The trie node of a leaf-first stack. */
  stackNode(stack) {
    let node = 0;
    for (let i = stack.length - 1; i >= 0; i--) node = this.childNode(node, stack[i]);
    return node;
  }
  /** Adds values to the sample with this stack and labels, creating it if new. */
  addSample(stack, values, labels = {}) {
    this.addSampleAt(this.stackNode(stack), values, labels);
  }
  /** As addSample, for a stack already interned with childNode/stackNode. */
  addSampleAt(node, values, labels = {}) {
    const lk = labelsKey(labels);
    let byNode = this.sampleIndex.get(lk);
    if (!byNode) {
      byNode = /* @__PURE__ */ new Map();
      this.sampleIndex.set(lk, byNode);
      this.labelInterning.set(lk, Object.freeze({ ...labels }));
    }
    const existing = byNode.get(node);
    if (existing !== void 0) {
      const target = this.sampleRows[existing].values;
      for (let i = 0; i < values.length; i++) target[i] = (target[i] ?? 0) + values[i];
      return;
    }
    byNode.set(node, this.sampleRows.length);
    this.sampleRows.push({ node, values: values.slice(), labels: this.labelInterning.get(lk) });
  }
  get sampleCount() {
    return this.sampleRows.length;
  }
  build() {
    const stacks = /* @__PURE__ */ new Map();
    const stackOf = (node) => {
      let stack = stacks.get(node);
      if (!stack) {
        stack = [];
        for (let n = node; n > 0; n = this.trieParent[n]) stack.push(this.trieFunction[n]);
        stacks.set(node, stack);
      }
      return stack;
    };
    return {
      sampleTypes: this.sampleTypes,
      periodType: this.periodType,
      period: this.period,
      functions: this.functions,
      samples: this.sampleRows.map((r) => {
        while (r.values.length < this.sampleTypes.length) r.values.push(0);
        return { stack: stackOf(r.node), values: r.values, labels: r.labels };
      }),
      timeNanos: this.timeNanos,
      durationNanos: this.durationNanos,
      meta: this.meta
    };
  }
};
function timeValueIndex(profile) {
  const i = profile.sampleTypes.findIndex((t) => t.unit === "nanoseconds");
  return i >= 0 ? i : profile.sampleTypes.length - 1;
}
function countValueIndex(profile) {
  return profile.sampleTypes.findIndex((t) => t.unit === "count");
}

// src/profile/aggregate.ts
function functionTable(profile, valueIndex = timeValueIndex(profile)) {
  const countIndex = profile.sampleTypes.findIndex((t) => t.unit === "count");
  const n = profile.functions.length;
  const self = new Float64Array(n);
  const total = new Float64Array(n);
  const selfSamples = new Float64Array(n);
  const totalSamples = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  let sum = 0;
  let sumSamples = 0;
  profile.samples.forEach((s, si) => {
    const v = s.values[valueIndex] ?? 0;
    const c = countIndex >= 0 ? s.values[countIndex] ?? 0 : 0;
    sum += v;
    sumSamples += c;
    const leaf = s.stack[0];
    if (leaf !== void 0) {
      self[leaf] += v;
      selfSamples[leaf] += c;
    }
    for (const id of s.stack) {
      if (seen[id] === si) continue;
      seen[id] = si;
      total[id] += v;
      totalSamples[id] += c;
    }
  });
  const stats = [];
  for (let id = 0; id < n; id++) {
    if (total[id] === 0 && totalSamples[id] === 0) continue;
    stats.push({ id, frame: profile.functions[id], self: self[id], total: total[id], selfSamples: selfSamples[id], totalSamples: totalSamples[id] });
  }
  return { stats, total: sum, totalSamples: sumSamples, valueIndex };
}
function idleValue(table) {
  return table.stats.filter((s) => s.frame.name === IDLE_FRAME && s.frame.file === "").reduce((a, s) => a + s.self, 0);
}
function topBySelf(table, limit, includeIdle = false) {
  return table.stats.filter((s) => includeIdle || !(s.frame.name === IDLE_FRAME && s.frame.file === "")).sort((a, b) => b.self - a.self || b.total - a.total).slice(0, limit);
}
function formatFrame(f) {
  return f.file ? `${f.name} ${f.file}:${f.line}` : f.name;
}

// src/diff/stats.ts
function logGamma(x) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
function betaContinuedFraction(a, b, x) {
  const MAX_ITER = 500;
  const EPS = 3e-16;
  const FPMIN = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}
function regularizedBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(lnFront) * betaContinuedFraction(a, b, x) / a;
  return 1 - Math.exp(lnFront) * betaContinuedFraction(b, a, 1 - x) / b;
}
function binomialCdf(k, n, p) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularizedBeta(1 - p, n - k, k + 1);
}
function poissonRatioTest(k1, exposure1, k2, exposure2) {
  const n = Math.round(k1 + k2);
  if (n === 0 || exposure1 <= 0 || exposure2 <= 0) return 1;
  const p0 = exposure2 / (exposure1 + exposure2);
  const k = Math.round(k2);
  const lower = binomialCdf(k, n, p0);
  const upper = 1 - binomialCdf(k - 1, n, p0);
  return Math.min(1, 2 * Math.min(lower, upper));
}
function benjaminiHochberg(pValues) {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i]).sort((a, b) => a[0] - b[0]);
  const q = new Array(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const [p, i] = order[r];
    running = Math.min(running, p * m / (r + 1));
    q[i] = running;
  }
  return q;
}
function studentTTwoSided(t, df) {
  if (!Number.isFinite(t)) return 0;
  if (df <= 0) return 1;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}
function studentTQuantile(p, df) {
  let lo = 0;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSided(mid, df) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function normalQuantile(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < pl) {
    const q2 = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q2 + c[1]) * q2 + c[2]) * q2 + c[3]) * q2 + c[4]) * q2 + c[5]) / ((((d[0] * q2 + d[1]) * q2 + d[2]) * q2 + d[3]) * q2 + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
function seededRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = s + 1831565813 >>> 0;
    let t = s;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function quantileSorted(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function normalTwoSided(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return Math.min(1, erfc);
}
function tOrNormalTwoSided(t, df) {
  return df > 1e3 ? normalTwoSided(t) : studentTTwoSided(t, df);
}

// src/diff/noise.ts
var TEST_FILE = "test_file";
var NO_FILE = "\0(outside tests)";
function selfByTestFile(profile) {
  const vi = timeValueIndex(profile);
  const keys = profile.functions.map(functionKey);
  const out = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const leaf = s.stack[0];
    if (leaf === void 0 || profile.functions[leaf].name === IDLE_FRAME) continue;
    const fileLabel = s.labels[TEST_FILE];
    const file = fileLabel === void 0 || fileLabel === "(setup)" ? NO_FILE : String(fileLabel);
    let m = out.get(file);
    if (!m) out.set(file, m = /* @__PURE__ */ new Map());
    const k = keys[leaf];
    m.set(k, (m.get(k) ?? 0) + (s.values[vi] ?? 0));
  }
  return out;
}
function commonUnits(base, head) {
  return [...base.keys()].filter((k) => head.has(k)).sort();
}
var BOOTSTRAP_ROUNDS = 2e3;
function bootstrapOverFiles(fnKey, units, base, head, speed, level = 0.95) {
  const n = units.length;
  const b = new Float64Array(n);
  const h = new Float64Array(n);
  units.forEach((u, i) => {
    b[i] = base.get(u)?.get(fnKey) ?? 0;
    h[i] = head.get(u)?.get(fnKey) ?? 0;
  });
  let seed = 2166136261;
  for (let i = 0; i < fnKey.length; i++) seed = Math.imul(seed ^ fnKey.charCodeAt(i), 16777619);
  const rand = seededRandom(seed);
  const ratios = new Float64Array(BOOTSTRAP_ROUNDS);
  let atOrBelowZero = 0;
  let atOrAboveZero = 0;
  let valid = 0;
  for (let r = 0; r < BOOTSTRAP_ROUNDS; r++) {
    let sb = 0;
    let sh = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      sb += b[j];
      sh += h[j];
    }
    if (sb <= 0) continue;
    const pct = (sh / sb / speed - 1) * 100;
    ratios[valid++] = pct;
    if (pct <= 0) atOrBelowZero++;
    if (pct >= 0) atOrAboveZero++;
  }
  if (valid < BOOTSTRAP_ROUNDS / 2) return void 0;
  const sorted = ratios.subarray(0, valid).sort();
  const tail = (1 - level) / 2;
  return {
    method: "test-files",
    level,
    lowPct: quantileSorted(sorted, tail),
    highPct: quantileSorted(sorted, 1 - tail),
    pValue: Math.min(1, 2 * Math.min(atOrBelowZero, atOrAboveZero) / valid),
    units: n
  };
}
function samplingInterval(baseSamples, headSamples, speed, speedLogVariance, dispersion, z, level) {
  if (baseSamples <= 0 || headSamples <= 0 || speed <= 0) return void 0;
  const logRatio = Math.log(headSamples / baseSamples / speed);
  const se = Math.sqrt(dispersion * (1 / baseSamples + 1 / headSamples) + speedLogVariance);
  return { method: "sampling", level, lowPct: (Math.exp(logRatio - z * se) - 1) * 100, highPct: (Math.exp(logRatio + z * se) - 1) * 100, pValue: NaN };
}

// src/profile/tests.ts
var TEST_FILE_LABEL = "test_file";
var TEST_NAME_LABEL = "test_name";
var testKey = (file, name) => `${file}\0${name}`;
var TEST_META_PREFIX = "test:";
function testWallsMeta(walls) {
  const meta = {};
  for (const w of walls.values()) {
    meta[`${TEST_META_PREFIX}${encodeURIComponent(w.file)}:${encodeURIComponent(w.name)}`] = `${w.wallMs === null ? "" : Math.round(w.wallMs * 100) / 100}|${w.status}`;
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
      const [ms, status] = v.split("|");
      const w = { file: decodeURIComponent(file), name: decodeURIComponent(name), wallMs: ms ? Number(ms) : null, status: status ?? "" };
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
  const ci = countValueIndex(profile);
  const rows = /* @__PURE__ */ new Map();
  for (const [key, { file, name, samples }] of samplesByTest(profile)) {
    const self = selfByFunction(profile, samples);
    let cpu = 0;
    for (const v of self.values()) cpu += v;
    const count = ci >= 0 ? samples.reduce((a, s) => a + (s.values[ci] ?? 0), 0) : samples.length;
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([id, ns]) => frameOut(profile.functions[id], ns));
    rows.set(key, { file, name, wallMs: null, cpuMs: round2(cpu), samples: count, top });
  }
  for (const [key, w] of options.walls ?? readTestWalls(profile)) {
    const row = rows.get(key) ?? { file: w.file, name: w.name, wallMs: null, cpuMs: 0, samples: 0, top: [] };
    row.wallMs = w.wallMs === null ? null : Math.round(w.wallMs * 100) / 100;
    row.status = w.status;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (b.wallMs ?? b.cpuMs) - (a.wallMs ?? a.cpuMs) || b.cpuMs - a.cpuMs);
}

// src/diff/common-tests.ts
function presence(p) {
  const tests = /* @__PURE__ */ new Set();
  const files = /* @__PURE__ */ new Set();
  for (const [key, w] of readTestWalls(p)) {
    tests.add(key);
    files.add(w.file);
  }
  for (const s of p.samples) {
    const file = s.labels[TEST_FILE_LABEL];
    if (file === void 0) continue;
    files.add(String(file));
    const name = s.labels[TEST_NAME_LABEL];
    if (name !== void 0) tests.add(testKey(String(file), String(name)));
  }
  return { tests, files };
}
function keep(p, other) {
  return {
    ...p,
    samples: p.samples.filter((s) => {
      const file = s.labels[TEST_FILE_LABEL];
      if (file === void 0 || file === "(setup)") return true;
      const name = s.labels[TEST_NAME_LABEL];
      return name === void 0 ? other.files.has(String(file)) : other.tests.has(testKey(String(file), String(name)));
    })
  };
}
function restrictToCommonTests(base, head) {
  const b = presence(base);
  const h = presence(head);
  if (b.tests.size === 0 || h.tests.size === 0) return { base, head, baseOnlyTests: 0, headOnlyTests: 0 };
  const baseOnlyTests = [...b.tests].filter((t) => !h.tests.has(t)).length;
  const headOnlyTests = [...h.tests].filter((t) => !b.tests.has(t)).length;
  if (baseOnlyTests === 0 && headOnlyTests === 0) return { base, head, baseOnlyTests, headOnlyTests };
  return { base: keep(base, h), head: keep(head, b), baseOnlyTests, headOnlyTests };
}

// src/diff/speed.ts
var MIN_VOTE = 10;
var MAX_VOTE_SHARE = 0.1;
var MIN_VOTERS_FOR_DISPERSION = 5;
var MEDIAN_ABS_NORMAL = 0.6745;
function speedFactor(points, fallback) {
  const votes = points.filter((p) => p.base >= MIN_VOTE && p.head >= MIN_VOTE).map((p) => ({ ratio: p.head / p.base, weight: p.base + p.head, v: 1 / p.base + 1 / p.head }));
  if (votes.length < 3) return { factor: fallback, logVariance: 0, dispersion: 1, voters: votes.length };
  const cap = voteCap(votes.map((v) => v.weight));
  for (const v of votes) v.weight = Math.min(v.weight, cap);
  const total = votes.reduce((a, v) => a + v.weight, 0);
  const poissonLogVariance = votes.reduce((a, v) => a + v.weight * v.weight * v.v, 0) / (total * total);
  votes.sort((a, b) => a.ratio - b.ratio);
  let acc = 0;
  let factor = fallback;
  for (const v of votes) {
    acc += v.weight;
    if (acc >= total / 2) {
      factor = v.ratio;
      break;
    }
  }
  const dispersion = votes.length >= MIN_VOTERS_FOR_DISPERSION ? robustDispersion(
    votes.map((v) => (Math.log(v.ratio) - Math.log(factor)) / Math.sqrt(v.v)),
    votes.map((v) => v.weight)
  ) : 1;
  return { factor, logVariance: Math.PI / 2 * dispersion * poissonLogVariance, dispersion, voters: votes.length };
}
function voteCap(weights) {
  const share = Math.max(MAX_VOTE_SHARE, 1 / weights.length);
  let cap = share * weights.reduce((a, w) => a + w, 0);
  for (let i = 0; i < 60; i++) {
    const next = share * weights.reduce((a, w) => a + Math.min(w, cap), 0);
    if (Math.abs(next - cap) <= 1e-9 * cap) break;
    cap = next;
  }
  return cap;
}
function robustDispersion(z, weights) {
  if (z.length === 0) return 1;
  const pairs = z.map((x, i) => ({ abs: Math.abs(x), w: weights?.[i] ?? 1 })).sort((a, b) => a.abs - b.abs);
  const total = pairs.reduce((a, p) => a + p.w, 0);
  let acc = 0;
  let median = pairs[pairs.length - 1].abs;
  for (let i = 0; i < pairs.length; i++) {
    acc += pairs[i].w;
    if (acc > total / 2) {
      median = pairs[i].abs;
      break;
    }
    if (acc === total / 2) {
      median = (pairs[i].abs + pairs[i + 1].abs) / 2;
      break;
    }
  }
  return Math.max(1, (median / MEDIAN_ABS_NORMAL) ** 2);
}
var SAME_ENVIRONMENT_SPEED_SD = 0.03;
var OTHER_ENVIRONMENT_SPEED_SD = 0.25;
function applySpeedPrior(estimate, prior) {
  const sigma2 = estimate.logVariance;
  const tau2 = prior.logSd * prior.logSd;
  if (sigma2 <= 0) return { factor: estimate.factor, logVariance: 0, weight: 1 };
  const weight = tau2 / (tau2 + sigma2);
  return { factor: Math.exp(weight * Math.log(estimate.factor)), logVariance: weight * sigma2, weight };
}

// src/diff/environment.ts
import { cpus, release } from "node:os";
var ENV_KEYS = {
  cpu: "env.cpu",
  cores: "env.cores",
  os: "env.os",
  node: "env.node",
  image: "env.runner_image"
};
function environmentFingerprint(env = process.env) {
  const cpu = cpus();
  const meta = {
    [ENV_KEYS.cpu]: (cpu[0]?.model ?? "unknown").trim(),
    [ENV_KEYS.cores]: String(cpu.length),
    [ENV_KEYS.os]: `${process.platform} ${release()}`,
    [ENV_KEYS.node]: process.version
  };
  const image = env.ImageOS ? `${env.ImageOS}${env.ImageVersion ? ` ${env.ImageVersion}` : ""}` : void 0;
  if (image) meta[ENV_KEYS.image] = image;
  return meta;
}
var LABELS = {
  [ENV_KEYS.cpu]: "CPU model",
  [ENV_KEYS.cores]: "core count",
  [ENV_KEYS.os]: "OS",
  [ENV_KEYS.node]: "Node.js version",
  [ENV_KEYS.image]: "runner image"
};
function environmentWarnings(base, head) {
  const out = [];
  for (const key of Object.values(ENV_KEYS)) {
    const b = base[key];
    const h = head[key];
    if (b !== void 0 && h !== void 0 && b !== h) out.push(`${LABELS[key]} differs: base ${b}, head ${h}`);
  }
  return out;
}

// src/diff/function-diff.ts
var DEFAULT_THRESHOLDS = { minSamples: 20, minMs: 20, minPct: 10, alpha: 0.01, minUnits: 5 };
var COMPARE_THRESHOLDS = { ...DEFAULT_THRESHOLDS, minMs: 5, minPct: 3, alpha: 0.05 };
var INTERVAL_LEVEL = 0.95;
var isIdle = (f) => f.name === IDLE_FRAME && f.file === "";
var isPseudo = (f) => f.file === "" && (f.name === IDLE_FRAME || f.name === PROGRAM_FRAME || f.name === GC_FRAME || f.name === "(root)");
var num = (meta, k) => {
  const v = Number(meta[k]);
  return meta[k] !== void 0 && Number.isFinite(v) ? v : void 0;
};
function suiteTotals(profile, table = functionTable(profile)) {
  const idle = table.stats.filter((s) => isIdle(s.frame)).reduce((a, s) => a + s.self, 0);
  const idleSamples = table.stats.filter((s) => isIdle(s.frame)).reduce((a, s) => a + s.selfSamples, 0);
  return {
    cpuNs: table.total - idle,
    idleNs: idle,
    samples: table.totalSamples - idleSamples,
    wallMs: num(profile.meta, "wall_ms"),
    processes: num(profile.meta, "processes"),
    threads: num(profile.meta, "threads")
  };
}
var emptySide = { selfNs: 0, totalNs: 0, selfSamples: 0, totalSamples: 0 };
var hasFingerprint = (meta) => meta[ENV_KEYS.cpu] !== void 0 && meta[ENV_KEYS.cores] !== void 0;
function speedPriorFor(baseMeta, headMeta, history) {
  if (environmentWarnings(baseMeta, headMeta).length > 0) return { logSd: OTHER_ENVIRONMENT_SPEED_SD, source: "different-environment" };
  if (!hasFingerprint(baseMeta) || !hasFingerprint(headMeta)) return { logSd: OTHER_ENVIRONMENT_SPEED_SD, source: "unknown-environment" };
  return history ? history.prior : { logSd: SAME_ENVIRONMENT_SPEED_SD, source: "same-environment" };
}
function diffProfiles(fullBase, fullHead, overrides = {}, context = {}) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  const { base, head, baseOnlyTests, headOnlyTests } = restrictToCommonTests(fullBase, fullHead);
  const bt = functionTable(base);
  const ht = functionTable(head);
  const baseTotals = suiteTotals(base, bt);
  const headTotals = suiteTotals(head, ht);
  const rows = /* @__PURE__ */ new Map();
  const side = (s) => ({
    selfNs: s.self,
    totalNs: s.total,
    selfSamples: s.selfSamples,
    totalSamples: s.totalSamples
  });
  for (const s of bt.stats) rows.set(functionKey(s.frame), newRow(s.frame, side(s), emptySide));
  for (const s of ht.stats) {
    const key = functionKey(s.frame);
    const row = rows.get(key);
    if (row) row.head = side(s);
    else rows.set(key, newRow(s.frame, emptySide, side(s)));
  }
  const baseRate = baseTotals.cpuNs > 0 ? baseTotals.samples / baseTotals.cpuNs : 0;
  const headRate = headTotals.cpuNs > 0 ? headTotals.samples / headTotals.cpuNs : 0;
  const estimate = speedFactor(
    [...rows.values()].filter((r) => !isPseudo(r.frame)).map((r) => ({ base: r.base.selfSamples, head: r.head.selfSamples })),
    // Too few functions to tell machine speed from code: assume the same speed.
    1
  );
  const prior = speedPriorFor(base.meta, head.meta, context.history);
  const applied = applySpeedPrior(estimate, prior);
  const speed = applied.factor;
  const speedLogVar = applied.logVariance;
  const dispersion = Math.max(estimate.dispersion, context.history?.dispersion ?? 1);
  const tested = [];
  for (const row of rows.values()) {
    row.selfDeltaNs = row.head.selfNs - row.base.selfNs;
    row.totalDeltaNs = row.head.totalNs - row.base.totalNs;
    row.selfDeltaPct = row.base.selfNs > 0 ? row.selfDeltaNs / row.base.selfNs * 100 : row.head.selfNs > 0 ? Infinity : 0;
    row.baseSelfSharePct = baseTotals.cpuNs > 0 ? row.base.selfNs / baseTotals.cpuNs * 100 : 0;
    row.headSelfSharePct = headTotals.cpuNs > 0 ? row.head.selfNs / headTotals.cpuNs * 100 : 0;
    if (row.base.totalSamples === 0) row.onlyIn = "head";
    else if (row.head.totalSamples === 0) row.onlyIn = "base";
    row.adjustedPct = row.base.selfSamples > 0 ? (row.head.selfSamples / row.base.selfSamples / speed - 1) * 100 : row.head.selfSamples > 0 ? Infinity : 0;
    if (isPseudo(row.frame) || row.base.selfSamples + row.head.selfSamples < thresholds.minSamples || speed <= 0) continue;
    const exact = poissonRatioTest(row.base.selfSamples, 1, row.head.selfSamples, speed);
    const withSpeed = row.base.selfSamples > 0 && row.head.selfSamples > 0 ? normalTwoSided(Math.log(row.head.selfSamples / row.base.selfSamples / speed) / Math.sqrt(dispersion * (1 / row.base.selfSamples + 1 / row.head.selfSamples) + speedLogVar)) : exact;
    row.pValue = Math.max(exact, withSpeed);
    tested.push(row);
  }
  const q = benjaminiHochberg(tested.map((r) => r.pValue));
  tested.forEach((r, i) => {
    r.qValue = q[i];
    r.status = r.qValue <= thresholds.alpha && bigEnough(r, thresholds) ? r.adjustedPct > 0 ? "regression" : "improvement" : "noise";
  });
  const fileUnits = gateByTestFiles(
    tested.filter((r) => r.status === "regression" || r.status === "improvement"),
    base,
    head,
    speed,
    thresholds,
    true
  );
  const useFiles = fileUnits > 0;
  const z = normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2);
  const functions = [...rows.values()].sort((a, b) => Math.abs(b.selfDeltaNs) - Math.abs(a.selfDeltaNs));
  for (const r of functions.slice(0, 50)) {
    if (!r.interval && !isPseudo(r.frame)) {
      const iv = samplingInterval(r.base.selfSamples, r.head.selfSamples, speed, speedLogVar, dispersion, z, INTERVAL_LEVEL);
      if (iv) r.interval = { ...iv, pValue: r.pValue };
    }
  }
  const regressions = functions.filter((r) => r.status === "regression");
  const improvements = functions.filter((r) => r.status === "improvement");
  const suiteDelta = headTotals.cpuNs - baseTotals.cpuNs;
  const suiteP = baseRate > 0 && headRate > 0 ? poissonRatioTest(baseTotals.samples, baseRate, headTotals.samples, headRate) : 1;
  const suitePct = baseTotals.cpuNs > 0 ? suiteDelta / baseTotals.cpuNs * 100 : 0;
  return {
    base: baseTotals,
    head: headTotals,
    suite: {
      deltaNs: suiteDelta,
      deltaPct: suitePct,
      pValue: suiteP,
      significant: suiteP <= thresholds.alpha && Math.abs(suiteDelta) >= thresholds.minMs * 1e6 && Math.abs(suitePct) >= thresholds.minPct
    },
    thresholds,
    functions,
    regressions,
    improvements,
    withinNoise: functions.filter((r) => !isPseudo(r.frame) && r.status !== "regression" && r.status !== "improvement").length,
    verdict: regressions.length > 0 ? "regression" : improvements.length > 0 ? "improvement" : "no-change",
    noiseModel: {
      sampling: true,
      ...useFiles ? { testFiles: fileUnits } : {},
      dispersion,
      speed: {
        estimated: estimate.factor,
        applied: speed,
        weight: applied.weight,
        prior: prior.source,
        priorSdPct: prior.logSd * 100,
        ...prior.pairs !== void 0 ? { historyPairs: prior.pairs } : {}
      }
    },
    environmentWarnings: environmentWarnings(base.meta, head.meta),
    excludedTests: { baseOnly: baseOnlyTests, headOnly: headOnlyTests },
    speedFactor: speed
  };
}
function bigEnough(r, t) {
  const adjustedNs = Number.isFinite(r.adjustedPct) ? r.base.selfNs * r.adjustedPct / 100 : r.head.selfNs;
  return Math.abs(adjustedNs) >= t.minMs * 1e6 && Math.abs(r.adjustedPct) >= t.minPct;
}
function gateByTestFiles(candidates, base, head, speed, thresholds, setInterval) {
  const baseFiles = selfByTestFile(base);
  const headFiles = selfByTestFile(head);
  const units = commonUnits(baseFiles, headFiles);
  if (units.length < thresholds.minUnits) return 0;
  const gated = candidates.map((r) => ({ r, iv: spreadOverUnits(r.key, units, baseFiles, headFiles) >= thresholds.minUnits ? bootstrapOverFiles(r.key, units, baseFiles, headFiles, speed, INTERVAL_LEVEL) : void 0 })).filter((x) => x.iv !== void 0);
  const q = benjaminiHochberg(gated.map((g) => g.iv.pValue));
  gated.forEach((g, i) => {
    if (setInterval) g.r.interval = g.iv;
    if (q[i] > thresholds.alpha * 5) {
      g.r.status = "noise";
      g.r.demotedBy = "test-files";
    }
  });
  return units.length;
}
function spreadOverUnits(key, units, base, head) {
  let n = 0;
  for (const u of units) if ((base.get(u)?.get(key) ?? 0) > 0 || (head.get(u)?.get(key) ?? 0) > 0) n++;
  return n;
}
function newRow(frame, base, head) {
  return {
    key: functionKey(frame),
    frame,
    base,
    head,
    selfDeltaNs: 0,
    totalDeltaNs: 0,
    selfDeltaPct: 0,
    adjustedPct: 0,
    baseSelfSharePct: 0,
    headSelfSharePct: 0,
    pValue: 1,
    qValue: 1,
    status: "too-small"
  };
}

// src/report-ui/wire.ts
var WIRE_VERSION = 2;
var STATUS_NONE = 0;
var STATUS_NOISE = 1;
var STATUS_REGRESSION = 2;
var STATUS_IMPROVEMENT = 3;
var zigzag = (n) => n >= 0 ? n * 2 : -n * 2 - 1;
var VarintWriter = class {
  buf = new Uint8Array(1 << 16);
  length = 0;
  write(value) {
    if (this.length + 10 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    let v = value;
    while (v >= 128) {
      this.buf[this.length++] = v % 128 | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }
  bytes() {
    return this.buf.subarray(0, this.length);
  }
};

// src/render/report-data.ts
var TEST_FILE2 = "test_file";
var TEST_NAME = "test_name";
var round1 = (x) => Math.round(x * 10) / 10;
var statusCode = (d) => {
  switch (d?.status) {
    case "regression":
      return STATUS_REGRESSION;
    case "improvement":
      return STATUS_IMPROVEMENT;
    case "noise":
      return STATUS_NOISE;
    default:
      return STATUS_NONE;
  }
};
function buildReportData(head, base, diff, title = "ciprof report") {
  const strings = [];
  const stringIds = /* @__PURE__ */ new Map();
  const str = (s) => {
    let id = stringIds.get(s);
    if (id === void 0) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const fnIds = /* @__PURE__ */ new Map();
  const fnName = [];
  const fnFile = [];
  const fnLine = [];
  const fnStatus = [];
  const statusByKey = /* @__PURE__ */ new Map();
  for (const d of diff?.functions ?? []) statusByKey.set(d.key, d);
  const mapFunctions = (p) => {
    const map = new Int32Array(p.functions.length);
    p.functions.forEach((f, i) => {
      const key = functionKey(f);
      let id = fnIds.get(key);
      if (id === void 0) {
        id = fnName.length;
        fnIds.set(key, id);
        fnName.push(str(f.name));
        fnFile.push(str(f.file));
        fnLine.push(f.line);
        fnStatus.push(statusCode(statusByKey.get(key)));
      }
      map[i] = id;
    });
    return map;
  };
  const nodeParent = [-1];
  const nodeFunc = [-1];
  const childIds = /* @__PURE__ */ new Map();
  const child = (parent, fn) => {
    let kids = childIds.get(parent);
    if (!kids) childIds.set(parent, kids = /* @__PURE__ */ new Map());
    let id = kids.get(fn);
    if (id === void 0) {
      id = nodeParent.length;
      nodeParent.push(parent);
      nodeFunc.push(fn);
      kids.set(fn, id);
    }
    return id;
  };
  const testIds = /* @__PURE__ */ new Map();
  const tests = [];
  const testOf = (labels) => {
    const file = labels[TEST_FILE2];
    const name = labels[TEST_NAME];
    if (file === void 0 && name === void 0) return -1;
    const key = `${file ?? ""}\0${name ?? ""}`;
    let id = testIds.get(key);
    if (id === void 0) {
      id = tests.length;
      tests.push([str(String(file ?? "")), str(String(name ?? ""))]);
      testIds.set(key, id);
    }
    return id;
  };
  const addSide = (p) => {
    const fnMap = mapFunctions(p);
    const vi = timeValueIndex(p);
    const out = { node: [], test: [], valueUs: [] };
    const aggIndex = /* @__PURE__ */ new Map();
    for (const s of p.samples) {
      let node = 0;
      for (let i = s.stack.length - 1; i >= 0; i--) node = child(node, fnMap[s.stack[i]]);
      const test = testOf(s.labels);
      const key = `${node},${test}`;
      const v = (s.values[vi] ?? 0) / 1e3;
      const at = aggIndex.get(key);
      if (at === void 0) {
        aggIndex.set(key, out.node.length);
        out.node.push(node);
        out.test.push(test);
        out.valueUs.push(v);
      } else out.valueUs[at] += v;
    }
    return out;
  };
  const headRaw = addSide(head);
  const baseRaw = base ? addSide(base) : void 0;
  const n = nodeParent.length;
  const newId = new Int32Array(n);
  const preFunc = [];
  const preDepth = [];
  const stack = [[0, 0]];
  while (stack.length) {
    const [id, depth] = stack.pop();
    newId[id] = preFunc.length;
    preFunc.push(nodeFunc[id]);
    preDepth.push(depth);
    const kids = childIds.get(id);
    if (kids) {
      const list = [...kids.values()];
      for (let k = list.length - 1; k >= 0; k--) stack.push([list[k], depth + 1]);
    }
  }
  const finish = (raw) => {
    const order = raw.node.map((_, i) => i).sort((a, b) => newId[raw.node[a]] - newId[raw.node[b]] || raw.test[a] - raw.test[b]);
    return { node: order.map((i) => newId[raw.node[i]]), test: order.map((i) => raw.test[i]), valueUs: order.map((i) => Math.round(raw.valueUs[i])) };
  };
  const headSide = finish(headRaw);
  const baseSide = baseRaw ? finish(baseRaw) : void 0;
  const header = {
    v: WIRE_VERSION,
    strings,
    functions: fnName.length,
    nodes: n,
    headSamples: headSide.node.length,
    baseSamples: baseSide ? baseSide.node.length : -1,
    tests,
    valueUnit: "us",
    intervals: (diff?.functions ?? []).filter((d) => d.interval && fnIds.has(d.key) && Number.isFinite(d.adjustedPct)).map((d) => [fnIds.get(d.key), round1(d.adjustedPct), round1(d.interval.lowPct), round1(d.interval.highPct)])
  };
  const w = new VarintWriter();
  for (const arr of [fnName, fnFile, fnLine, fnStatus]) for (const v of arr) w.write(v);
  for (let i = 0; i < n; i++) w.write(zigzag(preDepth[i] - (i > 0 ? preDepth[i - 1] : 0)));
  for (const f of preFunc) w.write(f + 1);
  for (const side of baseSide ? [headSide, baseSide] : [headSide]) {
    let prev = 0;
    for (const node of side.node) {
      w.write(zigzag(node - prev));
      prev = node;
    }
    for (const t of side.test) w.write(t + 1);
    for (const v of side.valueUs) w.write(Math.max(0, v));
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const body = w.bytes();
  const blob = new Uint8Array(4 + headerBytes.length + body.length);
  new DataView(blob.buffer).setUint32(0, headerBytes.length, true);
  blob.set(headerBytes, 4);
  blob.set(body, 4 + headerBytes.length);
  const vt = head.sampleTypes[timeValueIndex(head)]?.type ?? "cpu";
  const meta = { title, head: { ...head.meta }, valueType: vt };
  if (base) meta.base = { ...base.meta };
  if (diff) {
    meta.diff = {
      verdict: diff.verdict,
      suite: diff.suite,
      baseCpuNs: diff.base.cpuNs,
      headCpuNs: diff.head.cpuNs,
      thresholds: diff.thresholds,
      regressions: diff.regressions.length,
      improvements: diff.improvements.length
    };
  }
  return {
    meta,
    blob,
    stats: { functions: fnName.length, nodes: n, samples: headSide.node.length + (baseSide?.node.length ?? 0), tests: tests.length }
  };
}

// src/render/report-html.ts
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function scriptSafeJs(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}
function fillTemplate(template, parts) {
  return template.replace("{{TITLE}}", () => escapeHtml(parts.title)).replace("{{DATA}}", () => parts.dataJson).replace("{{SCRIPT}}", () => scriptSafeJs(parts.script));
}

// src/render/ui-bundle.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
var cachedScript;
function reportUiScript() {
  if (true) return '"use strict";(()=>{var G=r=>r%2===0?r/2:-(r+1)/2;var U=class{constructor(t,e){this.buf=t;this.pos=e}buf;pos;read(){let t=0,e=1;for(;;){let n=this.buf[this.pos++];if(n===void 0)throw new Error("report data truncated");if(t+=(n&127)*e,n<128)return t;e*=128}}array(t,e){let n=0;for(let s=0;s<t.length;s++){let a=this.read();n=e?e(a,s,n):a,t[s]=n}return t}};var $=typeof matchMedia=="function"&&matchMedia("(prefers-color-scheme: dark)").matches;function Te(r){let t=2166136261;for(let e=0;e<r.length;e++)t=Math.imul(t^r.charCodeAt(e),16777619);return t>>>0}var Y=$?38:72;function J(r,t){let n=Te(r)%1e3/1e3;return t?t.startsWith("node:")?`hsl(${200+n*30} 35% ${Y+($?0:4)}%)`:t.includes("node_modules/")?`hsl(${45+n*15} 70% ${Y}%)`:`hsl(${10+n*30} 80% ${Y-($?0:4)}%)`:`hsl(0 0% ${$?32:78}%)`}var Q=$?"hsl(220 6% 34%)":"hsl(220 6% 80%)";function P(r,t){let e=Math.min(1,Math.max(.35,Math.abs(t)));return r===2?$?`hsl(0 ${45+35*e}% ${30+12*e}%)`:`hsl(0 ${55+35*e}% ${82-22*e}%)`:r===3?$?`hsl(215 ${45+35*e}% ${30+12*e}%)`:`hsl(215 ${55+35*e}% ${82-22*e}%)`:Q}var oe=$?"#e6edf3":"#1f2328",le=$?"#e3b341":"#bf8700",ce=$?"#ffffff":"#1f2328",he=.22;var F=18,ue=.5,ge="11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",H=class{constructor(t,e,n=!1){this.hooks=e;this.inverted=n;this.scroller=document.createElement("div"),this.scroller.className="scroller",this.canvas=document.createElement("canvas"),this.spacer=document.createElement("div"),this.scroller.append(this.canvas,this.spacer),t.append(this.scroller),this.ctx=this.canvas.getContext("2d",{alpha:!1}),this.scroller.addEventListener("scroll",()=>this.requestDraw()),this.canvas.addEventListener("mousemove",s=>this.hooks.onHover(this.hit(s),s)),this.canvas.addEventListener("mouseleave",()=>this.hooks.onHover(-1,null)),this.canvas.addEventListener("click",s=>{let a=this.hit(s);a>=0&&this.hooks.onClick(a)}),new ResizeObserver(()=>this.requestDraw()).observe(this.scroller)}hooks;inverted;scroller;canvas;spacer;ctx;tree=null;x0=0;x1=1;anim=0;pending=0;charW=6.6;drawn=[];lastDrawMs=0;setTree(t,e=!1){let n=this.tree;this.tree=t,(!e||!n)&&this.resetView(!1),this.spacer.style.height=`${(t.maxDepth+1)*F+8}px`,this.requestDraw(),this.inverted&&requestAnimationFrame(()=>this.scroller.scrollTop=this.scroller.scrollHeight)}getTree(){return this.tree}resetView(t=!0){let e=this.tree;this.setView(0,e?Math.max(e.w[0],Number.MIN_VALUE):1,t)}zoomTo(t,e=!0){let n=this.tree;if(!(!n||t<0||n.w[t]<=0)&&(this.setView(n.x[t],n.x[t]+n.w[t],e),!this.inverted)){let s=n.depth[t]*F;(s<this.scroller.scrollTop||s>this.scroller.scrollTop+this.scroller.clientHeight-F)&&(this.scroller.scrollTop=Math.max(0,s-F*2))}}setView(t,e,n){if(cancelAnimationFrame(this.anim),!n){this.x0=t,this.x1=e,this.requestDraw();return}let s=this.x0,a=this.x1,i=performance.now(),o=c=>{let l=Math.min(1,(c-i)/150),h=1-(1-l)*(1-l);this.x0=s+(t-s)*h,this.x1=a+(e-a)*h,this.draw(),l<1&&(this.anim=requestAnimationFrame(o))};this.anim=requestAnimationFrame(o)}requestDraw(){this.pending||(this.pending=requestAnimationFrame(()=>{this.pending=0,this.draw()}))}rowY(t,e){return this.inverted?(e-t)*F:t*F}draw(){let t=performance.now(),e=this.tree,n=this.scroller.clientWidth,s=this.scroller.clientHeight;if(!e||n===0||s===0)return;let a=window.devicePixelRatio||1;(this.canvas.width!==Math.round(n*a)||this.canvas.height!==Math.round(s*a))&&(this.canvas.width=Math.round(n*a),this.canvas.height=Math.round(s*a),this.canvas.style.width=`${n}px`,this.canvas.style.height=`${s}px`,this.canvas.style.marginBottom=`${-s}px`);let i=this.ctx;i.setTransform(a,0,0,a,0,0),i.fillStyle=getComputedStyle(document.body).backgroundColor||"#fff",i.fillRect(0,0,n,s),i.font=ge,i.textBaseline="middle",this.charW=i.measureText("abcdefghij").width/10;let o=this.scroller.scrollTop,c=n/(this.x1-this.x0||1),l=ue/c,h=this.hooks.matches(),u=this.hooks.selectedFunc(),d=[],{order:m,skip:p,x:M,w:x,depth:T,func:v,maxDepth:k}=e,f=this.x0,g=this.x1;for(let S=0;S<e.n;){let A=m[S],C=M[A],N=x[A];if(N<l||C>=g||C+N<=f){S=p[S];continue}let w=this.rowY(T[A],k)-o;if(this.inverted?w+F<0:w>s){S=p[S];continue}if(S++,w+F<0||w>s)continue;let E=Math.max(0,(C-f)*c),L=Math.min(n,(C+N-f)*c)-E,_=v[A],q=h!==null&&_>=0&&h[_]===1,re=this.hooks.color(A);if(i.globalAlpha=h!==null&&!q?he:1,i.fillStyle=re,i.fillRect(E,w,Math.max(L-(L>3?1:0),ue),F-1),L>this.charW*3){let j=this.hooks.label(A),ie=Math.floor((L-6)/this.charW),we=j.length<=ie?j:`${j.slice(0,Math.max(0,ie-1))}\\u2026`;i.fillStyle=oe,i.fillText(we,E+3,w+F/2)}i.globalAlpha=1,(q||u>=0&&_===u)&&(i.strokeStyle=_===u?ce:le,i.lineWidth=_===u?2:1.5,i.strokeRect(E+.75,w+.75,Math.max(L-2.5,.5),F-2.5)),d.push({node:A,x:E,y:w,w:L,h:F-1,color:re,matched:q})}this.drawn=d,this.lastDrawMs=performance.now()-t}hit(t){let e=this.tree;if(!e)return-1;let n=this.canvas.getBoundingClientRect(),s=t.clientX-n.left,a=t.clientY-n.top+this.scroller.scrollTop,i=this.inverted?e.maxDepth-Math.floor(a/F):Math.floor(a/F),o=this.x0+s/n.width*(this.x1-this.x0);if(i<0||o<0||o>=e.w[0])return-1;let c=0;for(let l=0;l<i;l++){let h=-1;for(let u=e.kidsStart[c];u<e.kidsStart[c+1];u++){let d=e.kids[u];if(o>=e.x[d]&&o<e.x[d]+e.w[d]){h=d;break}}if(h<0)return-1;c=h}return e.w[c]>0?c:-1}};function ve(r){let t=atob(r),e=new Uint8Array(t.length);for(let n=0;n<t.length;n++)e[n]=t.charCodeAt(n);return e}async function xe(r){let t=new Blob([r]).stream().pipeThrough(new DecompressionStream("gzip"));return new Uint8Array(await new Response(t).arrayBuffer())}function Se(r){let t=new Int32Array(r.length),e=[];for(let n=0;n<r.length;n++){let s=r[n];t[n]=s===0?-1:e[s-1],e[s]=n}return t}async function de(r){let t=await xe(ve(r.blob)),e=new DataView(t.buffer,t.byteOffset).getUint32(0,!0),n=JSON.parse(new TextDecoder().decode(t.subarray(4,4+e)));if(n.v!==2)throw new Error(`report data version ${n.v}, page expects ${2}`);let s=new U(t,4+e),a=n.functions,i=s.array(new Int32Array(a)),o=s.array(new Int32Array(a)),c=s.array(new Int32Array(a)),l=s.array(new Uint8Array(a)),h=Se(s.array(new Int32Array(n.nodes),(T,v,k)=>k+G(T))),u=s.array(new Int32Array(n.nodes),T=>T-1),d=T=>({node:s.array(new Int32Array(T),(v,k,f)=>f+G(v)),test:s.array(new Int32Array(T),v=>v-1),value:s.array(new Float64Array(T),v=>v*1e3)}),m=d(n.headSamples),p=n.baseSamples>=0?d(n.baseSamples):null,M=n.tests.map(([T,v])=>({file:n.strings[T]??"",name:n.strings[v]??""})),x=new Map((n.intervals??[]).map(([T,v,k,f])=>[T,{pct:v,low:k,high:f}]));return{meta:r.meta,strings:n.strings,fnName:i,fnFile:o,fnLine:c,fnStatus:l,fnInterval:x,parent:h,func:u,head:m,base:p,tests:M}}function b(r){let t=r/1e6;return Math.abs(t)>=1e3?`${(t/1e3).toFixed(2)} s`:Math.abs(t)>=100?`${t.toFixed(0)} ms`:Math.abs(t)>=10?`${t.toFixed(1)} ms`:`${t.toFixed(2)} ms`}function D(r){return`${r>0?"+":r<0?"\\u2212":"\\xB1"}${b(Math.abs(r))}`}function R(r,t){if(!t)return"0%";let e=r/t*100;return`${e>=10?e.toFixed(1):e.toFixed(2)}%`}function O(r){return Number.isFinite(r)?`${r>0?"+":r<0?"\\u2212":"\\xB1"}${Math.abs(r).toFixed(1)}%`:r>0?"new":"\\u2014"}function Z(r){return`${r>0?"+":r<0?"\\u2212":"\\xB1"}${Math.abs(r).toFixed(2)} pp`}function fe(r,t,e){let n=r.meta,s=n.head;t.title.textContent=n.title,document.title=n.title;let a=[],i=l=>l&&/^[0-9a-f]{40}$/.test(l)?l.slice(0,10):l;s.commit&&a.push(["commit",i(s.commit)]),s.branch&&a.push(["branch",s.branch]);let o=n.base?.commit??s.base_commit;o&&a.push(["base commit",i(o)]),n.base?.branch&&a.push(["base branch",n.base.branch]),s.job_key&&a.push(["job",s.job_key]),s.processes&&a.push(["processes profiled",s.processes]),s.threads&&a.push(["threads",s.threads+(s.lost_threads&&s.lost_threads!=="0"?` (${s.lost_threads} lost)`:"")]),s.wall_ms&&a.push(["wall",b(Number(s.wall_ms)*1e6)]);let c=n.valueType==="wall"?"wall":"CPU";if(r.base&&e.base!==null&&n.diff){let l=n.diff;a.push([`suite ${c}`,`${b(l.baseCpuNs)} \\u2192 ${b(l.headCpuNs)} (${D(l.suite.deltaNs)}, ${O(l.suite.deltaPct)})`]);let h=l.verdict==="regression"?`${l.regressions} slower function(s)`:l.verdict==="improvement"?`${l.improvements} faster function(s)`:"no significant change";a.push(["verdict",h,`verdict-${l.verdict}`])}else a.push([`sampled ${c}`,b(e.head-e.idleHead)]);e.idleHead>0&&a.push(["idle",b(e.idleHead)]),s.command&&a.push(["command",s.command]),t.facts.replaceChildren(...a.map(([l,h,u])=>{let d=document.createElement("span");d.append(`${l}: `);let m=document.createElement("b");return m.textContent=h,u&&(m.className=u),d.append(m),d}))}function ee(r,t,e){let n=r.length,s=new Float64Array(n);for(let a=0;a<t.node.length;a++)e>=0&&t.test[a]!==e||(s[t.node[a]]+=t.value[a]);return z(r,s)}function z(r,t){let e=Float64Array.from(t);for(let n=e.length-1;n>0;n--){let s=r[n];s>=0&&(e[s]+=e[n])}return{self:t,total:e,sum:e.length?e[0]:0}}function te(r,t,e){let n=r.total.length,s=new Float64Array(n);if(!t||e==="head")s.set(r.total);else if(e==="sum")for(let a=0;a<n;a++)s[a]=r.total[a]+t.total[a];else{let a=r.sum||1,i=t.sum||1;for(let o=0;o<n;o++)s[o]=r.total[o]/a+t.total[o]/i}return s}function se(r,t,e,n,s,a){let i=r.length,o=new Int32Array(i+1);for(let f=1;f<i;f++)o[r[f]+1]++;for(let f=0;f<i;f++)o[f+1]+=o[f];let c=o.slice(0,i),l=new Int32Array(Math.max(0,i-1));for(let f=1;f<i;f++)l[c[r[f]]++]=f;for(let f=0;f<i;f++){let g=o[f],S=o[f+1];S-g>1&&l.subarray(g,S).sort((A,C)=>s[C]-s[A]||A-C)}let h=new Float64Array(i),u=new Int32Array(i),d=new Int32Array(i),m=new Int32Array(i),p=new Uint8Array(i),M=new Int32Array(a+1),x=0,T=[0],v=new Int32Array(i),k=0;for(;T.length;){let f=T.pop();if(f<0){let w=~f;m[v[w]]=k,t[w]>=0&&M[t[w]]--;continue}let g=f;v[g]=k,d[k++]=g;let S=t[g];S>=0&&(p[g]=M[S]===0?1:0,M[S]++),u[g]>x&&(x=u[g]),T.push(~g);let A=h[g],C=o[g],N=o[g+1];for(let w=C;w<N;w++){let E=l[w];h[E]=A,A+=s[E],u[E]=u[g]+1}for(let w=N-1;w>=C;w--)T.push(l[w])}return{n:i,func:t,parent:r,depth:u,maxDepth:x,head:e,base:n,x:h,w:s,order:d,skip:m,kidsStart:o,kids:l,outermost:p}}function ne(r,t,e){let n=new Float64Array(e),s=new Float64Array(e);for(let a=1;a<r.n;a++){let i=r.func[a];i<0||(n[i]+=t.self[a],r.outermost[a]&&(s[i]+=t.total[a]))}return{self:n,total:s}}var W=class{parent;func;headSelf=[0];baseSelf=[0];ids=new Map;constructor(t){this.parent=[-1],this.func=[t]}child(t,e){let n=`${t},${e}`,s=this.ids.get(n);return s===void 0&&(s=this.parent.length,this.parent.push(t),this.func.push(e),this.headSelf.push(0),this.baseSelf.push(0),this.ids.set(n,s)),s}build(t){let e=Int32Array.from(this.parent);return{parent:e,func:Int32Array.from(this.func),head:z(e,Float64Array.from(this.headSelf)),base:t?z(e,Float64Array.from(this.baseSelf)):null}}};function be(r,t){let e=new W(t),n=new W(t),s=r.base;for(let a=1;a<r.n;a++){if(r.func[a]!==t||!r.outermost[a])continue;let i=r.head.total[a],o=s?s.total[a]:0;if(i===0&&o===0)continue;let c=0;for(let h=r.parent[a];h>0;h=r.parent[h])c=e.child(c,r.func[h]);e.headSelf[c]+=i,e.baseSelf[c]+=o,n.headSelf[0]+=r.head.self[a],n.baseSelf[0]+=s?s.self[a]:0;let l=[[a,0]];for(;l.length;){let[h,u]=l.pop();for(let d=r.kidsStart[h];d<r.kidsStart[h+1];d++){let m=r.kids[d],p=r.head.total[m],M=s?s.total[m]:0;if(p===0&&M===0)continue;let x=n.child(u,r.func[m]);n.headSelf[x]+=r.head.self[m],n.baseSelf[x]+=s?s.self[m]:0,l.push([m,x])}}}return{func:t,callers:e.build(!!s),callees:n.build(!!s)}}var V=class{constructor(t,e,n){this.columns=t;this.onClick=n;this.sortCol=e,this.el=document.createElement("div"),this.el.className="tablewrap",this.note=document.createElement("div"),this.note.className="empty"}columns;onClick;el;note;sortCol;desc=!0;rows=[];shown=[];setColumns(t){this.columns=t,this.sortCol=Math.min(this.sortCol,t.length-1)}setRows(t){this.rows=t,this.render()}sortBy(t){t===this.sortCol?this.desc=!this.desc:(this.sortCol=t,this.desc=typeof this.columns[t].key(this.rows[0])=="number"),this.render()}render(){let t=this.columns[this.sortCol],e=[...this.rows].sort((i,o)=>{let c=t.key(i),l=t.key(o),h=typeof c=="number"&&typeof l=="number"?c-l:String(c).localeCompare(String(l));return this.desc?-h:h});this.shown=e.slice(0,500);let n=document.createElement("table"),s=n.createTHead().insertRow();this.columns.forEach((i,o)=>{let c=document.createElement("th");c.textContent=i.label+(o===this.sortCol?this.desc?" \\u25BE":" \\u25B4":""),i.left&&(c.className="l"),i.title&&(c.title=i.title),c.addEventListener("click",()=>this.sortBy(o)),s.append(c)});let a=n.createTBody();for(let i of this.shown){let o=a.insertRow();for(let c of this.columns){let l=o.insertCell();l.textContent=c.text(i);let h=[c.left?"l":"",c.cls?c.cls(i):""].filter(Boolean).join(" ");h&&(l.className=h),c.left&&(l.title=l.textContent)}o.addEventListener("click",c=>this.onClick(i,c))}this.note.textContent=e.length>500?`Showing 500 of ${e.length} rows; filter to narrow.`:e.length===0?"No rows.":"",this.el.replaceChildren(n,this.note)}};var pe=["","within noise","slower","faster"],B=["st-none","st-noise","st-regression","st-improvement"],I=r=>document.getElementById(r),y=(r,t={},...e)=>{let n=Object.assign(document.createElement(r),t);return n.append(...e),n},ae=class{constructor(t){this.data=t;this.diff=t.base!==null;let e=(u,d)=>({color:m=>this.colorOf(u(),m),label:m=>this.labelOf(u(),m),matches:()=>this.matchFlags,selectedFunc:()=>d?-1:this.selected,onHover:(m,p)=>this.hover(u(),m,p),onClick:m=>{let p=u();d?p.func[m]>=0&&this.select(p.func[m]):m===0?this.main.resetView():(this.main.zoomTo(m),this.selected=p.func[m],this.refreshSandwich())}}),n=I("views"),s=this.view("flame","Flame graph");this.main=new H(s,e(()=>this.tree,!1));let a=this.view("sandwich","Sandwich"),i=y("div",{className:"sandwich"}),o=y("div",{className:"half"},y("h2",{textContent:"Callers (who calls it, merged; the function is the bottom row)"})),c=y("div",{className:"half"},y("h2",{textContent:"Callees (what it calls, merged)"}));i.append(this.sandwichTitle,o,c),a.append(i),this.callers=new H(o,e(()=>this.callersTree,!0),!0),this.callees=new H(c,e(()=>this.calleesTree,!0));let l=this.view("functions","Functions");this.fnTable=new V(this.fnColumns(),2,(u,d)=>{d.target.closest("td")?.cellIndex===0&&d.altKey?this.select(u.f,"sandwich"):this.select(u.f,"flame")}),l.append(this.fnTable.el),this.testTable=new V(this.testColumns(),this.diff?4:2,u=>this.setTestFilter(u.t)),t.tests.length&&this.view("tests","Tests").append(this.testTable.el),n.append(...this.views.values()),this.toolbar(),this.keys(),this.recompute();let h=this.idle();fe(t,{title:I("title"),facts:I("facts")},{head:this.tree.head.sum,base:this.tree.base?.sum??null,idleHead:h.head,idleBase:h.base}),this.showTab("flame")}data;diff;tab="flame";testFilter=-1;normalized=!1;searchText="";matchFlags=null;matchedFrames=0;matchShare=0;selected=-1;tree;fnTotals;firstPaintMs=-1;main;callers;callees;fnTable;testTable;views=new Map;tabButtons=new Map;tooltip=I("tooltip");info=y("span",{className:"info"});chip=y("span",{className:"chip"});search=y("input",{type:"search",placeholder:"Search functions (regex)  /",spellcheck:!1});fnFilter=y("input",{type:"text",placeholder:"Filter functions",spellcheck:!1});sandwichTitle=y("div",{className:"empty"});callersTree=null;calleesTree=null;view(t,e){let n=y("section",{className:"view"});n.dataset.view=t,this.views.set(t,n);let s=y("button",{className:"tab",textContent:e});return s.dataset.tab=t,s.addEventListener("click",()=>this.showTab(t)),this.tabButtons.set(t,s),I("tabs").append(s),n}showTab(t){this.tab=t;for(let[e,n]of this.views)n.classList.toggle("active",e===t);for(let[e,n]of this.tabButtons)n.setAttribute("aria-selected",String(e===t));t==="flame"&&this.main.requestDraw(),t==="sandwich"&&(this.callers.requestDraw(),this.callees.requestDraw()),this.fnFilter.style.display=t==="functions"?"":"none"}toolbar(){let t=I("toolbar");this.search.addEventListener("input",()=>this.setSearch(this.search.value)),this.fnFilter.addEventListener("input",()=>this.renderFnTable());let e=y("button",{className:"small",textContent:"Reset zoom",title:"Esc"});if(e.addEventListener("click",()=>this.main.resetView()),t.append(this.search,this.fnFilter,e),this.diff){let n=y("input",{type:"checkbox"});n.addEventListener("change",()=>{this.normalized=n.checked,this.recompute(!0)});let s=y("span",{className:"legend info"});for(let[a,i]of[[P(2,1),"slower"],[P(3,1),"faster"],[Q,"within noise"]]){let o=y("span");o.style.background=a,s.append(o,i)}t.append(y("label",{className:"info"},n," normalized to suite total"),s,y("span",{className:"info",textContent:"\\xB7 width = base + head"}))}this.chip.style.display="none",t.append(this.chip,this.info)}keys(){document.addEventListener("keydown",t=>{let e=t.target instanceof HTMLInputElement;t.key==="/"&&!e?(t.preventDefault(),this.tab!=="flame"&&this.tab!=="sandwich"&&this.showTab("flame"),this.search.focus(),this.search.select()):t.key==="Escape"&&(e&&t.target.blur(),this.main.resetView())})}recompute(t=!1){let e=this.data,n=ee(e.parent,e.head,this.testFilter),s=e.base?ee(e.parent,e.base,this.testFilter):null,a=te(n,s,this.normalized?"normalized":"sum"),i=e.fnName.length;this.tree=se(e.parent,e.func,n,s,a,i),this.fnTotals={head:ne(this.tree,n,i),base:s?ne(this.tree,s,i):null},this.main.setTree(this.tree,t),this.setSearch(this.searchText),this.refreshSandwich(),this.renderFnTable(),this.renderTestTable()}idle(){let t=-1;for(let e=0;e<this.data.fnName.length;e++)this.name(e)==="(idle)"&&this.file(e)===""&&(t=e);return t<0?{head:0,base:this.diff?0:null}:{head:this.fnTotals.head.self[t],base:this.fnTotals.base?this.fnTotals.base.self[t]:null}}name(t){return this.data.strings[this.data.fnName[t]]??""}file(t){return this.data.strings[this.data.fnFile[t]]??""}loc(t){let e=this.file(t);return e?`${e}:${this.data.fnLine[t]}`:""}labelOf(t,e){let n=t.func[e];return n<0?`all (${b(t.head.sum)}${t.base?` head, ${b(t.base.sum)} base`:""})`:this.name(n)}change(t,e){if(!t.base)return 0;let n=t.head.total[e],s=t.base.total[e];this.normalized&&(n/=this.tree.head.sum||1,s/=this.tree.base.sum||1);let a=Math.max(n,s);return a>0?(n-s)/a:0}colorOf(t,e){let n=t.func[e];return this.diff?P(n<0?1:this.data.fnStatus[n],this.change(t,e)):n<0?J("all",""):J(this.name(n),this.file(n))}hover(t,e,n){let s=this.tooltip;if(!t||e<0||!n){s.style.display="none";return}let a=t.func[e],i=this.tree.head.sum,o=[],c=a<0?"all":this.name(a),l=a<0?"":this.loc(a),h=this.diff?"head ":"";if(o.push([`${h}total`,`${b(t.head.total[e])} (${R(t.head.total[e],i)} of suite)`]),o.push([`${h}self`,`${b(t.head.self[e])} (${R(t.head.self[e],i)})`]),t.base){let m=this.tree.base.sum;o.push(["base total",`${b(t.base.total[e])} (${R(t.base.total[e],m)} of suite)`]),o.push(["base self",b(t.base.self[e])]);let p=t.head.total[e]-t.base.total[e],M=(t.head.total[e]/(i||1)-t.base.total[e]/(m||1))*100;o.push(["\\u0394 total",this.normalized?Z(M):`${D(p)} (${O(t.base.total[e]>0?p/t.base.total[e]*100:p>0?1/0:0)})`]),a>=0&&o.push(["status (self)",pe[this.data.fnStatus[a]]||"not tested (too few samples)"]);let x=a>=0?this.data.fnInterval.get(a):void 0;x&&o.push(["speed-adjusted \\u0394 self",ye(x)]),t.base.total[e]===0?o.push(["","only in head"]):t.head.total[e]===0&&o.push(["","only in base"])}s.replaceChildren(y("div",{className:"name",textContent:c}),...l?[y("div",{className:"loc",textContent:l})]:[],...o.map(([m,p])=>y("div",{textContent:m?`${m}: ${p}`:p}))),s.style.display="block";let u=Math.min(n.clientX+14,window.innerWidth-s.offsetWidth-8),d=n.clientY+16+s.offsetHeight>window.innerHeight?n.clientY-s.offsetHeight-8:n.clientY+16;s.style.left=`${Math.max(0,u)}px`,s.style.top=`${Math.max(0,d)}px`}setSearch(t){this.searchText=t;let e=this.data.fnName.length;if(!t)this.matchFlags=null,this.matchedFrames=0,this.matchShare=0,this.info.textContent="";else{let n;try{n=new RegExp(t,"i")}catch{n=new RegExp(t.replace(/[.*+?^${}()|[\\]\\\\]/g,"\\\\$&"),"i")}let s=new Uint8Array(e);for(let l=0;l<e;l++)n.test(this.name(l))&&(s[l]=1);this.matchFlags=s;let a=this.tree,i=0,o=0,c=-1;for(let l=0;l<a.n;l++){let h=a.order[l],u=a.func[h];u<0||!s[u]||a.w[h]<=0||(i++,l>=c&&(o+=a.head.total[h],c=a.skip[l]))}this.matchedFrames=i,this.matchShare=a.head.sum>0?o/a.head.sum:0,this.info.textContent=`${i} matching frame(s), ${(this.matchShare*100).toFixed(1)}% of ${this.diff?"head ":""}total (${b(o)})`}this.main.requestDraw(),this.callers.requestDraw(),this.callees.requestDraw()}select(t,e){if(this.selected=t,this.refreshSandwich(),e==="flame"){this.showTab("flame");let n=-1;for(let s=1;s<this.tree.n;s++)this.tree.func[s]===t&&(n<0||this.tree.w[s]>this.tree.w[n])&&(n=s);n>=0&&this.main.zoomTo(n)}else e==="sandwich"&&this.showTab("sandwich");this.main.requestDraw()}refreshSandwich(){let t=this.selected;if(t<0){this.sandwichTitle.textContent="Click a frame in the flame graph (or a row of the Functions table) to see its callers and callees here.";return}let e=be(this.tree,t),n=this.data.fnName.length,s=this.normalized?"normalized":"sum",a=l=>se(l.parent,l.func,l.head,l.base,te(l.head,l.base,s),n);this.callersTree=a(e.callers),this.calleesTree=a(e.callees),this.callers.setTree(this.callersTree),this.callees.setTree(this.calleesTree);let i=this.fnTotals.head,o=this.loc(t),c=`${this.name(t)}${o?`  ${o}`:""} \\u2014 total ${b(i.total[t])} (${R(i.total[t],this.tree.head.sum)}), self ${b(i.self[t])}`;this.fnTotals.base&&(c+=` \\xB7 base total ${b(this.fnTotals.base.total[t])}, self ${b(this.fnTotals.base.self[t])}`),this.sandwichTitle.textContent=c}setTestFilter(t){if(this.testFilter=t,this.chip.replaceChildren(),t>=0){let e=this.data.tests[t],n=y("button",{textContent:"\\u2715",title:"Show all tests"});n.addEventListener("click",()=>this.setTestFilter(-1)),this.chip.append(`test: ${e.file} \\u203A ${e.name} `,n),this.chip.style.display=""}else this.chip.style.display="none";this.recompute(),this.showTab("flame")}fnColumns(){let t=[{label:"Function",key:e=>e.name,text:e=>e.name,left:!0},{label:"Location",key:e=>e.loc,text:e=>e.loc,left:!0},{label:this.diff?"Head self":"Self",key:e=>e.self,text:e=>b(e.self)},{label:"Self %",key:e=>e.self,text:e=>R(e.self,this.tree.head.sum)},{label:this.diff?"Head total":"Total",key:e=>e.total,text:e=>b(e.total),title:"Recursion counted once"},{label:"Total %",key:e=>e.total,text:e=>R(e.total,this.tree.head.sum)}];return this.diff&&t.push({label:"Base self",key:e=>e.baseSelf,text:e=>b(e.baseSelf)},{label:"\\u0394 self",key:e=>Math.abs(e.delta),text:e=>this.normalized?Z(e.delta):D(e.delta),cls:e=>B[e.status]},{label:"\\u0394 %",key:e=>Number.isFinite(e.deltaPct)?e.deltaPct:1e9,text:e=>O(e.deltaPct),cls:e=>B[e.status]},{label:"Adj. \\u0394 (95% CI)",key:e=>this.data.fnInterval.get(e.f)?.pct??-1e9,text:e=>{let n=this.data.fnInterval.get(e.f);return n?ye(n):""},cls:e=>B[e.status],title:"Self-time change adjusted for the run\'s overall speed, with its 95% interval (the PR comment\'s numbers)"},{label:"Status",key:e=>e.status,text:e=>pe[e.status],cls:e=>B[e.status]}),t}renderFnTable(){let{head:t,base:e}=this.fnTotals,n=this.fnFilter.value.toLowerCase(),s=this.tree.head.sum||1,a=this.tree.base?.sum||1,i=[];for(let o=0;o<this.data.fnName.length;o++){let c=e?e.total[o]:0;if(t.total[o]===0&&c===0)continue;let l=this.name(o),h=this.loc(o);if(n&&!l.toLowerCase().includes(n)&&!h.toLowerCase().includes(n))continue;let u=e?e.self[o]:0,d=this.normalized?(t.self[o]/s-u/a)*100:t.self[o]-u,m=t.self[o]-u;i.push({f:o,name:l,loc:h,self:t.self[o],total:t.total[o],baseSelf:u,baseTotal:c,delta:d,deltaPct:u>0?m/u*100:m>0?1/0:0,status:this.data.fnStatus[o]})}this.fnTable.setColumns(this.fnColumns()),this.fnTable.setRows(i)}testColumns(){let t=[{label:"Test file",key:e=>e.file,text:e=>e.file,left:!0},{label:"Test",key:e=>e.name,text:e=>e.name,left:!0},{label:this.diff?"Head":"Time",key:e=>e.head,text:e=>b(e.head)}];return this.diff&&t.push({label:"Base",key:e=>e.base,text:e=>b(e.base)},{label:"\\u0394",key:e=>Math.abs(e.delta),text:e=>D(e.delta),cls:e=>e.delta>0?"st-regression":e.delta<0?"st-improvement":""},{label:"\\u0394 %",key:e=>e.delta/(e.base||1),text:e=>O(e.base>0?e.delta/e.base*100:e.delta>0?1/0:0)}),t}renderTestTable(){let t=this.data;if(!t.tests.length)return;let e=a=>{let i=new Float64Array(t.tests.length);if(a)for(let o=0;o<a.test.length;o++)a.test[o]>=0&&(i[a.test[o]]+=a.value[o]);return i},n=e(t.head),s=e(t.base);this.testTable.setRows(t.tests.map((a,i)=>({t:i,file:a.file,name:a.name,head:n[i],base:s[i],delta:n[i]-s[i]})))}};function ye(r){let t=e=>`${e>=0?"+":"\\u2212"}${Math.abs(e).toFixed(1)}`;return`${t(r.pct)}% (${t(r.low)}..${t(r.high)})`}function Ae(r){let t=(s,a)=>{let i=s.func[a.node];return{node:a.node,parent:s.parent[a.node],name:i<0?"all":r.name(i),file:i<0?"":r.file(i),depth:s.depth[a.node],parentName:s.parent[a.node]>=0&&s.func[s.parent[a.node]]>=0?r.name(s.func[s.parent[a.node]]):a.node===0?null:"all",x:a.x,y:a.y,w:a.w,h:a.h,color:a.color,matched:a.matched,status:i<0?0:r.data.fnStatus[i],headTotal:s.head.total[a.node],headSelf:s.head.self[a.node],baseTotal:s.base?s.base.total[a.node]:null}},e=s=>{if(!s)return[];let a=[];for(let i=s.kidsStart[0];i<s.kidsStart[1];i++){let o=s.kids[i];a.push({name:r.name(s.func[o]),headTotal:s.head.total[o],baseTotal:s.base?s.base.total[o]:null})}return a};Object.defineProperty(window,"__ciprof",{value:Object.freeze({ready:!0,state:()=>({tab:r.tab,x0:r.main.x0,x1:r.main.x1,rootWidth:r.tree.w[0],search:r.searchText,matchedFrames:r.matchedFrames,matchShare:r.matchShare,selected:r.selected>=0?r.name(r.selected):null,testFilter:r.testFilter>=0?r.data.tests[r.testFilter]:null,diff:r.diff,normalized:r.normalized,headSum:r.tree.head.sum,baseSum:r.tree.base?r.tree.base.sum:null,nodes:r.tree.n,lastDrawMs:r.main.lastDrawMs,firstPaintMs:r.firstPaintMs}),frames:()=>r.main.drawn.map(s=>t(r.tree,s)),sandwich:()=>{let s=r.selected;if(s<0)return null;let a=r.callersTree,i=r.calleesTree;return{name:r.name(s),total:r.fnTotals.head.total[s],self:r.fnTotals.head.self[s],callersRootTotal:a?a.head.total[0]:0,calleesRootTotal:i?i.head.total[0]:0,callers:e(a),callees:e(i)}},functions:()=>r.fnTable.shown.map(s=>({name:s.name,loc:s.loc,self:s.self,total:s.total,baseSelf:s.baseSelf,delta:s.delta,status:s.status})),tests:()=>r.testTable.shown.map(s=>({file:s.file,name:s.name,head:s.head,base:s.base,delta:s.delta}))}),configurable:!1,writable:!1})}async function Me(){try{let r=JSON.parse(I("ciprof-data").textContent??"{}"),t=await de(r),e=new ae(t);e.main.draw(),requestAnimationFrame(()=>setTimeout(()=>{e.firstPaintMs=performance.now(),Ae(e)},0))}catch(r){let t=I("error");t.style.display="block",t.textContent=`Could not read the report data: ${r.message}`}}Me();})();\n';
  if (cachedScript === void 0) {
    const esbuildName = "esbuild";
    const esbuild = createRequire(import.meta.url)(esbuildName);
    const out = esbuild.buildSync({ ...REPORT_UI_BUILD_OPTIONS, entryPoints: [fileURLToPath(new URL("../report-ui/main.ts", import.meta.url))], write: false });
    cachedScript = out.outputFiles[0].text;
  }
  return cachedScript;
}
function reportTemplate() {
  if (true) return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src data:">
<title>{{TITLE}}</title>
<style>
:root { --bg:#fff; --fg:#1f2328; --muted:#656d76; --line:#d0d7de; --panel:#f6f8fa; --accent:#0969da; --hl:#bf8700; --sel:#1f2328; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --bg:#0d1117; --fg:#e6edf3; --muted:#8d96a0; --line:#30363d; --panel:#161b22; --accent:#4493f8; --hl:#e3b341; --sel:#ffffff; } }
* { box-sizing: border-box; }
html, body { margin:0; height:100%; background:var(--bg); color:var(--fg); font:13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { display:flex; flex-direction:column; }
header { padding:8px 12px; border-bottom:1px solid var(--line); background:var(--panel); }
header h1 { font-size:15px; margin:0 0 4px; }
.facts { display:flex; flex-wrap:wrap; gap:4px 16px; color:var(--muted); }
.facts b { color:var(--fg); font-weight:600; }
.verdict-regression { color:#cf222e; } .verdict-improvement { color:#0969da; }
nav { display:flex; gap:4px; padding:6px 12px 0; border-bottom:1px solid var(--line); align-items:flex-end; flex-wrap:wrap; }
nav button.tab { border:1px solid transparent; border-bottom:none; background:none; color:var(--muted); padding:6px 12px; cursor:pointer; font:inherit; border-radius:6px 6px 0 0; }
nav button.tab[aria-selected="true"] { border-color:var(--line); background:var(--bg); color:var(--fg); margin-bottom:-1px; }
.toolbar { display:flex; gap:8px; align-items:center; padding:6px 12px; flex-wrap:wrap; border-bottom:1px solid var(--line); }
.toolbar input[type=search], .toolbar input[type=text] { width:260px; padding:3px 6px; font:inherit; background:var(--bg); color:var(--fg); border:1px solid var(--line); border-radius:4px; }
.toolbar .info { color:var(--muted); }
.chip { background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:1px 8px; }
.chip button, button.small { background:none; border:1px solid var(--line); color:var(--fg); border-radius:4px; cursor:pointer; font:inherit; padding:1px 6px; }
main { flex:1; min-height:0; position:relative; }
.view { position:absolute; inset:0; display:none; flex-direction:column; }
.view.active { display:flex; }
.scroller { flex:1; min-height:0; overflow:auto; position:relative; }
.scroller canvas { position:sticky; top:0; left:0; display:block; }
.sandwich { display:flex; flex-direction:column; flex:1; min-height:0; }
.sandwich .half { flex:1; min-height:0; display:flex; flex-direction:column; border-top:1px solid var(--line); }
.sandwich h2 { font-size:12px; margin:4px 12px; color:var(--muted); font-weight:600; }
.tablewrap { flex:1; overflow:auto; }
table { border-collapse:collapse; width:100%; font-variant-numeric:tabular-nums; }
th, td { padding:3px 8px; border-bottom:1px solid var(--line); text-align:right; white-space:nowrap; }
th { position:sticky; top:0; background:var(--panel); cursor:pointer; user-select:none; }
th:first-child, td:first-child, th.l, td.l { text-align:left; }
td.l { max-width:40vw; overflow:hidden; text-overflow:ellipsis; }
tbody tr { cursor:pointer; } tbody tr:hover { background:var(--panel); }
.st-regression { color:#cf222e; } .st-improvement { color:#0969da; } .st-noise, .st-none { color:var(--muted); }
#tooltip { position:fixed; pointer-events:none; background:var(--panel); border:1px solid var(--line); border-radius:6px; padding:6px 8px; max-width:520px; box-shadow:0 4px 12px rgba(0,0,0,.2); display:none; z-index:10; font-size:12px; }
#tooltip .name { font-weight:600; word-break:break-all; }
#tooltip .loc { color:var(--muted); word-break:break-all; }
.legend span { display:inline-block; width:10px; height:10px; margin:0 3px 0 8px; vertical-align:-1px; }
.empty { padding:24px; color:var(--muted); }
#error { color:#cf222e; padding:12px; display:none; }
</style>
</head>
<body>
<header><h1 id="title"></h1><div class="facts" id="facts"></div></header>
<nav id="tabs"></nav>
<div class="toolbar" id="toolbar"></div>
<div id="error"></div>
<main id="views"></main>
<div id="tooltip"></div>
<script type="application/json" id="ciprof-data">{{DATA}}</script>
<script>{{SCRIPT}}</script>
</body>
</html>
`;
  return readFileSync(fileURLToPath(new URL("../../templates/report.html", import.meta.url)), "utf8");
}
var REPORT_UI_BUILD_OPTIONS = { bundle: true, format: "iife", target: "chrome100", minify: true, legalComments: "none", platform: "browser" };

// src/render/report.ts
function renderReport(head, base, options = {}) {
  const diff = base ? options.diff ?? diffProfiles(base, head, options.thresholds) : void 0;
  const data = buildReportData(head, base, diff, options.title ?? defaultTitle(head));
  const blob = gzipSync(data.blob, { level: 9 }).toString("base64");
  const dataJson = jsonForScript({ meta: data.meta, blob });
  const script = reportUiScript();
  const html = fillTemplate(reportTemplate(), { title: data.meta.title, dataJson, script });
  return { html, scriptBytes: Buffer.byteLength(script), dataBytes: Buffer.byteLength(dataJson), nodes: data.stats.nodes, functions: data.stats.functions };
}
function writeReport(head, base, options) {
  const { html, ...rest } = renderReport(head, base, options);
  mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
  writeFileSync(options.output, html);
  return { path: options.output, bytes: Buffer.byteLength(html), ...rest };
}
function defaultTitle(head) {
  const parts = ["ciprof"];
  if (head.meta.job_key) parts.push(head.meta.job_key);
  if (head.meta.commit) parts.push(head.meta.commit.slice(0, 8));
  return parts.join(" \xB7 ");
}

export {
  SAMPLES_COUNT,
  CPU_NANOS,
  IDLE_FRAME,
  functionKey,
  ProfileBuilder,
  timeValueIndex,
  countValueIndex,
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  testKey,
  testWallsMeta,
  readTestWalls,
  samplesByTest,
  selfByFunction,
  testStats,
  environmentFingerprint,
  environmentWarnings,
  functionTable,
  idleValue,
  topBySelf,
  formatFrame,
  poissonRatioTest,
  benjaminiHochberg,
  studentTQuantile,
  normalQuantile,
  tOrNormalTwoSided,
  selfByTestFile,
  restrictToCommonTests,
  speedFactor,
  DEFAULT_THRESHOLDS,
  COMPARE_THRESHOLDS,
  INTERVAL_LEVEL,
  isPseudo,
  diffProfiles,
  bigEnough,
  gateByTestFiles,
  renderReport,
  writeReport
};
