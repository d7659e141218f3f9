/**
 * pprof (perftools.profiles.Profile) bytes -> profile model, read straight from the wire
 * format. A first pass only indexes the top-level fields and counts them against the
 * limits, so a small file that declares millions of strings or samples is refused before
 * anything is built (a generic decoder made an object per element first: 448 MB of empty
 * strings took 5.4 GB). The second pass builds functions, locations and samples with
 * every reference and every stack checked.
 */
import { IntColumn } from './columns.js';
import { DEFAULT_LIMITS, type DecodeLimits } from './limits.js';
import { ProfileBuilder, type Labels, type LabelValue, type Profile, type ValueType } from './model.js';
import { ProtoReader, WIRE_BYTES, WIRE_VARINT } from './proto-reader.js';

interface Spans {
  starts: IntColumn;
  ends: IntColumn;
}

interface PprofIndex {
  sampleTypes: Spans;
  samples: Spans;
  locations: Spans;
  functions: Spans;
  strings: Spans;
  periodType?: [number, number];
  comments: number[];
  timeNanos: number;
  durationNanos: number;
  period: number;
}

const spans = (): Spans => ({ starts: new IntColumn(), ends: new IntColumn() });

/** Throws a plain Error describing what is wrong; callers add the file name. */
export function decodePprof(bytes: Uint8Array, limits: DecodeLimits = DEFAULT_LIMITS): Profile {
  try {
    return decodeIndexed(bytes, indexProfile(bytes, limits), limits);
  } catch (err) {
    throw new Error(`not a pprof profile (${(err as Error).message})`);
  }
}

function indexProfile(bytes: Uint8Array, limits: DecodeLimits): PprofIndex {
  const r = new ProtoReader(bytes);
  const idx: PprofIndex = { sampleTypes: spans(), samples: spans(), locations: spans(), functions: spans(), strings: spans(), comments: [], timeNanos: 0, durationNanos: 0, period: 0 };
  const caps: Record<number, [Spans, number, string]> = {
    1: [idx.sampleTypes, limits.maxSampleTypes, 'sample types'],
    2: [idx.samples, limits.maxSamples, 'samples'],
    4: [idx.locations, limits.maxLocations, 'locations'],
    5: [idx.functions, limits.maxFunctions, 'functions'],
    6: [idx.strings, limits.maxStrings, 'strings'],
  };
  while (!r.done) {
    r.tag();
    const cap = caps[r.field];
    if (cap) {
      r.expectWire(WIRE_BYTES);
      const [list, max, what] = cap;
      if (list.starts.length >= max) r.fail(`more than ${max} ${what}`);
      const n = r.length();
      if (r.field === 6 && n > limits.maxStringBytes) r.fail(`string of ${n} bytes (limit ${limits.maxStringBytes})`);
      list.starts.push(r.pos);
      list.ends.push(r.pos + n);
      r.pos += n;
    } else if (r.field === 11) {
      r.expectWire(WIRE_BYTES);
      const n = r.length();
      idx.periodType = [r.pos, r.pos + n];
      r.pos += n;
    } else if (r.field === 9 || r.field === 10 || r.field === 12) {
      r.expectWire(WIRE_VARINT);
      const v = r.int();
      if (r.field === 9) idx.timeNanos = v;
      else if (r.field === 10) idx.durationNanos = v;
      else idx.period = v;
    } else if (r.field === 13) {
      r.ints(true, (v) => {
        if (idx.comments.length >= limits.maxStrings) r.fail(`more than ${limits.maxStrings} comments`);
        idx.comments.push(v);
      });
    } else r.skip();
  }
  return idx;
}

/** Strings decoded on first use: most of a string table is never asked for twice. */
class Strings {
  private readonly cache: (string | undefined)[];
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly bytes: Uint8Array,
    private readonly spans: Spans,
  ) {
    this.cache = new Array<string | undefined>(spans.starts.length);
  }

  get(i: number): string {
    if (!Number.isInteger(i) || i < 0 || i >= this.cache.length) throw new Error(`string index ${i} out of range`);
    let s = this.cache[i];
    if (s === undefined) {
      s = this.decoder.decode(this.bytes.subarray(this.spans.starts.view()[i], this.spans.ends.view()[i]));
      this.cache[i] = s;
    }
    return s;
  }
}

function decodeIndexed(bytes: Uint8Array, idx: PprofIndex, limits: DecodeLimits): Profile {
  const r = new ProtoReader(bytes);
  const str = new Strings(bytes, idx.strings);
  const sampleTypes: ValueType[] = [];
  forEach(r, idx.sampleTypes, () => sampleTypes.push(readValueType(r, str)));
  if (sampleTypes.length === 0) throw new Error('no sample types');
  let periodType = sampleTypes[sampleTypes.length - 1]!;
  if (idx.periodType) {
    [r.pos, r.limit] = idx.periodType;
    periodType = readValueType(r, str);
  }
  const builder = new ProfileBuilder(sampleTypes, periodType, idx.period);
  builder.timeNanos = idx.timeNanos;
  builder.durationNanos = idx.durationNanos;
  const functionIds = readFunctions(r, idx.functions, str, builder);
  const locations = readLocations(r, idx.locations, functionIds);
  readSamples(r, idx.samples, { str, builder, locations, limits });
  for (const c of idx.comments) {
    const text = str.get(c);
    const eq = text.indexOf('=');
    if (eq > 0) builder.meta[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return builder.build();
}

/** Runs `read` with the reader positioned on each span (a message of the top level). */
function forEach(r: ProtoReader, list: Spans, read: () => void): void {
  const starts = list.starts.view();
  const ends = list.ends.view();
  for (let i = 0; i < starts.length; i++) {
    r.pos = starts[i]!;
    r.limit = ends[i]!;
    read();
  }
}

function readValueType(r: ProtoReader, str: Strings): ValueType {
  let type = 0;
  let unit = 0;
  while (!r.done) {
    r.tag();
    if (r.field === 1 && r.wire === WIRE_VARINT) type = r.int();
    else if (r.field === 2 && r.wire === WIRE_VARINT) unit = r.int();
    else r.skip();
  }
  return { type: str.get(type), unit: str.get(unit) };
}

function checkLine(line: number): number {
  if (line < 0 || line > 2 ** 31 - 1) throw new Error(`line ${line} out of range`);
  return line;
}

function readFunctions(r: ProtoReader, list: Spans, str: Strings, builder: ProfileBuilder): Map<number, number> {
  const ids = new Map<number, number>();
  forEach(r, list, () => {
    let id = 0;
    let name = 0;
    let file = 0;
    let line = 0;
    while (!r.done) {
      r.tag();
      if (r.wire !== WIRE_VARINT) r.skip();
      else if (r.field === 1) id = r.uint();
      else if (r.field === 2) name = r.int();
      else if (r.field === 4) file = r.int();
      else if (r.field === 5) line = r.int();
      else r.skip();
    }
    if (ids.has(id)) throw new Error(`two functions with id ${id}`);
    ids.set(id, builder.functionId(str.get(name), str.get(file), checkLine(line)));
  });
  return ids;
}

interface Locations {
  index: Map<number, number>;
  /** Frames of location i: frames[start[i] .. start[i+1]), innermost (inlined) first. */
  start: Int32Array;
  frames: Int32Array;
}

function readLocations(r: ProtoReader, list: Spans, functionIds: Map<number, number>): Locations {
  const index = new Map<number, number>();
  const start = new IntColumn();
  const frames = new IntColumn();
  forEach(r, list, () => {
    let id = 0;
    start.push(frames.length);
    while (!r.done) {
      r.tag();
      if (r.field === 1 && r.wire === WIRE_VARINT) id = r.uint();
      else if (r.field === 4 && r.wire === WIRE_BYTES) {
        const fn = readLineFunction(r);
        const fid = functionIds.get(fn);
        if (fid === undefined) throw new Error(`location ${id} names unknown function ${fn}`);
        frames.push(fid);
      } else r.skip();
    }
    if (index.has(id)) throw new Error(`two locations with id ${id}`);
    index.set(id, index.size);
  });
  start.push(frames.length);
  return { index, start: start.view(), frames: frames.view() };
}

/** The function id of a Line message (inlined frames: one Line each). */
function readLineFunction(r: ProtoReader): number {
  const outer = r.enter();
  let fn = 0;
  while (!r.done) {
    r.tag();
    if (r.field === 1 && r.wire === WIRE_VARINT) fn = r.uint();
    else r.skip();
  }
  r.leave(outer);
  return fn;
}

interface SampleContext {
  str: Strings;
  builder: ProfileBuilder;
  locations: Locations;
  limits: DecodeLimits;
}

function readSamples(r: ProtoReader, list: Spans, ctx: SampleContext): void {
  const { builder, limits, locations, str } = ctx;
  const stack = new Int32Array(limits.maxDepth);
  const values: number[] = [];
  const types = builder.sampleTypes.length;
  let entries = 0;
  // Samples repeat a few label sets (pid, test): one object per set, not per sample.
  const labelSets = new Map<string, Labels>();
  const labelIds: number[] = [];
  forEach(r, list, () => {
    let depth = 0;
    values.length = 0;
    labelIds.length = 0;
    let labelCount = 0;
    const addLocation = (id: number): void => {
      const li = locations.index.get(id);
      if (li === undefined) throw new Error(`sample names unknown location ${id}`);
      for (let k = locations.start[li]!; k < locations.start[li + 1]!; k++) {
        if (depth >= limits.maxDepth) throw new Error(`stack deeper than ${limits.maxDepth}`);
        stack[depth++] = locations.frames[k]!;
      }
    };
    const addValue = (v: number): void => {
      if (values.length >= types) throw new Error(`sample has more values than its ${types} sample types`);
      if (v < 0) throw new Error(`negative sample value ${v}`);
      values.push(v);
    };
    while (!r.done) {
      r.tag();
      if (r.field === 1) r.ints(false, addLocation);
      else if (r.field === 2) r.ints(true, addValue);
      else if (r.field === 3 && r.wire === WIRE_BYTES) {
        if (++labelCount > limits.maxLabelsPerSample) throw new Error(`sample has more than ${limits.maxLabelsPerSample} labels`);
        const outer = r.enter();
        readLabel(r, labelIds);
        r.leave(outer);
      } else r.skip();
    }
    const labelKey = labelIds.join(',');
    let labels = labelSets.get(labelKey);
    if (!labels) {
      labels = labelsOf(labelIds, str);
      labelSets.set(labelKey, labels);
    }
    if (values.length !== types) throw new Error(`sample has ${values.length} values for ${types} sample types`);
    entries += depth;
    if (entries > limits.maxStackEntries) throw new Error(`more than ${limits.maxStackEntries} stack entries in all samples`);
    let node = 0;
    for (let k = depth - 1; k >= 0; k--) node = builder.childNode(node, stack[k]!);
    if (builder.trieSize > limits.maxCallPaths) throw new Error(`more than ${limits.maxCallPaths} distinct call paths`);
    builder.addSampleAt(node, values, labels);
  });
}

/** A Label message as (key, str, num) string-table ids and number, appended to `into`. */
function readLabel(r: ProtoReader, into: number[]): void {
  let key = 0;
  let s = 0;
  let num = 0;
  while (!r.done) {
    r.tag();
    if (r.wire !== WIRE_VARINT) r.skip();
    else if (r.field === 1) key = r.int();
    else if (r.field === 2) s = r.int();
    else if (r.field === 3) num = r.int();
    else r.skip();
  }
  into.push(key, s, num);
}

function labelsOf(ids: readonly number[], str: Strings): Labels {
  const labels: Record<string, LabelValue> = {};
  for (let i = 0; i < ids.length; i += 3) labels[str.get(ids[i]!)] = ids[i + 1] !== 0 ? str.get(ids[i + 1]!) : ids[i + 2]!;
  return labels;
}
