/**
 * Seeded mutations of real profiles for the decoder fuzz test: byte-level damage for every
 * format, plus structural damage that knows each format (a parent cycle, a forged id, a
 * NaN where a number goes, a string table bomb, an 11-byte varint, a bad escape...).
 * Deterministic for a seed, so a failure can be replayed.
 */
import { ProtoReader } from '../../src/profile/proto-reader.js';
import { intFieldSize, lengthFieldSize, ProtoWriter, varintSize } from '../../src/profile/proto-writer.js';

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

export interface Mutant {
  kind: 'cpuprofile' | 'pprof' | 'records';
  how: string;
  bytes: Uint8Array;
  gzip: boolean;
}

type Rand = () => number;

/** mulberry32: small, seeded, good enough to pick mutations. */
function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: Rand, n: number): number => Math.floor(rand() * n);
const pick = <T>(rand: Rand, list: readonly T[]): T => list[int(rand, list.length)]!;
const enc = new TextEncoder();
const dec = new TextDecoder();

const INTERESTING_BYTES = [0x00, 0xff, 0x22, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x2d, 0x30, 0x39, 0x5c, 0x0a, 0x80, 0x7f];

function byteMutation(rand: Rand, input: Uint8Array): [string, Uint8Array] {
  const at = int(rand, Math.max(1, input.length));
  const len = 1 + int(rand, rand() < 0.8 ? 64 : Math.max(1, input.length >> 3));
  switch (int(rand, 6)) {
    case 0: {
      const b = Uint8Array.from(input);
      b[at] = (b[at] ?? 0) ^ (1 << int(rand, 8));
      return ['flip', b];
    }
    case 1: {
      const b = Uint8Array.from(input);
      b[at] = rand() < 0.7 ? pick(rand, INTERESTING_BYTES) : int(rand, 256);
      return ['set', b];
    }
    case 2:
      return ['delete', concat([input.subarray(0, at), input.subarray(at + len)])];
    case 3: {
      const to = int(rand, input.length + 1);
      return ['duplicate', concat([input.subarray(0, to), input.subarray(at, at + len), input.subarray(to)])];
    }
    case 4:
      return ['truncate', input.subarray(0, at)];
    default: {
      const noise = new Uint8Array(1 + int(rand, 16)).map(() => int(rand, 256));
      return ['insert', concat([input.subarray(0, at), noise, input.subarray(at)])];
    }
  }
}

interface V8Node {
  id: number;
  callFrame: Record<string, unknown>;
  children?: number[];
  hitCount?: number;
}
interface V8Json {
  nodes: V8Node[];
  samples: number[];
  timeDeltas: number[];
  [key: string]: unknown;
}

const WEIRD_VALUES: unknown[] = [-1, -1e12, 1e308, 2 ** 31, 2 ** 53 + 2, 0.5, '12', null, true, [], {}, 'NaN'];
const WEIRD_TOKENS = ['NaN', 'Infinity', '-0', '1e999', '01', '.5', '1e', '"x"', '-', '1.5e400'];

function cpuprofileMutation(rand: Rand, seed: V8Json): [string, Uint8Array] {
  const p = structuredClone(seed);
  const node = (): V8Node => pick(rand, p.nodes);
  const ids = p.nodes.map((n) => n.id);
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let how: string;
  switch (int(rand, 14)) {
    case 0: {
      how = 'cycle';
      const n = node();
      const ancestors = [n.id];
      for (let a = parent.get(n.id); a !== undefined; a = parent.get(a)) ancestors.push(a);
      (n.children ??= []).push(pick(rand, ancestors));
      break;
    }
    case 1:
      how = 'two-parents';
      (node().children ??= []).push(pick(rand, ids));
      break;
    case 2: {
      how = 'detached-loop';
      const [a, b] = [node(), node()];
      for (const n of p.nodes) n.children = n.children?.filter((c) => c !== a.id && c !== b.id);
      a.children = [b.id];
      b.children = [a.id];
      break;
    }
    case 3: {
      how = 'weird-number';
      const v = pick(rand, WEIRD_VALUES);
      const target = int(rand, 6);
      if (target === 0) node().id = v as number;
      else if (target === 1) node().hitCount = v as number;
      else if (target === 2) node().callFrame.lineNumber = v;
      else if (target === 3 && p.samples.length) p.samples[int(rand, p.samples.length)] = v as number;
      else if (target === 4 && p.timeDeltas.length) p.timeDeltas[int(rand, p.timeDeltas.length)] = v as number;
      else p[pick(rand, ['startTime', 'endTime'])] = v;
      break;
    }
    case 4: {
      how = 'weird-token';
      const text = JSON.stringify(p);
      let count = 0;
      return [how, enc.encode(text.replace(/-?\d+(\.\d+)?/g, (m) => (count++ === int(rand, 2000) ? pick(rand, WEIRD_TOKENS) : m)))];
    }
    case 5:
      how = 'deep';
      p[pick(rand, ['x', 'nodes_', '$meta'])] = JSON.parse(((d) => '['.repeat(d) + ']'.repeat(d))(pick(rand, [60, 70, 3000])));
      break;
    case 6:
      how = 'long-string';
      node().callFrame[pick(rand, ['functionName', 'url'])] = 'x'.repeat(pick(rand, [65_000, 70_000, 200]));
      break;
    case 7: {
      how = 'escape';
      const text = JSON.stringify(p);
      const at = text.indexOf('"functionName":"') + 16;
      return [how, enc.encode(text.slice(0, at) + pick(rand, ['\\q', '\\u12', '\\u00e9\\n', '\\', '\u0001', '\\"']) + text.slice(at))];
    }
    case 8:
      how = 'delete-field';
      if (rand() < 0.5) delete p[pick(rand, ['nodes', 'startTime', 'endTime', 'samples', 'timeDeltas', '$ciprof'])];
      else delete (node() as unknown as Record<string, unknown>)[pick(rand, ['id', 'callFrame', 'children'])];
      break;
    case 9:
      how = 'shuffled-keys';
      p.nodes = p.nodes.map((n) => Object.fromEntries(Object.entries(n).reverse()) as unknown as V8Node);
      break;
    case 10: {
      how = 'negative-delta';
      const k = int(rand, Math.max(1, p.timeDeltas.length));
      p.timeDeltas[k] = -pick(rand, [1, 500, 2e6, 1e12]);
      break;
    }
    case 11:
      how = 'sparse-ids';
      for (const n of p.nodes) n.id *= 1000;
      break;
    case 12:
      how = 'bad-info';
      p.$ciprof = pick(rand, [{ pid: 'x' }, { pid: 1, threadId: 0, argv: 'npm' }, { pid: 1, threadId: 0, argv: Array(1000).fill('a') }, null, [1], { pid: 1, threadId: 0, wallStartMs: 5, wallEndMs: 1 }]);
      break;
    default: {
      how = 'duplicate-key';
      const text = JSON.stringify(p);
      return [how, enc.encode(text.replace('"nodes":', pick(rand, ['"nodes":[],"nodes":', '"startTime":1,"nodes":', '"samples":[1],"nodes":'])))];
    }
  }
  return [how, enc.encode(JSON.stringify(p))];
}

/** Top-level pprof fields as (tag bytes + value bytes) slices, to drop, repeat or damage. */
function pprofFields(bytes: Uint8Array): Uint8Array[] {
  const r = new ProtoReader(bytes);
  const out: Uint8Array[] = [];
  while (!r.done) {
    const start = r.pos;
    r.tag();
    r.skip();
    out.push(bytes.subarray(start, r.pos));
  }
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A hand-made field: a sample, function or location naming what may not exist, or declaring too much. */
function craftedField(rand: Rand): [string, Uint8Array] {
  const w = new ProtoWriter();
  switch (int(rand, 6)) {
    case 0: {
      const id = pick(rand, [999_999, 2 ** 40, -1, 0]);
      w.open(2, lengthFieldSize(varintSize(id)));
      w.open(1, varintSize(id));
      w.varint(id);
      return ['sample-unknown-location', w.finish()];
    }
    case 1: {
      const name = pick(rand, [0x0fffffff, -3]);
      w.open(5, intFieldSize(77) + intFieldSize(name));
      w.int(1, 77);
      w.int(2, name);
      return ['function-bad-string', w.finish()];
    }
    case 2: {
      const n = pick(rand, [1000, 5000, 20_000]);
      w.open(2, lengthFieldSize(n));
      w.open(1, n);
      for (let i = 0; i < n; i++) w.varint(1);
      return ['deep-stack', w.finish()];
    }
    case 3:
      w.open(2, lengthFieldSize(varintSize(-5)));
      w.open(2, varintSize(-5));
      w.varint(-5);
      return ['negative-value', w.finish()];
    case 4:
      return ['varint-overflow', Uint8Array.from([0x48, ...Array<number>(11).fill(0xff), 0x01])];
    default: {
      const n = pick(rand, [10_000, 100_000, 1_100_000]);
      return ['string-bomb', new Uint8Array(n * 2).map((_, i) => (i % 2 ? 0 : 0x32))];
    }
  }
}

function pprofMutation(rand: Rand, seed: Uint8Array): [string, Uint8Array] {
  const fields = pprofFields(seed);
  const k = int(rand, fields.length);
  switch (int(rand, 5)) {
    case 0:
      fields.splice(k, 1);
      return ['drop-field', concat(fields)];
    case 1: {
      const times = pick(rand, [2, 100, 5000]);
      fields.splice(k, 0, ...Array<Uint8Array>(times).fill(fields[k]!));
      return ['repeat-field', concat(fields)];
    }
    case 2: {
      const f = Uint8Array.from(fields[k]!);
      f[0] = (f[0]! & ~7) | pick(rand, [0, 1, 3, 5, 7]);
      fields[k] = f;
      return ['wire-type', concat(fields)];
    }
    case 3: {
      const f = Uint8Array.from(fields[k]!);
      if (f.length > 2) f[1] = 0xff;
      fields[k] = concat([f.subarray(0, 2), Uint8Array.from([0xff, 0xff, 0xff, 0x0f]), f.subarray(2)]);
      return ['bad-length', concat(fields)];
    }
    default: {
      const [how, extra] = craftedField(rand);
      fields.splice(k, 0, extra);
      return [how, concat(fields)];
    }
  }
}

function recordsMutation(rand: Rand, seed: string): [string, Uint8Array] {
  const lines = seed.split('\n').filter(Boolean);
  const k = int(rand, lines.length);
  const ops: [string, (l: string) => string][] = [
    ['cut-line', (l) => l.slice(0, int(rand, l.length))],
    ['weird-number', (l) => l.replace(/\d+/, pick(rand, ['-5', '"1"', 'null', '1e999', 'NaN', '9007199254740993']))],
    ['huge-name', (l) => l.replace(/"name":"[^"]*"/, `"name":"${'n'.repeat(20_000)}"`)],
    ['drop-key', (l) => l.replace(/"(kind|file|startUs|status)":[^,}]*,?/, '')],
    ['not-json', () => pick(rand, ['[]', '{', 'null', '"x"', '{"pid":1}'])],
    ['end-before-start', (l) => l.replace(/"endUs":\d+/, '"endUs":0')],
  ];
  const [how, op] = pick(rand, ops);
  lines[k] = op(lines[k]!);
  if (rand() < 0.2) lines.push(...Array<string>(pick(rand, [10, 200])).fill(lines[k]!));
  return [how, enc.encode(lines.join('\n'))];
}

const kindOf = (name: string): Mutant['kind'] => (name.endsWith('.jsonl') ? 'records' : name.endsWith('.cpuprofile') ? 'cpuprofile' : 'pprof');

export function* mutants(seeds: readonly Seed[], n: number, seed: number): Generator<Mutant> {
  const rand = prng(seed);
  const parsed = new Map<string, V8Json>();
  for (let i = 0; i < n; i++) {
    const s = pick(rand, seeds);
    const kind = kindOf(s.name);
    let how: string;
    let bytes: Uint8Array;
    if (rand() < 0.5) [how, bytes] = byteMutation(rand, s.bytes);
    else if (kind === 'cpuprofile') {
      if (!parsed.has(s.name)) parsed.set(s.name, JSON.parse(dec.decode(s.bytes)) as V8Json);
      [how, bytes] = cpuprofileMutation(rand, parsed.get(s.name)!);
    } else if (kind === 'pprof') [how, bytes] = pprofMutation(rand, s.bytes);
    else [how, bytes] = recordsMutation(rand, dec.decode(s.bytes));
    // Sometimes a second, byte-level mutation on top of the first.
    if (rand() < 0.25) {
      const [more, b] = byteMutation(rand, bytes);
      how += `+${more}`;
      bytes = b;
    }
    yield { kind, how: `${kind}:${how}`, bytes, gzip: kind !== 'records' && rand() < 0.2 };
  }
}
