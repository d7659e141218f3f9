/**
 * A profile in a form that crosses to a worker thread cheaply: numbers in typed arrays
 * (transferred, not copied), strings in flat arrays, each distinct label set once. The
 * structured clone of the object model costs an object per sample, per stack and per
 * value list: 46 ms on the main thread for a 1,500-test suite's 2,500 samples, which is
 * what the worker was there to save. unpackProfile gives back an equal profile (same
 * samples in the same order, same functions, labels and metadata).
 */
import type { FunctionFrame, Labels, Profile, Sample } from './model.js';

export interface PackedProfile {
  head: Pick<Profile, 'sampleTypes' | 'periodType' | 'period' | 'timeNanos' | 'durationNanos' | 'meta'>;
  names: string[];
  files: string[];
  lines: Float64Array;
  /** Per sample: stack length, values length, label set index. */
  stackLength: Int32Array;
  valueLength: Int32Array;
  labelSet: Int32Array;
  /** Every sample's stack, then its values, one after the other. */
  stacks: Int32Array;
  values: Float64Array;
  labelSets: Labels[];
}

export function packProfile(p: Profile): PackedProfile {
  const n = p.samples.length;
  const stackLength = new Int32Array(n);
  const valueLength = new Int32Array(n);
  const labelSet = new Int32Array(n);
  let stackTotal = 0;
  let valueTotal = 0;
  for (let i = 0; i < n; i++) {
    const s = p.samples[i]!;
    stackTotal += s.stack.length;
    valueTotal += s.values.length;
  }
  const stacks = new Int32Array(stackTotal);
  const values = new Float64Array(valueTotal);
  const labelSets: Labels[] = [];
  // The builder shares one frozen object per label set: by identity first, as it does.
  const setIndex = new Map<Labels, number>();
  let si = 0;
  let vi = 0;
  for (let i = 0; i < n; i++) {
    const s = p.samples[i]!;
    stackLength[i] = s.stack.length;
    for (let k = 0; k < s.stack.length; k++) stacks[si++] = s.stack[k]!;
    valueLength[i] = s.values.length;
    for (let k = 0; k < s.values.length; k++) values[vi++] = s.values[k]!;
    let set = setIndex.get(s.labels);
    if (set === undefined) {
      set = labelSets.length;
      labelSets.push(s.labels);
      setIndex.set(s.labels, set);
    }
    labelSet[i] = set;
  }
  const fns = p.functions;
  const lines = new Float64Array(fns.length);
  for (let i = 0; i < fns.length; i++) lines[i] = fns[i]!.line;
  return {
    head: { sampleTypes: p.sampleTypes, periodType: p.periodType, period: p.period, timeNanos: p.timeNanos, durationNanos: p.durationNanos, meta: p.meta },
    names: fns.map((f) => f.name),
    files: fns.map((f) => f.file),
    lines,
    stackLength,
    valueLength,
    labelSet,
    stacks,
    values,
    labelSets,
  };
}

/** The buffers to list in postMessage's transfer list (the packed profile owns them). */
export function packedBuffers(p: PackedProfile): ArrayBuffer[] {
  return [p.lines, p.stackLength, p.valueLength, p.labelSet, p.stacks, p.values].map((a) => a.buffer as ArrayBuffer);
}

export function unpackProfile(p: PackedProfile): Profile {
  const functions: FunctionFrame[] = p.names.map((name, i) => ({ name, file: p.files[i]!, line: p.lines[i]! }));
  const samples: Sample[] = new Array<Sample>(p.stackLength.length);
  let si = 0;
  let vi = 0;
  for (let i = 0; i < samples.length; i++) {
    const stack = Array.from(p.stacks.subarray(si, (si += p.stackLength[i]!)));
    const values = Array.from(p.values.subarray(vi, (vi += p.valueLength[i]!)));
    samples[i] = { stack, values, labels: p.labelSets[p.labelSet[i]!]! };
  }
  return { ...p.head, functions, samples };
}
