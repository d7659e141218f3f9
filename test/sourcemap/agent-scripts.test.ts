import { mkdtempSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeScriptSourceMaps, type ScriptMapsFile } from '../../src/agent/scripts.js';
import { outsideVitest, profileTransformedGeometry } from './in-process.js';
import { GEOMETRY } from './transforms.js';

describe('writeScriptSourceMaps (agent side)', () => {
  let session: Session;
  let file: string;
  beforeEach(() => {
    session = new Session();
    session.connect();
    file = join(mkdtempSync(join(tmpdir(), 'ciprof-agent-maps-')), '1-0-0.scripts.json');
  });
  afterEach(() => {
    session.disconnect();
    delete process.env.CIPROF_SOURCE_MAPS;
  });

  it("lists the inline map of every profiled script V8 still holds, by the profile's script ids", () => {
    const profile = profileTransformedGeometry(session);
    const bytes = outsideVitest(() => writeScriptSourceMaps(session, profile, file));
    const written = JSON.parse(readFileSync(file, 'utf8')) as ScriptMapsFile;
    expect(bytes).toBe(readFileSync(file).length);
    const url = pathToFileURL(GEOMETRY).href;
    const geometry = written.scripts.find((s) => s.url === url);
    expect(geometry?.sourceMapURL).toMatch(/^data:application\/json;base64,/);
    const profiledIds = new Set(profile.nodes.filter((n) => n.callFrame.url === url).map((n) => String(n.callFrame.scriptId)));
    expect(geometry!.scriptIds).toEqual(expect.arrayContaining([...profiledIds]));
    expect(written.collectMs).toBeGreaterThan(0);
  });

  it('leaves the Debugger disabled: no script parsed afterwards is reported', () => {
    outsideVitest(() => writeScriptSourceMaps(session, profileTransformedGeometry(session), file));
    let reported = 0;
    session.on('Debugger.scriptParsed', () => reported++);
    runInThisContext('1 + 1', { filename: '/after.js' });
    expect(reported).toBe(0);
  });

  it("in a vitest worker, takes the maps from vitest's module graph without enabling the Debugger", () => {
    const profile = profileTransformedGeometry(session);
    let reported = 0;
    session.on('Debugger.scriptParsed', () => reported++);
    writeScriptSourceMaps(session, profile, file);
    const written = JSON.parse(readFileSync(file, 'utf8')) as ScriptMapsFile;
    // in-process.ts ran the profiled loop: vite transformed it for this test run.
    const helper = written.scripts.find((s) => s.url === new URL('./in-process.ts', import.meta.url).href);
    expect(helper?.sourceMapURL).toMatch(/^data:application\/json;base64,/);
    expect(reported).toBe(0);
    // The fixture was evaluated by hand, outside vite: not in the graph, not listed.
    expect(written.scripts.map((s) => s.url)).not.toContain(pathToFileURL(GEOMETRY).href);
  });

  it('collects nothing, cheaply, when turned off or when the profile has none of the project’s code', () => {
    const profile = profileTransformedGeometry(session);
    process.env.CIPROF_SOURCE_MAPS = '0';
    writeScriptSourceMaps(session, profile, file);
    expect(JSON.parse(readFileSync(file, 'utf8')).scripts).toEqual([]);
    delete process.env.CIPROF_SOURCE_MAPS;
    const dependenciesOnly = { nodes: [{ callFrame: { url: 'file:///r/node_modules/x/index.js', scriptId: '1' } }, { callFrame: { url: 'node:fs', scriptId: '2' } }] };
    writeScriptSourceMaps(session, dependenciesOnly, file);
    expect(JSON.parse(readFileSync(file, 'utf8')).scripts).toEqual([]);
  });
});
