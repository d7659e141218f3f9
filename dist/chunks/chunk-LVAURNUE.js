import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  bytes,
  ms,
  signedBytes,
  terminalText
} from "./chunk-KBBVG7QG.js";
import {
  formatFrame,
  functionTable
} from "./chunk-H5YMVFQK.js";
import {
  timeValueIndex
} from "./chunk-VYVC6F5W.js";

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

export {
  formatDiffText,
  formatTopTable
};
