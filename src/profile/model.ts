/**
 * The one profile model everything else speaks. Formats (V8 .cpuprofile, pprof,
 * collapsed stacks, speedscope) are converted to and from it at the edges.
 *
 * A function is identified by (name, file, line): the same function seen in two
 * processes, two machines or two commits is the same frame, which is what merging
 * and diffing need. Stacks are stored leaf first, as in pprof.
 */

import { IntColumn } from './columns.js';
import { TripleTable } from './hash-tables.js';

export interface ValueType {
  type: string;
  unit: string;
}

export interface FunctionFrame {
  name: string;
  /** Repo-relative path, `node_modules/<pkg>/...`, `node:internal/...`, or '' for V8 pseudo-frames. */
  file: string;
  /** 1-based line where the function starts; 0 when unknown. */
  line: number;
}

export type LabelValue = string | number;
export type Labels = Readonly<Record<string, LabelValue>>;

export interface Sample {
  /** Indexes into Profile.functions, leaf first. */
  stack: readonly number[];
  /** One value per Profile.sampleTypes entry. */
  values: number[];
  labels: Labels;
}

/** Profile-level facts (commit, branch, job, …). Carried as pprof comments `key=value`. */
export type ProfileMeta = Record<string, string>;

export interface Profile {
  sampleTypes: ValueType[];
  periodType: ValueType;
  /** Sampling period in periodType units (nanoseconds of CPU for our profiles). */
  period: number;
  functions: FunctionFrame[];
  samples: Sample[];
  /** Wall-clock start of the earliest input, Unix nanoseconds. */
  timeNanos: number;
  durationNanos: number;
  meta: ProfileMeta;
}

export const SAMPLES_COUNT: ValueType = { type: 'samples', unit: 'count' };
export const CPU_NANOS: ValueType = { type: 'cpu', unit: 'nanoseconds' };
/**
 * Allocations (`ciprof run --alloc`), from V8's sampling heap profiler: how many heap
 * samples, and the bytes they stand for (V8's unbiased estimate: each sample of an object
 * of s bytes counts s / (1 - e^(-s/interval)) bytes). Not `alloc_objects`: V8's inspector
 * gives a sample's bytes, not its object count, so the object count is unknown.
 */
export const ALLOC_SAMPLES: ValueType = { type: 'alloc_samples', unit: 'count' };
export const ALLOC_SPACE: ValueType = { type: 'alloc_space', unit: 'bytes' };

/** V8 pseudo-frames: kept as named frames so totals stay honest. */
export const IDLE_FRAME = '(idle)';
export const PROGRAM_FRAME = '(program)';
export const GC_FRAME = '(garbage collector)';
/**
 * ciprof's own work in the profiled processes (its agent, runner hooks and the calls they
 * make), folded into one root frame outside every test so it is neither charged to a
 * test nor hidden.
 */
export const CIPROF_FRAME = '(ciprof)';

export function functionKey(f: FunctionFrame): string {
  return `${f.name}\u0000${f.file}\u0000${f.line}`;
}

function labelsKey(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  keys.sort();
  let out = '';
  for (const k of keys) out += `${k}\u0001${labels[k]}\u0002`;
  return out;
}

/** One distinct label set: its frozen labels and its rows by call-trie node. */
interface LabelSet {
  labels: Labels;
  rows: Map<number, number>;
}

/**
 * Builds a profile with deduplicated functions and samples aggregated by
 * (stack, labels). Every importer and the merger go through it, so the invariants
 * (no duplicate function, no duplicate stack+labels) hold for every profile we write.
 *
 * Stacks are interned in a call trie (node = parent node + function), so importers can
 * name a stack by one number and never build or join arrays per sample. Label sets are
 * recognised by object identity first (importers pass the same object for every sample
 * of a test), by content only the first time an object is seen.
 */
export class ProfileBuilder {
  readonly functions: FunctionFrame[] = [];
  private readonly functionIds = new Map<string, number>();
  /** Trie node 0 is the root (empty stack). */
  private readonly trieParent = new IntColumn(4096);
  private readonly trieFunction = new IntColumn(4096);
  private readonly trieIndex = new TripleTable(4096);
  private readonly labelSetByObject = new WeakMap<Labels, LabelSet>();
  private readonly labelSetByKey = new Map<string, LabelSet>();
  private readonly sampleRows: { node: number; values: number[]; labels: Labels }[] = [];
  timeNanos = 0;
  durationNanos = 0;
  meta: ProfileMeta = {};

  constructor(
    readonly sampleTypes: ValueType[] = [SAMPLES_COUNT, CPU_NANOS],
    readonly periodType: ValueType = CPU_NANOS,
    public period = 1_000_000,
  ) {
    this.trieParent.push(-1);
    this.trieFunction.push(-1);
  }

  /** Index of a sample type, added (0 in every existing sample) when new. */
  sampleTypeIndex(t: ValueType): number {
    const i = this.sampleTypes.findIndex((x) => x.type === t.type && x.unit === t.unit);
    if (i >= 0) return i;
    this.sampleTypes.push(t);
    return this.sampleTypes.length - 1;
  }

  functionId(name: string, file: string, line: number): number {
    const key = `${name}\u0000${file}\u0000${line}`;
    let id = this.functionIds.get(key);
    if (id === undefined) {
      id = this.functions.length;
      this.functions.push({ name, file, line });
      this.functionIds.set(key, id);
    }
    return id;
  }

  /** Call-trie nodes so far (the root included): what a decoder's limits count. */
  get trieSize(): number {
    return this.trieParent.length;
  }

  /** The trie node for `fn` called from the stack `parent` (0 = from the root). */
  childNode(parent: number, fn: number): number {
    let node = this.trieIndex.get(parent, fn, 0);
    if (node < 0) {
      node = this.trieParent.length;
      this.trieParent.push(parent);
      this.trieFunction.push(fn);
      this.trieIndex.add(parent, fn, 0, node);
    }
    return node;
  }

  /** The trie node of a leaf-first stack. */
  stackNode(stack: readonly number[]): number {
    let node = 0;
    for (let i = stack.length - 1; i >= 0; i--) node = this.childNode(node, stack[i]!);
    return node;
  }

  /** Adds values to the sample with this stack and labels, creating it if new. */
  addSample(stack: readonly number[], values: readonly number[], labels: Labels = {}): void {
    this.addSampleAt(this.stackNode(stack), values, labels);
  }

  /** As addSample, for a stack already interned with childNode/stackNode. */
  addSampleAt(node: number, values: readonly number[], labels: Labels = {}): void {
    const set = this.labelSet(labels);
    const existing = set.rows.get(node);
    if (existing !== undefined) {
      const target = this.sampleRows[existing]!.values;
      for (let i = 0; i < values.length; i++) target[i] = (target[i] ?? 0) + values[i]!;
      return;
    }
    set.rows.set(node, this.sampleRows.length);
    this.sampleRows.push({ node, values: values.slice(), labels: set.labels });
  }

  private labelSet(labels: Labels): LabelSet {
    let set = this.labelSetByObject.get(labels);
    if (set) return set;
    const key = labelsKey(labels);
    set = this.labelSetByKey.get(key);
    if (!set) {
      set = { labels: Object.freeze({ ...labels }), rows: new Map() };
      this.labelSetByKey.set(key, set);
    }
    this.labelSetByObject.set(labels, set);
    return set;
  }

  get sampleCount(): number {
    return this.sampleRows.length;
  }

  build(): Profile {
    const parents = this.trieParent.view();
    const functions = this.trieFunction.view();
    const stacks = new Map<number, number[]>();
    const stackOf = (node: number): number[] => {
      let stack = stacks.get(node);
      if (!stack) {
        stack = [];
        for (let n = node; n > 0; n = parents[n]!) stack.push(functions[n]!);
        stacks.set(node, stack);
      }
      return stack;
    };
    return {
      sampleTypes: this.sampleTypes,
      periodType: this.periodType,
      period: this.period,
      functions: this.functions,
      samples: this.sampleRows.map((r) => {
        // A sample type added after this row was created (merge of mixed inputs): pad with 0.
        while (r.values.length < this.sampleTypes.length) r.values.push(0);
        return { stack: stackOf(r.node), values: r.values, labels: r.labels };
      }),
      timeNanos: this.timeNanos,
      durationNanos: this.durationNanos,
      meta: this.meta,
    };
  }
}

/** Index of the value type used for time (cpu or wall nanoseconds), falling back to the last. */
export function timeValueIndex(profile: Pick<Profile, 'sampleTypes'>): number {
  const i = profile.sampleTypes.findIndex((t) => t.unit === 'nanoseconds');
  return i >= 0 ? i : profile.sampleTypes.length - 1;
}

export function countValueIndex(profile: Pick<Profile, 'sampleTypes'>): number {
  return profile.sampleTypes.findIndex((t) => t.unit === 'count');
}
