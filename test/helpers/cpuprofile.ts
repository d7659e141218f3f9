/** Builds small V8 .cpuprofile objects with known answers for the converter tests. */
import type { V8CpuProfile } from '../../src/profile/cpuprofile.js';

export interface FrameSpec {
  name: string;
  url?: string;
  line?: number; // 0-based, as V8 reports
}

/**
 * `stacks` lists samples as root-first frame paths with the µs until the next sample.
 * Nodes are shared by identical path prefixes, as V8 builds its call tree.
 */
export function makeCpuProfile(samples: { stack: FrameSpec[]; us: number }[], startTime = 1_000_000): V8CpuProfile {
  const nodes: V8CpuProfile['nodes'] = [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1, scriptId: '0' }, children: [] }];
  const byPath = new Map<string, number>([['', 1]]);
  const ids: number[] = [];
  for (const s of samples) {
    let parentPath = '';
    let parent = 1;
    for (const f of s.stack) {
      const path = `${parentPath}>${f.name}@${f.url ?? ''}:${f.line ?? 0}`;
      let id = byPath.get(path);
      if (id === undefined) {
        id = nodes.length + 1;
        nodes.push({ id, callFrame: { functionName: f.name, url: f.url ?? '', lineNumber: f.line ?? 0, columnNumber: 0, scriptId: '1' }, children: [] });
        nodes.find((n) => n.id === parent)!.children!.push(id);
        byPath.set(path, id);
      }
      parent = id;
      parentPath = path;
    }
    ids.push(parent);
  }
  // timeDeltas[i] is the gap before sample i; sample i lasts until sample i+1 (or endTime).
  const timeDeltas = samples.map((_, i) => (i === 0 ? 10 : samples[i - 1]!.us));
  const last = samples[samples.length - 1];
  const endTime = startTime + timeDeltas.reduce((a, b) => a + b, 0) + (last ? last.us : 0);
  return { nodes, startTime, endTime, samples: ids, timeDeltas };
}
