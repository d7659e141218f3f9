import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  ENV_KEYS,
  environmentWarnings
} from "./chunk-QM5PWYSE.js";
import {
  functionTable
} from "./chunk-H5YMVFQK.js";
import {
  seededRandom
} from "./chunk-LF4N5MIR.js";
import {
  codeLoadClassOf,
  codeLoadSelf
} from "./chunk-3VZZQNBZ.js";
import {
  blockedClass,
  foldBlockedCallees
} from "./chunk-TOQZ6A4H.js";
import {
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  readTestWalls,
  testKey
} from "./chunk-ZT4APMRY.js";
import {
  CIPROF_FRAME,
  GC_FRAME,
  IDLE_FRAME,
  PROGRAM_FRAME,
  countValueIndex,
  functionKey,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";

// src/ci/git.ts
import { execFile, execFileSync } from "node:child_process";
var GIT_OPTIONS = { encoding: "utf8", timeout: 1e4 };
function git(cwd, args) {
  try {
    const out = execFileSync("git", args, { ...GIT_OPTIONS, cwd, stdio: ["ignore", "pipe", "ignore"] }).trim();
    return out || void 0;
  } catch {
    return void 0;
  }
}
function gitAsync(cwd, args) {
  return new Promise((resolve) => {
    const child = execFile("git", args, { ...GIT_OPTIONS, cwd }, (err, stdout) => resolve(err ? void 0 : stdout.trim() || void 0));
    child.stdin?.end();
  });
}
var COMMIT = ["rev-parse", "HEAD"];
var BRANCH = ["symbolic-ref", "--short", "-q", "HEAD"];
var UPSTREAM = ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"];
var MERGE_BASE = ["merge-base", "HEAD", "@{upstream}"];
var ROOT = ["rev-parse", "--show-toplevel"];
function localGitFacts(cwd) {
  const root = git(cwd, ROOT);
  if (!root) return {};
  const commit = git(cwd, COMMIT);
  const branch = git(cwd, BRANCH);
  const upstream = git(cwd, UPSTREAM);
  const mergeBase = upstream ? git(cwd, MERGE_BASE) : void 0;
  return { root, commit, branch, upstream, mergeBase };
}
var HEAD_FACTS = ["rev-parse", "--show-toplevel", "HEAD", "--abbrev-ref", "HEAD"];
async function localGitFactsAsync(cwd) {
  const [head, upstream] = await Promise.all([gitAsync(cwd, HEAD_FACTS), gitAsync(cwd, UPSTREAM)]);
  const lines = head?.split("\n");
  let facts;
  if (lines?.length === 3) {
    facts = { root: lines[0], commit: lines[1], branch: lines[2] === "HEAD" ? void 0 : lines[2] };
  } else {
    const root = await gitAsync(cwd, ROOT);
    if (!root) return {};
    const [commit, branch] = await Promise.all([gitAsync(cwd, COMMIT), gitAsync(cwd, BRANCH)]);
    facts = { root, commit, branch };
  }
  const mergeBase = upstream ? await gitAsync(cwd, MERGE_BASE) : void 0;
  return { ...facts, upstream, mergeBase };
}

// src/baseline/resolve.ts
var DEFAULT_MAX_WALK = 50;
var FULL_COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
var short = (c) => c.slice(0, 12);
function wantedCommit(req) {
  const head = req.head ?? "HEAD";
  const resolved = req.history.resolve(req.base);
  const looksLikeCommit = /^[0-9a-f]{7,64}$/i.test(req.base);
  if (resolved && looksLikeCommit && resolved.toLowerCase().startsWith(req.base.toLowerCase())) {
    return { commit: resolved, how: `commit ${short(resolved)} given as the base` };
  }
  if (resolved) {
    const mb = req.history.mergeBase(resolved, head);
    if (mb) return { commit: mb, how: `merge-base of ${req.base} and ${head === "HEAD" ? "HEAD" : short(head)} is ${short(mb)}` };
  }
  if (FULL_COMMIT.test(req.base)) {
    return { commit: req.base.toLowerCase(), how: `commit ${short(req.base)} given as the base (not in local git history)` };
  }
  if (req.fallbackCommit) {
    return {
      commit: req.fallbackCommit,
      how: `${req.base} could not be resolved in local git history (shallow checkout? use fetch-depth: 0); using the PR's base commit ${short(req.fallbackCommit)}`
    };
  }
  return { how: `${req.base} is neither a known commit nor a ref in this checkout` };
}
async function resolveBaseline(req) {
  const maxWalk = req.maxWalk ?? DEFAULT_MAX_WALK;
  const wanted = wantedCommit(req);
  if (!wanted.commit) return { found: false, searched: 0, reason: wanted.how };
  const chain = req.history.firstParentChain(wanted.commit, maxWalk);
  if (chain.length === 0) chain.push(wanted.commit);
  for (let distance = 0; distance < chain.length; distance++) {
    const commit = chain[distance];
    const stored = await req.store.find(req.jobKey, commit);
    if (stored.length === 0) continue;
    const why = distance === 0 ? `${wanted.how}; it has a stored profile for job ${req.jobKey}` : `${wanted.how}, which has no stored profile for job ${req.jobKey}; the nearest first-parent ancestor with one is ${short(commit)}, ${distance} commit${distance === 1 ? "" : "s"} back`;
    return { found: true, commit, wanted: wanted.commit, distance, reason: why, stored: stored[0], candidates: stored.length };
  }
  return {
    found: false,
    wanted: wanted.commit,
    searched: chain.length,
    reason: `${wanted.how}; none of it and its ${chain.length - 1} nearest first-parent ancestors has a stored profile for job ${req.jobKey} in the ${req.store.name} store`
  };
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

// src/diff/self-time.ts
var isPseudo = (f) => f.file === "" && (f.name === IDLE_FRAME || f.name === PROGRAM_FRAME || f.name === GC_FRAME || f.name === CIPROF_FRAME || f.name === "(root)");
var NO_FILE = "\0(outside tests)";
function selfByUnit(profile, unitOf) {
  const vi = timeValueIndex(profile);
  const keys = profile.functions.map(functionKey);
  const pseudo = profile.functions.map(isPseudo);
  const out = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const leaf = s.stack[0];
    if (leaf === void 0 || pseudo[leaf]) continue;
    const unit = unitOf(s.labels);
    let m = out.get(unit);
    if (!m) out.set(unit, m = /* @__PURE__ */ new Map());
    const k = keys[leaf];
    m.set(k, (m.get(k) ?? 0) + (s.values[vi] ?? 0));
  }
  return out;
}
function selfByFunctionKey(profile) {
  return selfByUnit(profile, () => "").get("") ?? /* @__PURE__ */ new Map();
}
function selfByTestFile(profile) {
  return selfByUnit(profile, (labels) => {
    const file = labels[TEST_FILE_LABEL];
    return file === void 0 || file === "(setup)" ? NO_FILE : String(file);
  });
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

// src/diff/cpu-clock.ts
var POOL_BELOW_NS = 5e7;
function clockWeights(t) {
  const off = t.sampledNs - t.clockNs;
  if (off <= 0 || t.sampledNs <= 0) return { blocked: 1, other: 1 };
  if (off <= t.blockedNs) return { blocked: (t.blockedNs - off) / t.blockedNs, other: 1 };
  const rest = t.sampledNs - t.blockedNs;
  return { blocked: 0, other: rest > 0 ? Math.max(0, t.clockNs / rest) : 1 };
}
function onCpuProfile(profile) {
  const walls = readTestWalls(profile);
  const clocked = /* @__PURE__ */ new Map();
  for (const [key, w] of walls) if (typeof w.cpuMs === "number" && w.threads?.length) clocked.set(key, { clockNs: w.cpuMs * 1e6, threads: new Set(w.threads) });
  if (clocked.size === 0) return profile;
  const vi = timeValueIndex(profile);
  const ci = countValueIndex(profile);
  const blocked = profile.functions.map((f) => blockedClass(f) !== void 0);
  const idle = profile.functions.map((f) => f.name === IDLE_FRAME && f.file === "");
  const ownKey = (s) => {
    const name = s.labels[TEST_NAME_LABEL];
    if (name === void 0) return void 0;
    const key = testKey(String(s.labels[TEST_FILE_LABEL] ?? ""), String(name));
    const c = clocked.get(key);
    return c && c.threads.has(`${s.labels.pid}-${s.labels.thread}`) && !idle[s.stack[0] ?? -1] ? key : void 0;
  };
  const own = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const key = ownKey(s);
    if (key === void 0) continue;
    const t = own.get(key) ?? { clockNs: clocked.get(key).clockNs, sampledNs: 0, blockedNs: 0 };
    const ns = s.values[vi] ?? 0;
    t.sampledNs += ns;
    if (blocked[s.stack[0] ?? -1]) t.blockedNs += ns;
    own.set(key, t);
  }
  const groupOf = /* @__PURE__ */ new Map();
  const groups = /* @__PURE__ */ new Map();
  for (const [key, t] of own) {
    const group = t.sampledNs >= POOL_BELOW_NS ? key : `${walls.get(key).file}`;
    groupOf.set(key, group);
    const g = groups.get(group) ?? { clockNs: 0, sampledNs: 0, blockedNs: 0 };
    g.clockNs += t.clockNs;
    g.sampledNs += t.sampledNs;
    g.blockedNs += t.blockedNs;
    groups.set(group, g);
  }
  const weights = new Map([...groups].map(([k, t]) => [k, clockWeights(t)]));
  const samples = profile.samples.map((s) => {
    const key = ownKey(s);
    const w = key === void 0 ? void 0 : weights.get(groupOf.get(key));
    const f = w ? blocked[s.stack[0] ?? -1] ? w.blocked : w.other : 1;
    if (f === 1) return s;
    return { ...s, values: s.values.map((v, i) => i === vi || i === ci ? v * f : v) };
  });
  return { ...profile, samples };
}

// src/diff/noise-history.ts
var MIN_HISTORY_PAIRS = 3;
var MIN_SPEED_SD = 0.01;
var MIN_SWING_SAMPLES = 10;
function selfSamplesByKey(profile) {
  const samples = /* @__PURE__ */ new Map();
  const blocked = /* @__PURE__ */ new Map();
  const codeLoad = /* @__PURE__ */ new Map();
  const loading = codeLoadSelf(profile);
  for (const s of functionTable(profile).stats) {
    if (isPseudo(s.frame)) continue;
    const key = functionKey(s.frame);
    samples.set(key, s.selfSamples);
    const cls = blockedClass(s.frame);
    const load = cls ? void 0 : codeLoadClassOf(loading.get(key));
    if (cls) blocked.set(key, cls);
    else if (load) codeLoad.set(key, load);
  }
  return { samples, blocked, codeLoad };
}
function addSwing(into, key, excess) {
  const sum = into.get(key) ?? { excess: 0, n: 0 };
  sum.excess += excess;
  sum.n++;
  into.set(key, sum);
}
function swingOf(sums) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, s] of sums) if (s.n >= MIN_HISTORY_PAIRS) out.set(k, Math.max(0, s.excess / s.n));
  return out;
}
var CODE_LOAD_PRIOR = { transform: 0.6, "module-load": 0.6 };
function historyExtraLogVariance(history, key, blocked, codeLoad) {
  const own = history?.functionSwing?.get(key);
  if (codeLoad) return codeLoadVariance(codeLoad, Math.max(own ?? 0, history?.codeLoadSwing?.get(codeLoad) ?? 0));
  if (own !== void 0) return { variance: own, source: "history" };
  const cls = blocked ? history?.blockedSwing?.get(blocked) : void 0;
  return cls === void 0 ? void 0 : { variance: cls, source: "history" };
}
function codeLoadVariance(cls, measured) {
  const prior = CODE_LOAD_PRIOR[cls];
  return measured > prior ? { variance: measured, source: "history" } : { variance: prior, source: "prior" };
}
function noiseFromHistory(runs) {
  const estimates = [];
  const functionSums = /* @__PURE__ */ new Map();
  const classSums = /* @__PURE__ */ new Map();
  const loadSums = /* @__PURE__ */ new Map();
  for (let i = 0; i + 1 < runs.length; i++) {
    const newer = runs[i];
    const older = runs[i + 1];
    if (environmentWarnings(older.meta, newer.meta).length > 0) continue;
    const common = restrictToCommonTests(older, newer);
    const base = onCpuProfile(foldBlockedCallees(common.base));
    const head = onCpuProfile(foldBlockedCallees(common.head));
    const b = selfSamplesByKey(base);
    const h = selfSamplesByKey(head);
    const points = [...b.samples].filter(([k]) => !b.blocked.has(k)).map(([k, n]) => ({ base: n, head: h.samples.get(k) ?? 0 }));
    const e = speedFactor(points, 1);
    if (e.voters < 3) continue;
    estimates.push({ logFactor: Math.log(e.factor), logVariance: e.logVariance, dispersion: e.dispersion });
    for (const key of /* @__PURE__ */ new Set([...b.samples.keys(), ...h.samples.keys()])) {
      const x = b.samples.get(key) ?? 0;
      const y = h.samples.get(key) ?? 0;
      if (x + y < MIN_SWING_SAMPLES) continue;
      const r = Math.log((y + 0.5) / (x + 0.5)) - Math.log(e.factor);
      const excess = r * r - (1 / (x + 0.5) + 1 / (y + 0.5));
      addSwing(functionSums, key, excess);
      const cls = b.blocked.get(key) ?? h.blocked.get(key);
      if (cls) addSwing(classSums, cls, excess);
      const load = cls ? void 0 : b.codeLoad.get(key) ?? h.codeLoad.get(key);
      if (load) addSwing(loadSums, load, excess);
    }
  }
  if (estimates.length < MIN_HISTORY_PAIRS) return void 0;
  const meanSquare = estimates.reduce((a, e) => a + e.logFactor * e.logFactor, 0) / estimates.length;
  const meanEstimateVariance = estimates.reduce((a, e) => a + e.logVariance, 0) / estimates.length;
  const logSd = Math.max(MIN_SPEED_SD, Math.sqrt(Math.max(0, meanSquare - meanEstimateVariance)));
  const dispersions = estimates.map((e) => e.dispersion).sort((a, b) => a - b);
  const mid = dispersions.length >> 1;
  const dispersion = dispersions.length % 2 ? dispersions[mid] : (dispersions[mid - 1] + dispersions[mid]) / 2;
  return {
    prior: { logSd, source: "history", pairs: estimates.length },
    dispersion,
    pairs: estimates.length,
    speedRatios: estimates.map((e) => Math.exp(e.logFactor)),
    functionSwing: swingOf(functionSums),
    blockedSwing: swingOf(classSums),
    codeLoadSwing: swingOf(loadSums)
  };
}

// src/diff/function-diff.ts
var DEFAULT_THRESHOLDS = { minSamples: 20, minMs: 20, minPct: 10, alpha: 0.01, minUnits: 5 };
var COMPARE_THRESHOLDS = { ...DEFAULT_THRESHOLDS, minMs: 5, minPct: 3, alpha: 0.05 };
var INTERVAL_LEVEL = 0.95;
var isIdle = (f) => f.name === IDLE_FRAME && f.file === "";
var num = (meta, k) => {
  const v = Number(meta[k]);
  return meta[k] !== void 0 && Number.isFinite(v) ? v : void 0;
};
function suiteTotals(profile, table = functionTable(profile)) {
  const idle = table.stats.filter((s) => isIdle(s.frame)).reduce((a, s) => a + s.self, 0);
  const idleSamples = table.stats.filter((s) => isIdle(s.frame)).reduce((a, s) => a + s.selfSamples, 0);
  const blocked = table.stats.filter((s) => blockedClass(s.frame) !== void 0);
  return {
    cpuNs: table.total - idle,
    idleNs: idle,
    samples: table.totalSamples - idleSamples,
    blockedNs: blocked.reduce((a, s) => a + s.self, 0),
    blockedSamples: blocked.reduce((a, s) => a + s.selfSamples, 0),
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
  const common = restrictToCommonTests(fullBase, fullHead);
  const { baseOnlyTests, headOnlyTests } = common;
  const folded = context.onCpu === false ? common : { base: foldBlockedCallees(common.base), head: foldBlockedCallees(common.head) };
  const base = context.onCpu === false ? folded.base : onCpuProfile(folded.base);
  const head = context.onCpu === false ? folded.head : onCpuProfile(folded.head);
  const clocked = base !== folded.base && head !== folded.head;
  const bt = functionTable(base);
  const ht = functionTable(head);
  const baseTotals = suiteTotals(base, bt);
  const headTotals = suiteTotals(head, ht);
  const rows = joinRows(bt, ht);
  classifyCodeLoad(rows, base, head);
  addCodeLoadTotals(rows, baseTotals, headTotals);
  const m = speedModel(rows, base, head, context.history);
  const tested = [...rows.values()].filter((row) => testRow(row, baseTotals, headTotals, m, thresholds));
  const fileUnits = judgeRows(tested, base, head, m.speed, thresholds, true);
  const functions = [...rows.values()].sort((a, b) => Math.abs(b.selfDeltaNs) - Math.abs(a.selfDeltaNs));
  addSamplingIntervals(functions.slice(0, 50), m);
  const { regressions, improvements, blocked, codeLoad, withinNoise, verdict } = partitionRows(functions);
  return {
    base: baseTotals,
    head: headTotals,
    suite: suiteChange(baseTotals, headTotals, thresholds),
    thresholds,
    functions,
    regressions,
    improvements,
    ...blocked.length ? { blocked } : {},
    ...codeLoad.length ? { codeLoad } : {},
    withinNoise,
    verdict,
    noiseModel: {
      sampling: true,
      ...fileUnits > 0 ? { testFiles: fileUnits } : {},
      ...clocked ? { cpuClock: true } : {},
      dispersion: m.dispersion,
      speed: {
        estimated: m.estimate.factor,
        applied: m.speed,
        weight: m.applied.weight,
        prior: m.prior.source,
        priorSdPct: m.prior.logSd * 100,
        ...m.prior.pairs !== void 0 ? { historyPairs: m.prior.pairs } : {}
      }
    },
    environmentWarnings: environmentWarnings(base.meta, head.meta),
    excludedTests: { baseOnly: baseOnlyTests, headOnly: headOnlyTests },
    speedFactor: m.speed
  };
}
var APART_ROWS = 20;
function partitionRows(functions) {
  const cpu = functions.filter((r) => !r.blocked && !r.codeLoad);
  const regressions = cpu.filter((r) => r.status === "regression");
  const improvements = cpu.filter((r) => r.status === "improvement");
  const blocked = functions.filter((r) => r.blocked && r.status !== "too-small").slice(0, APART_ROWS);
  const codeLoad = functions.filter((r) => r.codeLoad && r.status !== "too-small").slice(0, APART_ROWS);
  return {
    regressions,
    improvements,
    blocked,
    codeLoad,
    withinNoise: cpu.filter((r) => !isPseudo(r.frame) && r.status !== "regression" && r.status !== "improvement").length,
    verdict: regressions.length > 0 ? "regression" : improvements.length > 0 ? "improvement" : "no-change"
  };
}
function joinRows(bt, ht) {
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
  return rows;
}
function classifyCodeLoad(rows, base, head) {
  const b = codeLoadSelf(base);
  const h = codeLoadSelf(head);
  for (const row of rows.values()) {
    if (row.blocked || isPseudo(row.frame)) continue;
    const cls = codeLoadClassOf(b.get(row.key), h.get(row.key));
    if (cls) row.codeLoad = cls;
  }
}
function addCodeLoadTotals(rows, base, head) {
  let bNs = 0, bN = 0, hNs = 0, hN = 0;
  for (const r of rows.values()) {
    if (!r.codeLoad) continue;
    bNs += r.base.selfNs;
    bN += r.base.selfSamples;
    hNs += r.head.selfNs;
    hN += r.head.selfSamples;
  }
  Object.assign(base, { codeLoadNs: bNs, codeLoadSamples: bN });
  Object.assign(head, { codeLoadNs: hNs, codeLoadSamples: hN });
}
function speedModel(rows, base, head, history) {
  const estimate = speedFactor(
    [...rows.values()].filter((r) => !isPseudo(r.frame) && !r.blocked).map((r) => ({ base: r.base.selfSamples, head: r.head.selfSamples })),
    // Too few functions to tell machine speed from code: assume the same speed.
    1
  );
  const prior = speedPriorFor(base.meta, head.meta, history);
  const applied = applySpeedPrior(estimate, prior);
  const dispersion = Math.max(estimate.dispersion, history?.dispersion ?? 1);
  return { estimate, prior, applied, speed: applied.factor, speedLogVar: applied.logVariance, dispersion, history };
}
function testRow(row, baseTotals, headTotals, m, thresholds) {
  const { speed } = m;
  row.selfDeltaNs = row.head.selfNs - row.base.selfNs;
  row.totalDeltaNs = row.head.totalNs - row.base.totalNs;
  row.selfDeltaPct = row.base.selfNs > 0 ? row.selfDeltaNs / row.base.selfNs * 100 : row.head.selfNs > 0 ? Infinity : 0;
  row.baseSelfSharePct = baseTotals.cpuNs > 0 ? row.base.selfNs / baseTotals.cpuNs * 100 : 0;
  row.headSelfSharePct = headTotals.cpuNs > 0 ? row.head.selfNs / headTotals.cpuNs * 100 : 0;
  if (row.base.totalSamples === 0) row.onlyIn = "head";
  else if (row.head.totalSamples === 0) row.onlyIn = "base";
  row.adjustedPct = row.base.selfSamples > 0 ? (row.head.selfSamples / row.base.selfSamples / speed - 1) * 100 : row.head.selfSamples > 0 ? Infinity : 0;
  if (isPseudo(row.frame) || row.base.selfSamples + row.head.selfSamples < thresholds.minSamples || speed <= 0) return false;
  const extra = historyExtraLogVariance(m.history, row.key, row.blocked, row.codeLoad);
  if (row.blocked && extra === void 0) {
    row.status = "noise";
    return false;
  }
  if ((row.blocked || row.codeLoad) && extra) row.judgedBy = extra.source;
  const exact = poissonRatioTest(row.base.selfSamples, 1, row.head.selfSamples, speed);
  const b = row.base.selfSamples;
  const h = row.head.selfSamples;
  const half = (b === 0 || h === 0) && extra ? 0.5 : 0;
  const withSpeed = b + half > 0 && h + half > 0 ? normalTwoSided(Math.log((h + half) / (b + half) / speed) / Math.sqrt(m.dispersion * (1 / (b + half) + 1 / (h + half)) + m.speedLogVar + (extra?.variance ?? 0))) : exact;
  row.pValue = Math.max(exact, withSpeed);
  return true;
}
function addSamplingIntervals(rows, m) {
  const z = normalQuantile(1 - (1 - INTERVAL_LEVEL) / 2);
  for (const r of rows) {
    if (!r.interval && !isPseudo(r.frame)) {
      const iv = samplingInterval(r.base.selfSamples, r.head.selfSamples, m.speed, m.speedLogVar, m.dispersion, z, INTERVAL_LEVEL);
      if (iv) r.interval = { ...iv, pValue: r.pValue };
    }
  }
}
function suiteChange(baseTotals, headTotals, thresholds) {
  const onCpu = (t) => ({ ns: t.cpuNs - (t.blockedNs ?? 0), samples: t.samples - (t.blockedSamples ?? 0) });
  const b = onCpu(baseTotals);
  const h = onCpu(headTotals);
  const baseRate = b.ns > 0 ? b.samples / b.ns : 0;
  const headRate = h.ns > 0 ? h.samples / h.ns : 0;
  const onCpuDeltaNs = h.ns - b.ns;
  const onCpuDeltaPct = b.ns > 0 ? onCpuDeltaNs / b.ns * 100 : 0;
  const pValue = baseRate > 0 && headRate > 0 ? poissonRatioTest(b.samples, baseRate, h.samples, headRate) : 1;
  const deltaNs = headTotals.cpuNs - baseTotals.cpuNs;
  const deltaPct = baseTotals.cpuNs > 0 ? deltaNs / baseTotals.cpuNs * 100 : 0;
  const significant = pValue <= thresholds.alpha && Math.abs(onCpuDeltaNs) >= thresholds.minMs * 1e6 && Math.abs(onCpuDeltaPct) >= thresholds.minPct;
  return { deltaNs, deltaPct, pValue, significant };
}
function bigEnough(r, t) {
  const adjustedNs = Number.isFinite(r.adjustedPct) ? r.base.selfNs * r.adjustedPct / 100 : r.head.selfNs;
  return Math.abs(adjustedNs) >= t.minMs * 1e6 && Math.abs(r.adjustedPct) >= t.minPct;
}
function judgeRows(tested, base, head, speed, thresholds, setInterval) {
  const q = qValues(tested, (r) => r, (r) => r.pValue);
  tested.forEach((r, i) => {
    r.qValue = q[i];
    r.status = r.qValue <= thresholds.alpha && bigEnough(r, thresholds) ? r.adjustedPct > 0 ? "regression" : "improvement" : "noise";
  });
  return gateByTestFiles(
    tested.filter((r) => r.status === "regression" || r.status === "improvement"),
    base,
    head,
    speed,
    thresholds,
    setInterval
  );
}
function qValues(items, rowOf, pOf) {
  const all = benjaminiHochberg(items.map(pOf));
  const cpu = items.map((x, i) => ({ x, i })).filter(({ x }) => !rowOf(x).blocked && !rowOf(x).codeLoad);
  benjaminiHochberg(cpu.map(({ x }) => pOf(x))).forEach((q, k) => {
    all[cpu[k].i] = q;
  });
  return all;
}
function gateByTestFiles(candidates, base, head, speed, thresholds, setInterval) {
  const baseFiles = selfByTestFile(base);
  const headFiles = selfByTestFile(head);
  const units = commonUnits(baseFiles, headFiles);
  if (units.length < thresholds.minUnits) return 0;
  const gated = candidates.map((r) => ({ r, iv: spreadOverUnits(r.key, units, baseFiles, headFiles) >= thresholds.minUnits ? bootstrapOverFiles(r.key, units, baseFiles, headFiles, speed, INTERVAL_LEVEL) : void 0 })).filter((x) => x.iv !== void 0);
  const q = qValues(gated, (g) => g.r, (g) => g.iv.pValue);
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
  const blocked = blockedClass(frame);
  return {
    ...blocked ? { blocked } : {},
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

export {
  git,
  localGitFacts,
  localGitFactsAsync,
  DEFAULT_MAX_WALK,
  wantedCommit,
  resolveBaseline,
  poissonRatioTest,
  benjaminiHochberg,
  studentTTwoSided,
  studentTQuantile,
  normalQuantile,
  tOrNormalTwoSided,
  commonUnits,
  isPseudo,
  selfByFunctionKey,
  selfByTestFile,
  restrictToCommonTests,
  POOL_BELOW_NS,
  onCpuProfile,
  CODE_LOAD_PRIOR,
  noiseFromHistory,
  DEFAULT_THRESHOLDS,
  COMPARE_THRESHOLDS,
  INTERVAL_LEVEL,
  diffProfiles,
  partitionRows,
  judgeRows
};
