/**
 * The one profile model everything else speaks. Formats (V8 .cpuprofile, pprof,
 * collapsed stacks, speedscope) are converted to and from it at the edges.
 *
 * A function is identified by (name, file, line): the same function seen in two
 * processes, two machines or two commits is the same frame, which is what merging
 * and diffing need. Stacks are stored leaf first, as in pprof.
 */

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

/** V8 pseudo-frames: kept as named frames so totals stay honest. */
export const IDLE_FRAME = '(idle)';
export const PROGRAM_FRAME = '(program)';
export const GC_FRAME = '(garbage collector)';

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

/**
 * Builds a profile with deduplicated functions and samples aggregated by
 * (stack, labels). Every importer and the merger go through it, so the invariants
 * (no duplicate function, no duplicate stack+labels) hold for every profile we write.
 *
 * Stacks are interned in a call trie (node = parent node + function), so importers can
 * name a stack by one number and never build or join arrays per sample: merging
 * hundreds of profiles is dominated by JSON parsing, not by stack bookkeeping.
 */
export class ProfileBuilder {
  readonly functions: FunctionFrame[] = [];
  private readonly functionIds = new Map<string, number>();
  /** Trie node 0 is the root (empty stack). */
  private readonly trieParent: number[] = [-1];
  private readonly trieFunction: number[] = [-1];
  private readonly trieChild = new Map<number, number>();
  private readonly trieChildWide = new Map<string, number>();
  /** Per label set: trie node -> index into `sampleRows`. */
  private readonly sampleIndex = new Map<string, Map<number, number>>();
  private readonly labelInterning = new Map<string, Labels>();
  private readonly sampleRows: { node: number; values: number[]; labels: Labels }[] = [];
  timeNanos = 0;
  durationNanos = 0;
  meta: ProfileMeta = {};

  constructor(
    readonly sampleTypes: ValueType[] = [SAMPLES_COUNT, CPU_NANOS],
    readonly periodType: ValueType = CPU_NANOS,
    public period = 1_000_000,
  ) {}

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

  /** The trie node for `fn` called from the stack `parent` (0 = from the root). */
  childNode(parent: number, fn: number): number {
    // parent < 2^32 and fn < 2^20 keep the numeric key below 2^53; beyond, a string key.
    const wide = fn >= 0x100000;
    const key = parent * 0x100000 + fn;
    let node = wide ? this.trieChildWide.get(`${parent}:${fn}`) : this.trieChild.get(key);
    if (node === undefined) {
      node = this.trieParent.length;
      this.trieParent.push(parent);
      this.trieFunction.push(fn);
      if (wide) this.trieChildWide.set(`${parent}:${fn}`, node);
      else this.trieChild.set(key, node);
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
    const lk = labelsKey(labels);
    let byNode = this.sampleIndex.get(lk);
    if (!byNode) {
      byNode = new Map();
      this.sampleIndex.set(lk, byNode);
      this.labelInterning.set(lk, Object.freeze({ ...labels }));
    }
    const existing = byNode.get(node);
    if (existing !== undefined) {
      const target = this.sampleRows[existing]!.values;
      for (let i = 0; i < values.length; i++) target[i] = (target[i] ?? 0) + values[i]!;
      return;
    }
    byNode.set(node, this.sampleRows.length);
    this.sampleRows.push({ node, values: values.slice(), labels: this.labelInterning.get(lk)! });
  }

  get sampleCount(): number {
    return this.sampleRows.length;
  }

  build(): Profile {
    const stacks = new Map<number, number[]>();
    const stackOf = (node: number): number[] => {
      let stack = stacks.get(node);
      if (!stack) {
        stack = [];
        for (let n = node; n > 0; n = this.trieParent[n]!) stack.push(this.trieFunction[n]!);
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
