/**
 * ts-jest under a tsconfig with `"sourceMap": false` caches code and no map at all
 * (typestack/class-validator: 0 mapped functions). The map is made again with the
 * project's own TypeScript and used where the profiled lines agree with the cached code.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { V8CallFrame, V8CpuProfile } from '../../src/profile/cpuprofile.js';
import { FrameMapper } from '../../src/sourcemap/apply.js';
import { FIXTURES } from '../helpers/cli.js';
import { lineOf, v8Position } from './transforms.js';

const BOOKING = join(FIXTURES, 'ts-jest-nomap/booking.ts');
const ROOT = dirname(dirname(dirname(FIXTURES)));
const URL_OF_BOOKING = pathToFileURL(BOOKING).href;

/** What ts-jest (a language service: with type information) emits under the fixture's tsconfig. */
function tsJestOutput(): string {
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
    expect(mapper.meta()).toEqual({ 'sourcemap.mapped_functions': '1', 'sourcemap.generated_functions': '0' });
    expect(mapper.problems).toEqual([]);
  });

  it('past its time budget (CIPROF_TS_REBUILD_MS) leaves generated positions and says so in one line', () => {
    const code = tsJestOutput();
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'ciprof-jest-nomap-'));
    const cached = join(cacheDirectory, 'jest-transform-cache-aaaa-0', 'ab', 'booking_ab12');
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, `checksum\n${code}`);
    const nights = v8Position(code, /^ {4}nights\(/);
    const cpu = profileOf([{ functionName: 'nights', scriptId: '5', url: URL_OF_BOOKING, lineNumber: nights.line, columnNumber: nights.column }]);
    const before = process.env.CIPROF_TS_REBUILD_MS;
    process.env.CIPROF_TS_REBUILD_MS = '0';
    try {
      const mapper = new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory });
      mapper.apply(cpu, undefined, true);
      expect(cpu.nodes.find((n) => n.callFrame.functionName === 'nights')!.callFrame.lineNumber).toBe(nights.line);
      expect(mapper.problems).toEqual(['1 TypeScript file(s) compiled without a map keep generated positions: the 0 ms budget for compiling them again was spent (CIPROF_TS_REBUILD_MS)']);
    } finally {
      if (before === undefined) delete process.env.CIPROF_TS_REBUILD_MS;
      else process.env.CIPROF_TS_REBUILD_MS = before;
    }
  });
});
