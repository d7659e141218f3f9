/**
 * The PR comment and the job summary, from templates/comment.md. Every string that came
 * from a profile or from git goes through escape.ts; numbers and our own words do not.
 *
 * The comment must fit GitHub's 65,536-character limit: we render, and while it is too
 * long, render again with fewer rows and a shorter tree, then add a note pointing at the
 * full job summary. The summary uses the same sections with every reported row.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChangedPathNode } from '../diff/call-tree-diff.js';
import type { DiffReport } from '../diff/diff-report.js';
import type { FunctionDelta, NoiseModel, SuiteTotals } from '../diff/function-diff.js';
import type { FunctionFrame } from '../profile/model.js';
import { fileLine, ms as fmtMs } from '../report-ui/fmt.js';
import { VERSION } from '../version.js';
import { redact } from '../ci/mask.js';
import { codeLine, encodePathSegments, escapeMarkdown, fenceFor, safeUrl } from './escape.js';
import { allocationsMd } from './alloc-markdown.js';

declare const __CIPROF_COMMENT_TEMPLATE__: string | undefined;

/** GitHub's limit for an issue/PR comment body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** GitHub's limit for one step's job summary, in bytes. */
export const JOB_SUMMARY_LIMIT_BYTES = 1024 * 1024;

export function commentMarker(jobKey: string): string {
  // The job key is sanitized to [A-Za-z0-9._-]; "--" cannot appear inside an HTML comment.
  return `<!-- ciprof:${jobKey.replace(/-{2,}/g, '-')} -->`;
}

function loadTemplate(): string {
  // The bundle carries the template (scripts/build.mjs defines it); from source, read the file.
  if (typeof __CIPROF_COMMENT_TEMPLATE__ === 'string') return __CIPROF_COMMENT_TEMPLATE__;
  const file = fileURLToPath(new URL('../../templates/comment.md', import.meta.url));
  if (existsSync(file)) return readFileSync(file, 'utf8');
  return '{{marker}}\n### {{verdict}}\n\n{{baseline}}\n\n{{totals}}\n\n{{regressions}}\n\n{{improvements}}\n\n{{tests}}\n\n{{allocations}}\n\n{{call_tree}}\n\n{{links}}\n\n{{truncation}}\n\n{{footer}}\n';
}

export interface RenderLimits {
  /** Rows per table (regressions, improvements). */
  rows: number;
  /** Lines of the changed-paths tree. */
  treeLines: number;
  /** Also list the largest within-noise rows (the job summary does). */
  noiseRows: number;
}

export const COMMENT_LIMITS: RenderLimits = { rows: 10, treeLines: 40, noiseRows: 0 };
export const SUMMARY_LIMITS: RenderLimits = { rows: 1000, treeLines: 200, noiseRows: 50 };

const signed = (s: string, v: number): string => (v > 0 ? `+${s}` : v < 0 ? `−${s.replace(/^-/, '')}` : s);
const fmtDeltaMs = (ns: number): string => signed(fmtMs(ns), ns);
const fmtPct = (p: number): string => (!Number.isFinite(p) ? 'new' : signed(`${Math.abs(p) >= 100 ? p.toFixed(0) : p.toFixed(1)}%`, p));
const fmtQ = (q: number): string => (q >= 0.001 ? q.toFixed(3) : q === 0 ? '< 1e-300' : q.toExponential(1));
const pctOf = (delta: number, base: number): number => (base > 0 ? (delta / base) * 100 : delta > 0 ? Infinity : 0);
/**
 * A count or setting read back from diff.json: only a finite number is printed, so a
 * forged file cannot put text where the comment shows a number.
 */
const int = (v: number | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v)) : '?');
const num = (v: number | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '?');
const plural = (n: number, word: string): string => `${int(n)} ${word}${n === 1 ? '' : 's'}`;
/** A commit id as printed and linked: anything but hex digits is dropped (it sits in a code span and a URL). */
const hex = (c: string | undefined): string => (c ?? '').replace(/[^0-9a-f]/gi, '');
const short = (c: string | undefined): string => hex(c).slice(0, 12) || 'unknown';

function isRepoFile(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(file) && !file.split('/').includes('..') && !file.startsWith('node_modules/');
}

function commitUrl(report: DiffReport, commit: string | undefined): string | undefined {
  if (!hex(commit) || !report.repository || !report.serverUrl) return undefined;
  // GitLab serves project pages under `/-/` only (its unscoped routes are being removed).
  const path = report.provider === 'gitlab' ? '-/commit' : 'commit';
  return safeUrl(`${report.serverUrl.replace(/\/$/, '')}/${encodePathSegments(report.repository)}/${path}/${hex(commit)}`);
}

/** The CI run whose profile was the baseline (GitHub Actions), under the report's repository. */
function runLink(report: DiffReport, runId: number | undefined): string {
  if (runId === undefined || report.provider !== 'github' || !report.repository || !report.serverUrl) return '';
  const url = safeUrl(`${report.serverUrl.replace(/\/$/, '')}/${encodePathSegments(report.repository)}/actions/runs/${int(runId)}`);
  return url ? `, [run ${int(runId)}](${url})` : '';
}

/** `name` and a `file:line` link to the file at the head commit (GitHub's blob URL layout, also GitLab's `/-/blob/`). */
function frameCell(report: DiffReport, frame: FunctionFrame): string {
  const name = `**${escapeMarkdown(frame.name || '(anonymous)')}**`;
  if (!frame.file) return name;
  const where = escapeMarkdown(fileLine(frame.file, frame.line));
  const head = report.head.commit;
  if (!isRepoFile(frame.file) || !head || !report.repository || !report.serverUrl) return `${name}<br>${where}`;
  const blob = report.provider === 'gitlab' ? '-/blob' : 'blob';
  const url = safeUrl(
    `${report.serverUrl.replace(/\/$/, '')}/${encodePathSegments(report.repository)}/${blob}/${hex(head)}/${encodePathSegments(redact(frame.file))}${frame.line > 0 ? `#L${int(frame.line)}` : ''}`,
  );
  return url ? `${name}<br>[${where}](${url})` : `${name}<br>${where}`;
}

function functionTableMd(report: DiffReport, title: string, rows: FunctionDelta[], limit: number): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, limit);
  const lines = [
    `#### ${title} (${int(rows.length)})`,
    '',
    '| function | self base → head | self Δ | speed-adjusted Δ (95% CI) | total Δ | q-value |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of shown) {
    const vsRest = r.adjustedPct === undefined ? '' : `${fmtPct(r.adjustedPct)}${fmtInterval(r)}`;
    lines.push(
      `| ${frameCell(report, r.frame)} | ${fmtMs(r.base.selfNs)} → ${fmtMs(r.head.selfNs)} | ${fmtDeltaMs(r.selfDeltaNs)} (${fmtPct(r.selfDeltaPct)}) | ${vsRest} | ${fmtDeltaMs(r.totalDeltaNs)} (${fmtPct(pctOf(r.totalDeltaNs, r.base.totalNs))}) | ${fmtQ(r.qValue)} |`,
    );
  }
  if (rows.length > shown.length) lines.push('', `_…and ${int(rows.length - shown.length)} more in the job summary._`);
  return lines.join('\n');
}

/**
 * Blocked time apart from CPU: waits in bind, sync fs, spawnSync… that the sampler charges
 * as if they ran. A row is "changed" only when measured noise (history, runs) judged it.
 */
function blockedTableMd(report: DiffReport, rows: FunctionDelta[], limit: number): string {
  if (rows.length === 0) return '';
  const judged = rows.filter((r) => r.status === 'regression' || r.status === 'improvement');
  const lines = ['| function | wait | sampled base → head | Δ | judged |', '|---|---|---:|---:|---|'];
  for (const r of rows.slice(0, limit)) {
    const verdict = r.judgedBy === undefined ? 'not judged: no measured noise for it' : r.status === 'noise' ? `within the noise ${r.judgedBy === 'history' ? 'this job\'s history' : 'the runs'} measured` : `${r.status === 'regression' ? 'longer' : 'shorter'} beyond measured noise (q ${fmtQ(r.qValue)})`;
    lines.push(`| ${frameCell(report, r.frame)} | ${escapeMarkdown(r.blocked ?? '')} | ${fmtMs(r.base.selfNs)} → ${fmtMs(r.head.selfNs)} | ${fmtDeltaMs(r.selfDeltaNs)} (${fmtPct(r.selfDeltaPct)}) | ${verdict} |`);
  }
  const title = `Blocked time (${int(rows.length)}): waits the profiler samples as if they ran, never counted as CPU regressions${judged.length ? `; ${plural(judged.length, 'wait')} changed beyond measured noise` : ''}`;
  return judged.length ? `#### ${title}\n\n${lines.join('\n')}` : `<details><summary>${title}</summary>\n\n${lines.join('\n')}\n\n</details>`;
}

/**
 * Code loading apart from the CPU rows: a runner's transform (ts-jest compiling TypeScript)
 * and the module loader, whose amount follows scheduling and caches. A row is "changed"
 * only beyond its class's swing (history, runs, or the prior measured on real suites).
 */
function codeLoadTableMd(report: DiffReport, rows: FunctionDelta[], limit: number): string {
  if (rows.length === 0) return '';
  const judged = rows.filter((r) => r.status === 'regression' || r.status === 'improvement');
  const noiseOf = (r: FunctionDelta): string => (r.judgedBy === 'history' ? "this job's history" : r.judgedBy === 'runs' ? 'the runs' : 'real suites');
  const lines = ['| function | loading | self base → head | Δ | judged |', '|---|---|---:|---:|---|'];
  for (const r of rows.slice(0, limit)) {
    const verdict = r.status === 'noise' ? `within the swing ${noiseOf(r)} measured for ${escapeMarkdown(r.codeLoad ?? '')}` : `${r.status === 'regression' ? 'more' : 'less'} beyond that swing (q ${fmtQ(r.qValue)})`;
    lines.push(`| ${frameCell(report, r.frame)} | ${escapeMarkdown(r.codeLoad ?? '')} | ${fmtMs(r.base.selfNs)} → ${fmtMs(r.head.selfNs)} | ${fmtDeltaMs(r.selfDeltaNs)} (${fmtPct(r.selfDeltaPct)}) | ${verdict} |`);
  }
  const title = `Code loading (${int(rows.length)}): transforming and loading modules for the tests, whose amount follows scheduling and caches; never counted as CPU regressions${judged.length ? `; ${plural(judged.length, 'function')} changed beyond the measured swing` : ''}`;
  return judged.length ? `#### ${title}\n\n${lines.join('\n')}` : `<details><summary>${title}</summary>\n\n${lines.join('\n')}\n\n</details>`;
}

/** " (+12..+25)" after the percentage: the interval of the speed-adjusted change, when known. */
function fmtInterval(r: FunctionDelta): string {
  const iv = r.interval;
  if (!iv || !Number.isFinite(iv.lowPct) || !Number.isFinite(iv.highPct)) return '';
  const n = (p: number): string => `${p >= 0 ? '+' : '−'}${Math.abs(p) >= 100 ? Math.abs(p).toFixed(0) : Math.abs(p).toFixed(1)}`;
  return ` (${n(iv.lowPct)}..${n(iv.highPct)})`;
}

/** The decision's notes: why a table shows what the function rows do not. */
function decisionNotesMd(report: DiffReport): string {
  const notes = report.decision?.notes ?? [];
  return notes.length ? notes.map((n) => `> ${escapeMarkdown(n)}`).join('\n>\n') : '';
}

/** The suite moved but no function stands out: say what that can and cannot mean (reports without a decision). */
function uniformChangeMd(report: DiffReport): string {
  const d = report.diff;
  if (report.decision) return decisionNotesMd(report);
  if (!d || !d.suite.significant || d.regressions.length > 0 || d.improvements.length > 0 || d.noiseModel.runs) return '';
  return `<sub>The whole run moved alike (${d.suite.deltaPct > 0 ? 'slower' : 'faster'}), and no function stands out from the run's overall speed: a busier or different machine, or a change that touches everything. \`ciprof compare\` runs base and head on one machine to tell them apart.</sub>`;
}

function excludedTestsMd(report: DiffReport): string {
  const ex = report.diff?.excludedTests;
  if (!ex || (ex.baseOnly === 0 && ex.headOnly === 0)) return '';
  return `<sub>Function rows compare the tests present on both sides: ${int(ex.headOnly)} test(s) only in the head and ${int(ex.baseOnly)} only in the base are left out of them.</sub>`;
}

function environmentMd(report: DiffReport): string {
  const warnings = report.diff?.environmentWarnings ?? [];
  if (warnings.length === 0) return '';
  return `> [!WARNING]\n> Base and head ran in different environments, so some of the change may be the machine's: ${warnings.map(escapeMarkdown).join('; ')}.`;
}

function totalsMd(base: SuiteTotals, head: SuiteTotals, suite: NonNullable<DiffReport['diff']>['suite'], cpuClock = false): string {
  const lines = ['| suite | base | head | change |', '|---|---:|---:|---:|'];
  // Sampled time, except inside tests whose thread CPU clock was read: there, the clock's.
  lines.push(`| ${cpuClock ? 'CPU time (tests by their CPU clock)' : 'CPU time (sampled)'} | ${fmtMs(base.cpuNs)} | ${fmtMs(head.cpuNs)} | ${fmtDeltaMs(suite.deltaNs)} (${fmtPct(suite.deltaPct)})${suite.significant ? '' : ', within noise'} |`);
  if (base.blockedNs !== undefined && head.blockedNs !== undefined && (base.blockedNs > 0 || head.blockedNs > 0)) {
    const d = head.blockedNs - base.blockedNs;
    // Waits in blocking calls: part of the sampled time above, left out of its test.
    lines.push(`| of which blocked in system calls | ${fmtMs(base.blockedNs)} | ${fmtMs(head.blockedNs)} | ${fmtDeltaMs(d)}, not CPU, tested apart |`);
  }
  if (base.codeLoadNs !== undefined && head.codeLoadNs !== undefined && (base.codeLoadNs > 0 || head.codeLoadNs > 0)) {
    const d = head.codeLoadNs - base.codeLoadNs;
    lines.push(`| of which loading code (transform, module loader) | ${fmtMs(base.codeLoadNs)} | ${fmtMs(head.codeLoadNs)} | ${fmtDeltaMs(d)}, judged apart |`);
  }
  if (base.wallMs !== undefined && head.wallMs !== undefined) {
    const d = (head.wallMs - base.wallMs) * 1e6;
    // Wall time has no sample count behind it: shown, never judged.
    lines.push(`| wall time | ${fmtMs(base.wallMs * 1e6)} | ${fmtMs(head.wallMs * 1e6)} | ${fmtDeltaMs(d)} (${fmtPct(pctOf(d, base.wallMs * 1e6))}), not tested |`);
  }
  if (base.processes !== undefined && head.processes !== undefined) {
    lines.push(`| processes / threads | ${int(base.processes)} / ${int(base.threads)} | ${int(head.processes)} / ${int(head.threads)} | ${head.processes - base.processes >= 0 ? '+' : '−'}${int(Math.abs(head.processes - base.processes))} |`);
  }
  return lines.join('\n');
}

function verdictMd(report: DiffReport): string {
  const d = report.diff;
  if (!d) return '⚪ ciprof: no baseline to compare with';
  const decision = report.decision;
  if (decision) return `${decision.verdict === 'regression' ? '🔴' : decision.verdict === 'improvement' ? '🟢' : '⚪'} ciprof: ${escapeMarkdown(decision.headline)}`;
  const noise = `${plural(d.withinNoise, 'function')} within noise`;
  if (d.verdict === 'regression')
    return `🔴 ciprof: slower — ${plural(d.regressions.length, 'function')} regressed${d.improvements.length ? `, ${int(d.improvements.length)} improved` : ''} (${noise})`;
  if (d.verdict === 'improvement') return `🟢 ciprof: faster — ${plural(d.improvements.length, 'function')} improved (${noise})`;
  return `⚪ ciprof: no significant change in CPU time (${noise})`;
}

function baselineMd(report: DiffReport): string {
  const b = report.base;
  const reason = escapeMarkdown(b.reason);
  if (!b.found) return `No base profile was found: ${reason}. This run's profile is stored, so later PRs can compare with it.`;
  if (b.source === 'file') return `Base: the profile file ${escapeMarkdown(b.file ?? '')}${b.commit ? ` (commit ${escapeMarkdown(short(b.commit))})` : ''}.`;
  const url = commitUrl(report, b.commit);
  const commit = url ? `[\`${short(b.commit)}\`](${url})` : `\`${short(b.commit)}\``;
  const back = b.distance === 0 ? 'the merge-base itself' : `${plural(b.distance ?? NaN, 'commit')} before the merge-base`;
  return `Base: commit ${commit} (${back}) from the ${escapeMarkdown(b.store ?? 'profile')} store${runLink(report, b.runId)} — ${reason}. Head: \`${short(report.head.commit)}\`.`;
}

/**
 * The changed paths as a ```diff block, indented by depth. GitHub paints `-` lines red and
 * `+` lines green, so `-` marks slower (a regression reads red) and `+` faster.
 */
function callTreeMd(nodes: ChangedPathNode[], maxLines: number): string {
  if (nodes.length === 0) return '';
  const lines: string[] = [];
  let cut = false;
  const walk = (n: ChangedPathNode, depth: number): void => {
    if (lines.length >= maxLines) {
      cut = true;
      return;
    }
    const d = n.headNs - n.baseNs;
    const sign = d > 0 ? SLOWER_MARK : d < 0 ? FASTER_MARK : ' ';
    const where = n.frame.file ? ` ${fileLine(n.frame.file, Math.round(n.frame.line) || 0)}` : '';
    if (n.elided) lines.push(codeLine(`${sign} ${'  '.repeat(depth)}… ${plural(n.elided, 'frame')} with the same change`));
    lines.push(codeLine(`${sign} ${'  '.repeat(depth)}${n.frame.name || '(anonymous)'}${where}  ${fmtMs(n.baseNs)} → ${fmtMs(n.headNs)} (${fmtDeltaMs(d).replace('−', '-')})${n.reported ? '  ◀' : ''}`));
    for (const c of n.children) walk(c, depth + 1);
  };
  for (const n of nodes) walk(n, 0);
  const body = lines.join('\n');
  const fence = fenceFor(body);
  return [
    '#### Changed call paths (total time; ◀ = reported function)',
    '',
    CALL_TREE_LEGEND,
    '',
    `${fence}diff`,
    body,
    ...(cut ? ['  … (tree pruned; full tree in the HTML report)'] : []),
    fence,
  ].join('\n');
}

const SLOWER_MARK = '-';
const FASTER_MARK = '+';
export const CALL_TREE_LEGEND = `<sub>\`${SLOWER_MARK}\` red = slower, \`${FASTER_MARK}\` green = faster (base → head, change in brackets)</sub>`;

/**
 * A test row's relative change. Rows are tests present on both sides (the base's test
 * list records tests without samples), so a test from 0 ms is "from 0", never "new":
 * new tests are listed apart, as only in head.
 */
const fmtTestPct = (pct: number): string => (Number.isFinite(pct) ? fmtPct(pct) : 'from 0 ms');

const testName = (t: { file: string; name: string }): string => `${escapeMarkdown(t.name)}<br><sub>${escapeMarkdown(t.file)}</sub>`;

/** "Tests that got slower, and why": each slower test with the functions whose self time moved most within it. */
export function renderSlowerTests(report: DiffReport, limit: number): string {
  const t = report.tests;
  if (!t) return '';
  const out: string[] = [];
  const table = (title: string, rows: NonNullable<DiffReport['tests']>['slower']): void => {
    if (!rows.length) return;
    out.push(`#### ${title} (${int(rows.length)})`, '', '| test | sampled base → head | Δ | CPU clock · off-CPU · wall | q-value | why (self time within the test) |', '|---|---:|---:|---:|---:|---|');
    for (const r of rows.slice(0, limit)) {
      const why = r.functions
        .filter((f) => f.deltaMs !== 0)
        .map((f) => `${escapeMarkdown(f.name || '(anonymous)')} ${f.deltaMs > 0 ? '+' : '−'}${Math.abs(f.deltaMs).toFixed(1)} ms`)
        .join('<br>');
      const pct = Number.isFinite(r.deltaPct) ? r.deltaPct * 100 : Infinity;
      out.push(`| ${testName(r)} | ${r.baseMs.toFixed(1)} ms → ${r.headMs.toFixed(1)} ms | ${signed(`${Math.abs(r.deltaMs).toFixed(1)} ms`, r.deltaMs)} (${fmtTestPct(pct)}) | ${clockCell(r)} | ${fmtQ(r.qValue)} | ${why} |`);
    }
    if (rows.length > limit) out.push('', `_…and ${int(rows.length - limit)} more in the job summary._`);
    out.push('');
  };
  table('Tests that got slower, and why', t.slower);
  table('Tests that got faster', t.faster);
  if (t.offCpu) out.push(`_${plural(t.offCpu, 'test')} moved in sampled time but not on the thread's CPU clock (blocked in system calls or descheduled): not listed._`);
  if (t.added.length || t.removed.length) out.push(`_${int(t.added.length)} test(s) only in head, ${int(t.removed.length)} only in base (not compared)._`);
  return out.join('\n').trim();
}

/** The test's CPU by the thread's clock, its off-CPU time and its wall time, base → head: each apart, never mixed. */
function clockCell(r: NonNullable<DiffReport['tests']>['slower'][number]): string {
  const pair = (v: { baseMs: number; headMs: number } | undefined, what: string): string | undefined => (v ? `${what} ${v.baseMs.toFixed(1)} → ${v.headMs.toFixed(1)} ms` : undefined);
  const parts = [pair(r.cpuClock, 'CPU'), pair(r.offCpu, 'off-CPU'), pair(r.wall, 'wall')].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join('<br>') : '–';
}

function linksMd(report: DiffReport): string {
  const parts: string[] = [];
  const report_ = safeUrl(report.links.report);
  const summary = safeUrl(report.links.summary);
  const run = safeUrl(report.links.run);
  if (report_) parts.push(`[HTML report](${report_})`);
  if (summary) parts.push(`[job summary](${summary})`);
  if (run && run !== summary) parts.push(`[CI run](${run})`);
  const pyroscope = safeUrl(report.links.pyroscope);
  if (pyroscope) parts.push(`[Pyroscope diff](${pyroscope})`);
  return parts.length ? `📊 ${parts.join(' · ')}` : '';
}

const PRIOR_LABELS: Record<NonNullable<NoiseModel['speed']>['prior'], string> = {
  'same-environment': 'same kind of machine',
  'different-environment': 'different machines',
  'unknown-environment': 'machines unknown',
  history: 'measured on this job\'s earlier runs',
};

/** How the machine-speed adjustment was made: the reader can see a regression was not divided away. */
function speedMd(sp: NoiseModel['speed']): string {
  if (!sp) return '';
  const f = (x: number): string => `×${x.toFixed(3)}`;
  const pairs = sp.historyPairs ? `, ${int(sp.historyPairs)} pairs` : '';
  const prior = Object.hasOwn(PRIOR_LABELS, sp.prior) ? PRIOR_LABELS[sp.prior] : 'unknown prior';
  return ` · machine speed ${f(sp.applied)} applied (functions suggest ${f(sp.estimated)}; ${prior}${pairs}: ±${sp.priorSdPct.toFixed(1)}%)`;
}

function footerMd(report: DiffReport): string {
  const t = report.diff?.thresholds;
  const th = t ? ` · a row needs ≥ ${num(t.minSamples)} samples, ≥ ${num(t.minMs)} ms and ≥ ${num(t.minPct)}% change, Benjamini-Hochberg q ≤ ${num(t.alpha)}` : '';
  const nm = report.diff?.noiseModel;
  const model = !nm ? '' : nm.runs ? ` · noise from ${int(nm.runs.base)}+${int(nm.runs.head)} interleaved runs` : nm.testFiles ? ` · run-to-run noise checked across ${int(nm.testFiles)} test files` : ' · sampling noise only (no test files to check run-to-run noise)';
  const dispersion = nm?.dispersion !== undefined && nm.dispersion > 1.05 ? ` · functions scatter ${Math.sqrt(nm.dispersion).toFixed(1)}× more than sampling explains` : '';
  return `<sub>ciprof ${escapeMarkdown(report.ciprofVersion || VERSION)} · job ${escapeMarkdown(report.jobKey)}${th}${model}${dispersion}${speedMd(nm?.speed)}</sub>`;
}

function fill(template: string, values: Record<string, string>): string {
  return `${template
    .replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function renderWith(report: DiffReport, limits: RenderLimits, truncation: string): string {
  const d = report.diff;
  let improvements = d ? functionTableMd(report, 'Faster', d.improvements, limits.rows) : '';
  if (d && limits.noiseRows > 0) {
    const noise = d.functions.filter((r) => r.status === 'noise' && !r.blocked && !r.codeLoad).slice(0, limits.noiseRows);
    const table = functionTableMd(report, 'Largest changes within noise', noise, limits.noiseRows);
    if (table) improvements += `\n\n<details><summary>Within noise: the ${int(noise.length)} largest changes (not significant)</summary>\n\n${table}\n\n</details>`;
  }
  const blocked = d ? blockedTableMd(report, d.blocked ?? [], limits.rows) : '';
  if (blocked) improvements += `\n\n${blocked}`;
  const loading = d ? codeLoadTableMd(report, d.codeLoad ?? [], limits.rows) : '';
  if (loading) improvements += `\n\n${loading}`;
  return fill(loadTemplate(), {
    marker: commentMarker(report.jobKey),
    verdict: verdictMd(report),
    baseline: baselineMd(report),
    totals: d ? [environmentMd(report), totalsMd(d.base, d.head, d.suite, d.noiseModel.cpuClock), uniformChangeMd(report), excludedTestsMd(report)].filter(Boolean).join('\n\n') : '',
    regressions: d ? functionTableMd(report, 'Slower', d.regressions, limits.rows) : '',
    improvements,
    tests: renderSlowerTests(report, limits.rows),
    allocations: allocationsMd(report.alloc, limits.rows, (f) => frameCell(report, f)),
    call_tree: callTreeMd(report.changedPaths, limits.treeLines),
    links: linksMd(report),
    truncation,
    footer: footerMd(report),
  });
}

/**
 * Renders within `maxLength` (a measure of the text: characters for the comment, bytes
 * for the summary), shrinking tables first, then cutting with a note as the last resort.
 */
function renderBounded(report: DiffReport, start: RenderLimits, maxLength: number, measure: (s: string) => number): string {
  const summary = safeUrl(report.links.summary);
  const note = `> [!NOTE]\n> Shortened to fit the size limit; ${summary ? `the [job summary](${summary})` : 'the job summary'} has the full tables.`;
  let limits = start;
  let out = renderWith(report, limits, '');
  while (measure(out) > maxLength && (limits.rows > 1 || limits.treeLines > 5 || limits.noiseRows > 0)) {
    limits = { rows: Math.max(1, Math.floor(limits.rows / 2)), treeLines: Math.max(5, Math.floor(limits.treeLines / 2)), noiseRows: Math.floor(limits.noiseRows / 2) };
    out = renderWith(report, limits, note);
  }
  if (measure(out) <= maxLength) return out;
  // Still too long (absurdly long names): cut hard, keeping the marker and the note.
  const tail = `\n\n${note}\n`;
  let cutAt = maxLength - measure(tail) - 16;
  while (cutAt > 0 && measure(out.slice(0, cutAt)) + measure(tail) > maxLength) cutAt = Math.floor(cutAt * 0.9);
  // Never cut inside a surrogate pair or an HTML entity.
  let head = out.slice(0, cutAt).replace(/&[#a-z0-9]*$/i, '');
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}${tail}`;
}

export function renderComment(report: DiffReport, limits: RenderLimits = COMMENT_LIMITS, maxChars = GITHUB_COMMENT_LIMIT): string {
  return renderBounded(report, limits, maxChars, (s) => s.length);
}

export function renderJobSummary(report: DiffReport, limits: RenderLimits = SUMMARY_LIMITS, maxBytes = JOB_SUMMARY_LIMIT_BYTES - 1024): string {
  return renderBounded(report, limits, maxBytes, (s) => Buffer.byteLength(s, 'utf8'));
}
