/**
 * The architecture as a test (README "Architecture"): pipeline/ is the only orchestrator,
 * the two doors (cli/, action/) call it and never each other, libraries never call up
 * (into pipeline/ or a door), collect/ stays below store/ and render/, the HTML report
 * never judges (render/ takes only types from diff/), and no module (nor folder) imports
 * itself back through any chain of imports, type-only imports included. The graph is read with the
 * TypeScript parser (test/helpers/import-graph.ts); the checker is shown to catch a cycle
 * and a wrong-way import on a small tree of its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { findCycles, importGraph, type ImportEdge } from './helpers/import-graph.js';

const DOORS = ['cli', 'action'];
const ORCHESTRATOR = 'pipeline';

/** `cli/run.ts` -> 'cli'; files at the top of src/ (version.ts, make-dirs.ts) are leaf libraries. */
const layer = (file: string): string => (file.includes('/') ? file.split('/')[0]! : '(root)');

/** Each rule: which edges break it. */
function violations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = layer(e.from);
    const to = layer(e.to);
    const edge = `${e.from} -> ${e.to}`;
    if (DOORS.includes(from) && DOORS.includes(to) && from !== to) out.push(`a door imports the other door: ${edge}`);
    if (!DOORS.includes(from) && DOORS.includes(to)) out.push(`a library or the pipeline imports a door: ${edge}`);
    if (from !== ORCHESTRATOR && !DOORS.includes(from) && to === ORCHESTRATOR) out.push(`a library imports the pipeline: ${edge}`);
    if (from === 'collect' && (to === 'store' || to === 'render')) out.push(`collect/ imports ${to}/: ${edge}`);
    if (from === 'render' && to === 'diff' && !e.typeOnly) out.push(`render/ uses diff/ code (the report must not judge): ${edge}`);
  }
  return out;
}

describe('the layering of src/', () => {
  const { files, edges } = importGraph(path.join(ROOT, 'src'));

  it('reads a real graph: every door reaches the pipeline, the pipeline reaches every stage', () => {
    expect(files.length).toBeGreaterThan(80);
    const reaches = (from: string, to: string): boolean => edges.some((e) => e.from.startsWith(from) && e.to === to);
    for (const stage of ['settings', 'collect', 'store', 'baseline', 'diff', 'outputs', 'publish']) expect(files, stage).toContain(`pipeline/${stage}.ts`);
    expect(reaches('cli/', 'pipeline/settings.ts')).toBe(true);
    expect(reaches('action/', 'pipeline/settings.ts')).toBe(true);
    expect(reaches('action/main.ts', 'pipeline/collect.ts')).toBe(true);
    expect(reaches('cli/run.ts', 'pipeline/collect.ts')).toBe(true);
  });

  it('libraries never call up, the doors never call each other', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('has no import cycles (type-only imports included), between modules or between folders', () => {
    expect(findCycles(files, edges)).toEqual([]);
    // store/pyroscope.ts -> pyroscope/ -> store/ was a cycle of folders, not of files.
    const folderEdges = edges.map((e) => ({ from: layer(e.from), to: layer(e.to) })).filter((e) => e.from !== e.to);
    expect(findCycles([...new Set(files.map(layer))], folderEdges)).toEqual([]);
  });
});

describe('the checker itself', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-layering-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  it('finds a cycle through three modules, a type-only import closing it', () => {
    write('diff/a.ts', "import { b } from './b.js';\nexport const a = b + 1;\n");
    write('diff/b.ts', "export { c as b } from './c.js';\n");
    write('diff/c.ts', "import type { A } from './d.js';\nexport const c: A = 1;\n");
    write('diff/d.ts', "export type A = number;\nexport const d = async () => (await import('./a.js')).a;\n");
    const g = importGraph(dir);
    expect(g.edges.find((e) => e.from === 'diff/c.ts')).toMatchObject({ to: 'diff/d.ts', typeOnly: true });
    expect(g.edges.find((e) => e.from === 'diff/d.ts')).toMatchObject({ to: 'diff/a.ts', dynamic: true });
    expect(findCycles(g.files, g.edges)).toEqual([['diff/a.ts', 'diff/b.ts', 'diff/c.ts', 'diff/d.ts', 'diff/a.ts']]);
  });

  it('flags a library importing the pipeline and render/ running diff code', () => {
    write('store/x.ts', "import { run } from '../pipeline/y.js';\nexport const x = run;\n");
    write('pipeline/y.ts', 'export const run = 1;\n');
    write('render/r.ts', "import { a } from '../diff/a.js';\nimport type { A } from '../diff/d.js';\nexport const r: A = a;\n");
    const found = violations(importGraph(dir).edges);
    expect(found).toContain('a library imports the pipeline: store/x.ts -> pipeline/y.ts');
    expect(found).toContain('render/ uses diff/ code (the report must not judge): render/r.ts -> diff/a.ts');
    expect(found.filter((v) => v.includes('diff/d.ts'))).toEqual([]);
  });
});
