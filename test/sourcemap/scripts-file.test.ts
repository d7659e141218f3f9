import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScriptMaps, scriptMapsPath } from '../../src/sourcemap/scripts-file.js';

const CONTENT = { scripts: [{ url: 'file:///r/a.ts', sourceMapURL: 'data:,{}', scriptIds: ['7'] }], collectMs: 1, collectCpuMs: 1 };

describe('readScriptMaps', () => {
  it('names the file beside a .cpuprofile', () => {
    expect(scriptMapsPath('/raw/12-0-3.cpuprofile')).toBe('/raw/12-0-3.scripts.json');
  });

  it('reads the file the agent wrote', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ciprof-scripts-')), '1-0-0.scripts.json');
    writeFileSync(file, JSON.stringify(CONTENT));
    expect(readScriptMaps(file, undefined)).toEqual(CONTENT);
  });

  it('does not wait for a file whose writer is gone', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ciprof-scripts-')), '1-0-0.scripts.json');
    const started = Date.now();
    expect(readScriptMaps(file, 2 ** 22 + 12345)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('waits for a process that is still writing it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ciprof-scripts-')), '1-0-0.scripts.json');
    const writer = spawn(process.execPath, ['-e', `setTimeout(() => require('fs').writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(JSON.stringify(CONTENT))}), 300)`]);
    await new Promise((resolve) => writer.once('spawn', resolve));
    expect(readScriptMaps(file, writer.pid, 10_000)).toEqual(CONTENT);
  });

  it('says what is wrong with a file the agent did not write', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ciprof-scripts-')), '1-0-0.scripts.json');
    writeFileSync(file, '{"scripts": [{"url": 1}]}');
    expect(() => readScriptMaps(file, undefined)).toThrow('a script entry lacks url, sourceMapURL or scriptIds');
    writeFileSync(file, '{}');
    expect(() => readScriptMaps(file, undefined)).toThrow('no "scripts" array');
  });

  it("reads a jest worker's transform caches, and refuses a malformed list of them", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ciprof-scripts-')), '1-0-0.scripts.json');
    const worker = { scripts: [], jestWorker: true, jestCaches: [{ directory: '/tmp/jest_0', configId: 'd414b944' }], collectMs: 1, collectCpuMs: 1 };
    writeFileSync(file, JSON.stringify(worker));
    expect(readScriptMaps(file, undefined)).toEqual(worker);
    for (const jestCaches of [{}, [{ directory: '/tmp/jest_0' }], [{ directory: '', configId: 'x' }], ['/tmp/jest_0']]) {
      writeFileSync(file, JSON.stringify({ ...worker, jestCaches }));
      expect(() => readScriptMaps(file, undefined)).toThrow('"jestCaches" is not a list of { directory, configId } strings');
    }
  });

  it('reads the code of a TypeScript script that named no map, and refuses code that is not text', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ciprof-scripts-')), '1-0-0.scripts.json');
    const inBand = { scripts: [{ url: 'file:///p/src/a.ts', sourceMapURL: '', scriptIds: ['7'], generatedSource: '"use strict";\nfunction a() {}\n' }], via: 'debugger', collectMs: 1, collectCpuMs: 1 };
    writeFileSync(file, JSON.stringify(inBand));
    expect(readScriptMaps(file, undefined)).toEqual(inBand);
    writeFileSync(file, JSON.stringify({ ...inBand, scripts: [{ ...inBand.scripts[0], generatedSource: 42 }] }));
    expect(() => readScriptMaps(file, undefined)).toThrow('the script entry of file:///p/src/a.ts has a generatedSource that is not text');
    // TypeScript that Node ran as written, said by the agent that looked with the Debugger.
    writeFileSync(file, JSON.stringify({ ...inBand, tsAsWritten: true }));
    expect(readScriptMaps(file, undefined)).toEqual({ ...inBand, tsAsWritten: true });
    writeFileSync(file, JSON.stringify({ ...inBand, tsAsWritten: 'yes' }));
    expect(() => readScriptMaps(file, undefined)).toThrow('"tsAsWritten" is not true');
  });
});
