/** The diff as a few terminal lines, for `ciprof diff` without --json. */
import type { DiffReport } from '../diff/diff-report.js';
import { formatFrame } from '../profile/aggregate.js';
import { ms } from '../report-ui/fmt.js';

const sgn = (ns: number): string => `${ns >= 0 ? '+' : '-'}${ms(Math.abs(ns))}`;
const pct = (p: number): string => (Number.isFinite(p) ? `${p >= 0 ? '+' : ''}${p.toFixed(1)}%` : 'new');

export function formatDiffText(report: DiffReport, rows = 10): string {
  const b = report.base;
  const lines: string[] = [];
  if (b.source === 'file') lines.push(`ciprof: base: ${b.file}`);
  else if (b.found) lines.push(`ciprof: base: commit ${b.commit} (${b.distance} commit(s) back from ${b.wanted?.slice(0, 12)}): ${b.reason}`);
  const d = report.diff;
  if (!d) {
    lines.push(`ciprof: no baseline: ${b.reason}`);
    return lines.join('\n');
  }
  lines.push(`ciprof: suite CPU ${ms(d.base.cpuNs)} -> ${ms(d.head.cpuNs)} (${sgn(d.suite.deltaNs)}, ${pct(d.suite.deltaPct)}${d.suite.significant ? '' : ', within noise'})`);
  lines.push(`ciprof: verdict: ${d.verdict} (${d.regressions.length} slower, ${d.improvements.length} faster, ${d.withinNoise} within noise)`);
  const show = (title: string, list: typeof d.regressions): void => {
    if (!list.length) return;
    lines.push(`ciprof: ${title}:`);
    for (const r of list.slice(0, rows)) lines.push(`  ${sgn(r.selfDeltaNs).padStart(12)} ${pct(r.selfDeltaPct).padStart(8)}  q=${r.qValue > 0 ? r.qValue.toExponential(1) : '<1e-300'}  ${formatFrame(r.frame)}`);
  };
  show('slower', d.regressions);
  show('faster', d.improvements);
  return lines.join('\n');
}
