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
 */
export class ProfileBuilder {
  readonly functions: FunctionFrame[] = [];
  readonly samples: Sample[] = [];
  private readonly functionIds = new Map<string, number>();
  private readonly sampleIds = new Map<string, number>();
  private readonly labelInterning = new Map<string, Labels>();
  timeNanos = 0;
  durationNanos = 0;
  meta: ProfileMeta = {};

  constructor(
    readonly sampleTypes: ValueType[] = [SAMPLES_COUNT, CPU_NANOS],
    readonly periodType: ValueType = CPU_NANOS,
    public period = 1_000_000,
  ) {}

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

  /** Adds values to the sample with this stack and labels, creating it if new. */
  addSample(stack: readonly number[], values: readonly number[], labels: Labels = {}): void {
    const lk = labelsKey(labels);
    const key = `${stack.join(',')}|${lk}`;
    const existing = this.sampleIds.get(key);
    if (existing !== undefined) {
      const target = this.samples[existing]!.values;
      for (let i = 0; i < values.length; i++) target[i]! += values[i]!;
      return;
    }
    let interned = this.labelInterning.get(lk);
    if (!interned) {
      interned = Object.freeze({ ...labels });
      this.labelInterning.set(lk, interned);
    }
    this.sampleIds.set(key, this.samples.length);
    this.samples.push({ stack: stack.slice(), values: values.slice(), labels: interned });
  }

  build(): Profile {
    return {
      sampleTypes: this.sampleTypes,
      periodType: this.periodType,
      period: this.period,
      functions: this.functions,
      samples: this.samples,
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
