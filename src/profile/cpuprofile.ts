/**
 * V8 .cpuprofile (Chrome DevTools / node:inspector Profiler.stop) -> profile model.
 *
 * Each sample's time is the interval until the next sample (the last one runs to
 * endTime), as DevTools charges it, so values are real measured nanoseconds and not
 * count × nominal interval: V8 samples late under load and the totals must say so.
 */
import { normalizeScriptPath } from './paths.js';
import { ProfileBuilder, type Labels } from './model.js';

export interface V8CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
  scriptId?: string | number;
}

export interface V8Node {
  id: number;
  callFrame: V8CallFrame;
  hitCount?: number;
  children?: number[];
  parent?: number;
}

export interface V8CpuProfile {
  nodes: V8Node[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface CpuProfileImportOptions {
  repoRoot: string;
  /** Labels put on every sample (e.g. pid). */
  labels?: Labels;
  /**
   * Per-sample labels by timestamp (µs on V8's clock), for per-test attribution.
   * Returned labels are merged over `labels`.
   */
  labelAt?: (timestampUs: number) => Labels | undefined;
}

export interface CpuProfileImportStats {
  samples: number;
  totalNs: number;
  startUs: number;
  endUs: number;
}

/** Throws a plain Error describing what is wrong; callers add the file name. */
export function checkCpuProfile(value: unknown): asserts value is V8CpuProfile {
  const p = value as Partial<V8CpuProfile> | null;
  if (!p || typeof p !== 'object' || !Array.isArray(p.nodes)) throw new Error('not a V8 CPU profile (no "nodes" array)');
  if (p.nodes.length === 0) throw new Error('V8 CPU profile has no nodes');
  if (typeof p.startTime !== 'number' || typeof p.endTime !== 'number') throw new Error('V8 CPU profile has no startTime/endTime');
  for (const n of p.nodes) {
    if (!n || typeof n.id !== 'number' || !n.callFrame || typeof n.callFrame !== 'object') {
      throw new Error('V8 CPU profile has a node without id or callFrame');
    }
  }
  if (p.samples && (!Array.isArray(p.timeDeltas) || p.timeDeltas.length !== p.samples.length)) {
    throw new Error(`V8 CPU profile has ${p.samples.length} samples but ${p.timeDeltas?.length ?? 0} timeDeltas`);
  }
}

export function addCpuProfile(builder: ProfileBuilder, cpu: V8CpuProfile, options: CpuProfileImportOptions): CpuProfileImportStats {
  // Node ids are small dense integers in every V8 profile: index arrays by them.
  let maxId = 0;
  for (const n of cpu.nodes) if (n.id > maxId) maxId = n.id;
  if (maxId > cpu.nodes.length * 4 + 1024) throw new Error(`V8 CPU profile node ids are not dense (max ${maxId} for ${cpu.nodes.length} nodes)`);
  const byId: (V8Node | undefined)[] = new Array(maxId + 1);
  for (const n of cpu.nodes) byId[n.id] = n;
  const parentOf = new Int32Array(maxId + 1).fill(-1);
  for (const n of cpu.nodes) {
    if (n.children) for (const c of n.children) if (c >= 0 && c <= maxId) parentOf[c] = n.id;
  }
  for (const n of cpu.nodes) if (!n.children && n.parent !== undefined && parentOf[n.id] === -1) parentOf[n.id] = n.parent;

  // V8 node id -> our call-trie node (-1: not resolved yet). Only nodes that carry
  // samples (and their ancestors) are resolved, walking up iteratively: deep recursion
  // in the profiled code must not overflow ours.
  const trieNodes = new Int32Array(maxId + 1).fill(-1);
  // One function lookup per distinct (script, position) in this profile: the same
  // function appears under many call paths, and building its key string is not free.
  const frameIds = new Map<string, number>();
  const pathCache = new Map<string, string>();
  const functionOf = (frame: V8CallFrame): number => {
    const key = `${frame.scriptId ?? frame.url}:${frame.lineNumber}:${frame.columnNumber ?? -1}:${frame.functionName}`;
    let fid = frameIds.get(key);
    if (fid === undefined) {
      let file = pathCache.get(frame.url);
      if (file === undefined) {
        file = normalizeScriptPath(frame.url, options.repoRoot);
        pathCache.set(frame.url, file);
      }
      const line = frame.lineNumber >= 0 ? frame.lineNumber + 1 : 0;
      fid = builder.functionId(frame.functionName || '(anonymous)', file, line);
      frameIds.set(key, fid);
    }
    return fid;
  };
  const chain: number[] = [];
  const trieNodeOf = (id: number): number => {
    const cached = trieNodes[id]!;
    if (cached >= 0) return cached;
    chain.length = 0;
    let cur = id;
    while (cur >= 0 && trieNodes[cur]! < 0) {
      chain.push(cur);
      cur = parentOf[cur]!;
    }
    let parent = cur >= 0 ? trieNodes[cur]! : 0;
    for (let i = chain.length - 1; i >= 0; i--) {
      const nodeId = chain[i]!;
      const frame = byId[nodeId]!.callFrame;
      if (parentOf[nodeId] === -1 && frame.functionName === '(root)') {
        trieNodes[nodeId] = 0; // the synthetic root is no frame
        continue;
      }
      parent = builder.childNode(parent, functionOf(frame));
      trieNodes[nodeId] = parent;
    }
    return trieNodes[id]!;
  };

  const baseLabels = options.labels ?? {};
  const stats: CpuProfileImportStats = { samples: 0, totalNs: 0, startUs: cpu.startTime, endUs: cpu.endTime };
  const countIdx = builder.sampleTypes.findIndex((t) => t.unit === 'count');
  const timeIdx = builder.sampleTypes.findIndex((t) => t.unit === 'nanoseconds');
  const values = new Array<number>(builder.sampleTypes.length).fill(0);
  const emit = (nodeId: number, count: number, ns: number, labels: Labels): void => {
    if (nodeId < 0 || nodeId > maxId || !byId[nodeId]) return;
    values.fill(0);
    if (countIdx >= 0) values[countIdx] = count;
    if (timeIdx >= 0) values[timeIdx] = ns;
    builder.addSampleAt(trieNodeOf(nodeId), values, labels);
    stats.samples += count;
    stats.totalNs += ns;
  };

  if (cpu.samples && cpu.timeDeltas) {
    const n = cpu.samples.length;
    const timestamps = new Float64Array(n);
    let t = cpu.startTime;
    for (let i = 0; i < n; i++) {
      t += cpu.timeDeltas[i]!;
      timestamps[i] = t;
    }
    if (options.labelAt) {
      for (let i = 0; i < n; i++) {
        const next = i + 1 < n ? timestamps[i + 1]! : cpu.endTime;
        const ns = Math.max(0, next - timestamps[i]!) * 1000;
        const extra = options.labelAt(timestamps[i]!);
        emit(cpu.samples[i]!, 1, ns, extra ? { ...baseLabels, ...extra } : baseLabels);
      }
    } else {
      // Aggregate per node first: one addSample per distinct stack, not per tick.
      const counts = new Map<number, [number, number]>();
      for (let i = 0; i < n; i++) {
        const next = i + 1 < n ? timestamps[i + 1]! : cpu.endTime;
        const ns = Math.max(0, next - timestamps[i]!) * 1000;
        const id = cpu.samples[i]!;
        const acc = counts.get(id);
        if (acc) {
          acc[0] += 1;
          acc[1] += ns;
        } else counts.set(id, [1, ns]);
      }
      for (const [id, [count, ns]] of counts) emit(id, count, ns, baseLabels);
    }
  } else {
    // Old format: hit counts only. Spread the measured duration over the hits.
    const hits = cpu.nodes.reduce((s, node) => s + (node.hitCount ?? 0), 0);
    const perHitNs = hits > 0 ? ((cpu.endTime - cpu.startTime) * 1000) / hits : 0;
    for (const node of cpu.nodes) if (node.hitCount) emit(node.id, node.hitCount, node.hitCount * perHitNs, baseLabels);
  }
  return stats;
}
