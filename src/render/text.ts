/**
 * Terminal text: the diff as a few lines (`ciprof diff` and `ciprof compare` without
 * --json), the top table (`ciprof top`). Names, paths and reasons come from profiles: each
 * goes through terminalText, so an escape sequence or a newline in a function name cannot
 * recolour, move or fake a line.
 */
import type { AllocDiff } from '../diff/alloc-diff.js';
import type { DiffReport } from '../diff/diff-report.js';
import { formatFrame, functionTable } from '../profile/aggregate.js';
import { timeValueIndex, type Profile } from '../profile/model.js';
import { bytes, ms, signedBytes } from '../report-ui/fmt.js';
import { terminalText } from './escape.js';

const sgn = (ns: number): string => `${ns >= 0 ? '+' : '-'}${ms(Math.abs(ns))}`;
const pct = (p: number): string => (Number.isFinite(p) ? `${p >= 0 ? '+' : ''}${p.toFixed(1)}%` : 'new');
const t = (s: string | undefined): string => terminalText(s ?? '');

export function formatDiffText(report: DiffReport, rows = 10): string {
  const b = report.base;
  const lines: string[] = [];
  if (b.source === 'file') lines.push(`ciprof: base: ${t(b.file)}`);
  else if (b.found) lines.push(`ciprof: base: commit ${t(b.commit)} (${b.distance} commit(s) back from ${t(b.wanted?.slice(0, 12))}): ${t(b.reason)}`);
  const d = report.diff;
  if (!d) {
    lines.push(`ciprof: no baseline: ${t(b.reason)}`);
    return lines.join('\n');
  }
  lines.push(`ciprof: suite CPU ${ms(d.base.cpuNs)} -> ${ms(d.head.cpuNs)} (${sgn(d.suite.deltaNs)}, ${pct(d.suite.deltaPct)}${d.suite.significant ? '' : ', within noise'})`);
  lines.push(`ciprof: verdict: ${t(d.verdict)} (${d.regressions.length} slower, ${d.improvements.length} faster, ${d.withinNoise} within noise)`);
  const show = (title: string, list: typeof d.regressions): void => {
    if (!list.length) return;
    lines.push(`ciprof: ${title}:`);
    for (const r of list.slice(0, rows)) lines.push(`  ${sgn(r.selfDeltaNs).padStart(12)} ${pct(r.selfDeltaPct).padStart(8)}  q=${r.qValue > 0 ? r.qValue.toExponential(1) : '<1e-300'}  ${t(formatFrame(r.frame))}`);
  };
  show('slower', d.regressions);
  show('faster', d.improvements);
  if (report.alloc) lines.push(...allocLines(report.alloc, rows));
  return lines.join('\n');
}

/** The allocation diff (both sides ran with --alloc): suite bytes, verdict, and the reported function and test rows. */
function allocLines(a: AllocDiff, rows: number): string[] {
  const out = [`ciprof: allocations ${bytes(a.base.bytes)} -> ${bytes(a.head.bytes)} (${pct(a.suiteDeltaPct)})`];
  const more = a.functions.filter((r) => r.status === 'regression');
  const less = a.functions.filter((r) => r.status === 'improvement');
  out.push(`ciprof: allocation verdict: ${t(a.verdict)} (${more.length} allocate more, ${less.length} allocate less, ${a.withinNoise} within noise)`);
  const q = (v: number): string => (v > 0 ? v.toExponential(1) : '<1e-300');
  for (const [title, list] of [
    ['allocate more', more],
    ['allocate less', less],
  ] as const) {
    if (!list.length) continue;
    out.push(`ciprof: ${title}:`);
    for (const r of list.slice(0, rows)) out.push(`  ${signedBytes(r.deltaBytes).padStart(12)} ${pct(r.deltaPct).padStart(8)}  q=${q(r.qValue)}  ${r.frame ? t(formatFrame(r.frame)) : ''}`);
  }
  const tests = a.tests.filter((r) => (r.status === 'regression' || r.status === 'improvement') && r.test);
  if (tests.length) {
    out.push('ciprof: tests whose allocations changed:');
    for (const r of tests.slice(0, rows)) out.push(`  ${signedBytes(r.deltaBytes).padStart(12)} ${pct(r.deltaPct).padStart(8)}  ${t(r.test!.file)} > ${t(r.test!.name)}`);
  }
  return out;
}

/**
 * The functions with the most self (or, `cum`, total) time, in `go tool pprof -top`'s own
 * layout and number format (`3.00ms`), so the two read alike side by side.
 */
export function formatTopTable(profile: Profile, rows: number, cum: boolean): string {
  const table = functionTable(profile, timeValueIndex(profile));
  const top = [...table.stats].sort((a, b) => (cum ? b.total - a.total : b.self - a.self)).slice(0, rows);
  const pct = (v: number): string => `${table.total ? ((v / table.total) * 100).toFixed(2) : '0.00'}%`;
  const pprofMs = (v: number): string => `${(v / 1e6).toFixed(2)}ms`;
  const out: string[] = [`Total: ${pprofMs(table.total)} in ${table.totalSamples} samples (${profile.functions.length} functions)`];
  out.push(`${'flat'.padStart(12)} ${'flat%'.padStart(7)} ${'sum%'.padStart(7)} ${'cum'.padStart(12)} ${'cum%'.padStart(7)}`);
  let sum = 0;
  for (const r of top) {
    sum += r.self;
    out.push(`${pprofMs(r.self).padStart(12)} ${pct(r.self).padStart(7)} ${pct(sum).padStart(7)} ${pprofMs(r.total).padStart(12)} ${pct(r.total).padStart(7)}  ${t(formatFrame(r.frame))}`);
  }
  return out.join('\n');
}
