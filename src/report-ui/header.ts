/** The header: which commit, job and run this is, and the suite totals. Text nodes only. */
import type { Data } from './decode.js';
import { bytes, ms, signedMs, signedPct } from './fmt.js';
import { blockedText } from './tests-table.js';

export interface HeaderTotals {
  head: number;
  base: number | null;
  idleHead: number;
  idleBase: number | null;
  /** Head's sampled time in blocking frames, by class (a wait, not CPU). */
  blocked: { total: number; byClass: ReadonlyMap<string, number> };
}

export function renderHeader(data: Data, el: { title: HTMLElement; facts: HTMLElement }, totals: HeaderTotals): void {
  const m = data.meta;
  const h = m.head;
  el.title.textContent = m.title;
  document.title = m.title;
  const facts: [string, string, string?][] = [];
  const short = (c: string | undefined): string | undefined => (c && /^[0-9a-f]{40}$/.test(c) ? c.slice(0, 10) : c);
  if (h.commit) facts.push(['commit', short(h.commit)!]);
  if (h.branch) facts.push(['branch', h.branch]);
  const baseCommit = m.base?.commit ?? h.base_commit;
  if (baseCommit) facts.push(['base commit', short(baseCommit)!]);
  if (m.base?.branch) facts.push(['base branch', m.base.branch]);
  if (h.job_key) facts.push(['job', h.job_key]);
  if (h.processes) facts.push(['processes profiled', h.processes]);
  if (h.threads) facts.push(['threads', h.threads + (h.lost_threads && h.lost_threads !== '0' ? ` (${h.lost_threads} lost)` : '')]);
  if (h.wall_ms) facts.push(['wall', ms(Number(h.wall_ms) * 1e6)]);
  const kind = m.valueType === 'wall' ? 'wall' : 'CPU';
  if (data.base && totals.base !== null && m.diff) {
    const d = m.diff;
    facts.push([`suite ${kind}`, `${ms(d.baseCpuNs)} → ${ms(d.headCpuNs)} (${signedMs(d.suite.deltaNs)}, ${signedPct(d.suite.deltaPct)})`]);
    const verdict = d.verdict === 'regression' ? `${d.regressions} slower function(s)` : d.verdict === 'improvement' ? `${d.improvements} faster function(s)` : 'no significant change';
    facts.push(['verdict', verdict, `verdict-${d.verdict}`]);
  } else {
    facts.push([kind === 'CPU' ? 'sampled on-CPU' : `sampled ${kind}`, ms(totals.head - totals.idleHead - totals.blocked.total)]);
  }
  if (totals.blocked.total > 0) facts.push([`blocked in system calls${data.base ? ' (head)' : ''}`, `${ms(totals.blocked.total)} (${blockedText(totals.blocked.byClass)})`]);
  if (totals.idleHead > 0) facts.push(['idle', ms(totals.idleHead)]);
  const a = m.alloc;
  if (a) {
    if (a.baseBytes !== undefined) facts.push(['allocated', `${bytes(a.baseBytes)} → ${bytes(a.headBytes)} (${signedPct(a.baseBytes > 0 ? ((a.headBytes - a.baseBytes) / a.baseBytes) * 100 : Infinity)})`]);
    else facts.push(['allocated', bytes(a.headBytes)]);
    if (a.diff) {
      const v = a.diff.verdict === 'regression' ? `${a.diff.regressions} row(s) allocate more` : a.diff.verdict === 'improvement' ? `${a.diff.improvements} row(s) allocate less` : 'no significant change';
      facts.push(['allocation verdict', v, `verdict-${a.diff.verdict}`]);
    }
  }
  if (h.command) facts.push(['command', h.command]);
  el.facts.replaceChildren(
    ...facts.map(([k, v, cls]) => {
      const span = document.createElement('span');
      span.append(`${k}: `);
      const b = document.createElement('b');
      b.textContent = v;
      if (cls) b.className = cls;
      span.append(b);
      return span;
    }),
  );
}
