/**
 * ts-jest under a tsconfig with `"sourceMap": false` caches code and no map at all
 * (typestack/class-validator: 0 mapped functions). The map is made again with the
 * project's own TypeScript and used where the profiled lines agree with the cached code.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { V8CallFrame, V8CpuProfile } from '../../src/profile/cpuprofile.js';
import { FrameMapper } from '../../src/sourcemap/apply.js';
import { REBUILD_CACHE_DIR } from '../../src/sourcemap/tsc-rebuild.js';
import { FIXTURES } from '../helpers/cli.js';
import { lineOf, v8Position } from './transforms.js';

const BOOKING = join(FIXTURES, 'ts-jest-nomap/booking.ts');
const ROOT = dirname(dirname(dirname(FIXTURES)));
const URL_OF_BOOKING = pathToFileURL(BOOKING).href;

let tsJestCode: string | undefined;

/** What ts-jest (a language service: with type information) emits under the fixture's tsconfig (a full program: seconds, so once). */
function tsJestOutput(): string {
  return (tsJestCode ??= emitWithTypes());
}

function emitWithTypes(): string {
  const config = ts.readConfigFile(join(dirname(BOOKING), 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(BOOKING));
  let code = '';
  ts.createProgram([BOOKING], { ...options, removeComments: false, noEmit: false }).emit(undefined, (name, text) => {
    if (name.endsWith('.js')) code = text;
  });
  if (!code) throw new Error('tsc emitted nothing');
  return code;
}

function profileOf(frames: V8CallFrame[]): V8CpuProfile {
  const nodes: V8CpuProfile['nodes'] = [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: frames.map((_, i) => i + 2) }];
  frames.forEach((callFrame, i) => nodes.push({ id: i + 2, callFrame, children: [] }));
  return { nodes, startTime: 0, endTime: frames.length * 10, samples: frames.map((_, i) => i + 2), timeDeltas: frames.map(() => 10) };
}

describe('ts-jest transforms cached without a map', () => {
  it('maps the functions of a file compiled with "sourceMap": false to their declared lines', () => {
    const code = tsJestOutput();
    expect(code).not.toContain('sourceMappingURL');
    // Our compile (no type information) differs from this one, above the profiled method.
    expect(ts.transpileModule(readFileSync(BOOKING, 'utf8'), { compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true } }).outputText).toContain('var _a');
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'ciprof-jest-nomap-'));
    const cached = join(cacheDirectory, 'jest-transform-cache-aaaa-0', 'ab', 'booking_ab12');
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, `checksum\n${code}`);

    const nights = v8Position(code, /^ {4}nights\(/);
    const frames: V8CallFrame[] = [
      // jest's module wrapper: the top level, on line 0 in every transform.
      { functionName: 'Object.<anonymous>', scriptId: '5', url: URL_OF_BOOKING, lineNumber: 0, columnNumber: 113 },
      { functionName: 'nights', scriptId: '5', url: URL_OF_BOOKING, lineNumber: nights.line, columnNumber: nights.column },
    ];
    const cpu = profileOf(frames);
    const mapper = new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory });
    mapper.apply(cpu, undefined, true);

    const mapped = cpu.nodes.find((n) => n.callFrame.functionName === 'nights')!.callFrame;
    expect({ url: mapped.url, line: mapped.lineNumber + 1 }).toEqual({ url: URL_OF_BOOKING, line: lineOf(readFileSync(BOOKING, 'utf8'), '  nights(') });
    expect(mapper.meta()).toEqual({ 'sourcemap.mapped_functions': '1', 'sourcemap.generated_functions': '0', 'sourcemap.generated_samples': '0' });
    expect(mapper.problems).toEqual([]);
  });

  /** jest's cache with ts-jest's map-less transform of the fixture, and the profiled frame of `nights` in it. */
  function nomapCache(): { cacheDirectory: string; nights: { line: number; column: number } } {
    const code = tsJestOutput();
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'ciprof-jest-nomap-'));
    const cached = join(cacheDirectory, 'jest-transform-cache-aaaa-0', 'ab', 'booking_ab12');
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, `checksum\n${code}`);
    return { cacheDirectory, nights: v8Position(code, /^ {4}nights\(/) };
  }

  const nightsLine = (cpu: V8CpuProfile): number => cpu.nodes.find((n) => n.callFrame.functionName === 'nights')!.callFrame.lineNumber;

  function withBudget<T>(ms: string, run: () => T): T {
    const before = process.env.CIPROF_TS_REBUILD_MS;
    process.env.CIPROF_TS_REBUILD_MS = ms;
    try {
      return run();
    } finally {
      if (before === undefined) delete process.env.CIPROF_TS_REBUILD_MS;
      else process.env.CIPROF_TS_REBUILD_MS = before;
    }
  }

  it('past its cap (CIPROF_TS_REBUILD_MS) leaves generated positions and says so in one line', () => {
    const { cacheDirectory, nights } = nomapCache();
    const cpu = profileOf([{ functionName: 'nights', scriptId: '5', url: URL_OF_BOOKING, lineNumber: nights.line, columnNumber: nights.column }]);
    withBudget('0', () => {
      const mapper = new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory });
      mapper.apply(cpu, undefined, true);
      expect(nightsLine(cpu)).toBe(nights.line);
      expect(mapper.problems).toEqual([
        '1 TypeScript file(s) compiled without a map keep generated positions, so their functions may not match the base\'s: compiling them again took past the 0 ms cap (CIPROF_TS_REBUILD_MS; or set "sourceMap": true in the tsconfig ts-jest uses)',
      ]);
    });
  });

  it('gives every worker profile of a file the same answer: compiled once per run, even when the cap is reached after it', () => {
    const { cacheDirectory, nights } = nomapCache();
    const frame = (): V8CallFrame => ({ functionName: 'nights', scriptId: '5', url: URL_OF_BOOKING, lineNumber: nights.line, columnNumber: nights.column });
    // A 1 ms cap: loading typescript and compiling the file spends it on the first worker's profile.
    withBudget('1', () => {
      const sameRun = new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory });
      const [first, second] = [profileOf([frame()]), profileOf([frame()])];
      sameRun.apply(first, undefined, true);
      sameRun.apply(second, undefined, true);
      const declared = lineOf(readFileSync(BOOKING, 'utf8'), '  nights(') - 1;
      expect([nightsLine(first), nightsLine(second)]).toEqual([declared, declared]);
      expect(sameRun.problems).toEqual([]);
    });
  });

  it('keeps its compiles beside jest\'s cache: the next run maps the file without compiling (cap 0)', () => {
    const { cacheDirectory, nights } = nomapCache();
    const frame = (): V8CallFrame => ({ functionName: 'nights', scriptId: '5', url: URL_OF_BOOKING, lineNumber: nights.line, columnNumber: nights.column });
    new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory }).apply(profileOf([frame()]), undefined, true);
    expect(readdirSync(join(cacheDirectory, REBUILD_CACHE_DIR)).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const next = profileOf([frame()]);
    withBudget('0', () => {
      const mapper = new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory });
      mapper.apply(next, undefined, true);
      expect(nightsLine(next)).toBe(lineOf(readFileSync(BOOKING, 'utf8'), '  nights(') - 1);
      expect(mapper.problems).toEqual([]);
    });
  });

  it('ignores a kept compile that is not JSON, and compiles again', () => {
    const { cacheDirectory, nights } = nomapCache();
    const frame = (): V8CallFrame => ({ functionName: 'nights', scriptId: '5', url: URL_OF_BOOKING, lineNumber: nights.line, columnNumber: nights.column });
    new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory }).apply(profileOf([frame()]), undefined, true);
    const kept = join(cacheDirectory, REBUILD_CACHE_DIR, readdirSync(join(cacheDirectory, REBUILD_CACHE_DIR))[0]!);
    writeFileSync(kept, '{"outputText": tru');
    const next = profileOf([frame()]);
    const mapper = new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory });
    mapper.apply(next, undefined, true);
    expect(nightsLine(next)).toBe(lineOf(readFileSync(BOOKING, 'utf8'), '  nights(') - 1);
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toHaveProperty('sourceMapText');
  });
});
