/**
 * A built file's mapped and unmapped frames share V8's script id; the .cpuprofile reader
 * takes one URL per script id, so after mapping they must not (yargs on Node 24: mapped
 * lines of lib/yargs-factory.ts were reported in build/lib/yargs-factory.js).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { ScriptMapsFile } from '../../src/agent/scripts.js';
import { CpuProfileImporter } from '../../src/profile/cpuprofile.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { FrameMapper } from '../../src/sourcemap/apply.js';
import { FIXTURES } from '../helpers/cli.js';
import { lineOf, v8Position } from './transforms.js';

const COUNTER = join(FIXTURES, 'tsc-helpers/counter.ts');
const ROOT = dirname(dirname(dirname(FIXTURES)));

/** counter.ts built by the real tsc as `tsc --sourceMap` leaves it: counter.js and counter.js.map side by side. */
function buildCounter(dir: string): string {
  const built = ts.transpileModule(readFileSync(COUNTER, 'utf8'), {
    fileName: COUNTER,
    compilerOptions: { sourceMap: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext },
  });
  const map = JSON.parse(built.sourceMapText!) as { sources: string[] };
  map.sources = [pathToFileURL(COUNTER).href];
  writeFileSync(join(dir, 'counter.js'), built.outputText);
  writeFileSync(join(dir, 'counter.js.map'), JSON.stringify(map));
  return built.outputText;
}

/** A .cpuprofile in V8's own byte layout (the reader's fast path): root, then one chain of frames. */
function v8Bytes(frames: { functionName: string; lineNumber: number; columnNumber: number }[], url: string, scriptId: string): Buffer {
  const nodes = [{ id: 1, callFrame: { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }, hitCount: 0, children: [2] }];
  frames.forEach((f, i) => {
    const callFrame = { functionName: f.functionName, scriptId, url, lineNumber: f.lineNumber, columnNumber: f.columnNumber };
    nodes.push({ id: i + 2, callFrame, hitCount: 1, children: i + 1 < frames.length ? [i + 3] : [] });
  });
  const ids = frames.map((_, i) => i + 2);
  return Buffer.from(JSON.stringify({ nodes, startTime: 0, endTime: 30, samples: ids, timeDeltas: ids.map(() => 10) }));
}

describe('mapped frames and the .cpuprofile reader', () => {
  it('reads each mapped frame in its original file, beside tsc helpers of the same script that stay in the built one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-tsc-helpers-'));
    const code = buildCounter(dir);
    const url = pathToFileURL(join(dir, 'counter.js')).href;
    const helper = v8Position(code, /this\.__classPrivateFieldSet\) \|\| function \(/);
    const bump = v8Position(code, /^ {4}bump\(/);
    // The helper comes first in the node list, as the module's top level does in a real profile.
    const bytes = v8Bytes(
      [
        { functionName: '__classPrivateFieldSet', lineNumber: helper.line, columnNumber: helper.column },
        { functionName: 'bump', lineNumber: bump.line, columnNumber: bump.column },
      ],
      url,
      '42',
    );
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-raw-'));
    const scripts: ScriptMapsFile = { scripts: [{ url, sourceMapURL: 'counter.js.map', scriptIds: ['42'] }], collectMs: 0, collectCpuMs: 0 };
    writeFileSync(join(raw, '1-0-0.scripts.json'), JSON.stringify(scripts));
    const mapper = new FrameMapper(ROOT);
    const mapped = mapper.mapBytes(join(raw, '1-0-0.cpuprofile'), bytes);

    const builder = new ProfileBuilder();
    new CpuProfileImporter(builder, { repoRoot: ROOT }).add(mapped);
    const where = (name: string) => builder.functions.find((f) => f.name === name);
    expect(where('bump')).toEqual({ name: 'bump', file: 'test/fixtures/projects/tsc-helpers/counter.ts', line: lineOf(readFileSync(COUNTER, 'utf8'), '  bump(n') });
    expect(where('__classPrivateFieldSet')?.file).toBe(join(dir, 'counter.js'));
    expect(mapper.meta()['sourcemap.mapped_functions']).toBe('1');
    expect(mapper.meta()['sourcemap.generated_functions']).toBe('1');
  });
});
