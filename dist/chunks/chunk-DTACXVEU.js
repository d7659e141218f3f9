import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  serializeDiffReport
} from "./chunk-A5GYA5KY.js";
import {
  bytes,
  ms,
  signedBytes,
  terminalText
} from "./chunk-EEBRXB3P.js";
import {
  IDLE_FRAME,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";

// src/profile/aggregate.ts
function functionTable(profile, valueIndex = timeValueIndex(profile)) {
  const countIndex = profile.sampleTypes.findIndex((t2) => t2.unit === "count");
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

// src/render/text.ts
var sgn = (ns) => `${ns >= 0 ? "+" : "-"}${ms(Math.abs(ns))}`;
var pct = (p) => Number.isFinite(p) ? `${p >= 0 ? "+" : ""}${p.toFixed(1)}%` : "new";
var t = (s) => terminalText(s ?? "");
function formatDiffText(report, rows = 10) {
  const b = report.base;
  const lines = [];
  if (b.source === "file") lines.push(`ciprof: base: ${t(b.file)}`);
  else if (b.found) lines.push(`ciprof: base: commit ${t(b.commit)} (${b.distance} commit(s) back from ${t(b.wanted?.slice(0, 12))}): ${t(b.reason)}`);
  const d = report.diff;
  if (!d) {
    lines.push(`ciprof: no baseline: ${t(b.reason)}`);
    return lines.join("\n");
  }
  lines.push(`ciprof: suite CPU ${ms(d.base.cpuNs)} -> ${ms(d.head.cpuNs)} (${sgn(d.suite.deltaNs)}, ${pct(d.suite.deltaPct)}${d.suite.significant ? "" : ", within noise"})`);
  lines.push(`ciprof: verdict: ${t(d.verdict)} (${d.regressions.length} slower, ${d.improvements.length} faster, ${d.withinNoise} within noise)`);
  const show = (title, list) => {
    if (!list.length) return;
    lines.push(`ciprof: ${title}:`);
    for (const r of list.slice(0, rows)) lines.push(`  ${sgn(r.selfDeltaNs).padStart(12)} ${pct(r.selfDeltaPct).padStart(8)}  q=${r.qValue > 0 ? r.qValue.toExponential(1) : "<1e-300"}  ${t(formatFrame(r.frame))}`);
  };
  show("slower", d.regressions);
  show("faster", d.improvements);
  if (report.alloc) lines.push(...allocLines(report.alloc, rows));
  return lines.join("\n");
}
function allocLines(a, rows) {
  const out = [`ciprof: allocations ${bytes(a.base.bytes)} -> ${bytes(a.head.bytes)} (${pct(a.suiteDeltaPct)})`];
  const more = a.functions.filter((r) => r.status === "regression");
  const less = a.functions.filter((r) => r.status === "improvement");
  out.push(`ciprof: allocation verdict: ${t(a.verdict)} (${more.length} allocate more, ${less.length} allocate less, ${a.withinNoise} within noise)`);
  const q = (v) => v > 0 ? v.toExponential(1) : "<1e-300";
  for (const [title, list] of [
    ["allocate more", more],
    ["allocate less", less]
  ]) {
    if (!list.length) continue;
    out.push(`ciprof: ${title}:`);
    for (const r of list.slice(0, rows)) out.push(`  ${signedBytes(r.deltaBytes).padStart(12)} ${pct(r.deltaPct).padStart(8)}  q=${q(r.qValue)}  ${r.frame ? t(formatFrame(r.frame)) : ""}`);
  }
  const tests = a.tests.filter((r) => (r.status === "regression" || r.status === "improvement") && r.test);
  if (tests.length) {
    out.push("ciprof: tests whose allocations changed:");
    for (const r of tests.slice(0, rows)) out.push(`  ${signedBytes(r.deltaBytes).padStart(12)} ${pct(r.deltaPct).padStart(8)}  ${t(r.test.file)} > ${t(r.test.name)}`);
  }
  return out;
}
function formatTopTable(profile, rows, cum) {
  const table = functionTable(profile, timeValueIndex(profile));
  const top = [...table.stats].sort((a, b) => cum ? b.total - a.total : b.self - a.self).slice(0, rows);
  const pct2 = (v) => `${table.total ? (v / table.total * 100).toFixed(2) : "0.00"}%`;
  const pprofMs = (v) => `${(v / 1e6).toFixed(2)}ms`;
  const out = [`Total: ${pprofMs(table.total)} in ${table.totalSamples} samples (${profile.functions.length} functions)`];
  out.push(`${"flat".padStart(12)} ${"flat%".padStart(7)} ${"sum%".padStart(7)} ${"cum".padStart(12)} ${"cum%".padStart(7)}`);
  let sum = 0;
  for (const r of top) {
    sum += r.self;
    out.push(`${pprofMs(r.self).padStart(12)} ${pct2(r.self).padStart(7)} ${pct2(sum).padStart(7)} ${pprofMs(r.total).padStart(12)} ${pct2(r.total).padStart(7)}  ${t(formatFrame(r.frame))}`);
  }
  return out.join("\n");
}

// src/cli/io.ts
function warn(line) {
  process.stderr.write(`ciprof: warning: ${line}
`);
}
function fail(line, code = 1) {
  process.stderr.write(`ciprof: error: ${line}
`);
  process.exit(code);
}
var EXIT_USAGE = 2;
function parsePositiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${name} must be a positive whole number, got "${value}"`, EXIT_USAGE);
  return n;
}
var cliLog = {
  info: (line) => process.stderr.write(`ciprof: ${line}
`),
  warn,
  notice: (line) => process.stderr.write(`ciprof: ${line}
`)
};
function nonNegative(name, v) {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a number >= 0, got "${v}"`, EXIT_USAGE);
  return n;
}
function parseThresholds(flags) {
  const alpha = nonNegative("--alpha", flags.alpha);
  if (alpha <= 0 || alpha >= 1) fail(`--alpha must be between 0 and 1, got "${flags.alpha}"`, EXIT_USAGE);
  return { minMs: nonNegative("--min-ms", flags.minMs), minPct: nonNegative("--min-pct", flags.minPct), alpha, minSamples: nonNegative("--min-samples", flags.minSamples) };
}
function printDiff(report, json) {
  if (json) process.stdout.write(serializeDiffReport(report));
  else process.stderr.write(`${formatDiffText(report)}
`);
}

export {
  functionTable,
  idleValue,
  topBySelf,
  formatFrame,
  formatTopTable,
  warn,
  fail,
  EXIT_USAGE,
  parsePositiveInt,
  cliLog,
  parseThresholds,
  printDiff
};
