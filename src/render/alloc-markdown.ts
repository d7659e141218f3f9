/**
 * The "Allocations" section of the PR comment and job summary, when both sides were run
 * with `--alloc`: the suite's sampled bytes, the function and test rows that changed
 * beyond the allocation noise model (alloc-diff.ts), and what that model was. Names from
 * profiles go through escape.ts; numbers are printed only when finite.
 */
import type { AllocDiff, AllocRow } from '../diff/alloc-diff.js';
import type { FunctionFrame } from '../profile/model.js';
import { bytes } from '../report-ui/fmt.js';
import { escapeMarkdown } from './escape.js';

const fin = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function fmtBytes(b: number): string {
  return fin(b) ? bytes(b) : '?';
}

const signedBytes = (b: number): string => (b > 0 ? `+${fmtBytes(b)}` : b < 0 ? `−${fmtBytes(-b)}` : fmtBytes(0));
const pct = (p: number): string => (!Number.isFinite(p) ? 'new' : `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(1)}%`);
const q = (v: number): string => (!fin(v) ? '?' : v >= 0.001 ? v.toFixed(3) : v.toExponential(1));
const reported = (r: AllocRow): boolean => r.status === 'regression' || r.status === 'improvement';

function rowsMd(title: string, rows: AllocRow[], limit: number, name: (r: AllocRow) => string): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, limit);
  const lines = [`**${title}**`, '', '| | allocated base → head | Δ | q-value |', '|---|---:|---:|---:|'];
  for (const r of shown) lines.push(`| ${name(r)} | ${fmtBytes(r.base.bytes)} → ${fmtBytes(r.head.bytes)} | ${signedBytes(r.deltaBytes)} (${pct(r.deltaPct)}) | ${q(r.qValue)} |`);
  if (rows.length > shown.length) lines.push('', `_…and ${rows.length - shown.length} more in the job summary._`);
  return lines.join('\n');
}

function verdictLine(a: AllocDiff): string {
  const more = a.functions.filter((r) => r.status === 'regression').length;
  const less = a.functions.filter((r) => r.status === 'improvement').length;
  if (a.verdict === 'no-change') return `No significant change in allocations (${a.withinNoise} functions within noise).`;
  const parts = [];
  if (more) parts.push(`${more} function${more === 1 ? '' : 's'} allocate more`);
  if (less) parts.push(`${less} allocate less`);
  if (!parts.length) parts.push(a.verdict === 'regression' ? 'tests allocate more' : 'tests allocate less');
  return `**${parts.join(', ')}** (${a.withinNoise} functions within noise).`;
}

/** '' when the report has no allocation diff. `frameCell` renders (and links) a function as the CPU tables do. */
export function allocationsMd(a: AllocDiff | undefined, limit: number, frameCell: (f: FunctionFrame) => string): string {
  if (!a) return '';
  const lines = ['#### Allocations', '', verdictLine(a), ''];
  lines.push('| | base | head | Δ |', '|---|---:|---:|---:|');
  lines.push(`| allocated (sampled every ${fmtBytes(a.intervalBytes)} on average) | ${fmtBytes(a.base.bytes)} | ${fmtBytes(a.head.bytes)} | ${signedBytes(a.head.bytes - a.base.bytes)} (${pct(a.suiteDeltaPct)}) |`);
  const functions = rowsMd('Functions', a.functions.filter(reported), limit, (r) => (r.frame ? frameCell(r.frame) : '?'));
  const tests = rowsMd('Tests', a.tests.filter(reported), limit, (r) => escapeMarkdown(r.test ? `${r.test.file} › ${r.test.name}` : '?'));
  for (const t of [functions, tests]) if (t) lines.push('', t);
  const d = a.dispersion;
  lines.push(
    '',
    `<sub>Allocation noise model: V8's heap sampling (Poisson) × dispersion ${fin(d.used) ? d.used.toFixed(2) : '?'} (A/A-measured floor ${fin(d.aa) ? d.aa.toFixed(2) : '?'}, this diff ${fin(d.estimated) ? d.estimated.toFixed(2) : '?'}); ` +
      `${a.units >= a.thresholds.minUnits ? `function rows must hold, as a ratio, across the test files that allocate in them (of ${a.units}; precision-weighted random-effects t on log ratios, p ≤ 0.05) and change their script and callers' bytes too (bytes that inlining moves are not a change); ` : ''}` +
      `rows need ≥ ${a.thresholds.minPct}% and ≥ ${a.thresholds.minSharePct}% of the suite's bytes, q ≤ ${a.thresholds.alpha}.</sub>`,
  );
  return lines.join('\n');
}
