/**
 * V8 .cpuprofile (Chrome DevTools / node:inspector Profiler.stop) -> profile model.
 *
 * Each sample's time is the interval until the next sample (the last one runs to
 * endTime), as DevTools charges it, so values are real measured nanoseconds and not
 * count × nominal interval: V8 samples late under load and the totals must say so.
 *
 * ciprof's own frames (its agent and runner hooks, recognised by `isOwnScript`) never
 * reach the model. A sample whose innermost frames are ciprof's code and the Node
 * internals it calls (appendFileSync, writeSync, natives) is ciprof's work: it becomes
 * one root frame `(ciprof)` outside every test. A ciprof frame with other code below it
 * (a wrapper forwarding to the runner, to require, or to the project's code) is cut out
 * of the stack, and the sample stays where it was.
 */
import { scanCpuProfile, type ScannedCpuProfile } from './cpuprofile-scan.js';
import { DEFAULT_LIMITS, type DecodeLimits } from './limits.js';
import { CIPROF_FRAME, CPU_NANOS, SAMPLES_COUNT, type Labels, type ProfileBuilder } from './model.js';
import { Scratch } from './scratch.js';
import { FrameKind, V8FrameTable } from './v8-frames.js';

/** The JSON shape, for writers of test profiles; the reader never builds it. */
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
  /** True for the URL of a script that is ciprof's own (agent, runner hooks). */
  isOwnScript?: (url: string) => boolean;
  limits?: DecodeLimits;
}

export interface CpuProfileAddOptions {
  /** Labels put on every sample (e.g. pid). */
  labels?: Labels;
  /**
   * Per-sample labels by timestamp (µs on V8's clock), for per-test attribution; merged
   * over `labels`. Return the same object for the same test: results are cached by identity.
   */
  labelAt?: (timestampUs: number) => Labels | undefined;
}

export interface CpuProfileImportStats {
  samples: number;
  totalNs: number;
  startUs: number;
  endUs: number;
  /** Part of samples/totalNs folded into `(ciprof)`. */
  ownSamples: number;
  ownNs: number;
}

/** Reads many .cpuprofile files into one builder, sharing interned frames between them. */
export class CpuProfileImporter {
  private readonly frames: V8FrameTable;
  private readonly limits: DecodeLimits;
  private readonly scratch = new Scratch();
  private readonly countIdx: number;
  private readonly timeIdx: number;
  private ownNode = -1;

  constructor(
    readonly builder: ProfileBuilder,
    options: CpuProfileImportOptions,
  ) {
    this.frames = new V8FrameTable(options.repoRoot, options.isOwnScript);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.countIdx = builder.sampleTypeIndex(SAMPLES_COUNT);
    this.timeIdx = builder.sampleTypeIndex(CPU_NANOS);
  }

  /**
   * Reads one .cpuprofile's bytes into the builder. `options` may be a function of the
   * file's `$ciprof` block (unvalidated JSON, undefined when absent), called once the file
   * is known to be sound. A bad file throws a plain Error naming the problem, and then
   * nothing of it has reached the builder.
   */
  add(bytes: Uint8Array, options: CpuProfileAddOptions | ((info: unknown) => CpuProfileAddOptions) = {}): CpuProfileImportStats {
    return this.addScanned(scanCpuProfile(bytes, this.frames, this.limits, this.scratch), options);
  }

  /**
   * Checks and reads one .cpuprofile's bytes into a form of its own, for addScanned later:
   * a thread's profile can be read while the test command still runs, and added once
   * every test record is in (labels need them). Throws as add() does; the builder is not
   * touched. Adding scanned profiles in the same order as add() would gives the same
   * profile: the frames they share are interned here, the builder's functions there.
   */
  scan(bytes: Uint8Array): ScannedCpuProfile {
    const cpu = scanCpuProfile(bytes, this.frames, this.limits, this.scratch);
    // The scan points into the scratch arrays, which the next file reuses.
    return { ...cpu, frameOf: cpu.frameOf.slice(), parentOf: cpu.parentOf.slice(), hitCount: cpu.hitCount.slice(), tickNode: cpu.tickNode.slice(), tickTime: cpu.tickTime.slice() };
  }

  /** add(), for a profile scan() read. */
  addScanned(cpu: ScannedCpuProfile, given: CpuProfileAddOptions | ((info: unknown) => CpuProfileAddOptions) = {}): CpuProfileImportStats {
    const options = typeof given === 'function' ? given(cpu.info) : given;
    const stacks = this.stackResolver(cpu);
    const base = options.labels ?? {};
    const stats: CpuProfileImportStats = { samples: 0, totalNs: 0, startUs: cpu.startUs, endUs: cpu.endUs, ownSamples: 0, ownNs: 0 };
    const values = new Array<number>(this.builder.sampleTypes.length).fill(0);
    const emit = (node: number, count: number, ns: number, labels: Labels): void => {
      values[this.countIdx] = count;
      values[this.timeIdx] = ns;
      if (stacks.trie[node] === -1) stacks.resolve(node);
      const own = stacks.own[node] === 1;
      this.builder.addSampleAt(own ? this.ciprofNode() : stacks.trie[node]!, values, own ? base : labels);
      stats.samples += count;
      stats.totalNs += ns;
      if (own) {
        stats.ownSamples += count;
        stats.ownNs += ns;
      }
    };
    if (!cpu.hasTicks) {
      // Old format: hit counts only. Spread the measured duration over the hits.
      let hits = 0;
      for (let i = 0; i < cpu.nodeCount; i++) hits += cpu.hitCount[i]!;
      const perHitNs = hits > 0 ? ((cpu.endUs - cpu.startUs) * 1000) / hits : 0;
      for (let i = 0; i < cpu.nodeCount; i++) if (cpu.hitCount[i]) emit(i, cpu.hitCount[i]!, cpu.hitCount[i]! * perHitNs, base);
      return stats;
    }
    const { tickNode, tickTime } = cpu;
    const n = tickNode.length;
    const nsOf = (i: number): number => Math.max(0, (i + 1 < n ? tickTime[i + 1]! : cpu.endUs) - tickTime[i]!) * 1000;
    if (options.labelAt) {
      const merged = new Map<Labels, Labels>();
      for (let i = 0; i < n; i++) {
        const extra = options.labelAt(tickTime[i]!);
        let labels = base;
        if (extra) {
          labels = merged.get(extra) ?? { ...base, ...extra };
          merged.set(extra, labels);
        }
        emit(tickNode[i]!, 1, nsOf(i), labels);
      }
      return stats;
    }
    // Aggregate per node first: one addSample per distinct stack, not per tick.
    const counts = this.scratch.float64('counts', cpu.nodeCount, 0);
    const ns = this.scratch.float64('ns', cpu.nodeCount, 0);
    for (let i = 0; i < n; i++) {
      counts[tickNode[i]!]! += 1;
      ns[tickNode[i]!]! += nsOf(i);
    }
    for (let i = 0; i < cpu.nodeCount; i++) if (counts[i]) emit(i, counts[i]!, ns[i]!, base);
    return stats;
  }

  private ciprofNode(): number {
    if (this.ownNode < 0) this.ownNode = this.builder.childNode(0, this.builder.functionId(CIPROF_FRAME, '', 0));
    return this.ownNode;
  }

  /**
   * Per V8 node: the builder's call-trie node of its stack (ciprof frames cut out) and
   * whether it is ciprof's own work (a ciprof frame, or Node internals ciprof called).
   * Resolved on first use, top-down and iteratively (the scan checked the tree is acyclic
   * and bounded), so only sampled nodes and their ancestors reach the trie.
   */
  private stackResolver(cpu: ScannedCpuProfile): { trie: Int32Array; own: Uint8Array; resolve: (node: number) => void } {
    const trie = this.scratch.int32('trie', cpu.nodeCount, -1);
    const own = this.scratch.uint8('own', cpu.nodeCount, 0);
    const { parentOf, frameOf } = cpu;
    const chain = this.scratch.int32('chain', cpu.nodeCount);
    const resolve = (start: number): void => {
      let top = 0;
      for (let cur = start; cur >= 0 && trie[cur] === -1; cur = parentOf[cur]!) chain[top++] = cur;
      while (top > 0) {
        const node = chain[--top]!;
        const parent = parentOf[node]!;
        const parentTrie = parent >= 0 ? trie[parent]! : 0;
        const kind = this.frames.kind(frameOf[node]!);
        if (kind === FrameKind.root && parent < 0) {
          trie[node] = 0;
        } else if (kind === FrameKind.own) {
          trie[node] = parentTrie;
          own[node] = 1;
        } else {
          trie[node] = this.builder.childNode(parentTrie, this.frames.functionId(frameOf[node]!, this.builder));
          own[node] = parent >= 0 && own[parent] === 1 && kind === FrameKind.node ? 1 : 0;
        }
      }
    };
    return { trie, own, resolve };
  }
}
