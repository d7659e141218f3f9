/**
 * What `ciprof run` reports at the end: profile.json on disk, a short text on stderr,
 * the same as JSON on stdout with --json.
 */
import { formatFrame, functionTable, idleValue, topBySelf } from '../profile/aggregate.js';
import { CIPROF_FRAME, type Profile } from '../profile/model.js';
import { blockedClass, type BlockedClass } from '../profile/blocked.js';
import type { TestStat } from '../profile/tests.js';
import type { GatherResult } from './gather.js';
import { redact } from '../ci/mask.js';
import { plainLine } from '../util/terminal-text.js';

export interface TopFunction {
  name: string;
  file: string;
  line: number;
  selfMs: number;
  totalMs: number;
  selfPct: number;
}

export interface RunSummary {
  ciprofVersion: string;
  command: string[];
  exitCode: number;
  wallMs: number;
  /** Sampled time across all threads, idle excluded (blocked time included: the sampler cannot tell it from CPU). */
  cpuMs: number;
  /**
   * Of cpuMs, samples in frames that wait rather than compute (profile/blocked.ts), by class:
   * e.g. the main thread asleep until the module loader's hooks thread answers. Absent when none.
   */
  blocked?: Partial<Record<BlockedClass, number>>;
  idleMs: number;
  samples: number;
  /** ciprof's own work in the profiled processes (agent, runner hooks), kept outside every test as the `(ciprof)` frame. */
  ciprofMs: number;
  ciprofPct: number;
  intervalUs: number;
  processes: number;
  threads: number;
  lostThreads: number;
  /** Processes Node ran without an inspector (the `node --test` parent): not profiled, by Node's design. */
  unprofiledProcesses: number;
  /** Of those, processes whose permission model (--permission without --allow-inspector) refused the inspector. */
  deniedProcesses?: number;
  meta: Record<string, string>;
  top: TopFunction[];
  profile?: string;
  report?: string;
  storedAs?: string;
  warnings: string[];
  /** Per-test table (per-test attribution), slowest first. */
  tests?: TestStat[];
}

const ms = (ns: number): number => Math.round(ns / 1e4) / 100;

/** A name or path from the profile, fit for a terminal or a CI log line (render/escape.ts's terminalText, below render). */
const t = (text: string): string => redact(plainLine(text.replace(/\t/g, ' ')));

export function summarize(
  profile: Profile,
  gathered: Pick<GatherResult, 'processes' | 'threads' | 'lost' | 'unprofilable'>,
  base: Pick<RunSummary, 'ciprofVersion' | 'command' | 'exitCode' | 'wallMs' | 'intervalUs' | 'warnings'>,
  topN = 10,
): RunSummary {
  const table = functionTable(profile);
  const idle = idleValue(table);
  const cpu = table.total - idle;
  const own = table.stats.filter((s) => s.frame.name === CIPROF_FRAME && s.frame.file === '').reduce((a, s) => a + s.self, 0);
  // Waits are shown apart and kept out of the ranking: a function that sleeps is not where CPU went.
  const blockedNs = new Map<BlockedClass, number>();
  const running = table.stats.filter((s) => {
    const cls = blockedClass(s.frame);
    if (cls) blockedNs.set(cls, (blockedNs.get(cls) ?? 0) + s.self);
    return !cls;
  });
  const blocked = [...blockedNs].filter(([, ns]) => ns > 0).sort((a, b) => b[1] - a[1]);
  return {
    ...base,
    cpuMs: ms(cpu),
    ...(blocked.length ? { blocked: Object.fromEntries(blocked.map(([cls, ns]) => [cls, ms(ns)])) } : {}),
    idleMs: ms(idle),
    ciprofMs: ms(own),
    ciprofPct: cpu > 0 ? Math.round((own / cpu) * 1000) / 10 : 0,
    samples: table.totalSamples,
    processes: gathered.processes,
    threads: gathered.threads.length,
    lostThreads: gathered.lost.length,
    unprofiledProcesses: gathered.unprofilable.filter((u) => u.reason !== 'permission').length,
    deniedProcesses: gathered.unprofilable.filter((u) => u.reason === 'permission').length,
    meta: profile.meta,
    top: topBySelf({ ...table, stats: running }, topN).map((s) => ({
      name: s.frame.name,
      file: s.frame.file,
      line: s.frame.line,
      selfMs: ms(s.self),
      totalMs: ms(s.total),
      selfPct: cpu > 0 ? Math.round((s.self / cpu) * 1000) / 10 : 0,
    })),
  };
}

/** What each blocked class waits for, in a terminal line. */
const BLOCKED_WORDS: Record<BlockedClass, string> = {
  loader: "for the module loader's hooks thread",
  spawnSync: 'in spawnSync/execSync',
  fs: 'in sync fs calls',
  io: 'writing to a full pipe',
  bind: 'in bind/listen/connect',
  zlib: 'in sync zlib',
  crypto: 'in sync crypto',
  dns: 'in name lookups',
};

export function formatSummaryText(s: RunSummary): string {
  const lines: string[] = [];
  const lost = s.lostThreads ? `, ${s.lostThreads} lost (killed before writing)` : '';
  lines.push(
    `ciprof: ${s.processes} process(es), ${s.threads} thread(s) profiled${lost}; wall ${(s.wallMs / 1000).toFixed(2)} s, CPU ${(s.cpuMs / 1000).toFixed(2)} s (+${(s.idleMs / 1000).toFixed(2)} s idle), ${s.samples} samples`,
  );
  const waits = Object.entries(s.blocked ?? {});
  if (waits.length) {
    const total = waits.reduce((a, [, v]) => a + v, 0);
    const parts = waits.map(([cls, v]) => `${BLOCKED_WORDS[cls as BlockedClass] ?? cls} ${(v / 1000).toFixed(2)} s`).join(', ');
    lines.push(`ciprof: ${(total / 1000).toFixed(2)} s of that CPU was threads waiting, sampled as if running (${parts}); left out of the top functions below`);
  }
  if (s.ciprofMs) lines.push(`ciprof: its own work (agent, runner hooks) took ${(s.ciprofMs / 1000).toFixed(2)} s, ${s.ciprofPct.toFixed(1)}% of the CPU, kept outside every test as (ciprof)`);
  if (s.unprofiledProcesses) {
    lines.push(`ciprof: ${s.unprofiledProcesses} process(es) ran without an inspector and were not profiled (node --test's orchestrating parent does; its test files' processes are profiled)`);
  }
  if (s.deniedProcesses) {
    lines.push(`ciprof: ${s.deniedProcesses} process(es) ran under Node's permission model, which keeps the inspector from them, and were not profiled (--allow-inspector, and --allow-fs-write for the temp directory, let ciprof in)`);
  }
  if (s.top.length) {
    lines.push('ciprof: top functions by self CPU time:');
    const width = Math.max(...s.top.map((t) => t.selfMs.toFixed(1).length));
    for (const f of s.top) {
      lines.push(`  ${f.selfMs.toFixed(1).padStart(width)} ms ${f.selfPct.toFixed(1).padStart(5)}%  ${t(formatFrame(f))}`);
    }
  }
  if (s.tests?.length) {
    lines.push(`ciprof: slowest tests (of ${s.tests.length}), wall / CPU clock / sampled on-CPU / blocked (ms):`);
    const col = (v: number | null | undefined): string => (typeof v === 'number' ? v.toFixed(1) : '?').padStart(7);
    for (const test of s.tests.slice(0, 5)) {
      const hot = test.top[0] ? `  [${t(test.top[0].name)} ${test.top[0].selfMs.toFixed(1)} ms]` : '';
      const blocked = test.blockedMs ?? 0;
      lines.push(`  ${col(test.wallMs)} / ${col(test.cpuClockMs)} / ${col(test.cpuMs - blocked)} / ${col(test.blockedMs)}  ${t(test.file)} > ${t(test.name)}${hot}`);
    }
  }
  if (s.profile) lines.push(`ciprof: profile written to ${t(s.profile)}${s.storedAs ? ` (stored as ${t(s.storedAs)})` : ''}`);
  if (s.report) lines.push(`ciprof: HTML report written to ${t(s.report)}`);
  return lines.join('\n');
}
