import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  DIFF_REPORT_SCHEMA
} from "./chunk-XWCWDJFI.js";
import {
  VERSION
} from "./chunk-3TBHKCVM.js";
import {
  CODE_LOAD_PRIOR,
  DEFAULT_THRESHOLDS,
  INTERVAL_LEVEL,
  POOL_BELOW_NS,
  benjaminiHochberg,
  commonUnits,
  diffProfiles,
  git,
  isPseudo,
  judgeRows,
  noiseFromHistory,
  normalQuantile,
  onCpuProfile,
  partitionRows,
  poissonRatioTest,
  resolveBaseline,
  restrictToCommonTests,
  selfByFunctionKey,
  selfByTestFile,
  studentTQuantile,
  studentTTwoSided,
  tOrNormalTwoSided
} from "./chunk-JG5O54ET.js";
import {
  mergeProfiles
} from "./chunk-E4RVWPFF.js";
import {
  foldBlockedCallees
} from "./chunk-TOQZ6A4H.js";
import {
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  readTestWalls,
  samplesByTest,
  selfByFunction,
  testKey
} from "./chunk-ZT4APMRY.js";
import {
  withoutLaunchers
} from "./chunk-4Q5ER2D7.js";
import {
  parseProfileBytes,
  readProfileFile
} from "./chunk-KOVH6LPN.js";
import {
  ALLOC_SAMPLES,
  ALLOC_SPACE,
  CIPROF_FRAME,
  IDLE_FRAME,
  countValueIndex,
  functionKey,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";

// src/diff/alloc-diff.ts
var ALLOC_AA_DISPERSION = 1.5;
var CHI2_1_MEDIAN = 0.4549;
var DISPERSION_MIN_SAMPLES = 20;
var DEFAULT_ALLOC_THRESHOLDS = { minSamples: 20, minPct: 10, minSharePct: 0.5, alpha: 0.01, minUnits: 5 };
var UNITS_P = 0.05;
var MIN_CELL_SAMPLES = 10;
var MIN_ACTIVE_UNITS = 3;
var KEPT_ROWS = 30;
var allocSpaceIndex = (profile) => profile.sampleTypes.findIndex((t) => t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);
function hasAllocationSamples(profile) {
  return profile.sampleTypes.some((t) => t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);
}
var addTo = (map, outer, inner, v) => {
  let m = map.get(outer);
  if (!m) map.set(outer, m = /* @__PURE__ */ new Map());
  m.set(inner, (m.get(inner) ?? 0) + v);
};
function allocationsOf(profile) {
  const bi = allocSpaceIndex(profile);
  const ci = profile.sampleTypes.findIndex((t) => t.type === ALLOC_SAMPLES.type && t.unit === ALLOC_SAMPLES.unit);
  const out = { total: { bytes: 0, samples: 0 }, functions: /* @__PURE__ */ new Map(), tests: /* @__PURE__ */ new Map(), byFile: /* @__PURE__ */ new Map(), byTest: /* @__PURE__ */ new Map(), byScript: /* @__PURE__ */ new Map(), interval: Number(profile.meta["alloc.interval_bytes"]) || 32768, view: profile };
  const add = (map, key, make, bytes, samples) => {
    let e = map.get(key);
    if (!e) map.set(key, e = { ...make(), side: { bytes: 0, samples: 0 } });
    e.side.bytes += bytes;
    e.side.samples += samples;
  };
  for (const s of profile.samples) {
    const bytes = bi >= 0 ? s.values[bi] ?? 0 : 0;
    if (bytes === 0) continue;
    const frame = profile.functions[s.stack[0] ?? -1];
    if (!frame || frame.name === CIPROF_FRAME) continue;
    const samples = ci >= 0 ? s.values[ci] ?? 0 : 0;
    const fnKey = functionKey(frame);
    out.total.bytes += bytes;
    out.total.samples += samples;
    add(out.functions, fnKey, () => ({ frame }), bytes, samples);
    const file = String(s.labels[TEST_FILE_LABEL] ?? "");
    addTo(out.byFile, file, fnKey, bytes);
    out.byScript.set(frame.file, (out.byScript.get(frame.file) ?? 0) + bytes);
    const name = s.labels[TEST_NAME_LABEL];
    if (name !== void 0) {
      const testKey2 = `${file}\0${String(name)}`;
      add(out.tests, testKey2, () => ({ test: { file, name: String(name) } }), bytes, samples);
      addTo(out.byTest, testKey2, fnKey, bytes);
    }
  }
  return out;
}
function estimateDispersion(pairs) {
  const z2 = pairs.filter(([a, b]) => a + b >= DISPERSION_MIN_SAMPLES).map(([a, b]) => (b - a) ** 2 / (a + b));
  if (z2.length < 5) return { estimated: 1, rows: z2.length };
  z2.sort((x, y) => x - y);
  const mid = z2.length >> 1;
  const median = z2.length % 2 ? z2[mid] : (z2[mid - 1] + z2[mid]) / 2;
  return { estimated: median / CHI2_1_MEDIAN, rows: z2.length };
}
function judge(base, head, interval, dispersion, suiteBytes, t) {
  const keys = /* @__PURE__ */ new Set([...base.keys(), ...head.keys()]);
  const rows = [];
  const eff = (side) => side.bytes / interval;
  for (const key of keys) {
    const b = base.get(key);
    const h = head.get(key);
    const bs = b?.side ?? { bytes: 0, samples: 0 };
    const hs = h?.side ?? { bytes: 0, samples: 0 };
    const deltaBytes = hs.bytes - bs.bytes;
    rows.push({
      key,
      ...b?.frame ?? h?.frame ? { frame: (b ?? h).frame } : {},
      ...b?.test ?? h?.test ? { test: (b ?? h).test } : {},
      base: bs,
      head: hs,
      deltaBytes,
      deltaPct: bs.bytes > 0 ? deltaBytes / bs.bytes * 100 : Infinity,
      pValue: poissonRatioTest(eff(bs) / dispersion, 1, eff(hs) / dispersion, 1),
      qValue: 1,
      status: "noise"
    });
  }
  const testable = rows.filter((r) => r.base.samples + r.head.samples >= t.minSamples);
  const q2 = benjaminiHochberg(testable.map((r) => r.pValue));
  testable.forEach((r, i) => {
    r.qValue = q2[i];
    const big = Math.abs(r.deltaPct) >= t.minPct && Math.abs(r.deltaBytes) >= t.minSharePct / 100 * suiteBytes;
    if (big && r.qValue <= t.alpha) r.status = r.deltaBytes > 0 ? "regression" : "improvement";
  });
  for (const r of rows) if (r.base.samples + r.head.samples < t.minSamples) r.status = "too-small";
  return rows;
}
var isReported = (r) => r.status === "regression" || r.status === "improvement";
function unitsLogRatioP(key, units, base, head, interval) {
  const y = [];
  const v = [];
  for (const u of units) {
    const b = (base.get(u)?.get(key) ?? 0) / interval + 0.5;
    const h = (head.get(u)?.get(key) ?? 0) / interval + 0.5;
    if (b + h - 1 < MIN_CELL_SAMPLES) continue;
    y.push(Math.log(h / b));
    v.push(1 / b + 1 / h);
  }
  const k = y.length;
  if (k < MIN_ACTIVE_UNITS) return void 0;
  const w = v.map((x) => 1 / x);
  const sw = w.reduce((a, x) => a + x, 0);
  const fixed = w.reduce((a, x, i) => a + x * y[i], 0) / sw;
  const q2 = w.reduce((a, x, i) => a + x * (y[i] - fixed) ** 2, 0);
  const tau2 = Math.max(0, (q2 - (k - 1)) / (sw - w.reduce((a, x) => a + x * x, 0) / sw));
  const ws = v.map((x) => 1 / (x + tau2));
  const sws = ws.reduce((a, x) => a + x, 0);
  const mu = ws.reduce((a, x, i) => a + x * y[i], 0) / sws;
  const se = Math.sqrt(ws.reduce((a, x, i) => a + x * (y[i] - mu) ** 2, 0) / ((k - 1) * sws));
  if (se === 0) return mu === 0 ? 1 : 0;
  return studentTTwoSided(mu / se, k - 1);
}
function gateByTestFiles(rows, base, head, t) {
  const units = commonUnits(base.byFile, head.byFile);
  if (units.length < t.minUnits) return units.length;
  for (const r of rows) {
    if (!isReported(r)) continue;
    const p = unitsLogRatioP(r.key, units, base.byFile, head.byFile, base.interval);
    r.unitsP = p ?? 1;
    if (p === void 0 || p > UNITS_P) r.status = "noise";
  }
  return units.length;
}
function gateByConservation(rows, base, head) {
  for (const r of rows) {
    if (!isReported(r) || !r.frame) continue;
    const script = (head.byScript.get(r.frame.file) ?? 0) - (base.byScript.get(r.frame.file) ?? 0);
    if (script / r.deltaBytes < 0.5) {
      r.status = "noise";
      continue;
    }
    const callers = /* @__PURE__ */ new Set([...callersOf(base.view, r.key), ...callersOf(head.view, r.key)]);
    const ib = bytesUnder(base.view, callers);
    const ih = bytesUnder(head.view, callers);
    const sigma = Math.sqrt(ALLOC_AA_DISPERSION * (ib + ih) * base.interval);
    if ((ih - ib) / r.deltaBytes < 0.5 && Math.abs(r.deltaBytes - (ih - ib)) > 2 * sigma) r.status = "noise";
  }
}
function callersOf(profile, key) {
  const bi = allocSpaceIndex(profile);
  const out = /* @__PURE__ */ new Set();
  for (const s of profile.samples) {
    const leaf = profile.functions[s.stack[0] ?? -1];
    if (!(s.values[bi] ?? 0) || !leaf || functionKey(leaf) !== key) continue;
    const caller = profile.functions[s.stack[Math.min(1, s.stack.length - 1)]];
    if (caller) out.add(functionKey(caller));
  }
  return out;
}
function bytesUnder(profile, keys) {
  const bi = allocSpaceIndex(profile);
  const memo = /* @__PURE__ */ new Map();
  const isKey = (id) => {
    let v = memo.get(id);
    if (v === void 0) memo.set(id, v = keys.has(functionKey(profile.functions[id])));
    return v;
  };
  let total = 0;
  for (const s of profile.samples) {
    const bytes = s.values[bi] ?? 0;
    if (bytes && s.stack.some(isKey)) total += bytes;
  }
  return total;
}
function gateTestsByFunctions(tests, functions, base, head) {
  const reported = new Set(functions.filter(isReported).map((r) => r.key));
  for (const r of tests) {
    if (!isReported(r)) continue;
    const b = base.byTest.get(r.key);
    const h = head.byTest.get(r.key);
    let explained = 0;
    for (const key of reported) explained += (h?.get(key) ?? 0) - (b?.get(key) ?? 0);
    if (explained / r.deltaBytes < 0.5) r.status = "noise";
  }
}
function ordered(rows) {
  return rows.sort((x, y) => Number(isReported(y)) - Number(isReported(x)) || Math.abs(y.deltaBytes) - Math.abs(x.deltaBytes)).map(({ key: _key, ...row }) => row);
}
function diffAllocations(baseProfile, headProfile, thresholds = {}) {
  if (!hasAllocationSamples(baseProfile) || !hasAllocationSamples(headProfile)) return void 0;
  const t = { ...DEFAULT_ALLOC_THRESHOLDS, ...thresholds };
  const view = restrictToCommonTests(baseProfile, headProfile);
  const base = allocationsOf(view.base);
  const head = allocationsOf(view.head);
  const interval = Number(headProfile.meta["alloc.interval_bytes"]) || Number(baseProfile.meta["alloc.interval_bytes"]) || 32768;
  const pairs = [...base.functions].map(([k, b]) => [b.side.bytes / interval, (head.functions.get(k)?.side.bytes ?? 0) / interval]);
  const { estimated, rows: dispersionRows } = estimateDispersion(pairs);
  const units = commonUnits(base.byFile, head.byFile).length;
  const used = units >= t.minUnits ? Math.max(1, estimated) : Math.max(ALLOC_AA_DISPERSION, estimated);
  const judgedFunctions = judge(base.functions, head.functions, interval, used, base.total.bytes, t);
  gateByConservation(judgedFunctions, base, head);
  gateByTestFiles(judgedFunctions, base, head, t);
  const judgedTests = judge(base.tests, head.tests, interval, used, base.total.bytes, t);
  gateTestsByFunctions(judgedTests, judgedFunctions, base, head);
  const functions = ordered(judgedFunctions);
  const tests = ordered(judgedTests);
  const count = (rows, s) => rows.filter((r) => r.status === s).length;
  const regressions = count(functions, "regression") + count(tests, "regression");
  const improvements = count(functions, "improvement") + count(tests, "improvement");
  const keep = (rows) => rows.filter((r, i) => r.status === "regression" || r.status === "improvement" || i < KEPT_ROWS);
  return {
    intervalBytes: interval,
    base: base.total,
    head: head.total,
    suiteDeltaPct: base.total.bytes > 0 ? (head.total.bytes - base.total.bytes) / base.total.bytes * 100 : Infinity,
    dispersion: { aa: ALLOC_AA_DISPERSION, estimated, used, rows: dispersionRows },
    units,
    thresholds: t,
    functions: keep(functions),
    tests: keep(tests),
    regressions,
    improvements,
    withinNoise: count(functions, "noise"),
    verdict: regressions > 0 ? "regression" : improvements > 0 ? "improvement" : "no-change"
  };
}

// src/diff/moved-functions.ts
function alignMovedFunctions(baseRuns, headRuns) {
  const newLine = movedLines(baseRuns, headRuns);
  if (newLine.size === 0) return baseRuns;
  return baseRuns.map((p) => {
    let changed = false;
    const functions = p.functions.map((f) => {
      const line = newLine.get(functionKey(f));
      if (line === void 0) return f;
      changed = true;
      return { ...f, line };
    });
    return changed ? { ...p, functions } : p;
  });
}
function movedLines(baseRuns, headRuns) {
  const baseKeys = keysOf(baseRuns);
  const headKeys = keysOf(headRuns);
  const groups = /* @__PURE__ */ new Map();
  const add = (f, side) => {
    if (f.file === "" || f.line <= 0) return;
    const id = `${f.name}\0${f.file}`;
    let g = groups.get(id);
    if (!g) groups.set(id, g = { frame: f, base: /* @__PURE__ */ new Set(), head: /* @__PURE__ */ new Set() });
    g[side].add(f.line);
  };
  for (const [key, f] of baseKeys) if (!headKeys.has(key)) add(f, "base");
  for (const [key, f] of headKeys) if (!baseKeys.has(key)) add(f, "head");
  const moved = /* @__PURE__ */ new Map();
  for (const g of groups.values()) {
    if (g.base.size === 0 || g.head.size === 0) continue;
    for (const [from, to] of pairLines([...g.base], [...g.head])) moved.set(functionKey({ ...g.frame, line: from }), to);
  }
  return moved;
}
function keysOf(runs) {
  const keys = /* @__PURE__ */ new Map();
  for (const p of runs) for (const f of p.functions) keys.set(functionKey(f), f);
  return keys;
}
function pairLines(base, head) {
  base.sort((a, b) => a - b);
  head.sort((a, b) => a - b);
  if (base.length === head.length) return base.map((b, i) => [b, head[i]]);
  const votes = /* @__PURE__ */ new Map();
  for (const b of base) for (const h of head) votes.set(h - b, (votes.get(h - b) ?? 0) + 1);
  let offset = 0;
  let best = 0;
  for (const [d, n] of votes) if (n > best || n === best && Math.abs(d) < Math.abs(offset)) [offset, best] = [d, n];
  const heads = new Set(head);
  return base.filter((b) => heads.has(b + offset)).map((b) => [b, b + offset]);
}

// src/diff/call-tree-diff.ts
function fold(root, profile, side) {
  const vi = timeValueIndex(profile);
  for (const s of profile.samples) {
    const v = s.values[vi] ?? 0;
    if (v === 0) continue;
    let node = root;
    node[side] += v;
    for (let i = s.stack.length - 1; i >= 0; i--) {
      const frame = profile.functions[s.stack[i]];
      if (frame.name === "(root)" && frame.file === "") continue;
      const key = functionKey(frame);
      let child = node.children.get(key);
      if (!child) {
        child = { frame, base: 0, head: 0, children: /* @__PURE__ */ new Map() };
        node.children.set(key, child);
      }
      child[side] += v;
      node = child;
    }
  }
}
function changedPaths(base, head, diff, opts) {
  const reported = new Set([...diff.regressions, ...diff.improvements].map((r) => r.key));
  if (reported.size === 0) return [];
  const root = { frame: { name: "(root)", file: "", line: 0 }, base: 0, head: 0, children: /* @__PURE__ */ new Map() };
  fold(root, base, "base");
  fold(root, head, "head");
  const maxNodes = opts.maxNodes ?? 60;
  const maxDepth = opts.maxDepth ?? 24;
  let budget = maxNodes;
  const leadsToReported = /* @__PURE__ */ new Map();
  const leads = (n) => {
    const cached = leadsToReported.get(n);
    if (cached !== void 0) return cached;
    let r = reported.has(functionKey(n.frame));
    for (const c of n.children.values()) if (leads(c)) r = true;
    leadsToReported.set(n, r);
    return r;
  };
  const keep = (n) => Math.abs(n.head - n.base) >= opts.minDeltaNs && leads(n);
  const build = (n, depth) => {
    if (depth >= maxDepth) return [];
    const kids = [...n.children.values()].filter(keep).sort((a, b) => Math.abs(b.head - b.base) - Math.abs(a.head - a.base));
    const out = [];
    for (let k of kids) {
      if (budget <= 0) break;
      budget--;
      let elided = 0;
      if (depth > 0) {
        for (; ; ) {
          const only = [...k.children.values()].filter(keep);
          const next = only[0];
          if (only.length !== 1 || !next || reported.has(functionKey(k.frame))) break;
          const grand = [...next.children.values()].filter(keep);
          if (grand.length !== 1 || reported.has(functionKey(next.frame))) break;
          k = next;
          elided++;
        }
      }
      const node = { frame: k.frame, baseNs: k.base, headNs: k.head, reported: reported.has(functionKey(k.frame)), children: build(k, depth + 1) };
      if (elided) node.elided = elided;
      out.push(node);
    }
    return out;
  };
  return build(root, 0);
}

// src/diff/runs.ts
var RUNS_DIFF_METHOD = "diffRuns: per-run per-function self time, pooled t-test with a Poisson floor, Benjamini-Hochberg";
function meanProfile(runs) {
  const merged = mergeProfiles(runs);
  const factor = 1 / Math.max(1, runs.length);
  return { ...merged, samples: merged.samples.map((s) => ({ ...s, values: s.values.map((v) => v * factor) })), meta: { ...runs[0]?.meta, runs: String(runs.length) } };
}
function diffRuns(sampledBaseRuns, sampledHeadRuns, overrides = {}) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  const n = sampledBaseRuns.length;
  const m = sampledHeadRuns.length;
  if (n === 0 || m === 0) throw new Error("diffRuns needs at least one run on each side");
  const foldedBase = sampledBaseRuns.map(foldBlockedCallees);
  const foldedHead = sampledHeadRuns.map(foldBlockedCallees);
  const baseRuns = foldedBase.map(onCpuProfile);
  const headRuns = foldedHead.map(onCpuProfile);
  const clocked = baseRuns.some((r, i) => r !== foldedBase[i]) && headRuns.some((r, i) => r !== foldedHead[i]);
  const meanBase = meanProfile(baseRuns);
  const meanHead = meanProfile(headRuns);
  if (n + m < 3) return diffProfiles(meanBase, meanHead, overrides, { onCpu: false });
  const diff = diffProfiles(meanBase, meanHead, { ...thresholds, minUnits: Number.POSITIVE_INFINITY }, { onCpu: false });
  const baseSelf = baseRuns.map(selfByFunctionKey);
  const headSelf = headRuns.map(selfByFunctionKey);
  const nsPerSample = (diff.base.cpuNs + diff.head.cpuNs) / Math.max(1, diff.base.samples + diff.head.samples);
  const perFile = perFileVariance(baseRuns, headRuns, thresholds.minUnits);
  const runs = { baseSelf, headSelf, nsPerSample, perFile };
  const tested = diff.functions.filter((row) => row.status !== "too-small" && testRowOverRuns(row, runs));
  const fileUnits = judgeRows(tested, meanBase, meanHead, 1, thresholds, false);
  for (const r of tested) if (r.blocked) r.judgedBy = "runs";
  const { regressions, improvements, blocked, codeLoad, withinNoise, verdict } = partitionRows(diff.functions);
  return {
    ...diff,
    thresholds,
    regressions,
    improvements,
    ...blocked.length ? { blocked } : {},
    ...codeLoad.length ? { codeLoad } : {},
    withinNoise,
    verdict,
    noiseModel: { sampling: true, runs: { base: n, head: m }, ...fileUnits > 0 ? { testFiles: fileUnits } : {}, ...clocked ? { cpuClock: true } : {} },
    speedFactor: 1
  };
}
function overRuns(x, y, nsPerSample, also) {
  const n = x.length;
  const m = y.length;
  const df = n + m - 2;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / m;
  const ss = x.reduce((a, v) => a + (v - mx) ** 2, 0) + y.reduce((a, v) => a + (v - my) ** 2, 0);
  const floor = (mx + my) / 2 * nsPerSample;
  const measured = [{ v: df > 0 ? ss / df : 0, df }, ...also ? [also] : []].reduce((a, b) => b.v > a.v ? b : a);
  const extra = measured.df > 0 ? Math.max(0, measured.v - floor) : 0;
  const variance = floor + extra;
  const dfEff = extra > 0 ? variance * variance / (extra * extra / measured.df) : Number.POSITIVE_INFINITY;
  const se = Math.sqrt(variance * (1 / n + 1 / m));
  const delta = my - mx;
  return { mx, my, se, dfEff, pValue: se > 0 ? tOrNormalTwoSided(delta / se, dfEff) : delta === 0 ? 1 : 0 };
}
function testRowOverRuns(row, r) {
  const n = r.baseSelf.length;
  const m = r.headSelf.length;
  const key = functionKey(row.frame);
  const x = r.baseSelf.map((run) => run.get(key) ?? 0);
  const y = r.headSelf.map((run) => run.get(key) ?? 0);
  const perFile = r.perFile?.(key);
  const floor = row.codeLoad ? codeLoadFloor(row, x, y, perFile) : void 0;
  const { mx, my, se, dfEff, pValue } = overRuns(x, y, r.nsPerSample, floor ?? perFile);
  const delta = my - mx;
  row.adjustedPct = mx > 0 ? delta / mx * 100 : my > 0 ? Infinity : 0;
  row.pValue = pValue;
  if (mx > 0) {
    const crit = dfEff > 1e3 ? normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2) : studentTQuantile(1 - INTERVAL_LEVEL, dfEff);
    row.interval = { method: "runs", level: INTERVAL_LEVEL, lowPct: (delta - crit * se) / mx * 100, highPct: (delta + crit * se) / mx * 100, pValue: row.pValue, units: n + m };
  }
  return true;
}
function codeLoadFloor(row, x, y, perFile) {
  const mean = (x.reduce((a, b) => a + b, 0) + y.reduce((a, b) => a + b, 0)) / (x.length + y.length);
  const prior = { v: mean * mean * (CODE_LOAD_PRIOR[row.codeLoad] / 2), df: Number.POSITIVE_INFINITY };
  const n = x.length + y.length - 2;
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  const runs = n > 0 ? (x.reduce((a, v) => a + (v - mx) ** 2, 0) + y.reduce((a, v) => a + (v - my) ** 2, 0)) / n : 0;
  const measured = Math.max(runs, perFile?.v ?? 0);
  row.judgedBy = prior.v >= measured ? "prior" : "runs";
  return perFile && perFile.v > prior.v ? perFile : prior;
}
function perFileVariance(baseRuns, headRuns, minUnits) {
  const n = baseRuns.length;
  const m = headRuns.length;
  const df = n + m - 2;
  if (df <= 0) return void 0;
  const base = baseRuns.map(selfByTestFile);
  const head = headRuns.map(selfByTestFile);
  const all = [...base, ...head];
  const units = [...all[0].keys()].filter((u) => all.every((r) => r.has(u)));
  if (units.length < minUnits) return void 0;
  return (key) => {
    let sum = 0;
    let sumSq = 0;
    for (const u of units) {
      const x = base.map((r) => r.get(u).get(key) ?? 0);
      const y = head.map((r) => r.get(u).get(key) ?? 0);
      const mx = x.reduce((a, b) => a + b, 0) / n;
      const my = y.reduce((a, b) => a + b, 0) / m;
      const v = (x.reduce((a, b) => a + (b - mx) ** 2, 0) + y.reduce((a, b) => a + (b - my) ** 2, 0)) / df;
      sum += v;
      sumSq += v * v / df;
    }
    return { v: sum, df: sumSq > 0 ? sum * sum / sumSq : Number.POSITIVE_INFINITY };
  };
}

// src/diff/test-diff.ts
var ms = (ns) => Math.round(ns / 1e4) / 100;
var threadOf = (labels) => `${labels.pid}-${labels.thread}`;
function sides(profile) {
  const out = /* @__PURE__ */ new Map();
  const walls = readTestWalls(profile);
  for (const [key, w] of walls) out.set(key, { file: w.file, name: w.name, self: /* @__PURE__ */ new Map(), totalNs: 0, ownNs: 0, samples: 0, wall: w });
  const vi = timeValueIndex(profile);
  for (const [key, entry] of samplesByTest(profile)) {
    const self = /* @__PURE__ */ new Map();
    let totalNs = 0;
    for (const [id, ns] of selfByFunction(profile, entry.samples)) {
      const f = profile.functions[id];
      if (!f) continue;
      const fk = `${f.name}\0${f.file}\0${f.line}`;
      const prev = self.get(fk);
      if (prev) prev.ns += ns;
      else self.set(fk, { name: f.name, file: f.file, line: f.line, ns });
      totalNs += ns;
    }
    const ci = countValueIndex(profile);
    const wall = walls.get(key);
    const own = new Set(wall?.threads ?? []);
    let samples = 0;
    let ownNs = 0;
    for (const sm of entry.samples) {
      if (profile.functions[sm.stack[0] ?? -1]?.name === IDLE_FRAME) continue;
      samples += ci >= 0 ? sm.values[ci] ?? 0 : 1;
      if (own.has(threadOf(sm.labels))) ownNs += sm.values[vi] ?? 0;
    }
    out.set(key, { file: entry.file, name: entry.name, self, totalNs, ownNs, samples, wall });
  }
  return out;
}
function clockCpuNs(side) {
  const cpuMs = side.wall?.cpuMs;
  if (cpuMs === null || cpuMs === void 0 || !side.wall?.threads?.length) return void 0;
  return cpuMs * 1e6 + Math.max(0, side.totalNs - side.ownNs);
}
function clockViews(bs, hs) {
  const out = {};
  const bc = clockCpuNs(bs);
  const hc = clockCpuNs(hs);
  if (bc !== void 0 && hc !== void 0) {
    out.cpuClock = { baseMs: ms(bc), headMs: ms(hc) };
    const off = (s) => Math.max(0, s.ownNs - (s.wall?.cpuMs ?? 0) * 1e6);
    out.offCpu = { baseMs: ms(off(bs)), headMs: ms(off(hs)) };
  }
  const bw = bs.wall?.wallMs;
  const hw = hs.wall?.wallMs;
  if (typeof bw === "number" && typeof hw === "number") out.wall = { baseMs: bw, headMs: hw };
  return out;
}
function functionChanges(base, head, limit, direction) {
  const keys = /* @__PURE__ */ new Set([...base.self.keys(), ...head.self.keys()]);
  const rows = [];
  for (const k of keys) {
    const b = base.self.get(k);
    const h = head.self.get(k);
    const f = h ?? b;
    const deltaNs = (h?.ns ?? 0) - (b?.ns ?? 0);
    rows.push({ name: f.name, file: f.file, line: f.line, baseMs: ms(b?.ns ?? 0), headMs: ms(h?.ns ?? 0), deltaMs: ms(deltaNs) });
  }
  return rows.sort((x, y) => direction * (y.deltaMs - x.deltaMs)).slice(0, limit);
}
function diffTests(base, head, options = {}) {
  const minMs = options.minDeltaMs ?? 0;
  const minPct = options.minDeltaPct ?? 0;
  const perTest = options.functionsPerTest ?? 5;
  const b = sides(base);
  const h = sides(head);
  const result = { slower: [], faster: [], unchanged: 0, added: [], removed: [] };
  for (const [key, hs] of h) {
    const bs = b.get(key);
    if (!bs) {
      result.added.push({ file: hs.file, name: hs.name, ms: ms(hs.totalNs), samples: hs.samples });
      continue;
    }
    const deltaNs = hs.totalNs - bs.totalNs;
    const deltaPct = bs.totalNs > 0 ? hs.totalNs / bs.totalNs - 1 : hs.totalNs > 0 ? Infinity : 0;
    const change = {
      file: hs.file,
      name: hs.name,
      baseMs: ms(bs.totalNs),
      headMs: ms(hs.totalNs),
      deltaMs: ms(deltaNs),
      deltaPct,
      baseSamples: bs.samples,
      headSamples: hs.samples,
      ...clockViews(bs, hs)
    };
    const big = Math.abs(deltaNs) / 1e6 >= minMs && Math.abs(deltaPct) >= minPct && deltaNs !== 0;
    if (!big) result.unchanged++;
    else if (deltaNs > 0) result.slower.push({ ...change, functions: functionChanges(bs, hs, perTest, 1) });
    else result.faster.push({ ...change, functions: functionChanges(bs, hs, perTest, -1) });
  }
  for (const [key, bs] of b) {
    if (!h.has(key)) result.removed.push({ file: bs.file, name: bs.name, ms: ms(bs.totalNs), samples: bs.samples });
  }
  result.slower.sort((x, y) => y.deltaMs - x.deltaMs);
  result.faster.sort((x, y) => x.deltaMs - y.deltaMs);
  result.added.sort((x, y) => y.ms - x.ms);
  result.removed.sort((x, y) => y.ms - x.ms);
  return result;
}

// src/diff/test-significance.ts
function perRunTestNs(runs) {
  return runs.map((sampled) => {
    const run = onCpuProfile(foldBlockedCallees(sampled));
    const vi = timeValueIndex(run);
    const out = /* @__PURE__ */ new Map();
    for (const [key, entry] of samplesByTest(run)) {
      let ns = 0;
      for (const s of entry.samples) if (run.functions[s.stack[0] ?? -1]?.name !== IDLE_FRAME) ns += s.values[vi] ?? 0;
      out.set(key, ns);
    }
    return out;
  });
}
function significantTestChanges(base, head, baseTotals, headTotals, t, runs) {
  const d = diffTests(base, head, { minDeltaMs: t.minMs, minDeltaPct: t.minPct / 100, functionsPerTest: 3 });
  const compared = d.slower.length + d.faster.length + d.unchanged;
  if (compared === 0 && d.added.length === 0 && d.removed.length === 0) return void 0;
  const baseRate = baseTotals.cpuNs > 0 ? baseTotals.samples / baseTotals.cpuNs : 0;
  const headRate = headTotals.cpuNs > 0 ? headTotals.samples / headTotals.cpuNs : 0;
  const candidates = [...d.slower, ...d.faster];
  const overTheRuns = runs && runs.base.length + runs.head.length >= 3 ? { base: perRunTestNs(runs.base), head: perRunTestNs(runs.head) } : void 0;
  const nsPerSample = baseRate > 0 ? 1 / baseRate : 0;
  const p = candidates.map((c) => {
    if (c.baseSamples + c.headSamples < t.minSamples || baseRate <= 0 || headRate <= 0) return 1;
    if (!overTheRuns) return poissonRatioTest(c.baseSamples, baseRate, c.headSamples, headRate);
    const key = testKey(c.file, c.name);
    return overRuns(
      overTheRuns.base.map((r) => r.get(key) ?? 0),
      overTheRuns.head.map((r) => r.get(key) ?? 0),
      nsPerSample
    ).pValue;
  });
  const q2 = benjaminiHochberg([...p, ...new Array(d.unchanged).fill(1)]);
  const significant = candidates.map((c, i) => ({ ...c, qValue: q2[i] })).filter((c) => c.qValue <= t.alpha);
  const kept = significant.filter((c) => onCpu(c, t));
  const slower = kept.filter((c) => c.deltaMs > 0);
  const faster = kept.filter((c) => c.deltaMs < 0);
  const offCpu = significant.length - kept.length;
  return { slower, faster, withinNoise: compared - kept.length, ...offCpu > 0 ? { offCpu } : {}, added: d.added, removed: d.removed };
}
function onCpu(c, t) {
  if (!c.cpuClock) return true;
  const delta = c.cpuClock.headMs - c.cpuClock.baseMs;
  const pct2 = c.cpuClock.baseMs > 0 ? delta / c.cpuClock.baseMs * 100 : Infinity;
  return Math.sign(delta) === Math.sign(c.deltaMs) && Math.abs(delta) >= t.minMs && Math.abs(pct2) >= t.minPct;
}

// src/diff/decision.ts
var CLOCKED_SHARE = 0.8;
var CLOCK_AGREES = 0.5;
function decide(base, head, diff, runs) {
  demoteByCpuClock(base, head, diff);
  Object.assign(diff, partitionRows(diff.functions));
  const tests = significantTestChanges(base, head, diff.base, diff.head, diff.thresholds, runs);
  const notes = [...suiteNotes(diff), ...testNotes(diff, tests)];
  return { ...tests ? { tests } : {}, decision: { verdict: diff.verdict, headline: headline(diff, tests, notes), notes } };
}
function sideByTest(profile, keys) {
  const vi = timeValueIndex(profile);
  const fnKeys = profile.functions.map(functionKey);
  const walls = readTestWalls(profile);
  const out = /* @__PURE__ */ new Map();
  for (const [key, entry] of samplesByTest(profile)) {
    const self = /* @__PURE__ */ new Map();
    let sampledNs = 0;
    for (const s of entry.samples) {
      const k = fnKeys[s.stack[0] ?? -1];
      sampledNs += s.values[vi] ?? 0;
      if (k !== void 0 && keys.has(k)) self.set(k, (self.get(k) ?? 0) + (s.values[vi] ?? 0));
    }
    const cpuMs = walls.get(key)?.cpuMs;
    out.set(key, { self, sampledNs, ...typeof cpuMs === "number" ? { cpuMs } : {} });
  }
  return out;
}
function demoteByCpuClock(base, head, diff) {
  const rows = [...diff.regressions, ...diff.improvements];
  if (rows.length === 0) return;
  const keys = new Set(rows.map((r) => r.key));
  const b = sideByTest(base, keys);
  const h = sideByTest(head, keys);
  for (const r of rows) {
    let clockedDeltaNs = 0;
    let clockDeltaNs = 0;
    for (const [test, hs] of h) {
      const bs = b.get(test);
      if (!bs || bs.cpuMs === void 0 || hs.cpuMs === void 0 || bs.sampledNs < POOL_BELOW_NS || hs.sampledNs < POOL_BELOW_NS) continue;
      const d = (hs.self.get(r.key) ?? 0) - (bs.self.get(r.key) ?? 0);
      if (Math.sign(d) !== Math.sign(r.selfDeltaNs)) continue;
      clockedDeltaNs += d;
      clockDeltaNs += (hs.cpuMs - bs.cpuMs) * 1e6;
    }
    const delta = r.selfDeltaNs;
    if (delta === 0 || clockedDeltaNs / delta < CLOCKED_SHARE) continue;
    if (clockDeltaNs / clockedDeltaNs < CLOCK_AGREES) {
      r.status = "noise";
      r.demotedBy = "cpu-clock";
    }
  }
}
var ms2 = (ns) => `${Math.round(ns / 1e6)} ms`;
var pct = (p) => Number.isFinite(p) ? `${p >= 0 ? "+" : "\u2212"}${Math.abs(p).toFixed(1)}%` : "new";
var q = (v) => v >= 1e-3 ? v.toFixed(3) : v.toExponential(1);
var plural = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
function suiteNotes(diff) {
  const notes = [];
  const demoted = diff.functions.filter((r) => r.demotedBy === "cpu-clock");
  if (demoted.length) {
    notes.push(`${demoted.map((r) => r.frame.name || "(anonymous)").join(", ")}: the sampled time changed but the CPU clocks of the tests it ran in did not; the thread was waiting (a blocking call inside it, or the machine's other work), so no CPU row.`);
  }
  if (diff.suite.significant && diff.verdict === "no-change" && !diff.noiseModel.runs) {
    notes.push(`The whole run's CPU moved (${pct(diff.suite.deltaPct)}) and no function stands out from the run's overall speed: a busier or different machine, or a change that touches everything; \`ciprof compare\` runs both on one machine to tell them apart.`);
  }
  const blocked = (diff.blocked ?? []).filter((r) => r.status === "regression" || r.status === "improvement");
  if (blocked.length) notes.push(`Blocked time changed beyond its measured noise: ${blocked.map((r) => `${r.frame.name} (${r.blocked}) ${ms2(r.selfDeltaNs)}`).join(", ")}; waiting, not CPU.`);
  const loading = (diff.codeLoad ?? []).filter((r) => r.status === "regression" || r.status === "improvement");
  if (loading.length) notes.push(`Code loading changed beyond its ${loading.some((r) => r.judgedBy === "prior") ? "class's usual swing" : "measured swing"}: ${loading.map((r) => `${r.frame.name || "(anonymous)"} (${r.codeLoad}) ${ms2(r.selfDeltaNs)}`).join(", ")}; compiling and loading modules for the tests, not the code under test.`);
  return notes;
}
function whyNotARow(row, diff) {
  if (!row) return "it ran only outside the compared tests";
  if (row.blocked) return `it is time blocked in a system call (${row.blocked}), not CPU`;
  if (row.codeLoad) return `it is code loading (${row.codeLoad}: compiling or loading modules for the tests), judged apart with its class's swing`;
  if (row.demotedBy === "cpu-clock") return "the CPU clocks of its tests did not move with it (waiting, not CPU)";
  if (row.demotedBy === "test-files") return "its change is not the same across test files (run-to-run noise)";
  if (row.status === "too-small") return `it has fewer than ${diff.thresholds.minSamples} samples`;
  if (row.status === "noise" && row.qValue <= diff.thresholds.alpha) return `its change (${ms2(row.selfDeltaNs)}, ${pct(row.adjustedPct)} against the run's speed) is below the minimums (${diff.thresholds.minMs} ms and ${diff.thresholds.minPct}%)`;
  if (isPseudo(row.frame)) return "it is not a function of the code (the runtime's own work)";
  return `over the whole suite its change (${ms2(row.selfDeltaNs)}) is within ${diff.noiseModel.runs ? "the run-to-run noise the runs measured" : "noise"} (q = ${q(row.qValue)})`;
}
function testNotes(diff, tests) {
  if (!tests) return [];
  const reported = new Set([...diff.regressions, ...diff.improvements].map((r) => r.key));
  const byKey = new Map(diff.functions.map((r) => [r.key, r]));
  const notes = [];
  const explain = (t, dir) => {
    const top = t.functions[0];
    if (!top || (dir === "slower" ? top.deltaMs <= 0 : top.deltaMs >= 0)) return;
    const key = functionKey({ name: top.name, file: top.file, line: top.line });
    if (reported.has(key)) return;
    notes.push(`Test "${t.name}" is ${dir} (${t.deltaMs > 0 ? "+" : "\u2212"}${Math.abs(t.deltaMs).toFixed(1)} ms), mostly in ${top.name || "(anonymous)"} (${top.deltaMs > 0 ? "+" : "\u2212"}${Math.abs(top.deltaMs).toFixed(1)} ms), which is no function row: ${whyNotARow(byKey.get(key), diff)}.`);
  };
  for (const t of tests.slower) explain(t, "slower");
  for (const t of tests.faster) explain(t, "faster");
  return notes;
}
function headline(diff, tests, notes) {
  const noise = `${plural(diff.withinNoise, "function")} within noise`;
  const extra = [];
  if (tests?.slower.length) extra.push(`${plural(tests.slower.length, "test")} slower`);
  if (tests?.faster.length) extra.push(`${plural(tests.faster.length, "test")} faster`);
  if (notes.length) extra.push(`${plural(notes.length, "note")} below`);
  const tail = extra.length ? `; ${extra.join(", ")}` : "";
  if (diff.verdict === "regression") return `slower: ${plural(diff.regressions.length, "function")} regressed${diff.improvements.length ? `, ${diff.improvements.length} improved` : ""} (${noise})${tail}`;
  if (diff.verdict === "improvement") return `faster: ${plural(diff.improvements.length, "function")} improved (${noise})${tail}`;
  return `no significant change in CPU time (${noise})${tail}`;
}

// src/pipeline/baseline.ts
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";

// src/baseline/history.ts
var LocalGitHistory = class {
  constructor(cwd) {
    this.cwd = cwd;
  }
  cwd;
  resolve(refOrCommit) {
    return git(this.cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${refOrCommit}^{commit}`]);
  }
  mergeBase(a, b) {
    return git(this.cwd, ["merge-base", "--end-of-options", a, b]);
  }
  firstParentChain(commit, limit) {
    const out = git(this.cwd, ["rev-list", "--first-parent", `--max-count=${limit}`, "--end-of-options", commit]);
    return out ? out.split("\n").filter(Boolean) : [];
  }
};

// src/pipeline/baseline.ts
var MAX_BASE_RUNS = 5;
var HISTORY_RUNS = 6;
var HISTORY_WALK = 20;
var isFile = (p) => {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
};
async function findBaseline(s, headCommit, store, history = new LocalGitHistory(s.cwd)) {
  const base = s.base;
  if (isFile(path.resolve(s.cwd, base))) {
    const profile = readProfileFile(path.resolve(s.cwd, base));
    return { runs: [profile], provenance: { source: "file", found: true, file: base, commit: profile.meta.commit, reason: `profile file ${base} given as the base` } };
  }
  const found = await resolveBaseline({ store, history, jobKey: s.ci.jobKey, base, head: headCommit ?? "HEAD", fallbackCommit: s.ci.baseCommit, maxWalk: s.maxWalk });
  if (!found.found) return { runs: [], provenance: { source: "store", found: false, wanted: found.wanted, reason: found.reason, store: store.name } };
  const runs = await loadBaseRuns(store, found.stored, s.ci.jobKey, found.commit);
  const provenance = { source: "store", found: true, commit: found.commit, wanted: found.wanted, distance: found.distance, reason: found.reason, store: store.name };
  if (found.stored.runId !== void 0) provenance.runId = found.stored.runId;
  if (runs.length > 1) return { runs, provenance };
  return { runs, provenance, history: noiseFromHistory(await loadHistory(store, history, s.ci.jobKey, found.commit)) };
}
async function decode(store, entry) {
  const parsed = parseProfileBytes(`${store.name}:${entry.id}`, await store.get(entry));
  if (parsed.kind !== "pprof") throw new Error(`${store.name} store returned a non-pprof profile for ${entry.commit}`);
  return parsed.profile;
}
async function loadBaseRuns(store, newest, jobKey, commit) {
  const runs = [await decode(store, newest)];
  if (!store.capabilities.separateRuns) return runs;
  for (const entry of (await store.find(jobKey, commit)).filter((e) => e.id !== newest.id).slice(0, MAX_BASE_RUNS - 1)) {
    try {
      runs.push(await decode(store, entry));
    } catch {
    }
  }
  return runs;
}
async function loadHistory(store, history, jobKey, baseCommit) {
  if (!store.capabilities.runsByCommit) return [];
  const runs = [];
  for (const commit of history.firstParentChain(baseCommit, HISTORY_WALK)) {
    if (runs.length >= HISTORY_RUNS) break;
    try {
      const newest = (await store.find(jobKey, commit))[0];
      if (newest) runs.push(await decode(store, newest));
    } catch {
    }
  }
  return runs;
}

// src/pipeline/diff.ts
function buildDiffReport(input) {
  const compared = (runs) => input.includeLaunchers ? runs : runs.map(withoutLaunchers);
  const headRuns = compared(input.headRuns);
  const baseRuns = alignMovedFunctions(compared(input.baseRuns), headRuns);
  const several = input.repeated || baseRuns.length > 1 || headRuns.length > 1;
  const side = (runs) => runs.length > 1 || input.repeated ? meanProfile(runs) : runs[0];
  const head = side(headRuns);
  const base = baseRuns.length ? side(baseRuns) : void 0;
  let diff;
  if (base) diff = several ? diffRuns(baseRuns, headRuns, input.thresholds) : diffProfiles(base, head, input.thresholds, { history: input.history });
  const decided = base && diff ? decide(base, head, diff, several ? { base: baseRuns, head: headRuns } : void 0) : void 0;
  const ci = input.ci;
  const report = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: VERSION,
    jobKey: ci.jobKey,
    provider: ci.provider,
    repository: ci.repository,
    serverUrl: ci.serverUrl ?? (ci.provider === "github" ? "https://github.com" : void 0),
    pr: ci.pr,
    head: input.head,
    base: input.provenance,
    diff,
    changedPaths: base && diff ? changedPaths(base, head, diff, { minDeltaNs: diff.thresholds.minMs * 1e6 }) : [],
    links: { run: ci.runUrl, summary: ci.provider === "github" ? ci.runUrl : void 0 }
  };
  if (decided?.tests) report.tests = decided.tests;
  if (decided) report.decision = decided.decision;
  const alloc = base && diffAllocations(base, head);
  if (alloc) report.alloc = alloc;
  return { report, base, head };
}
async function diffWithBaseline(s, head, store) {
  const commit = head.profile.meta.commit ?? s.ci.commit;
  const baseline = await findBaseline(s, commit, store);
  return buildDiffReport({ ci: s.ci, baseRuns: baseline.runs, headRuns: [head.profile], provenance: baseline.provenance, head: { commit, profile: head.file }, thresholds: s.thresholds, history: baseline.history, includeLaunchers: s.includeLaunchers });
}
function diffForReport(base, head, thresholds) {
  const comparedHead = withoutLaunchers(head);
  return diffProfiles(alignMovedFunctions([withoutLaunchers(base)], [comparedHead])[0], comparedHead, thresholds);
}

export {
  diffAllocations,
  alignMovedFunctions,
  RUNS_DIFF_METHOD,
  LocalGitHistory,
  buildDiffReport,
  diffWithBaseline,
  diffForReport
};
