import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  plainLine
} from "./chunk-CCCDOF7G.js";
import {
  redact
} from "./chunk-6MZMPYYD.js";
import {
  formatFrame,
  functionTable,
  idleValue,
  topBySelf
} from "./chunk-H5YMVFQK.js";
import {
  blockedClass
} from "./chunk-TOQZ6A4H.js";
import {
  CIPROF_FRAME
} from "./chunk-VYVC6F5W.js";

// src/collect/summary.ts
var ms = (ns) => Math.round(ns / 1e4) / 100;
var t = (text) => redact(plainLine(text.replace(/\t/g, " ")));
function summarize(profile, gathered, base, topN = 10) {
  const table = functionTable(profile);
  const idle = idleValue(table);
  const cpu = table.total - idle;
  const own = table.stats.filter((s) => s.frame.name === CIPROF_FRAME && s.frame.file === "").reduce((a, s) => a + s.self, 0);
  const blockedNs = /* @__PURE__ */ new Map();
  const running = table.stats.filter((s) => {
    const cls = blockedClass(s.frame);
    if (cls) blockedNs.set(cls, (blockedNs.get(cls) ?? 0) + s.self);
    return !cls;
  });
  const blocked = [...blockedNs].filter(([, ns]) => ns > 0).sort((a, b) => b[1] - a[1]);
  return {
    ...base,
    cpuMs: ms(cpu),
    ...blocked.length ? { blocked: Object.fromEntries(blocked.map(([cls, ns]) => [cls, ms(ns)])) } : {},
    idleMs: ms(idle),
    ciprofMs: ms(own),
    ciprofPct: cpu > 0 ? Math.round(own / cpu * 1e3) / 10 : 0,
    samples: table.totalSamples,
    processes: gathered.processes,
    threads: gathered.threads.length,
    lostThreads: gathered.lost.length,
    unprofiledProcesses: gathered.unprofilable.filter((u) => u.reason !== "permission").length,
    deniedProcesses: gathered.unprofilable.filter((u) => u.reason === "permission").length,
    meta: profile.meta,
    top: topBySelf({ ...table, stats: running }, topN).map((s) => ({
      name: s.frame.name,
      file: s.frame.file,
      line: s.frame.line,
      selfMs: ms(s.self),
      totalMs: ms(s.total),
      selfPct: cpu > 0 ? Math.round(s.self / cpu * 1e3) / 10 : 0
    }))
  };
}
var BLOCKED_WORDS = {
  loader: "for the module loader's hooks thread",
  spawnSync: "in spawnSync/execSync",
  fs: "in sync fs calls",
  io: "writing to a full pipe",
  bind: "in bind/listen/connect",
  zlib: "in sync zlib",
  crypto: "in sync crypto",
  dns: "in name lookups"
};
function formatSummaryText(s) {
  const lines = [];
  const lost = s.lostThreads ? `, ${s.lostThreads} lost (killed before writing)` : "";
  lines.push(
    `ciprof: ${s.processes} process(es), ${s.threads} thread(s) profiled${lost}; wall ${(s.wallMs / 1e3).toFixed(2)} s, CPU ${(s.cpuMs / 1e3).toFixed(2)} s (+${(s.idleMs / 1e3).toFixed(2)} s idle), ${s.samples} samples`
  );
  const waits = Object.entries(s.blocked ?? {});
  if (waits.length) {
    const total = waits.reduce((a, [, v]) => a + v, 0);
    const parts = waits.map(([cls, v]) => `${BLOCKED_WORDS[cls] ?? cls} ${(v / 1e3).toFixed(2)} s`).join(", ");
    lines.push(`ciprof: ${(total / 1e3).toFixed(2)} s of that CPU was threads waiting, sampled as if running (${parts}); left out of the top functions below`);
  }
  if (s.ciprofMs) lines.push(`ciprof: its own work (agent, runner hooks) took ${(s.ciprofMs / 1e3).toFixed(2)} s, ${s.ciprofPct.toFixed(1)}% of the CPU, kept outside every test as (ciprof)`);
  if (s.unprofiledProcesses) {
    lines.push(`ciprof: ${s.unprofiledProcesses} process(es) ran without an inspector and were not profiled (node --test's orchestrating parent does; its test files' processes are profiled)`);
  }
  if (s.deniedProcesses) {
    lines.push(`ciprof: ${s.deniedProcesses} process(es) ran under Node's permission model, which keeps the inspector from them, and were not profiled (--allow-inspector, and --allow-fs-write for the temp directory, let ciprof in)`);
  }
  if (s.top.length) {
    lines.push("ciprof: top functions by self CPU time:");
    const width = Math.max(...s.top.map((t2) => t2.selfMs.toFixed(1).length));
    for (const f of s.top) {
      lines.push(`  ${f.selfMs.toFixed(1).padStart(width)} ms ${f.selfPct.toFixed(1).padStart(5)}%  ${t(formatFrame(f))}`);
    }
  }
  if (s.tests?.length) {
    lines.push(`ciprof: slowest tests (of ${s.tests.length}), wall / CPU clock / sampled on-CPU / blocked (ms):`);
    const col = (v) => (typeof v === "number" ? v.toFixed(1) : "?").padStart(7);
    for (const test of s.tests.slice(0, 5)) {
      const hot = test.top[0] ? `  [${t(test.top[0].name)} ${test.top[0].selfMs.toFixed(1)} ms]` : "";
      const blocked = test.blockedMs ?? 0;
      lines.push(`  ${col(test.wallMs)} / ${col(test.cpuClockMs)} / ${col(test.cpuMs - blocked)} / ${col(test.blockedMs)}  ${t(test.file)} > ${t(test.name)}${hot}`);
    }
  }
  if (s.profile) lines.push(`ciprof: profile written to ${t(s.profile)}${s.storedAs ? ` (stored as ${t(s.storedAs)})` : ""}`);
  if (s.report) lines.push(`ciprof: HTML report written to ${t(s.report)}`);
  return lines.join("\n");
}

export {
  summarize,
  formatSummaryText
};
