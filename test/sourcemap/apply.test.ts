import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeScriptSourceMaps } from '../../src/agent/scripts.js';
import type { V8CallFrame, V8CpuProfile } from '../../src/profile/cpuprofile.js';
import { FrameMapper, frameUrls } from '../../src/sourcemap/apply.js';
import { outsideVitest, profileTransformedGeometry } from './in-process.js';
import { GEOMETRY, geometrySource, lineOf, transformGeometry, v8Position } from './transforms.js';

const ROOT = dirname(dirname(dirname(GEOMETRY)));
const GEOMETRY_URL = pathToFileURL(GEOMETRY).href;
const DECLARED = {
  tsHotDistance: lineOf(geometrySource(), 'export function tsHotDistance('),
  tsHotPerimeter: lineOf(geometrySource(), '  tsHotPerimeter(iterations'),
  tsHotArrow: lineOf(geometrySource(), 'export const tsHotArrow = ('),
};

/** A one-sample-per-frame V8 profile of the given call frames (all children of the root). */
function profileOf(frames: V8CallFrame[]): V8CpuProfile {
  const nodes: V8CpuProfile['nodes'] = [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: frames.map((_, i) => i + 2) }];
  frames.forEach((callFrame, i) => nodes.push({ id: i + 2, callFrame, children: [] }));
  return { nodes, startTime: 0, endTime: frames.length * 10, samples: frames.map((_, i) => i + 2), timeDeltas: frames.map(() => 10) };
}

function hotFrames(cpu: V8CpuProfile): Record<string, { url: string; line: number }> {
  const out: Record<string, { url: string; line: number }> = {};
  for (const n of cpu.nodes) if (n.callFrame.functionName.startsWith('tsHot')) out[n.callFrame.functionName] = { url: n.callFrame.url, line: n.callFrame.lineNumber + 1 };
  return out;
}

describe('FrameMapper', () => {
  it('maps a real profile of transformed code through the maps the agent listed: file, declared line, name', () => {
    const session = new Session();
    session.connect();
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-apply-'));
    const generated = profileTransformedGeometry(session);
    outsideVitest(() => writeScriptSourceMaps(session, generated, join(raw, '1-0-0.scripts.json')));
    session.disconnect();
    const mapper = new FrameMapper(ROOT);
    const bytes = mapper.mapBytes(join(raw, '1-0-0.cpuprofile'), Buffer.from(JSON.stringify(generated)));
    const cpu = JSON.parse(Buffer.from(bytes).toString('utf8')) as V8CpuProfile;
    // esbuild's keepNames makes the arrow anonymous to V8: its name is read from the source.
    expect(hotFrames(cpu)).toEqual({
      tsHotDistance: { url: GEOMETRY_URL, line: DECLARED.tsHotDistance },
      tsHotPerimeter: { url: GEOMETRY_URL, line: DECLARED.tsHotPerimeter },
      tsHotArrow: { url: GEOMETRY_URL, line: DECLARED.tsHotArrow },
    });
    expect(Number(mapper.meta()['sourcemap.mapped_functions'])).toBeGreaterThanOrEqual(3);
    expect(mapper.problems).toEqual([]);
  });

  it('maps a built .js file through the .js.map beside it, with no help from the agent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-built-'));
    const esbuild = transformGeometry().find((t) => t.tool === 'esbuild')!;
    writeFileSync(join(dir, 'geometry.js'), `${esbuild.code}//# sourceMappingURL=geometry.js.map\n`);
    writeFileSync(join(dir, 'geometry.js.map'), esbuild.map);
    const at = v8Position(esbuild.code, /function tsHotDistance\(/);
    const cpu = profileOf([{ functionName: 'tsHotDistance', url: pathToFileURL(join(dir, 'geometry.js')).href, lineNumber: at.line, columnNumber: at.column, scriptId: '9' }]);
    new FrameMapper(ROOT).apply(cpu, undefined);
    expect(hotFrames(cpu)).toEqual({ tsHotDistance: { url: GEOMETRY_URL, line: DECLARED.tsHotDistance } });
  });

  it('passes a profile with nothing to map through untouched, without parsing it', () => {
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-apply-'));
    writeFileSync(join(raw, '1-0-0.scripts.json'), JSON.stringify({ scripts: [], collectMs: 0, collectCpuMs: 0 }));
    const bytes = Buffer.from('{"nodes": not even JSON');
    expect(new FrameMapper(ROOT).mapBytes(join(raw, '1-0-0.cpuprofile'), bytes)).toBe(bytes);
  });

  it('keeps generated positions where there is no map and says which files they are in', () => {
    const frames: V8CallFrame[] = [
      { functionName: 'tsHotDistance', url: join(ROOT, 'src/unmapped.ts'), lineNumber: 9, columnNumber: 22, scriptId: '3' },
      { functionName: '', url: join(ROOT, 'src/unmapped.ts'), lineNumber: 0, columnNumber: 0, scriptId: '3' },
      { functionName: 'dep', url: join(ROOT, 'node_modules/dep/index.ts'), lineNumber: 4, columnNumber: 3, scriptId: '4' },
      { functionName: 'plain', url: join(ROOT, 'src/plain.js'), lineNumber: 2, columnNumber: 14, scriptId: '5' },
    ];
    const cpu = profileOf(frames.map((f) => ({ ...f })));
    const mapper = new FrameMapper(ROOT);
    mapper.apply(cpu, undefined);
    expect(cpu.nodes.slice(1).map((n) => n.callFrame)).toEqual(frames);
    // The module's top level starts at line 1 whatever the transform: not counted.
    expect(mapper.meta()).toEqual({ 'sourcemap.mapped_functions': '0', 'sourcemap.generated_functions': '1', 'sourcemap.generated_samples': '1', 'sourcemap.generated_files': 'src/unmapped.ts' });
  });

  // class-validator (ts-jest): tsc's helpers (__decorate, __exportStar's getters) have no
  // original position; they were shown at their generated line under the .ts file's name,
  // a link to unrelated code there.
  it('code the compiler wrote, in a mapped file: the .ts source keeps name and file but no line; a built .js keeps its line', () => {
    // Generated line 1 maps to the source's line 3; generated line 4 (the helper) maps to nothing.
    const map = { version: 3, sources: ['helpers.ts'], names: [], mappings: 'AAEA' };
    const sourceMapURL = `data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
    const sourceUrl = pathToFileURL(join(ROOT, 'src/helpers.ts')).href;
    const builtUrl = pathToFileURL(join(ROOT, 'dist/helpers.js')).href;
    const frames: V8CallFrame[] = [
      { functionName: 'real', url: sourceUrl, lineNumber: 0, columnNumber: 9, scriptId: '3' },
      { functionName: '__decorate', url: sourceUrl, lineNumber: 3, columnNumber: 30, scriptId: '3' },
      { functionName: '__decorate', url: builtUrl, lineNumber: 3, columnNumber: 30, scriptId: '4' },
    ];
    const cpu = profileOf(frames.map((f) => ({ ...f })));
    const mapper = new FrameMapper(ROOT);
    const scripts = [
      { url: sourceUrl, sourceMapURL, scriptIds: ['3'] },
      { url: builtUrl, sourceMapURL, scriptIds: ['4'] },
    ];
    mapper.apply(cpu, { scripts, collectMs: 0, collectCpuMs: 0 });
    const [real, helperInSource, helperInBuilt] = cpu.nodes.slice(1).map((n) => n.callFrame);
    expect({ name: real!.functionName, url: real!.url, line: real!.lineNumber + 1 }).toEqual({ name: 'real', url: sourceUrl, line: 3 });
    expect({ name: helperInSource!.functionName, url: helperInSource!.url, line: helperInSource!.lineNumber }).toEqual({ name: '__decorate', url: sourceUrl, line: -1 });
    expect({ name: helperInBuilt!.functionName, url: helperInBuilt!.url, line: helperInBuilt!.lineNumber }).toEqual({ name: '__decorate', url: builtUrl, line: 3 });
    expect(mapper.meta()).toEqual({
      'sourcemap.mapped_functions': '1',
      'sourcemap.generated_functions': '2',
      'sourcemap.generated_samples': '2',
      'sourcemap.generated_files': 'dist/helpers.js,src/helpers.ts',
    });
  });

  it("reads a jest worker's maps from jest's transform cache, choosing the transform that matches V8's positions", () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'ciprof-jest-cache-'));
    const cached = (config: string, key: string, code: string, map: string, mtime: number): void => {
      const file = join(cacheDirectory, `jest-transform-cache-${config}-0`, key.slice(0, 2), `geometry_${key}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `checksum\n${code}`);
      writeFileSync(`${file}.map`, map);
      utimesSync(file, mtime, mtime);
    };
    // ts-jest and babel-jest name the file by its absolute path in the maps jest caches.
    const [, typescript, babel] = transformGeometry().map((t) => ({ ...t, map: JSON.stringify({ ...JSON.parse(t.map), sources: [GEOMETRY], sourcesContent: [geometrySource()] }) }));
    // ts-jest's transform, one of an earlier version of the file (newest), and babel-jest's.
    const stale = JSON.stringify({ ...JSON.parse(typescript!.map), sourcesContent: ['// an older version\n'] });
    cached('aaaa', 'ab12', typescript!.code, typescript!.map, 1000);
    cached('aaaa', 'cd34', typescript!.code, stale, 3000);
    cached('bbbb', 'ef56', babel!.code, babel!.map, 2000);
    for (const transform of [typescript!, babel!]) {
      const frames = [
        { name: 'tsHotDistance', at: /function tsHotDistance\(/ },
        { name: 'tsHotPerimeter', at: /^\s*tsHotPerimeter\(/ },
        { name: 'tsHotArrow', at: /tsHotArrow = \(/ },
      ].map(({ name, at }) => ({ functionName: name, url: GEOMETRY_URL, scriptId: '7', lineNumber: v8Position(transform.code, at).line, columnNumber: v8Position(transform.code, at).column }));
      const cpu = profileOf(frames);
      new FrameMapper(ROOT, { jestCacheDirectory: cacheDirectory }).apply(cpu, undefined, true);
      expect(hotFrames(cpu), transform.tool).toEqual({
        tsHotDistance: { url: GEOMETRY_URL, line: DECLARED.tsHotDistance },
        tsHotPerimeter: { url: GEOMETRY_URL, line: DECLARED.tsHotPerimeter },
        tsHotArrow: { url: GEOMETRY_URL, line: DECLARED.tsHotArrow },
      });
    }
  });

  describe("a jest worker whose hook named its transform caches (.scripts.json's jestCaches)", () => {
    /** A cache directory of jest's layout anywhere (a project's own `cacheDirectory`), holding ts-jest's transform of geometry.ts under config `aaaa`. */
    function customCache(): { cacheDirectory: string; frames: V8CallFrame[] } {
      const cacheDirectory = mkdtempSync(join(tmpdir(), 'ciprof-jest-custom-'));
      const typescript = transformGeometry()[1]!;
      const map = JSON.stringify({ ...JSON.parse(typescript.map), sources: [GEOMETRY], sourcesContent: [geometrySource()] });
      const file = join(cacheDirectory, 'jest-transform-cache-aaaa-0', 'ab', 'geometry_ab12');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `checksum\n${typescript.code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}`);
      const at = v8Position(typescript.code, /function tsHotDistance\(/);
      return { cacheDirectory, frames: [{ functionName: 'tsHotDistance', url: GEOMETRY_URL, scriptId: '7', lineNumber: at.line, columnNumber: at.column }] };
    }
    const scripts = (directory: string, configId: string) => ({ scripts: [], jestWorker: true as const, jestCaches: [{ directory, configId }], collectMs: 0, collectCpuMs: 0 });

    it('finds the map in that directory, not in jest\'s default one', () => {
      const { cacheDirectory, frames } = customCache();
      const cpu = profileOf(frames);
      new FrameMapper(ROOT).apply(cpu, scripts(cacheDirectory, 'aaaa'), true);
      expect(hotFrames(cpu)).toEqual({ tsHotDistance: { url: GEOMETRY_URL, line: DECLARED.tsHotDistance } });
    });

    it('reads only the named config\'s transform cache', () => {
      const { cacheDirectory, frames } = customCache();
      const cpu = profileOf(frames);
      new FrameMapper(ROOT).apply(cpu, scripts(cacheDirectory, 'zzzz'), true);
      expect(hotFrames(cpu)).toEqual({ tsHotDistance: { url: GEOMETRY_URL, line: frames[0]!.lineNumber + 1 } });
    });
  });

  it("returns a jest worker's profile as it is when no cached transform of its files carries a map (jest running plain JS as written)", () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'ciprof-jest-nomap-'));
    const project = mkdtempSync(join(tmpdir(), 'ciprof-jest-nomap-src-'));
    const code = 'export function plainWork(n) {\n  let s = 0;\n  for (let i = 0; i < n; i++) s += i;\n  return s;\n}\n';
    writeFileSync(join(project, 'plain.mjs'), code);
    const cachedFile = join(cacheDirectory, 'jest-transform-cache-aaaa-0', 'cd', 'plain_cd34');
    mkdirSync(dirname(cachedFile), { recursive: true });
    writeFileSync(cachedFile, `checksum\n${code}`);
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-apply-'));
    writeFileSync(join(raw, '1-0-0.scripts.json'), JSON.stringify({ scripts: [], jestWorker: true, jestCaches: [{ directory: cacheDirectory, configId: 'aaaa' }], collectMs: 0, collectCpuMs: 0 }));
    // V8 escapes what JSON must: a RegExp's source in a function name.
    const cpu = profileOf([
      { functionName: 'plainWork', url: pathToFileURL(join(project, 'plain.mjs')).href, scriptId: '3', lineNumber: 0, columnNumber: 25 },
      { functionName: 'RegExp: \\s+"x"', url: '', scriptId: '0', lineNumber: -1, columnNumber: -1 },
    ]);
    const bytes = Buffer.from(JSON.stringify(cpu));
    expect(new FrameMapper(ROOT).mapBytes(join(raw, '1-0-0.cpuprofile'), bytes)).toBe(bytes);
    // The same worker with a transform that does carry a map is parsed and mapped.
    writeFileSync(`${cachedFile}.map`, JSON.stringify({ version: 3, sources: [join(project, 'plain.mjs')], names: [], mappings: 'AAAA' }));
    expect(new FrameMapper(ROOT).mapBytes(join(raw, '1-0-0.cpuprofile'), bytes)).not.toBe(bytes);
  });
});

describe('frameUrls', () => {
  const text = (frames: object[]): string => JSON.stringify({ nodes: frames.map((callFrame, i) => ({ id: i + 1, callFrame, hitCount: 0 })) });

  it('reads every file-like url from the text, escapes in names and urls included', () => {
    const urls = frameUrls(
      text([
        { functionName: 'RegExp: \\d+"\\"', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 },
        { functionName: 'a', scriptId: '1', url: 'file:///p/a "quoted".js', lineNumber: 0, columnNumber: 0 },
        { functionName: 'b', scriptId: '2', url: '/p/b.js', lineNumber: 1, columnNumber: 2 },
        { functionName: 'c', scriptId: '3', url: 'node:internal/main', lineNumber: 1, columnNumber: 2 },
        { functionName: 'd', scriptId: '4', url: 'C:\\p\\d.js', lineNumber: 1, columnNumber: 2 },
      ]),
    );
    expect(urls && [...urls].sort()).toEqual(['/p/b.js', 'C:\\p\\d.js', 'file:///p/a "quoted".js']);
  });

  it('gives up (undefined) on a call frame of another shape', () => {
    expect(frameUrls(text([{ scriptId: '1', functionName: 'a', url: '/p/a.js', lineNumber: 0, columnNumber: 0 }]))).toBeUndefined();
  });
});
