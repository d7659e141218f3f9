/**
 * The agent enables the Debugger (to read the source map URLs V8 saw) only where code may
 * have been transformed in memory. A process whose project scripts are .js files Node
 * loaded from disk as written skips it: ~35 ms of CPU per process otherwise, paid by
 * every test-file process of a node --test suite (measured on Node 24).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScriptMapsFile } from '../../src/agent/scripts.js';
import { FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** How each profiled thread looked for maps (`via` of its .scripts.json), by whether it ran the test file. */
function viaOf(fixture: string, command: string[], node: string): string[] {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-as-written-'));
  dirs.push(out);
  const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '--out', out, '--', node, ...command], { cwd: join(FIXTURES, fixture), node });
  expect(r.status, r.stderr).toBe(0);
  const raw = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
  dirs.push(raw);
  return readdirSync(raw)
    .filter((f) => f.endsWith('.scripts.json'))
    .map((f) => (JSON.parse(readFileSync(join(raw, f), 'utf8')) as ScriptMapsFile).via ?? 'unset')
    .filter((v) => v !== 'none') // node --test's parent runs none of the project's code
    .sort();
}

const node = NODE_VERSIONS.find((n) => n.available)?.bin ?? process.execPath;

describe('source-map collection in the agent', () => {
  it('plain .js test files loaded from disk: no Debugger (as written)', () => {
    expect(viaOf('node-test', ['--test', 'test/a.test.js', 'test/b.test.js'], node)).toEqual(['as-written', 'as-written']);
  });

  it('a .js file ending in an inline map: the Debugger reads it', () => {
    expect(viaOf('inline-map-js', ['--test', 'test/double.test.js'], node)).toEqual(['debugger']);
  });

  it('TypeScript through a loader flag (--import tsx): the Debugger', () => {
    expect(viaOf('ts-node-test', ['--import', 'tsx', '--test', 'test/a.test.ts'], node)).toEqual(['debugger']);
  });
});
