import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  sanitizeJobKey
} from "./chunk-UO43WOGP.js";
import {
  redact
} from "./chunk-6MZMPYYD.js";

// src/diff/diff-report.ts
import { readFileSync, statSync } from "node:fs";

// src/diff/report-types.ts
var DIFF_REPORT_SCHEMA = "ciprof.diff/1";

// src/diff/report-schema.ts
var DIFF_REPORT_LIMITS = {
  /** The whole file. A real report with every function row is a few MB. */
  fileBytes: 32 * 1024 * 1024,
  /** Any one string (a minified function name, a parameterized test name). */
  stringChars: 16 * 1024,
  /** Rows of any one list (functions, tests, a node's children). */
  listItems: 2e5,
  /** Every value in the document together. */
  values: 5e6,
  /** Nesting of the changed call paths. */
  pathDepth: 256
};
var ReportSchemaError = class extends Error {
};
var fail = (at, problem) => {
  throw new ReportSchemaError(`${at || "the report"}: ${problem}`);
};
var describe = (v) => v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "string" ? "a string" : typeof v === "object" ? "an object" : String(typeof v);
function count(walk, at) {
  if (++walk.values > DIFF_REPORT_LIMITS.values) fail(at, `more than ${DIFF_REPORT_LIMITS.values} values`);
}
function optional(check) {
  return (v, at, walk) => v === void 0 ? void 0 : check(v, at, walk);
}
function literal(expected) {
  return (v, at, walk) => {
    count(walk, at);
    return v === expected ? expected : fail(at, `expected ${JSON.stringify(expected)}`);
  };
}
function oneOf(...allowed) {
  return (v, at, walk) => {
    count(walk, at);
    return typeof v === "string" && allowed.includes(v) ? v : fail(at, `expected one of ${allowed.join(", ")}`);
  };
}
var bool = (v, at, walk) => {
  count(walk, at);
  return typeof v === "boolean" ? v : fail(at, `expected true or false, got ${describe(v)}`);
};
function number(rule = {}) {
  return (v, at, walk) => {
    count(walk, at);
    if (v === null && rule.nullMeans !== void 0) return rule.nullMeans;
    if (typeof v !== "number" || !Number.isFinite(v)) return fail(at, `expected a finite number, got ${describe(v)}`);
    if (rule.integer && !Number.isInteger(v)) fail(at, "expected a whole number");
    if (rule.min !== void 0 && v < rule.min) fail(at, `expected at least ${rule.min}`);
    return v;
  };
}
var finite = number();
var nonNegative = number({ min: 0 });
var whole = number({ min: 0, integer: true });
var pctOrNew = number({ nullMeans: Infinity });
var stat = number({ nullMeans: NaN });
function string(maxChars = DIFF_REPORT_LIMITS.stringChars, pattern) {
  return (v, at, walk) => {
    count(walk, at);
    if (typeof v !== "string") return fail(at, `expected a string, got ${describe(v)}`);
    if (v.length > maxChars) fail(at, `longer than ${maxChars} characters`);
    if (pattern && !pattern.re.test(v)) fail(at, `not ${pattern.what}`);
    return v;
  };
}
var text = string();
var commit = string(64, { re: /^[0-9a-f]{4,64}$/i, what: "a commit id" });
var repository = string(256, { re: /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/, what: "a repository path (owner/name)" });
var httpUrl = (v, at, walk) => {
  const s = string(2048)(v, at, walk);
  let protocol = "";
  try {
    protocol = new URL(s).protocol;
  } catch {
  }
  return protocol === "https:" || protocol === "http:" ? s : fail(at, "not an http(s) URL");
};
var jobKey = (v, at, walk) => {
  const s = string(256)(v, at, walk);
  return sanitizeJobKey(s) === s ? s : fail(at, "not a job key (letters, digits, . _ -)");
};
function list(item, maxItems = DIFF_REPORT_LIMITS.listItems) {
  return (v, at, walk) => {
    count(walk, at);
    if (!Array.isArray(v)) return fail(at, `expected a list, got ${describe(v)}`);
    if (v.length > maxItems) fail(at, `more than ${maxItems} items`);
    return v.map((x, i) => item(x, `${at}[${i}]`, walk));
  };
}
var fieldName = (k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}\u2026` : k).replace(/[^\x20-\x7e]/g, "?");
function object(shape) {
  const known = new Set(Object.keys(shape));
  return (v, at, walk) => {
    count(walk, at);
    if (typeof v !== "object" || v === null || Array.isArray(v)) return fail(at, `expected an object, got ${describe(v)}`);
    for (const k of Object.keys(v)) if (!known.has(k)) fail(at, `unknown field ${fieldName(k)}`);
    const out = {};
    for (const k of known) {
      const checked = shape[k](v[k], at ? `${at}.${k}` : k, walk);
      if (checked !== void 0) out[k] = checked;
    }
    return out;
  };
}
var frame = object({ name: text, file: text, line: whole });
var side = object({ selfNs: nonNegative, totalNs: nonNegative, selfSamples: nonNegative, totalSamples: nonNegative });
var interval = object({
  method: oneOf("sampling", "test-files", "runs"),
  level: finite,
  lowPct: stat,
  highPct: stat,
  pValue: stat,
  units: optional(whole)
});
var functionDelta = object({
  key: text,
  frame,
  base: side,
  head: side,
  selfDeltaNs: finite,
  totalDeltaNs: finite,
  selfDeltaPct: pctOrNew,
  adjustedPct: pctOrNew,
  baseSelfSharePct: stat,
  headSelfSharePct: stat,
  pValue: stat,
  qValue: stat,
  status: oneOf("regression", "improvement", "noise", "too-small"),
  onlyIn: optional(oneOf("base", "head")),
  interval: optional(interval),
  demotedBy: optional(oneOf("sampling", "test-files", "runs", "cpu-clock")),
  blocked: optional(oneOf("bind", "fs", "io", "spawnSync", "zlib", "crypto", "dns", "loader")),
  codeLoad: optional(oneOf("transform", "module-load")),
  judgedBy: optional(oneOf("history", "runs", "prior"))
});
var totals = object({
  cpuNs: nonNegative,
  idleNs: nonNegative,
  samples: nonNegative,
  blockedNs: optional(nonNegative),
  blockedSamples: optional(nonNegative),
  codeLoadNs: optional(nonNegative),
  codeLoadSamples: optional(nonNegative),
  wallMs: optional(nonNegative),
  processes: optional(whole),
  threads: optional(whole)
});
var noiseModel = object({
  sampling: literal(true),
  cpuClock: optional(bool),
  testFiles: optional(whole),
  runs: optional(object({ base: whole, head: whole })),
  dispersion: optional(stat),
  speed: optional(
    object({
      estimated: stat,
      applied: stat,
      weight: stat,
      prior: oneOf("same-environment", "different-environment", "unknown-environment", "history"),
      priorSdPct: stat,
      historyPairs: optional(whole)
    })
  )
});
var thresholds = object({ minSamples: nonNegative, minMs: nonNegative, minPct: nonNegative, alpha: nonNegative, minUnits: nonNegative });
var profileDiff = object({
  base: totals,
  head: totals,
  suite: object({ deltaNs: finite, deltaPct: pctOrNew, pValue: stat, significant: bool }),
  thresholds,
  functions: list(functionDelta),
  regressions: list(functionDelta),
  improvements: list(functionDelta),
  blocked: optional(list(functionDelta)),
  codeLoad: optional(list(functionDelta)),
  withinNoise: whole,
  verdict: oneOf("regression", "improvement", "no-change"),
  noiseModel,
  environmentWarnings: list(text, 100),
  excludedTests: object({ baseOnly: whole, headOnly: whole }),
  speedFactor: stat
});
var pathNode = (v, at, walk) => {
  if (++walk.depth > DIFF_REPORT_LIMITS.pathDepth) fail(at, `call paths nested deeper than ${DIFF_REPORT_LIMITS.pathDepth}`);
  const node = pathNodeFields(v, at, walk);
  walk.depth--;
  return node;
};
var pathNodeFields = object({
  frame,
  baseNs: nonNegative,
  headNs: nonNegative,
  reported: bool,
  elided: optional(whole),
  children: list(pathNode)
});
var functionChange = object({ name: text, file: text, line: whole, baseMs: nonNegative, headMs: nonNegative, deltaMs: finite });
var baseHead = object({ baseMs: nonNegative, headMs: nonNegative });
var testChange = object({
  file: text,
  name: text,
  baseMs: nonNegative,
  headMs: nonNegative,
  deltaMs: finite,
  deltaPct: pctOrNew,
  baseSamples: nonNegative,
  headSamples: nonNegative,
  functions: list(functionChange, 1e3),
  qValue: stat,
  cpuClock: optional(baseHead),
  offCpu: optional(baseHead),
  wall: optional(baseHead)
});
var oneSided = object({ file: text, name: text, ms: nonNegative, samples: nonNegative });
var tests = object({ slower: list(testChange), faster: list(testChange), withinNoise: whole, offCpu: optional(whole), added: list(oneSided), removed: list(oneSided) });
var provenance = object({
  source: oneOf("file", "store"),
  found: bool,
  commit: optional(commit),
  wanted: optional(commit),
  distance: optional(whole),
  reason: text,
  file: optional(text),
  store: optional(string(64)),
  runId: optional(number({ min: 1, integer: true }))
});
var allocSide = object({ bytes: nonNegative, samples: nonNegative });
var allocRow = object({
  frame: optional(frame),
  test: optional(object({ file: text, name: text })),
  base: allocSide,
  head: allocSide,
  deltaBytes: finite,
  deltaPct: pctOrNew,
  pValue: stat,
  qValue: stat,
  status: oneOf("regression", "improvement", "noise", "too-small"),
  unitsP: optional(stat)
});
var alloc = object({
  intervalBytes: whole,
  base: allocSide,
  head: allocSide,
  suiteDeltaPct: pctOrNew,
  dispersion: object({ aa: nonNegative, estimated: nonNegative, used: nonNegative, rows: whole }),
  units: whole,
  thresholds: object({ minSamples: nonNegative, minPct: nonNegative, minSharePct: nonNegative, alpha: nonNegative, minUnits: nonNegative }),
  functions: list(allocRow),
  tests: list(allocRow),
  regressions: whole,
  improvements: whole,
  withinNoise: whole,
  verdict: oneOf("regression", "improvement", "no-change")
});
var diffReport = object({
  schema: literal(DIFF_REPORT_SCHEMA),
  ciprofVersion: string(64),
  jobKey,
  provider: optional(oneOf("github", "gitlab", "circleci", "buildkite", "local")),
  repository: optional(repository),
  serverUrl: optional(httpUrl),
  pr: optional(number({ min: 1, integer: true })),
  head: object({ commit: optional(commit), profile: optional(text) }),
  base: provenance,
  diff: optional(profileDiff),
  changedPaths: list(pathNode),
  links: object({ report: optional(httpUrl), summary: optional(httpUrl), run: optional(httpUrl), pyroscope: optional(httpUrl) }),
  tests: optional(tests),
  decision: optional(object({ verdict: oneOf("regression", "improvement", "no-change"), headline: text, notes: list(text, 200) })),
  alloc: optional(alloc)
});
function validateDiffReport(data) {
  if (typeof data === "object" && data !== null && data.schema !== DIFF_REPORT_SCHEMA) {
    fail("schema", `not a ciprof diff report (schema ${DIFF_REPORT_SCHEMA} expected)`);
  }
  return diffReport(data, "", { values: 0, depth: 0 });
}

// src/diff/diff-report.ts
var KEPT_NOISE_ROWS = 200;
function serializeDiffReport(report) {
  const diff = report.diff ? { ...report.diff, functions: report.diff.functions.filter((r, i) => r.status === "regression" || r.status === "improvement" || i < KEPT_NOISE_ROWS) } : void 0;
  return `${JSON.stringify({ ...report, diff }, (_k, v) => typeof v === "number" && !Number.isFinite(v) ? null : typeof v === "string" ? redact(v) : v, 2)}
`;
}
function parseDiffReport(text2, file = "diff report") {
  let data;
  try {
    data = JSON.parse(text2);
  } catch (err) {
    throw new Error(`${file}: invalid JSON (${err.message.replace(/[^\x20-\x7e]/g, "?").slice(0, 200)})`);
  }
  try {
    return validateDiffReport(data);
  } catch (err) {
    if (err instanceof ReportSchemaError) throw new Error(`${file}: ${err.message}`);
    throw err;
  }
}
function readDiffReport(file) {
  const bytes = statSync(file).size;
  if (bytes > DIFF_REPORT_LIMITS.fileBytes) throw new Error(`${file}: ${bytes} bytes, more than a diff report may have (${DIFF_REPORT_LIMITS.fileBytes})`);
  return parseDiffReport(readFileSync(file, "utf8"), file);
}

export {
  DIFF_REPORT_SCHEMA,
  serializeDiffReport,
  readDiffReport
};
