import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceMapLoader } from '../../src/sourcemap/load.js';

const MAP = { version: 3, sources: ['../src/a.ts'], names: [], mappings: 'AAEA' };

describe('SourceMapLoader', () => {
  it('reads inline maps, base64 and percent-encoded, resolving sources against the script', () => {
    const loader = new SourceMapLoader();
    const base64 = `data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(MAP)).toString('base64')}`;
    const percent = `data:application/json,${encodeURIComponent(JSON.stringify(MAP))}`;
    for (const url of [base64, percent]) {
      expect(loader.load('/repo/dist/a.js', url)?.originalPositionFor(0, 0)).toEqual({ source: 'file:///repo/src/a.ts', line: 2, column: 0 });
    }
    expect(loader.problems).toEqual([]);
  });

  it('reads a .js.map beside a built file, once, and finds it from the file when the agent did not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-maps-'));
    const script = join(dir, 'a.js');
    writeFileSync(script, 'function a() {}\n//# sourceMappingURL=a.js.map\n');
    writeFileSync(join(dir, 'a.js.map'), JSON.stringify(MAP));
    const loader = new SourceMapLoader();
    const found = loader.mapUrlOnDisk(pathToFileURL(script).href);
    expect(found).toBe('a.js.map');
    const map = loader.load(script, found!);
    expect(map?.originalPositionFor(0, 0)?.source).toBe(pathToFileURL(join(dir, '../src/a.ts')).href);
    expect(loader.load(script, found!)).toBe(map);
  });

  it('never takes a map URL from a .ts file on disk: that file is the original, not what ran', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-maps-'));
    writeFileSync(join(dir, 'a.ts'), 'export {}\n//# sourceMappingURL=a.js.map\n');
    expect(new SourceMapLoader().mapUrlOnDisk(join(dir, 'a.ts'))).toBeUndefined();
  });

  it('names each map it cannot read and the problem, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-maps-'));
    writeFileSync(join(dir, 'bad.js.map'), '{ nope');
    const loader = new SourceMapLoader();
    expect(loader.load(join(dir, 'a.js'), 'bad.js.map')).toBeUndefined();
    expect(loader.load(join(dir, 'a.js'), 'bad.js.map')).toBeUndefined();
    expect(loader.load(join(dir, 'a.js'), 'missing.js.map')).toBeUndefined();
    expect(loader.load('/r/b.js', 'https://cdn.example/b.js.map')).toBeUndefined();
    expect(loader.load('/r/c.js', 'data:application/json;base64')).toBeUndefined();
    expect(loader.problems).toEqual([
      expect.stringMatching(new RegExp(`^${join(dir, 'bad.js.map')}: invalid JSON`)),
      `${join(dir, 'missing.js.map')}: no such file`,
      'https://cdn.example/b.js.map: not a local file, not fetched',
      'inline source map of /r/c.js: malformed data: URL (no comma)',
    ]);
  });
});
