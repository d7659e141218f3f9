/**
 * The diff as a few terminal lines, for `ciprof diff` and `ciprof compare` without --json.
 * Names, paths and reasons come from profiles: each goes through terminalText, so an
 * escape sequence or a newline in a function name cannot recolour, move or fake a line.
 */
import type { DiffReport } from '../diff/diff-report.js';
import { formatFrame } from '../profile/aggregate.js';
import { terminalText } from './escape.js';

const ms = (ns: number): string => `${(ns / 1e6).toFixed(1)} ms`;
const sgn = (ns: number): string => `${ns >= 0 ? '+' : ''}${(ns / 1e6).toFixed(1)} ms`;
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
  return lines.join('\n');
}
