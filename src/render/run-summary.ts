/**
 * The job summary of a run that is not compared with anything (a push to the base branch,
 * a collect-only step, failing tests): where the time went, as markdown. Every name and
 * path comes from the profile, so every one is escaped.
 */
import type { RunSummary } from '../collect/summary.js';
import type { TestStat } from '../profile/tests.js';
import { fileLine } from '../report-ui/fmt.js';
import { escapeMarkdown } from './escape.js';

const fmt = (ms: number): string => `${ms.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;

export interface RunSummaryLinks {
  report?: string;
}

export function renderRunSummary(summary: RunSummary, opts: { heading?: string; rows?: number; links?: RunSummaryLinks } = {}): string {
  const rows = opts.rows ?? 20;
  const commit = summary.meta.commit ? ` of \`${escapeMarkdown(summary.meta.commit.slice(0, 12))}\`` : '';
  const parts = [`### ${opts.heading ?? `ciprof: profile${commit}`}`];
  parts.push(`Wall time ${fmt(summary.wallMs)}; sampled time ${fmt(summary.cpuMs)} (idle excluded) in ${summary.processes} process(es) / ${summary.threads} thread(s); test command exit code ${summary.exitCode}.`);
  if (summary.top.length) {
    const lines = ['#### Top functions (self time)', '', '| function | where | self | self % | total |', '|---|---|---:|---:|---:|'];
    for (const f of summary.top.slice(0, rows)) {
      const where = f.file ? escapeMarkdown(fileLine(f.file, f.line)) : '';
      lines.push(`| ${escapeMarkdown(f.name || '(anonymous)')} | ${where} | ${fmt(f.selfMs)} | ${f.selfPct.toFixed(1)}% | ${fmt(f.totalMs)} |`);
    }
    parts.push(lines.join('\n'));
  }
  if (summary.tests?.length) parts.push(testsTable(summary.tests, rows));
  if (opts.links?.report) parts.push(`[HTML report](${opts.links.report})`);
  return `${parts.join('\n\n')}\n`;
}

/**
 * Per test, four numbers that measure different things, each in its own column: the wall
 * time and the thread's CPU clock from the runner hooks, and the profiler's samples split
 * into on-CPU and blocked in a system call (by class). Never summed, never one for another.
 */
function testsTable(tests: readonly TestStat[], rows: number): string {
  const lines = [
    '#### Slowest tests',
    '',
    '| test | file | wall | CPU (thread clock) | sampled on-CPU | blocked in system calls |',
    '|---|---|---:|---:|---:|---|',
  ];
  for (const t of tests.slice(0, rows)) {
    const blocked = t.blockedMs ?? 0;
    const classes = Object.entries(t.blocked ?? {})
      .filter(([, ms]) => ms > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([cls, ms]) => `${escapeMarkdown(cls)} ${fmt(ms)}`)
      .join(', ');
    const blockedCell = t.blockedMs === undefined ? '–' : blocked > 0 ? `${fmt(blocked)} (${classes})` : fmt(0);
    lines.push(`| ${escapeMarkdown(t.name)} | ${escapeMarkdown(t.file)} | ${t.wallMs === null ? '–' : fmt(t.wallMs)} | ${t.cpuClockMs === undefined ? '–' : fmt(t.cpuClockMs)} | ${fmt(t.cpuMs - blocked)} | ${blockedCell} |`);
  }
  lines.push('', '_Wall and CPU clock from the runner hooks (the CPU clock needs Node 22.23+); sampled time is what the profiler saw on the test thread, split into on-CPU and waiting in blocking calls._');
  return lines.join('\n');
}
