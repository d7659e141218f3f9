/**
 * The agent enables the Debugger (to read the source map URLs V8 saw) only where code may
 * have been transformed in memory. A process whose project scripts are .js files Node
 * loaded from disk as written skips it: ~35 ms of CPU per process otherwise, paid by
 * every test-file process of a node --test suite (measured on Node 24).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScriptMapsFile } from '../../src/agent/scripts.js';
import { readProfileFile } from '../../src/profile/read.js';
import { FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * `ciprof run --keep-raw` of `command` in `cwd`: how each profiled thread looked for maps
 * (`via` of its .scripts.json), sorted, leaving out threads that ran none of the project's
 * code (node --test's parent).
 */
function runVias(cwd: string, out: string, command: string[], node: string): string[] {
  const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '--out', out, '--', node, ...command], { cwd, node });
  expect(r.status, r.stderr).toBe(0);
  const raw = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
  dirs.push(raw);
  return readdirSync(raw)
    .filter((f) => f.endsWith('.scripts.json'))
    .map((f) => (JSON.parse(readFileSync(join(raw, f), 'utf8')) as ScriptMapsFile).via ?? 'unset')
    .filter((v) => v !== 'none')
    .sort();
}

function viaOf(fixture: string, command: string[], node: string): string[] {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-as-written-'));
  dirs.push(out);
  return runVias(join(FIXTURES, fixture), out, command, node);
}

const node = NODE_VERSIONS.find((n) => n.available)?.bin ?? process.execPath;

/** A node:test suite in TypeScript that Node runs itself (type stripping, on by default from Node 22.18). */
function typeScriptSuite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-strip-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'test'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "stripped", "private": true, "type": "module" }\n');
  // Types before and inside the function: stripping blanks them, every line stays where it was.
  writeFileSync(join(dir, 'src/spin.ts'), 'interface Options { n: number }\n\nexport function spin(o: Options): number {\n  let s: number = 0;\n  for (let i = 0; i < o.n; i++) s += Math.sqrt(i);\n  return s;\n}\n');
  writeFileSync(join(dir, 'test/spin.test.ts'), "import { test } from 'node:test';\nimport { spin } from '../src/spin.ts';\ntest('spins', () => { for (let k = 0; k < 40; k++) spin({ n: 2e5 }); });\n");
  return dir;
}

describe('source-map collection in the agent', () => {
  it('plain .js test files loaded from disk: no Debugger (as written)', () => {
    expect(viaOf('node-test', ['--test', 'test/a.test.js', 'test/b.test.js'], node)).toEqual(['as-written', 'as-written']);
  });

  it('a CLI bin script without an extension, spawned by a test: no Debugger there either', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-bin-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'test'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "bin-cli", "private": true }\n');
    // A shebang script as npm links it: Node's .js loader runs it from disk as written.
    writeFileSync(join(dir, 'bin/pm'), '#!/usr/bin/env node\nfunction cli(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i); return s; }\nprocess.stdout.write(String(cli(3e6) > 0));\n');
    writeFileSync(
      join(dir, 'test/cli.test.js'),
      "const { test } = require('node:test');\nconst assert = require('node:assert');\nconst { execFileSync } = require('node:child_process');\nconst path = require('node:path');\ntest('prints', () => { assert.strictEqual(execFileSync(process.execPath, [path.join(__dirname, '../bin/pm')], { encoding: 'utf8' }), 'true'); });\n",
    );
    const out = join(dir, 'out');
    expect(runVias(dir, out, ['--test', 'test/cli.test.js'], node)).toEqual(['as-written', 'as-written']);
    expect(readProfileFile(join(out, 'profile.pb.gz')).functions.find((f) => f.name === 'cli')).toMatchObject({ file: 'bin/pm', line: 2 });
  });

  it("TypeScript whose types Node stripped itself: no Debugger, and the .ts file's own lines", () => {
    const dir = typeScriptSuite();
    const out = join(dir, 'out');
    expect(runVias(dir, out, ['--test', 'test/spin.test.ts'], node)).toEqual(['as-written']);
    expect(readProfileFile(join(out, 'profile.pb.gz')).functions.find((f) => f.name === 'spin')).toMatchObject({ file: 'src/spin.ts', line: 3 });
  });

  // A .js file with an inline map takes the process to the Debugger; the .ts beside it still
  // ran as Node stripped it: its code is not sent to be compiled again (that path is for
  // transforms that made no map, jest in band), nor is it counted as generated.
  it('TypeScript Node stripped, beside a script that takes the Debugger: its own lines, not counted as generated, its code not sent', () => {
    const dir = typeScriptSuite();
    const map = Buffer.from(JSON.stringify({ version: 3, sources: ['half.src.js'], names: [], mappings: 'AAAA' })).toString('base64');
    // Busy enough to be sampled: only scripts in the profile are looked at.
    writeFileSync(join(dir, 'src/half.js'), `export function half(n) { let s = 0; for (let i = 0; i < 2e5; i++) s += i % 3; return n / 2 + s * 0; }\n//# sourceMappingURL=data:application/json;base64,${map}\n`);
    writeFileSync(join(dir, 'test/spin.test.ts'), "import { test } from 'node:test';\nimport { spin } from '../src/spin.ts';\nimport { half } from '../src/half.js';\ntest('spins', () => { for (let k = 0; k < 40; k++) spin({ n: half(4e5) }); });\n");
    const out = join(dir, 'out');
    const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '--out', out, '--', node, '--test', 'test/spin.test.ts'], { cwd: dir, node });
    expect(r.status, r.stderr).toBe(0);
    const raw = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
    dirs.push(raw);
    const files = readdirSync(raw).filter((f) => f.endsWith('.scripts.json')).map((f) => JSON.parse(readFileSync(join(raw, f), 'utf8')) as ScriptMapsFile);
    const tested = files.find((f) => f.via === 'debugger');
    expect(tested, 'the test file process took the Debugger').toBeDefined();
    expect(tested!.scripts.filter((s) => s.url.endsWith('.ts'))).toEqual([]);
    const profile = readProfileFile(join(out, 'profile.pb.gz'));
    expect(profile.functions.find((f) => f.name === 'spin')).toMatchObject({ file: 'src/spin.ts', line: 3 });
    expect(profile.meta['sourcemap.generated_files'] ?? '').not.toContain('src/spin.ts');
  });

  it('TypeScript under --experimental-transform-types (Node rewrites the code and keeps a map): the Debugger', () => {
    const dir = typeScriptSuite();
    expect(runVias(dir, join(dir, 'out'), ['--experimental-transform-types', '--no-warnings', '--test', 'test/spin.test.ts'], node)).toEqual(['debugger']);
  });

  it('a .js file ending in an inline map: the Debugger reads it', () => {
    expect(viaOf('inline-map-js', ['--test', 'test/double.test.js'], node)).toEqual(['debugger']);
  });

  it('TypeScript through a loader flag (--import tsx): the Debugger', () => {
    expect(viaOf('ts-node-test', ['--import', 'tsx', '--test', 'test/a.test.ts'], node)).toEqual(['debugger']);
  });
});

describe('a built .js file naming its .js.map on disk (tsc), loaded as written', () => {
  it('is mapped to the .ts without the Debugger: the agent lists the map the file names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-built-map-'));
    dirs.push(dir);
    const source = ['export function spin(n: number): number {', '  let s = 0;', '  for (let i = 0; i < n; i++) s += Math.sqrt(i);', '  return s;', '}', ''].join('\n');
    const built = ts.transpileModule(source, { fileName: 'spin.ts', compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: true } });
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'build'));
    mkdirSync(join(dir, 'test'));
    writeFileSync(join(dir, 'src/spin.ts'), source);
    // The map names the source as tsc would from build/: ../src/spin.ts.
    writeFileSync(join(dir, 'build/spin.js'), built.outputText.replace(/\/\/# sourceMappingURL=.*$/m, '//# sourceMappingURL=spin.js.map'));
    writeFileSync(join(dir, 'build/spin.js.map'), JSON.stringify({ ...(JSON.parse(built.sourceMapText!) as object), sources: ['../src/spin.ts'] }));
    writeFileSync(join(dir, 'test/spin.test.js'), "const { test } = require('node:test');\nconst { spin } = require('../build/spin.js');\ntest('spins', () => { for (let k = 0; k < 40; k++) spin(2e5); });\n");
    writeFileSync(join(dir, 'package.json'), '{ "name": "built-map", "private": true }\n');
    const out = join(dir, 'out');
    expect(runVias(dir, out, ['--test', 'test/spin.test.js'], node)).toEqual(['as-written']);
    const spin = readProfileFile(join(out, 'profile.pb.gz')).functions.find((f) => f.name === 'spin');
    expect(spin).toMatchObject({ file: 'src/spin.ts', line: 1 });
  });
});
