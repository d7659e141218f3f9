/**
 * V8's sampling heap profiler for one thread (`ciprof run --alloc`), through the same
 * inspector session as the CPU profiler, written as `<pid>-<tid>-0.allocprofile` beside
 * the `.cpuprofile` by the same flush.
 *
 * includeObjectsCollectedByMajorGC/MinorGC keep the samples of objects that died, so the
 * profile counts every allocation, not what survived. Per-test attribution: the profile's
 * samples carry an ordinal (allocation order) but no time, and asking V8 for the profile
 * at a test boundary forces a full GC (measured ~10 ms on a small heap). So at each
 * boundary the runner hooks report (TEST_BOUNDARY) the agent allocates a mark that V8
 * samples with near certainty (protocol.ts) and records the boundary's time; the
 * collector finds the marks among the samples by function and size, and every sample
 * between two marks belongs to the span between their times. The marks themselves are
 * dropped there. Cost: ~0.5 MiB of short-lived arrays per boundary.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { hrtimeNs } from './process-facts.js';
import { pid, threadId } from './thread.js';
import { ALLOC_SUFFIX, freeProfileBase, MARKER_PIECES, MARKER_RESIDUES, MARKER_STEP, markerElements, type AgentThreadInfo, type AllocInfo } from './protocol.js';

type Post = (method: string, params?: object) => unknown;

interface HeapNode {
  id: number;
  callFrame: object;
  children: HeapNode[];
}

interface SamplingProfile {
  head: HeapNode;
  samples: { size: number; nodeId: number; ordinal: number }[];
}

/** A method name survives the bundle's minifier; the collector finds the mark by it (MARKER_FUNCTION). */
const marks = {
  /** The mark's arrays go here so no compiler can prove them unused; cleared at once. */
  sink: undefined as unknown[] | undefined,
  ciprofAllocationBoundary(length: number): void {
    for (let i = 0; i < MARKER_PIECES; i++) marks.sink = new Array<unknown>(length);
    marks.sink = undefined;
  },
};

const nowUs = (): number => Number(hrtimeNs()) / 1000;

export class AllocationSampler {
  private running = false;
  private readonly boundariesUs: number[] = [];
  private readonly elements: number;
  private startUs = 0;

  constructor(
    private readonly post: Post,
    private readonly rawDir: string,
    private readonly intervalBytes: number,
  ) {
    this.elements = markerElements(intervalBytes);
  }

  start(): void {
    this.post('HeapProfiler.enable');
    this.post('HeapProfiler.startSampling', { samplingInterval: this.intervalBytes, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    this.startUs = nowUs();
    this.running = true;
  }

  /** A test or test file starts or ends (TEST_BOUNDARY): mark the place in the sample sequence. */
  boundary(edge: 'start' | 'end'): void {
    if (!this.running) return;
    const before = nowUs();
    marks.ciprofAllocationBoundary(this.elements + MARKER_STEP * (this.boundariesUs.length % MARKER_RESIDUES));
    this.boundariesUs.push(edge === 'start' ? nowUs() : before);
  }

  /** Stops sampling and writes the profile (V8 runs one full GC here); later calls do nothing. */
  flush(info: AgentThreadInfo): void {
    if (!this.running) return;
    this.running = false;
    const endUs = nowUs();
    const result = this.post('HeapProfiler.stopSampling') as { profile?: SamplingProfile } | undefined;
    if (!result?.profile) throw new Error('HeapProfiler.stopSampling returned no profile');
    const alloc: AllocInfo = { intervalBytes: this.intervalBytes, markerElements: this.elements, boundariesUs: this.boundariesUs, startUs: this.startUs, endUs };
    const { base } = freeProfileBase(this.rawDir, pid, threadId, ALLOC_SUFFIX, existsSync);
    const text = JSON.stringify({ nodes: flatten(result.profile.head), samples: result.profile.samples, $ciprof: info, $alloc: alloc });
    writeFileSync(`${base}.alloc.tmp`, text);
    renameSync(`${base}.alloc.tmp`, `${base}${ALLOC_SUFFIX}`);
  }
}

/** The tree as a .cpuprofile's flat node list (children by id), which the source-map step reads. */
function flatten(head: HeapNode): { id: number; callFrame: object; children: number[] }[] {
  const out: { id: number; callFrame: object; children: number[] }[] = [];
  const stack = [head];
  while (stack.length) {
    const node = stack.pop()!;
    out.push({ id: node.id, callFrame: node.callFrame, children: node.children.map((c) => c.id) });
    for (const child of node.children) stack.push(child);
  }
  return out;
}
