/**
 * The fixture's TypeScript as jest's coverage leaves it in the transform cache with ts-jest
 * told `"sourceMap": false`: compiled by the real TypeScript (comments dropped, no map),
 * then instrumented by the real babel-plugin-istanbul (no map). Its profiled functions map
 * to their TypeScript lines through our compile again, which keeps the comments and so sits
 * three lines lower; istanbul's own counter function gets no line; and a function that our
 * compile does not have leaves the whole file unmapped.
 */
import { transformSync } from '@babel/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as TypeScript from 'typescript';
import { describe, expect, it } from 'vitest';
import type { V8CallFrame, V8CpuProfile } from '../../src/profile/cpuprofile.js';
import { FrameMapper } from '../../src/sourcemap/apply.js';
import { instrumentedMap } from '../../src/sourcemap/instrumented-map.js';
import { TscRebuild } from '../../src/sourcemap/tsc-rebuild.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const ts = require('typescript') as typeof TypeScript;
const file = join(FIXTURES, 'ts-jest-coverage/src/ledger.ts');
const source = readFileSync(file, 'utf8');

const transformed = ts.transpileModule(source, {
  fileName: file,
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, removeComments: true, sourceMap: false },
}).outputText;
const code = transformSync(transformed, {
  filename: file,
  babelrc: false,
  configFile: false,
  compact: false,
  plugins: [[require.resolve('babel-plugin-istanbul'), { cwd: FIXTURES, exclude: [], extension: false, useInlineSourceMaps: false }]],
  sourceMaps: false,
})!.code!;

/** A frame where V8 puts a function: at its name. */
function frameAt(needle: string, functionName: string): V8CallFrame {
  const at = code.indexOf(needle);
  expect(at, needle).toBeGreaterThan(0);
  const before = code.slice(0, at).split('\n');
  return { functionName, scriptId: '1', url: `file://${file}`, lineNumber: before.length - 1, columnNumber: before.at(-1)!.length };
}

const declaredLine = (text: string): number => source.split('\n').indexOf(text);

describe('instrumentedMap', () => {
  const compiled = new TscRebuild(60_000).compiledCode(file, source)!;
  const total = frameAt('ledgerHotTotal(entries, rounds) {', 'ledgerHotTotal');
  const memo = frameAt('ledgerHotMemoLength(rounds) {', 'ledgerHotMemoLength');
  // V8 names a class's constructor after the class.
  const ctor = frameAt('constructor(entries) {', 'Ledger');
  const counter = frameAt(code.match(/cov_[a-z0-9]+\(\) \{/)![0], code.match(/function (cov_[a-z0-9]+)\(/)![1]!);

  it('maps each profiled function to its TypeScript line; istanbul’s counter function to none', () => {
    expect(compiled).toBeDefined();
    const map = instrumentedMap(code, [counter, total, ctor, memo], compiled)!;
    expect(map).toBeDefined();
    // V8 may name a function with its holder (jest's module wrapper is `Object.<anonymous>`).
    const held = { ...total, functionName: 'Object.<anonymous>.ledgerHotTotal' };
    expect(instrumentedMap(code, [held], compiled)?.originalPositionFor(held.lineNumber, held.columnNumber!)?.line).toBe(declaredLine('export function ledgerHotTotal(entries: readonly Entry[], rounds: number): number {'));
    expect(map.originalPositionFor(total.lineNumber, total.columnNumber!)?.line).toBe(declaredLine('export function ledgerHotTotal(entries: readonly Entry[], rounds: number): number {'));
    expect(map.originalPositionFor(memo.lineNumber, memo.columnNumber!)?.line).toBe(declaredLine('  ledgerHotMemoLength(rounds: number): number {'));
    expect(map.originalPositionFor(ctor.lineNumber, ctor.columnNumber!)?.line).toBe(declaredLine('  constructor(private readonly entries: Entry[]) {}'));
    expect(map.originalPositionFor(counter.lineNumber, counter.columnNumber!)).toBeUndefined();
  });

  it('gives no map when a profiled function is not where our compile has it', () => {
    const renamed = { ...compiled, lines: compiled.lines.map((l) => l.replaceAll('ledgerHotMemoLength', 'renamed')) };
    expect(instrumentedMap(code, [total, memo], renamed)).toBeUndefined();
    // A constructor is taken for its class's only.
    const otherClass = { ...compiled, lines: compiled.lines.map((l) => l.replace('class Ledger', 'class Journal')) };
    expect(instrumentedMap(code, [total, ctor], otherClass)).toBeUndefined();
  });

  it('gives no map for code that istanbul did not instrument', () => {
    expect(instrumentedMap(transformed, [total], compiled)).toBeUndefined();
  });
});

/**
 * The collector's side of jest in band: the agent's .scripts.json carries the code V8 ran
 * of a TypeScript script that named no map (src/agent/scripts.ts); the profile's frames are
 * positions in that code. When the script was collected before the flush the file has no
 * entry, and its frames must be counted as generated.
 */
describe('FrameMapper, a TypeScript script that V8 ran without a map (jest in band)', () => {
  const url = `file://${file}`;
  // jest's module wrapper opens line 0: V8's positions are in the wrapped code, the same lines.
  const ran = `({"Object.<anonymous>":function(module,exports,require,__dirname,__filename,jest){${code}\n}});`;
  const frames = [frameAt('ledgerHotTotal(entries, rounds) {', 'ledgerHotTotal'), frameAt('ledgerHotMemoLength(rounds) {', 'ledgerHotMemoLength')];
  const profile: V8CpuProfile = {
    nodes: [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1, scriptId: '0' }, children: [2, 3] }, ...frames.map((callFrame, i) => ({ id: i + 2, callFrame: { ...callFrame, scriptId: '41' }, children: [] }))],
    startTime: 0,
    endTime: 20,
    samples: [2, 3],
    timeDeltas: [10, 10],
  };
  const mapped = (scripts: object): { lines: number[]; meta: Record<string, string> } => {
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-in-band-'));
    writeFileSync(join(raw, '1-0-0.scripts.json'), JSON.stringify({ ...scripts, via: 'debugger', collectMs: 1, collectCpuMs: 1 }));
    const mapper = new FrameMapper(ROOT, { jestCacheDirectory: mkdtempSync(join(tmpdir(), 'ciprof-in-band-jest-')) });
    const bytes = mapper.mapBytes(join(raw, '1-0-0.cpuprofile'), Buffer.from(JSON.stringify(profile)));
    const cpu = JSON.parse(Buffer.from(bytes).toString('utf8')) as V8CpuProfile;
    return { lines: cpu.nodes.slice(1).map((n) => n.callFrame.lineNumber), meta: mapper.meta() };
  };

  it('maps its frames through the code the agent sent', () => {
    const { lines, meta } = mapped({ scripts: [{ url, sourceMapURL: '', scriptIds: ['41'], generatedSource: ran }] });
    expect(lines).toEqual([declaredLine('export function ledgerHotTotal(entries: readonly Entry[], rounds: number): number {'), declaredLine('  ledgerHotMemoLength(rounds: number): number {')]);
    expect(meta['sourcemap.mapped_functions']).toBe('2');
  });

  it('counts its frames as generated when the agent found the script no more', () => {
    const { lines, meta } = mapped({ scripts: [] });
    expect(lines).toEqual(frames.map((f) => f.lineNumber));
    expect(meta['sourcemap.generated_files']).toBe('test/fixtures/projects/ts-jest-coverage/src/ledger.ts');
    expect(meta['sourcemap.generated_samples']).toBe('2');
  });
});
