/**
 * The agent's `.allocprofile` (V8's sampling heap profile, its nodes flattened as in a
 * .cpuprofile, plus the `$alloc` block of test-boundary marks) -> profile model, as the
 * sample types alloc_samples/count and alloc_space/bytes beside the CPU ones.
 *
 * Per-test attribution: samples are sorted by ordinal (V8's allocation order); a mark
 * (MARKER_FUNCTION's arrays, recognised by size, which also encodes the boundary's index
 * mod MARKER_RESIDUES) closes one span and opens the next. Every sample between two
 * marks is labelled as the span's midpoint is (the labeler joins times to tests), so a
 * sample is charged to the test that was running when it was allocated; the only error
 * is the sampling itself (Poisson in the number of samples: relative standard error
 * sqrt(interval / bytes) for small objects). A mark V8 did not sample (probability
 * e^-16 per boundary) merges two spans; the residue keeps every later span aligned.
 *
 * ciprof's own allocations (the marks, the hooks' records) never reach a test: the marks
 * are dropped, the rest folds into `(ciprof)`, by the CPU importer's rule.
 */
import { MARKER_RESIDUES, MARKER_STEP, type AllocInfo } from '../agent/protocol.js';
import { DEFAULT_LIMITS, type DecodeLimits } from './limits.js';
import { ALLOC_SAMPLES, ALLOC_SPACE, CIPROF_FRAME, type Labels, type ProfileBuilder } from './model.js';
import { normalizeScriptPath } from './paths.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface AllocProfileFile {
  nodes: { id: number; callFrame: CallFrame; children: number[] }[];
  samples: { size: number; nodeId: number; ordinal: number }[];
  /** The agent's `$ciprof` block, unchecked (gather checks it as for a .cpuprofile). */
  info: unknown;
  alloc: AllocInfo;
}

export interface AllocImportStats {
  samples: number;
  bytes: number;
  ownBytes: number;
  /** Test boundaries the agent marked, and how many of them were found among the samples. */
  marks: number;
  marksFound: number;
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parses and checks an .allocprofile; a bad file throws a plain Error naming the problem. */
export function parseAllocProfile(bytes: Uint8Array, limits: DecodeLimits = DEFAULT_LIMITS): AllocProfileFile {
  if (bytes.length > limits.maxBytes) throw new Error(`larger than ${limits.maxBytes} bytes`);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`);
  }
  if (!raw || typeof raw !== 'object') throw new Error('not an allocation profile');
  const { nodes, samples, $alloc: alloc } = raw as { nodes?: unknown; samples?: unknown; $alloc?: Record<string, unknown> };
  if (!Array.isArray(nodes) || nodes.length === 0 || nodes.length > limits.maxNodes) throw new Error(`"nodes" must be a list of 1 to ${limits.maxNodes} nodes`);
  if (!Array.isArray(samples) || samples.length > limits.maxSamples) throw new Error(`"samples" must be a list of at most ${limits.maxSamples} samples`);
  for (const n of nodes as Record<string, unknown>[]) {
    const f = n?.callFrame as Record<string, unknown> | undefined;
    if (!isInt(n?.id) || !Array.isArray(n.children) || !n.children.every(isInt) || typeof f?.functionName !== 'string' || typeof f.url !== 'string' || !isInt(f.lineNumber)) {
      throw new Error('a node without id, children or callFrame {functionName, url, lineNumber}');
    }
    if (f.functionName.length > limits.maxStringBytes || f.url.length > limits.maxStringBytes) throw new Error(`a name or URL over ${limits.maxStringBytes} characters`);
  }
  for (const s of samples as Record<string, unknown>[]) {
    if (!isNum(s?.size) || s.size < 0 || !isInt(s.nodeId) || !isNum(s.ordinal)) throw new Error('a sample without size, nodeId or ordinal');
  }
  const b = alloc?.boundariesUs;
  if (!alloc || !isInt(alloc.intervalBytes) || !isInt(alloc.markerElements) || !isNum(alloc.startUs) || !isNum(alloc.endUs) || !Array.isArray(b) || b.length > limits.maxTicks || !b.every(isNum)) {
    throw new Error('bad "$alloc" block');
  }
  return { nodes: nodes as AllocProfileFile['nodes'], samples: samples as AllocProfileFile['samples'], info: raw.$ciprof, alloc: alloc as unknown as AllocInfo };
}

/** Which boundary a mark's size names (k mod MARKER_RESIDUES), or -1 when the sample is no mark. */
export function markResidue(size: number, markerElements: number): number {
  // A piece is a FixedArray of 8-byte elements (4 with pointer compression) after a header:
  // its own 16 (8) bytes, or with the array object and an allocation memento in the same
  // allocation up to 64 (32). One residue step is MARKER_STEP elements, wider than any header.
  for (const element of [8, 4]) {
    const over = size - element * markerElements;
    const step = element * MARKER_STEP;
    const r = Math.floor(over / step);
    const header = over - r * step;
    if (Number.isInteger(over) && r >= 0 && r < MARKER_RESIDUES && header >= element && header <= (element === 8 ? 80 : 40)) return r;
  }
  return -1;
}

/**
 * The span (0 = before the first mark, k = after mark k-1) of every sample, by ordinal.
 * Returns -1 for the marks themselves.
 */
export function spansByMarks(file: AllocProfileFile, isMarkNode: (nodeId: number) => boolean): { span: Int32Array; found: number } {
  const order = file.samples.map((_, i) => i).sort((a, b) => file.samples[a]!.ordinal - file.samples[b]!.ordinal);
  const span = new Int32Array(file.samples.length);
  const total = file.alloc.boundariesUs.length;
  let last = -1; // index of the last mark passed
  let found = 0;
  for (const i of order) {
    const s = file.samples[i]!;
    const residue = isMarkNode(s.nodeId) ? markResidue(s.size, file.alloc.markerElements) : -1;
    if (residue >= 0) {
      span[i] = -1;
      if (last >= 0 && residue === last % MARKER_RESIDUES) continue; // another piece of the same mark
      last += 1 + ((residue - ((last + 1) % MARKER_RESIDUES) + MARKER_RESIDUES) % MARKER_RESIDUES);
      last = Math.min(last, total - 1);
      found++;
      continue;
    }
    span[i] = last + 1;
  }
  return { span, found: Math.min(found, total) };
}

type FrameKind = 'user' | 'node' | 'own';

export class AllocProfileImporter {
  private readonly samplesIdx: number;
  private readonly bytesIdx: number;
  private ownNode = -1;

  constructor(
    readonly builder: ProfileBuilder,
    private readonly options: { repoRoot: string; isOwnScript?: (url: string) => boolean; limits?: DecodeLimits },
  ) {
    this.samplesIdx = builder.sampleTypeIndex(ALLOC_SAMPLES);
    this.bytesIdx = builder.sampleTypeIndex(ALLOC_SPACE);
  }

  add(file: AllocProfileFile, opts: { labels?: Labels; labelAt?: (timeUs: number) => Labels | undefined } = {}): AllocImportStats {
    const byId = new Map<number, AllocProfileFile['nodes'][number]>();
    const parent = new Map<number, number>();
    for (const n of file.nodes) byId.set(n.id, n);
    for (const n of file.nodes) for (const c of n.children) if (!parent.has(c) && c !== n.id) parent.set(c, n.id);
    const resolve = this.stackResolver(byId, parent);
    // Any of ciprof's own frames, not only MARKER_FUNCTION: once a suite has run a few
    // thousand boundaries TurboFan inlines the mark into its callers, and V8's heap sampler
    // names an optimized frame by its outermost function (seen on a 1,260-test mocha suite:
    // half the marks sampled in \`boundary\` and the hook's listener). The size residue
    // (markResidue) is what tells a mark from the agent's other allocations.
    const isMarkNode = (id: number): boolean => {
      const f = byId.get(id)?.callFrame;
      return f !== undefined && this.kindOf(f.url) === 'own';
    };
    const { span, found } = spansByMarks(file, isMarkNode);
    const base = opts.labels ?? {};
    const spanLabels = new Map<number, Labels>();
    const labelsOf = (k: number): Labels => {
      let l = spanLabels.get(k);
      if (!l) {
        const b = file.alloc.boundariesUs;
        const from = k === 0 ? file.alloc.startUs : b[k - 1]!;
        const to = k >= b.length ? file.alloc.endUs : b[k]!;
        const extra = opts.labelAt?.((from + to) / 2);
        l = extra ? { ...base, ...extra } : base;
        spanLabels.set(k, l);
      }
      return l;
    };
    const stats: AllocImportStats = { samples: 0, bytes: 0, ownBytes: 0, marks: file.alloc.boundariesUs.length, marksFound: found };
    // Every stack first: a file too deep to read throws before any of it reaches the builder.
    const stacks = file.samples.map((s, i) => (span[i]! < 0 || !byId.has(s.nodeId) ? undefined : resolve(s.nodeId)));
    const values = new Array<number>(this.builder.sampleTypes.length).fill(0);
    file.samples.forEach((s, i) => {
      const stack = stacks[i];
      if (!stack) return;
      const { trie, own } = stack;
      values[this.samplesIdx] = 1;
      values[this.bytesIdx] = s.size;
      this.builder.addSampleAt(own ? this.ciprofNode() : trie, values, own ? base : labelsOf(span[i]!));
      stats.samples++;
      stats.bytes += s.size;
      if (own) stats.ownBytes += s.size;
    });
    return stats;
  }

  private kindOf(url: string): FrameKind {
    if (url.startsWith('node:internal/modules/')) return 'user'; // the module loader: work done with or without ciprof
    if (url === '' || url.startsWith('node:')) return 'node';
    return this.options.isOwnScript?.(url) ? 'own' : 'user';
  }

  private ciprofNode(): number {
    if (this.ownNode < 0) this.ownNode = this.builder.childNode(0, this.builder.functionId(CIPROF_FRAME, '', 0));
    return this.ownNode;
  }

  /** The call-trie node of a V8 node, ciprof's frames cut out, and whether it is ciprof's own work (CpuProfileImporter's rule). */
  private stackResolver(byId: Map<number, AllocProfileFile['nodes'][number]>, parent: Map<number, number>): (id: number) => { trie: number; own: boolean } {
    const memo = new Map<number, { trie: number; own: boolean }>();
    const maxDepth = (this.options.limits ?? DEFAULT_LIMITS).maxDepth;
    return (id) => {
      const chain: number[] = [];
      for (let cur: number | undefined = id; cur !== undefined && !memo.has(cur); cur = parent.get(cur)) {
        chain.push(cur);
        if (chain.length > maxDepth) throw new Error(`a stack deeper than ${maxDepth} frames (or a cycle)`);
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const node = chain[i]!;
        const p = parent.get(node);
        const up = p === undefined ? { trie: 0, own: false } : memo.get(p)!;
        const f = byId.get(node)!.callFrame;
        const kind = this.kindOf(f.url);
        if (p === undefined && f.functionName === '(root)') memo.set(node, up);
        else if (kind === 'own') memo.set(node, { trie: up.trie, own: true });
        else {
          const fid = this.builder.functionId(f.functionName || '(anonymous)', normalizeScriptPath(f.url, this.options.repoRoot), f.lineNumber >= 0 ? f.lineNumber + 1 : 0);
          memo.set(node, { trie: this.builder.childNode(up.trie, fid), own: up.own && kind === 'node' });
        }
      }
      return memo.get(id)!;
    };
  }
}
