/**
 * The Tests table: per test, the sampled time on the CPU and the sampled time blocked in
 * system calls (by the class of wait) apart, and beside them the runner hooks' wall time
 * and the thread's CPU clock: four numbers that measure different things and are never
 * summed or mixed. In the Allocations view, bytes allocated instead.
 */
import type { Data, Side } from './decode.js';
import { ms, signedPct } from './fmt.js';
import type { Column } from './table.js';

export interface TestRow {
  t: number;
  file: string;
  name: string;
  /** Sampled on-CPU time (idle and blocked frames left out), or bytes in the Allocations view. */
  head: number;
  base: number;
  delta: number;
  /** Sampled time in blocking frames, ns, and its classes ("fs 12 ms, bind 3 ms"). */
  blocked: number;
  baseBlocked: number;
  blockedBy: string;
  /** Runner hooks, ms; NaN unknown. */
  wallMs: number;
  cpuMs: number;
  baseWallMs: number;
  baseCpuMs: number;
}

interface PerTest {
  value: Float64Array;
  blocked: Float64Array;
  blockedBy: Map<string, number>[];
}

/** Sums of one side per test; for time, idle is left out and blocked frames go apart. */
function perTest(data: Data, side: Side | null, values: Float64Array | null, time: boolean): PerTest {
  const n = data.tests.length;
  const out: PerTest = { value: new Float64Array(n), blocked: new Float64Array(n), blockedBy: Array.from({ length: n }, () => new Map<string, number>()) };
  if (!side || !values) return out;
  for (let i = 0; i < side.test.length; i++) {
    const t = side.test[i]!;
    if (t < 0) continue;
    const f = data.func[side.node[i]!]!;
    const cls = time && f >= 0 ? data.fnBlocked[f]! : '';
    if (time && f >= 0 && isIdle(data, f)) continue;
    if (cls) {
      out.blocked[t]! += values[i]!;
      out.blockedBy[t]!.set(cls, (out.blockedBy[t]!.get(cls) ?? 0) + values[i]!);
    } else out.value[t]! += values[i]!;
  }
  return out;
}

const isIdle = (data: Data, f: number): boolean => data.strings[data.fnName[f]!] === '(idle)' && data.strings[data.fnFile[f]!] === '';

/** "fs 12.0 ms, bind 3.0 ms", largest first. */
export function blockedText(by: ReadonlyMap<string, number>): string {
  return [...by]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([cls, v]) => `${cls} ${ms(v)}`)
    .join(', ');
}

/** The rows; `alloc`: bytes from the sides' allocation values instead of time. */
export function testRows(data: Data, alloc: boolean): TestRow[] {
  const pick = (s: Side | null): Float64Array | null => (s ? (alloc ? s.alloc : s.value) : null);
  const h = perTest(data, data.head, pick(data.head), !alloc);
  const b = perTest(data, data.base, pick(data.base), !alloc);
  return data.tests.map((t, i) => ({
    t: i,
    file: t.file,
    name: t.name,
    head: h.value[i]!,
    base: b.value[i]!,
    delta: h.value[i]! - b.value[i]!,
    blocked: h.blocked[i]!,
    baseBlocked: b.blocked[i]!,
    blockedBy: blockedText(h.blockedBy[i]!),
    wallMs: t.wallMs,
    cpuMs: t.cpuMs,
    baseWallMs: t.baseWallMs,
    baseCpuMs: t.baseCpuMs,
  }));
}

/** Suite-wide blocked time of a side, by class. */
export function blockedTotals(data: Data, side: Side): { total: number; byClass: Map<string, number> } {
  const byClass = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < side.node.length; i++) {
    const f = data.func[side.node[i]!]!;
    const cls = f >= 0 ? data.fnBlocked[f]! : '';
    if (!cls) continue;
    total += side.value[i]!;
    byClass.set(cls, (byClass.get(cls) ?? 0) + side.value[i]!);
  }
  return { total, byClass };
}

const msCell = (v: number): string => (Number.isFinite(v) ? ms(v * 1e6) : '–');
const msKey = (v: number): number => (Number.isFinite(v) ? v : -1);

export interface TestColumnOptions {
  diff: boolean;
  alloc: boolean;
  fmt: (v: number) => string;
  fmtSigned: (v: number) => string;
}

const SAMPLED_TITLE = "Profiler samples in the test's frames, idle and blocking system calls left out";
const BLOCKED_TITLE = 'Profiler samples in frames that wait in a system call (sync fs, bind/listen, spawnSync, zlib, crypto, dns, the module loader hooks thread): waiting, not CPU';
const CPU_TITLE = "The test thread's own CPU clock over the test (runner hooks; Node 22.23+ and 24+), '–' where Node has none";
const WALL_TITLE = 'Wall-clock time from the start to the end of the test (runner hooks)';

export function testColumns(o: TestColumnOptions): Column<TestRow>[] {
  const cols: Column<TestRow>[] = [
    { label: 'Test file', key: (r) => r.file, text: (r) => r.file, left: true },
    { label: 'Test', key: (r) => r.name, text: (r) => r.name, left: true },
  ];
  const valueLabel = o.alloc ? 'allocated' : 'on-CPU (sampled)';
  cols.push({ label: o.diff ? `Head ${valueLabel}` : valueLabel[0]!.toUpperCase() + valueLabel.slice(1), key: (r) => r.head, text: (r) => o.fmt(r.head), ...(o.alloc ? {} : { title: SAMPLED_TITLE }) });
  if (o.diff) {
    cols.push(
      { label: 'Base', key: (r) => r.base, text: (r) => o.fmt(r.base) },
      { label: 'Δ', key: (r) => Math.abs(r.delta), text: (r) => o.fmtSigned(r.delta), cls: (r) => (r.delta > 0 ? 'st-regression' : r.delta < 0 ? 'st-improvement' : '') },
      { label: 'Δ %', key: (r) => r.delta / (r.base || 1), text: (r) => signedPct(r.base > 0 ? (r.delta / r.base) * 100 : r.delta > 0 ? Infinity : 0) },
    );
  }
  if (o.alloc) return cols;
  const side = (label: string, base: boolean): string => (o.diff ? `${label} ${base ? 'base' : 'head'}` : label);
  cols.push({ label: side('Blocked', false), key: (r) => r.blocked, text: (r) => ms(r.blocked), title: BLOCKED_TITLE });
  if (o.diff) cols.push({ label: side('Blocked', true), key: (r) => r.baseBlocked, text: (r) => ms(r.baseBlocked), title: BLOCKED_TITLE });
  cols.push({ label: 'Blocked in', key: (r) => r.blockedBy, text: (r) => r.blockedBy, left: true, title: BLOCKED_TITLE });
  cols.push({ label: side('CPU (clock)', false), key: (r) => msKey(r.cpuMs), text: (r) => msCell(r.cpuMs), title: CPU_TITLE });
  if (o.diff) cols.push({ label: side('CPU (clock)', true), key: (r) => msKey(r.baseCpuMs), text: (r) => msCell(r.baseCpuMs), title: CPU_TITLE });
  cols.push({ label: side('Wall', false), key: (r) => msKey(r.wallMs), text: (r) => msCell(r.wallMs), title: WALL_TITLE });
  if (o.diff) cols.push({ label: side('Wall', true), key: (r) => msKey(r.baseWallMs), text: (r) => msCell(r.baseWallMs), title: WALL_TITLE });
  return cols;
}
