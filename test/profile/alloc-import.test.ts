/**
 * The .allocprofile importer on hand-made files: marks found by function and size, a
 * missed mark does not shift the later spans, ciprof's own allocations fold into
 * (ciprof), bad files are refused with a one-line reason and leave the builder untouched.
 */
import { describe, expect, it } from 'vitest';
import { MARKER_FUNCTION, markerElements, type AllocInfo } from '../../src/agent/protocol.js';
import { AllocProfileImporter, markResidue, parseAllocProfile, spansByMarks, type AllocProfileFile } from '../../src/profile/alloc-import.js';
import { DEFAULT_LIMITS } from '../../src/profile/limits.js';
import { ProfileBuilder } from '../../src/profile/model.js';

const INTERVAL = 32768;
const ELEMENTS = markerElements(INTERVAL);
const markSize = (k: number, header = 16): number => header + 8 * (ELEMENTS + 16 * (k % 16));
const AGENT = 'file:///opt/ciprof/dist/agent.cjs';
const isOwnScript = (url: string): boolean => url === AGENT;

/** Nodes: 1 root, 2 work() in the project, 3 the mark function, 4 a hook allocation (own). */
function file(samples: [nodeId: number, size: number][], boundariesUs: number[]): AllocProfileFile {
  const frame = (functionName: string, url: string, lineNumber: number) => ({ functionName, url, lineNumber });
  const alloc: AllocInfo = { intervalBytes: INTERVAL, markerElements: ELEMENTS, boundariesUs, startUs: 0, endUs: 1000 };
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)', '', -1), children: [2, 3, 4] },
      { id: 2, callFrame: frame('work', 'file:///repo/lib/work.js', 4), children: [] },
      { id: 3, callFrame: frame(MARKER_FUNCTION, AGENT, 10), children: [] },
      { id: 4, callFrame: frame('record', AGENT, 20), children: [] },
    ],
    samples: samples.map(([nodeId, size], ordinal) => ({ nodeId, size, ordinal })),
    info: undefined,
    alloc,
  };
}

describe('markResidue', () => {
  it('reads the boundary index mod 16 from a mark piece size, whatever header V8 put before the elements', () => {
    expect(markResidue(markSize(0), ELEMENTS)).toBe(0);
    expect(markResidue(markSize(21), ELEMENTS)).toBe(5);
    // The array object (32) and an allocation memento (16) folded into the same allocation.
    expect(markResidue(markSize(2, 48), ELEMENTS)).toBe(2);
    expect(markResidue(markSize(15, 64), ELEMENTS)).toBe(15);
    // Pointer compression: 4-byte elements, an 8-byte header.
    expect(markResidue(8 + 4 * (ELEMENTS + 16 * 7), ELEMENTS)).toBe(7);
    expect(markResidue(32784, ELEMENTS)).toBe(-1);
  });
});

describe('spansByMarks', () => {
  it('puts samples between marks k-1 and k in span k; several pieces of one mark count once', () => {
    const f = file([[2, 100], [3, markSize(0)], [3, markSize(0)], [2, 200], [3, markSize(1)], [2, 300]], [10, 20]);
    const { span, found } = spansByMarks(f, (id) => id === 3);
    expect([...span]).toEqual([0, -1, -1, 1, -1, 2]);
    expect(found).toBe(2);
  });

  it('stays aligned when V8 missed a mark (its residue names the next one)', () => {
    const f = file([[3, markSize(0)], [2, 1], [3, markSize(2)], [2, 2], [3, markSize(3)], [2, 3]], [10, 20, 30, 40]);
    const { span, found } = spansByMarks(f, (id) => id === 3);
    expect([...span]).toEqual([-1, 1, -1, 3, -1, 4]);
    expect(found).toBe(2 + 1);
  });
});

describe('AllocProfileImporter', () => {
  it('labels each span by the test at its midpoint, drops the marks, folds own allocations into (ciprof)', () => {
    const builder = new ProfileBuilder();
    const importer = new AllocProfileImporter(builder, { repoRoot: '/repo', isOwnScript });
    const f = file([[2, 1000], [3, markSize(0)], [2, 2000], [4, 50], [3, markSize(1)], [2, 4000]], [100, 200]);
    const stats = importer.add(f, { labels: { pid: 7 }, labelAt: (t) => (t > 100 && t < 200 ? { test_name: 'T' } : undefined) });
    const p = builder.build();
    expect(p.sampleTypes.map((t) => t.type)).toEqual(['samples', 'cpu', 'alloc_samples', 'alloc_space']);
    const rows = p.samples.map((s) => ({ fn: p.functions[s.stack[0]!]!.name, bytes: s.values[3], test: s.labels.test_name ?? null }));
    expect(rows).toEqual([
      { fn: 'work', bytes: 5000, test: null },
      { fn: 'work', bytes: 2000, test: 'T' },
      { fn: '(ciprof)', bytes: 50, test: null },
    ]);
    expect(stats).toMatchObject({ samples: 4, bytes: 7050, ownBytes: 50, marks: 2, marksFound: 2 });
  });

  it('finds a mark that TurboFan inlined into another of ciprof\'s own functions (V8 names the outer frame)', () => {
    const builder = new ProfileBuilder();
    const importer = new AllocProfileImporter(builder, { repoRoot: '/repo', isOwnScript });
    // Node 4 (`record`, the agent) allocated marks 0 and 1: the mark function inlined into it.
    const f = file([[2, 1000], [4, markSize(0)], [2, 2000], [4, markSize(1)], [2, 4000]], [100, 200]);
    const stats = importer.add(f, { labelAt: (t) => (t > 100 && t < 200 ? { test_name: 'T' } : undefined) });
    expect(stats).toMatchObject({ marks: 2, marksFound: 2, bytes: 7000 });
    const p = builder.build();
    expect(p.samples.map((s) => [p.functions[s.stack[0]!]!.name, s.values[3], s.labels.test_name ?? null])).toEqual([
      ['work', 5000, null],
      ['work', 2000, 'T'],
    ]);
  });

  it('a project allocation of a mark\'s size is not a mark', () => {
    const { span, found } = spansByMarks(file([[2, markSize(0)], [2, 10]], [100]), (id) => id === 3 || id === 4);
    expect([...span]).toEqual([0, 0]);
    expect(found).toBe(0);
  });

  it('refuses bad files with a one-line reason', () => {
    const good = file([[2, 1]], []);
    const bytes = (v: unknown): Uint8Array => Buffer.from(JSON.stringify(v));
    expect(() => parseAllocProfile(Buffer.from('{'))).toThrow(/not JSON/);
    expect(() => parseAllocProfile(bytes({ ...good, $alloc: good.alloc, nodes: 5 }))).toThrow(/"nodes" must be a list/);
    expect(() => parseAllocProfile(bytes({ nodes: good.nodes, samples: [{ size: -1, nodeId: 2, ordinal: 0 }], $alloc: good.alloc }))).toThrow(/a sample without/);
    expect(() => parseAllocProfile(bytes({ nodes: good.nodes, samples: [], $alloc: { ...good.alloc, boundariesUs: ['x'] } }))).toThrow(/bad "\$alloc" block/);
    expect(parseAllocProfile(bytes({ nodes: good.nodes, samples: good.samples, $alloc: good.alloc })).samples).toHaveLength(1);
  });

  it('a cycle in the tree throws before anything reaches the builder', () => {
    const builder = new ProfileBuilder();
    const f = file([[2, 1], [5, 1]], []);
    f.nodes.push({ id: 5, callFrame: { functionName: 'a', url: 'x.js', lineNumber: 1 }, children: [6] }, { id: 6, callFrame: { functionName: 'b', url: 'x.js', lineNumber: 2 }, children: [5] });
    expect(() => new AllocProfileImporter(builder, { repoRoot: '/', limits: { ...DEFAULT_LIMITS, maxDepth: 50 } }).add(f)).toThrow(/deeper than 50/);
    expect(builder.sampleCount).toBe(0);
  });
});
