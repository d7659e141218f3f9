import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  bytes,
  codeLine,
  encodePathSegments,
  escapeMarkdown,
  fenceFor,
  fileLine,
  ms,
  safeUrl
} from "./chunk-KBBVG7QG.js";
import {
  VERSION
} from "./chunk-3TBHKCVM.js";
import {
  redact
} from "./chunk-6MZMPYYD.js";

// src/render/markdown.ts
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// src/render/alloc-markdown.ts
var fin = (v) => typeof v === "number" && Number.isFinite(v);
function fmtBytes(b) {
  return fin(b) ? bytes(b) : "?";
}
var signedBytes = (b) => b > 0 ? `+${fmtBytes(b)}` : b < 0 ? `\u2212${fmtBytes(-b)}` : fmtBytes(0);
var pct = (p) => !Number.isFinite(p) ? "new" : `${p > 0 ? "+" : p < 0 ? "\u2212" : ""}${Math.abs(p).toFixed(1)}%`;
var q = (v) => !fin(v) ? "?" : v >= 1e-3 ? v.toFixed(3) : v.toExponential(1);
var reported = (r) => r.status === "regression" || r.status === "improvement";
function rowsMd(title, rows, limit, name) {
  if (rows.length === 0) return "";
  const shown = rows.slice(0, limit);
  const lines = [`**${title}**`, "", "| | allocated base \u2192 head | \u0394 | q-value |", "|---|---:|---:|---:|"];
  for (const r of shown) lines.push(`| ${name(r)} | ${fmtBytes(r.base.bytes)} \u2192 ${fmtBytes(r.head.bytes)} | ${signedBytes(r.deltaBytes)} (${pct(r.deltaPct)}) | ${q(r.qValue)} |`);
  if (rows.length > shown.length) lines.push("", `_\u2026and ${rows.length - shown.length} more in the job summary._`);
  return lines.join("\n");
}
function verdictLine(a) {
  const more = a.functions.filter((r) => r.status === "regression").length;
  const less = a.functions.filter((r) => r.status === "improvement").length;
  if (a.verdict === "no-change") return `No significant change in allocations (${a.withinNoise} functions within noise).`;
  const parts = [];
  if (more) parts.push(`${more} function${more === 1 ? "" : "s"} allocate more`);
  if (less) parts.push(`${less} allocate less`);
  if (!parts.length) parts.push(a.verdict === "regression" ? "tests allocate more" : "tests allocate less");
  return `**${parts.join(", ")}** (${a.withinNoise} functions within noise).`;
}
function allocationsMd(a, limit, frameCell2) {
  if (!a) return "";
  const lines = ["#### Allocations", "", verdictLine(a), ""];
  lines.push("| | base | head | \u0394 |", "|---|---:|---:|---:|");
  lines.push(`| allocated (sampled every ${fmtBytes(a.intervalBytes)} on average) | ${fmtBytes(a.base.bytes)} | ${fmtBytes(a.head.bytes)} | ${signedBytes(a.head.bytes - a.base.bytes)} (${pct(a.suiteDeltaPct)}) |`);
  const functions = rowsMd("Functions", a.functions.filter(reported), limit, (r) => r.frame ? frameCell2(r.frame) : "?");
  const tests = rowsMd("Tests", a.tests.filter(reported), limit, (r) => escapeMarkdown(r.test ? `${r.test.file} \u203A ${r.test.name}` : "?"));
  for (const t of [functions, tests]) if (t) lines.push("", t);
  const d = a.dispersion;
  lines.push(
    "",
    `<sub>Allocation noise model: V8's heap sampling (Poisson) \xD7 dispersion ${fin(d.used) ? d.used.toFixed(2) : "?"} (A/A-measured floor ${fin(d.aa) ? d.aa.toFixed(2) : "?"}, this diff ${fin(d.estimated) ? d.estimated.toFixed(2) : "?"}); ${a.units >= a.thresholds.minUnits ? `function rows must hold, as a ratio, across the test files that allocate in them (of ${a.units}; precision-weighted random-effects t on log ratios, p \u2264 0.05) and change their script and callers' bytes too (bytes that inlining moves are not a change); ` : ""}rows need \u2265 ${a.thresholds.minPct}% and \u2265 ${a.thresholds.minSharePct}% of the suite's bytes, q \u2264 ${a.thresholds.alpha}.</sub>`
  );
  return lines.join("\n");
}

// src/render/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var JOB_SUMMARY_LIMIT_BYTES = 1024 * 1024;
function commentMarker(jobKey) {
  return `<!-- ciprof:${jobKey.replace(/-{2,}/g, "-")} -->`;
}
function loadTemplate() {
  if (true) return "{{marker}}\n### {{verdict}}\n\n{{baseline}}\n\n{{totals}}\n\n{{regressions}}\n\n{{improvements}}\n\n{{tests}}\n\n{{allocations}}\n\n{{call_tree}}\n\n{{links}}\n\n{{truncation}}\n\n{{footer}}\n";
  const file = fileURLToPath(new URL("../../templates/comment.md", import.meta.url));
  if (existsSync(file)) return readFileSync(file, "utf8");
  return "{{marker}}\n### {{verdict}}\n\n{{baseline}}\n\n{{totals}}\n\n{{regressions}}\n\n{{improvements}}\n\n{{tests}}\n\n{{allocations}}\n\n{{call_tree}}\n\n{{links}}\n\n{{truncation}}\n\n{{footer}}\n";
}
var COMMENT_LIMITS = { rows: 10, treeLines: 40, noiseRows: 0 };
var SUMMARY_LIMITS = { rows: 1e3, treeLines: 200, noiseRows: 50 };
var signed = (s, v) => v > 0 ? `+${s}` : v < 0 ? `\u2212${s.replace(/^-/, "")}` : s;
var fmtDeltaMs = (ns) => signed(ms(ns), ns);
var fmtPct = (p) => !Number.isFinite(p) ? "new" : signed(`${Math.abs(p) >= 100 ? p.toFixed(0) : p.toFixed(1)}%`, p);
var fmtQ = (q2) => q2 >= 1e-3 ? q2.toFixed(3) : q2 === 0 ? "< 1e-300" : q2.toExponential(1);
var pctOf = (delta, base) => base > 0 ? delta / base * 100 : delta > 0 ? Infinity : 0;
var int = (v) => typeof v === "number" && Number.isFinite(v) ? String(Math.round(v)) : "?";
var num = (v) => typeof v === "number" && Number.isFinite(v) ? String(v) : "?";
var plural = (n, word) => `${int(n)} ${word}${n === 1 ? "" : "s"}`;
var hex = (c) => (c ?? "").replace(/[^0-9a-f]/gi, "");
var short = (c) => hex(c).slice(0, 12) || "unknown";
function isRepoFile(file) {
  return file !== "" && !file.startsWith("/") && !/^[a-z][a-z0-9+.-]*:/i.test(file) && !file.split("/").includes("..") && !file.startsWith("node_modules/");
}
function commitUrl(report, commit) {
  if (!hex(commit) || !report.repository || !report.serverUrl) return void 0;
  const path = report.provider === "gitlab" ? "-/commit" : "commit";
  return safeUrl(`${report.serverUrl.replace(/\/$/, "")}/${encodePathSegments(report.repository)}/${path}/${hex(commit)}`);
}
function runLink(report, runId) {
  if (runId === void 0 || report.provider !== "github" || !report.repository || !report.serverUrl) return "";
  const url = safeUrl(`${report.serverUrl.replace(/\/$/, "")}/${encodePathSegments(report.repository)}/actions/runs/${int(runId)}`);
  return url ? `, [run ${int(runId)}](${url})` : "";
}
function frameCell(report, frame) {
  const name = `**${escapeMarkdown(frame.name || "(anonymous)")}**`;
  if (!frame.file) return name;
  const where = escapeMarkdown(fileLine(frame.file, frame.line));
  const head = report.head.commit;
  if (!isRepoFile(frame.file) || !head || !report.repository || !report.serverUrl) return `${name}<br>${where}`;
  const blob = report.provider === "gitlab" ? "-/blob" : "blob";
  const url = safeUrl(
    `${report.serverUrl.replace(/\/$/, "")}/${encodePathSegments(report.repository)}/${blob}/${hex(head)}/${encodePathSegments(redact(frame.file))}${frame.line > 0 ? `#L${int(frame.line)}` : ""}`
  );
  return url ? `${name}<br>[${where}](${url})` : `${name}<br>${where}`;
}
function functionTableMd(report, title, rows, limit) {
  if (rows.length === 0) return "";
  const shown = rows.slice(0, limit);
  const lines = [
    `#### ${title} (${int(rows.length)})`,
    "",
    "| function | self base \u2192 head | self \u0394 | speed-adjusted \u0394 (95% CI) | total \u0394 | q-value |",
    "|---|---:|---:|---:|---:|---:|"
  ];
  for (const r of shown) {
    const vsRest = r.adjustedPct === void 0 ? "" : `${fmtPct(r.adjustedPct)}${fmtInterval(r)}`;
    lines.push(
      `| ${frameCell(report, r.frame)} | ${ms(r.base.selfNs)} \u2192 ${ms(r.head.selfNs)} | ${fmtDeltaMs(r.selfDeltaNs)} (${fmtPct(r.selfDeltaPct)}) | ${vsRest} | ${fmtDeltaMs(r.totalDeltaNs)} (${fmtPct(pctOf(r.totalDeltaNs, r.base.totalNs))}) | ${fmtQ(r.qValue)} |`
    );
  }
  if (rows.length > shown.length) lines.push("", `_\u2026and ${int(rows.length - shown.length)} more in the job summary._`);
  return lines.join("\n");
}
function blockedTableMd(report, rows, limit) {
  if (rows.length === 0) return "";
  const judged = rows.filter((r) => r.status === "regression" || r.status === "improvement");
  const lines = ["| function | wait | sampled base \u2192 head | \u0394 | judged |", "|---|---|---:|---:|---|"];
  for (const r of rows.slice(0, limit)) {
    const verdict = r.judgedBy === void 0 ? "not judged: no measured noise for it" : r.status === "noise" ? `within the noise ${r.judgedBy === "history" ? "this job's history" : "the runs"} measured` : `${r.status === "regression" ? "longer" : "shorter"} beyond measured noise (q ${fmtQ(r.qValue)})`;
    lines.push(`| ${frameCell(report, r.frame)} | ${escapeMarkdown(r.blocked ?? "")} | ${ms(r.base.selfNs)} \u2192 ${ms(r.head.selfNs)} | ${fmtDeltaMs(r.selfDeltaNs)} (${fmtPct(r.selfDeltaPct)}) | ${verdict} |`);
  }
  const title = `Blocked time (${int(rows.length)}): waits the profiler samples as if they ran, never counted as CPU regressions${judged.length ? `; ${plural(judged.length, "wait")} changed beyond measured noise` : ""}`;
  return judged.length ? `#### ${title}

${lines.join("\n")}` : `<details><summary>${title}</summary>

${lines.join("\n")}

</details>`;
}
function codeLoadTableMd(report, rows, limit) {
  if (rows.length === 0) return "";
  const judged = rows.filter((r) => r.status === "regression" || r.status === "improvement");
  const noiseOf = (r) => r.judgedBy === "history" ? "this job's history" : r.judgedBy === "runs" ? "the runs" : "real suites";
  const lines = ["| function | loading | self base \u2192 head | \u0394 | judged |", "|---|---|---:|---:|---|"];
  for (const r of rows.slice(0, limit)) {
    const verdict = r.status === "noise" ? `within the swing ${noiseOf(r)} measured for ${escapeMarkdown(r.codeLoad ?? "")}` : `${r.status === "regression" ? "more" : "less"} beyond that swing (q ${fmtQ(r.qValue)})`;
    lines.push(`| ${frameCell(report, r.frame)} | ${escapeMarkdown(r.codeLoad ?? "")} | ${ms(r.base.selfNs)} \u2192 ${ms(r.head.selfNs)} | ${fmtDeltaMs(r.selfDeltaNs)} (${fmtPct(r.selfDeltaPct)}) | ${verdict} |`);
  }
  const title = `Code loading (${int(rows.length)}): transforming and loading modules for the tests, whose amount follows scheduling and caches; never counted as CPU regressions${judged.length ? `; ${plural(judged.length, "function")} changed beyond the measured swing` : ""}`;
  return judged.length ? `#### ${title}

${lines.join("\n")}` : `<details><summary>${title}</summary>

${lines.join("\n")}

</details>`;
}
function fmtInterval(r) {
  const iv = r.interval;
  if (!iv || !Number.isFinite(iv.lowPct) || !Number.isFinite(iv.highPct)) return "";
  const n = (p) => `${p >= 0 ? "+" : "\u2212"}${Math.abs(p) >= 100 ? Math.abs(p).toFixed(0) : Math.abs(p).toFixed(1)}`;
  return ` (${n(iv.lowPct)}..${n(iv.highPct)})`;
}
function decisionNotesMd(report) {
  const notes = report.decision?.notes ?? [];
  return notes.length ? notes.map((n) => `> ${escapeMarkdown(n)}`).join("\n>\n") : "";
}
function uniformChangeMd(report) {
  const d = report.diff;
  if (report.decision) return decisionNotesMd(report);
  if (!d || !d.suite.significant || d.regressions.length > 0 || d.improvements.length > 0 || d.noiseModel.runs) return "";
  return `<sub>The whole run moved alike (${d.suite.deltaPct > 0 ? "slower" : "faster"}), and no function stands out from the run's overall speed: a busier or different machine, or a change that touches everything. \`ciprof compare\` runs base and head on one machine to tell them apart.</sub>`;
}
function excludedTestsMd(report) {
  const ex = report.diff?.excludedTests;
  if (!ex || ex.baseOnly === 0 && ex.headOnly === 0) return "";
  return `<sub>Function rows compare the tests present on both sides: ${int(ex.headOnly)} test(s) only in the head and ${int(ex.baseOnly)} only in the base are left out of them.</sub>`;
}
function environmentMd(report) {
  const warnings = report.diff?.environmentWarnings ?? [];
  if (warnings.length === 0) return "";
  return `> [!WARNING]
> Base and head ran in different environments, so some of the change may be the machine's: ${warnings.map(escapeMarkdown).join("; ")}.`;
}
function totalsMd(base, head, suite, cpuClock = false) {
  const lines = ["| suite | base | head | change |", "|---|---:|---:|---:|"];
  lines.push(`| ${cpuClock ? "CPU time (tests by their CPU clock)" : "CPU time (sampled)"} | ${ms(base.cpuNs)} | ${ms(head.cpuNs)} | ${fmtDeltaMs(suite.deltaNs)} (${fmtPct(suite.deltaPct)})${suite.significant ? "" : ", within noise"} |`);
  if (base.blockedNs !== void 0 && head.blockedNs !== void 0 && (base.blockedNs > 0 || head.blockedNs > 0)) {
    const d = head.blockedNs - base.blockedNs;
    lines.push(`| of which blocked in system calls | ${ms(base.blockedNs)} | ${ms(head.blockedNs)} | ${fmtDeltaMs(d)}, not CPU, tested apart |`);
  }
  if (base.codeLoadNs !== void 0 && head.codeLoadNs !== void 0 && (base.codeLoadNs > 0 || head.codeLoadNs > 0)) {
    const d = head.codeLoadNs - base.codeLoadNs;
    lines.push(`| of which loading code (transform, module loader) | ${ms(base.codeLoadNs)} | ${ms(head.codeLoadNs)} | ${fmtDeltaMs(d)}, judged apart |`);
  }
  if (base.wallMs !== void 0 && head.wallMs !== void 0) {
    const d = (head.wallMs - base.wallMs) * 1e6;
    lines.push(`| wall time | ${ms(base.wallMs * 1e6)} | ${ms(head.wallMs * 1e6)} | ${fmtDeltaMs(d)} (${fmtPct(pctOf(d, base.wallMs * 1e6))}), not tested |`);
  }
  if (base.processes !== void 0 && head.processes !== void 0) {
    lines.push(`| processes / threads | ${int(base.processes)} / ${int(base.threads)} | ${int(head.processes)} / ${int(head.threads)} | ${head.processes - base.processes >= 0 ? "+" : "\u2212"}${int(Math.abs(head.processes - base.processes))} |`);
  }
  return lines.join("\n");
}
function verdictMd(report) {
  const d = report.diff;
  if (!d) return "\u26AA ciprof: no baseline to compare with";
  const decision = report.decision;
  if (decision) return `${decision.verdict === "regression" ? "\u{1F534}" : decision.verdict === "improvement" ? "\u{1F7E2}" : "\u26AA"} ciprof: ${escapeMarkdown(decision.headline)}`;
  const noise = `${plural(d.withinNoise, "function")} within noise`;
  if (d.verdict === "regression")
    return `\u{1F534} ciprof: slower \u2014 ${plural(d.regressions.length, "function")} regressed${d.improvements.length ? `, ${int(d.improvements.length)} improved` : ""} (${noise})`;
  if (d.verdict === "improvement") return `\u{1F7E2} ciprof: faster \u2014 ${plural(d.improvements.length, "function")} improved (${noise})`;
  return `\u26AA ciprof: no significant change in CPU time (${noise})`;
}
function baselineMd(report) {
  const b = report.base;
  const reason = escapeMarkdown(b.reason);
  if (!b.found) return `No base profile was found: ${reason}. This run's profile is stored, so later PRs can compare with it.`;
  if (b.source === "file") return `Base: the profile file ${escapeMarkdown(b.file ?? "")}${b.commit ? ` (commit ${escapeMarkdown(short(b.commit))})` : ""}.`;
  const url = commitUrl(report, b.commit);
  const commit = url ? `[\`${short(b.commit)}\`](${url})` : `\`${short(b.commit)}\``;
  const back = b.distance === 0 ? "the merge-base itself" : `${plural(b.distance ?? NaN, "commit")} before the merge-base`;
  return `Base: commit ${commit} (${back}) from the ${escapeMarkdown(b.store ?? "profile")} store${runLink(report, b.runId)} \u2014 ${reason}. Head: \`${short(report.head.commit)}\`.`;
}
function callTreeMd(nodes, maxLines) {
  if (nodes.length === 0) return "";
  const lines = [];
  let cut = false;
  const walk = (n, depth) => {
    if (lines.length >= maxLines) {
      cut = true;
      return;
    }
    const d = n.headNs - n.baseNs;
    const sign = d > 0 ? SLOWER_MARK : d < 0 ? FASTER_MARK : " ";
    const where = n.frame.file ? ` ${fileLine(n.frame.file, Math.round(n.frame.line) || 0)}` : "";
    if (n.elided) lines.push(codeLine(`${sign} ${"  ".repeat(depth)}\u2026 ${plural(n.elided, "frame")} with the same change`));
    lines.push(codeLine(`${sign} ${"  ".repeat(depth)}${n.frame.name || "(anonymous)"}${where}  ${ms(n.baseNs)} \u2192 ${ms(n.headNs)} (${fmtDeltaMs(d).replace("\u2212", "-")})${n.reported ? "  \u25C0" : ""}`));
    for (const c of n.children) walk(c, depth + 1);
  };
  for (const n of nodes) walk(n, 0);
  const body = lines.join("\n");
  const fence = fenceFor(body);
  return [
    "#### Changed call paths (total time; \u25C0 = reported function)",
    "",
    CALL_TREE_LEGEND,
    "",
    `${fence}diff`,
    body,
    ...cut ? ["  \u2026 (tree pruned; full tree in the HTML report)"] : [],
    fence
  ].join("\n");
}
var SLOWER_MARK = "-";
var FASTER_MARK = "+";
var CALL_TREE_LEGEND = `<sub>\`${SLOWER_MARK}\` red = slower, \`${FASTER_MARK}\` green = faster (base \u2192 head, change in brackets)</sub>`;
var fmtTestPct = (pct2) => Number.isFinite(pct2) ? fmtPct(pct2) : "from 0 ms";
var testName = (t) => `${escapeMarkdown(t.name)}<br><sub>${escapeMarkdown(t.file)}</sub>`;
function renderSlowerTests(report, limit) {
  const t = report.tests;
  if (!t) return "";
  const out = [];
  const table = (title, rows) => {
    if (!rows.length) return;
    out.push(`#### ${title} (${int(rows.length)})`, "", "| test | sampled base \u2192 head | \u0394 | CPU clock \xB7 off-CPU \xB7 wall | q-value | why (self time within the test) |", "|---|---:|---:|---:|---:|---|");
    for (const r of rows.slice(0, limit)) {
      const why = r.functions.filter((f) => f.deltaMs !== 0).map((f) => `${escapeMarkdown(f.name || "(anonymous)")} ${f.deltaMs > 0 ? "+" : "\u2212"}${Math.abs(f.deltaMs).toFixed(1)} ms`).join("<br>");
      const pct2 = Number.isFinite(r.deltaPct) ? r.deltaPct * 100 : Infinity;
      out.push(`| ${testName(r)} | ${r.baseMs.toFixed(1)} ms \u2192 ${r.headMs.toFixed(1)} ms | ${signed(`${Math.abs(r.deltaMs).toFixed(1)} ms`, r.deltaMs)} (${fmtTestPct(pct2)}) | ${clockCell(r)} | ${fmtQ(r.qValue)} | ${why} |`);
    }
    if (rows.length > limit) out.push("", `_\u2026and ${int(rows.length - limit)} more in the job summary._`);
    out.push("");
  };
  table("Tests that got slower, and why", t.slower);
  table("Tests that got faster", t.faster);
  if (t.offCpu) out.push(`_${plural(t.offCpu, "test")} moved in sampled time but not on the thread's CPU clock (blocked in system calls or descheduled): not listed._`);
  if (t.added.length || t.removed.length) out.push(`_${int(t.added.length)} test(s) only in head, ${int(t.removed.length)} only in base (not compared)._`);
  return out.join("\n").trim();
}
function clockCell(r) {
  const pair = (v, what) => v ? `${what} ${v.baseMs.toFixed(1)} \u2192 ${v.headMs.toFixed(1)} ms` : void 0;
  const parts = [pair(r.cpuClock, "CPU"), pair(r.offCpu, "off-CPU"), pair(r.wall, "wall")].filter((p) => p !== void 0);
  return parts.length ? parts.join("<br>") : "\u2013";
}
function linksMd(report) {
  const parts = [];
  const report_ = safeUrl(report.links.report);
  const summary = safeUrl(report.links.summary);
  const run = safeUrl(report.links.run);
  if (report_) parts.push(`[HTML report](${report_})`);
  if (summary) parts.push(`[job summary](${summary})`);
  if (run && run !== summary) parts.push(`[CI run](${run})`);
  const pyroscope = safeUrl(report.links.pyroscope);
  if (pyroscope) parts.push(`[Pyroscope diff](${pyroscope})`);
  return parts.length ? `\u{1F4CA} ${parts.join(" \xB7 ")}` : "";
}
var PRIOR_LABELS = {
  "same-environment": "same kind of machine",
  "different-environment": "different machines",
  "unknown-environment": "machines unknown",
  history: "measured on this job's earlier runs"
};
function speedMd(sp) {
  if (!sp) return "";
  const f = (x) => `\xD7${x.toFixed(3)}`;
  const pairs = sp.historyPairs ? `, ${int(sp.historyPairs)} pairs` : "";
  const prior = Object.hasOwn(PRIOR_LABELS, sp.prior) ? PRIOR_LABELS[sp.prior] : "unknown prior";
  return ` \xB7 machine speed ${f(sp.applied)} applied (functions suggest ${f(sp.estimated)}; ${prior}${pairs}: \xB1${sp.priorSdPct.toFixed(1)}%)`;
}
function footerMd(report) {
  const t = report.diff?.thresholds;
  const th = t ? ` \xB7 a row needs \u2265 ${num(t.minSamples)} samples, \u2265 ${num(t.minMs)} ms and \u2265 ${num(t.minPct)}% change, Benjamini-Hochberg q \u2264 ${num(t.alpha)}` : "";
  const nm = report.diff?.noiseModel;
  const model = !nm ? "" : nm.runs ? ` \xB7 noise from ${int(nm.runs.base)}+${int(nm.runs.head)} interleaved runs` : nm.testFiles ? ` \xB7 run-to-run noise checked across ${int(nm.testFiles)} test files` : " \xB7 sampling noise only (no test files to check run-to-run noise)";
  const dispersion = nm?.dispersion !== void 0 && nm.dispersion > 1.05 ? ` \xB7 functions scatter ${Math.sqrt(nm.dispersion).toFixed(1)}\xD7 more than sampling explains` : "";
  return `<sub>ciprof ${escapeMarkdown(report.ciprofVersion || VERSION)} \xB7 job ${escapeMarkdown(report.jobKey)}${th}${model}${dispersion}${speedMd(nm?.speed)}</sub>`;
}
function fill(template, values) {
  return `${template.replace(/\{\{(\w+)\}\}/g, (_m, k) => values[k] ?? "").replace(/\n{3,}/g, "\n\n").trim()}
`;
}
function renderWith(report, limits, truncation) {
  const d = report.diff;
  let improvements = d ? functionTableMd(report, "Faster", d.improvements, limits.rows) : "";
  if (d && limits.noiseRows > 0) {
    const noise = d.functions.filter((r) => r.status === "noise" && !r.blocked && !r.codeLoad).slice(0, limits.noiseRows);
    const table = functionTableMd(report, "Largest changes within noise", noise, limits.noiseRows);
    if (table) improvements += `

<details><summary>Within noise: the ${int(noise.length)} largest changes (not significant)</summary>

${table}

</details>`;
  }
  const blocked = d ? blockedTableMd(report, d.blocked ?? [], limits.rows) : "";
  if (blocked) improvements += `

${blocked}`;
  const loading = d ? codeLoadTableMd(report, d.codeLoad ?? [], limits.rows) : "";
  if (loading) improvements += `

${loading}`;
  return fill(loadTemplate(), {
    marker: commentMarker(report.jobKey),
    verdict: verdictMd(report),
    baseline: baselineMd(report),
    totals: d ? [environmentMd(report), totalsMd(d.base, d.head, d.suite, d.noiseModel.cpuClock), uniformChangeMd(report), excludedTestsMd(report)].filter(Boolean).join("\n\n") : "",
    regressions: d ? functionTableMd(report, "Slower", d.regressions, limits.rows) : "",
    improvements,
    tests: renderSlowerTests(report, limits.rows),
    allocations: allocationsMd(report.alloc, limits.rows, (f) => frameCell(report, f)),
    call_tree: callTreeMd(report.changedPaths, limits.treeLines),
    links: linksMd(report),
    truncation,
    footer: footerMd(report)
  });
}
function renderBounded(report, start, maxLength, measure) {
  const summary = safeUrl(report.links.summary);
  const note = `> [!NOTE]
> Shortened to fit the size limit; ${summary ? `the [job summary](${summary})` : "the job summary"} has the full tables.`;
  let limits = start;
  let out = renderWith(report, limits, "");
  while (measure(out) > maxLength && (limits.rows > 1 || limits.treeLines > 5 || limits.noiseRows > 0)) {
    limits = { rows: Math.max(1, Math.floor(limits.rows / 2)), treeLines: Math.max(5, Math.floor(limits.treeLines / 2)), noiseRows: Math.floor(limits.noiseRows / 2) };
    out = renderWith(report, limits, note);
  }
  if (measure(out) <= maxLength) return out;
  const tail = `

${note}
`;
  let cutAt = maxLength - measure(tail) - 16;
  while (cutAt > 0 && measure(out.slice(0, cutAt)) + measure(tail) > maxLength) cutAt = Math.floor(cutAt * 0.9);
  let head = out.slice(0, cutAt).replace(/&[#a-z0-9]*$/i, "");
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}${tail}`;
}
function renderComment(report, limits = COMMENT_LIMITS, maxChars = GITHUB_COMMENT_LIMIT) {
  return renderBounded(report, limits, maxChars, (s) => s.length);
}
function renderJobSummary(report, limits = SUMMARY_LIMITS, maxBytes = JOB_SUMMARY_LIMIT_BYTES - 1024) {
  return renderBounded(report, limits, maxBytes, (s) => Buffer.byteLength(s, "utf8"));
}

export {
  commentMarker,
  renderComment,
  renderJobSummary
};
