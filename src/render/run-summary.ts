/**
 * The job summary of a run that is not compared with anything (a push to the base branch,
 * a collect-only step, failing tests): where the time went, as markdown. Every name and
 * path comes from the profile, so every one is escaped.
 */
import type { RunSummary } from '../collect/summary.js';
import { escapeMarkdown } from './escape.js';

const fmt = (ms: number): string => `${ms.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;

export interface RunSummaryLinks {
  report?: string;
}

export function renderRunSummary(summary: RunSummary, opts: { heading?: string; rows?: number; links?: RunSummaryLinks } = {}): string {
  const rows = opts.rows ?? 20;
  const commit = summary.meta.commit ? ` of \`${escapeMarkdown(summary.meta.commit.slice(0, 12))}\`` : '';
  const parts = [`### ${opts.heading ?? `ciprof: profile${commit}`}`];
  parts.push(`Wall time ${fmt(summary.wallMs)}, CPU time ${fmt(summary.cpuMs)} in ${summary.processes} process(es) / ${summary.threads} thread(s), test command exit code ${summary.exitCode}.`);
  if (summary.top.length) {
    const lines = ['#### Top functions (self time)', '', '| function | where | self | self % | total |', '|---|---|---:|---:|---:|'];
    for (const f of summary.top.slice(0, rows)) {
      const where = f.file ? `${escapeMarkdown(f.file)}:${f.line}` : '';
      lines.push(`| ${escapeMarkdown(f.name || '(anonymous)')} | ${where} | ${fmt(f.selfMs)} | ${f.selfPct.toFixed(1)}% | ${fmt(f.totalMs)} |`);
    }
    parts.push(lines.join('\n'));
  }
  if (summary.tests?.length) {
    const lines = ['#### Slowest tests (CPU time)', '', '| test | file | CPU | wall |', '|---|---|---:|---:|'];
    for (const t of summary.tests.slice(0, rows)) {
      lines.push(`| ${escapeMarkdown(t.name)} | ${escapeMarkdown(t.file)} | ${fmt(t.cpuMs)} | ${t.wallMs === null ? '–' : fmt(t.wallMs)} |`);
    }
    parts.push(lines.join('\n'));
  }
  if (opts.links?.report) parts.push(`[HTML report](${opts.links.report})`);
  return `${parts.join('\n\n')}\n`;
}
