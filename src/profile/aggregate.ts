/**
 * Per-function self and total values: the numbers behind `top`, the summary, the diff
 * and the report tables. Total counts a function once per sample even when it recurses,
 * so a recursive function's total never exceeds the profile total.
 */
import { IDLE_FRAME, timeValueIndex, type FunctionFrame, type Profile } from './model.js';

export interface FunctionStat {
  id: number;
  frame: FunctionFrame;
  self: number;
  total: number;
  selfSamples: number;
  totalSamples: number;
}

export interface FunctionTable {
  stats: FunctionStat[];
  /** Sum of the value over all samples. */
  total: number;
  totalSamples: number;
  valueIndex: number;
}

export function functionTable(profile: Profile, valueIndex = timeValueIndex(profile)): FunctionTable {
  const countIndex = profile.sampleTypes.findIndex((t) => t.unit === 'count');
  const n = profile.functions.length;
  const self = new Float64Array(n);
  const total = new Float64Array(n);
  const selfSamples = new Float64Array(n);
  const totalSamples = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  let sum = 0;
  let sumSamples = 0;
  profile.samples.forEach((s, si) => {
    const v = s.values[valueIndex] ?? 0;
    const c = countIndex >= 0 ? (s.values[countIndex] ?? 0) : 0;
    sum += v;
    sumSamples += c;
    const leaf = s.stack[0];
    if (leaf !== undefined) {
      self[leaf]! += v;
      selfSamples[leaf]! += c;
    }
    for (const id of s.stack) {
      if (seen[id] === si) continue;
      seen[id] = si;
      total[id]! += v;
      totalSamples[id]! += c;
    }
  });
  const stats: FunctionStat[] = [];
  for (let id = 0; id < n; id++) {
    if (total[id] === 0 && totalSamples[id] === 0) continue;
    stats.push({ id, frame: profile.functions[id]!, self: self[id]!, total: total[id]!, selfSamples: selfSamples[id]!, totalSamples: totalSamples[id]! });
  }
  return { stats, total: sum, totalSamples: sumSamples, valueIndex };
}

/** Time spent in `(idle)`: the thread waited. Reported apart from CPU. */
export function idleValue(table: FunctionTable): number {
  return table.stats.filter((s) => s.frame.name === IDLE_FRAME && s.frame.file === '').reduce((a, s) => a + s.self, 0);
}

export function topBySelf(table: FunctionTable, limit: number, includeIdle = false): FunctionStat[] {
  return table.stats
    .filter((s) => includeIdle || !(s.frame.name === IDLE_FRAME && s.frame.file === ''))
    .sort((a, b) => b.self - a.self || b.total - a.total)
    .slice(0, limit);
}

export function formatFrame(f: FunctionFrame): string {
  // Line 0: no original position (report-ui/fmt.ts fileLine).
  return f.file ? `${f.name} ${f.line > 0 ? `${f.file}:${f.line}` : f.file}` : f.name;
}
