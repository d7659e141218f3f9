/**
 * Profiles read while the command runs (collect/early-gather.ts), on real `node --test`
 * suites of one process per test file, with the runner hook's per-test labels:
 * - the merged profile is byte-for-byte the one the raw directory gives when every file
 *   is read after the command (gatherRawProfiles on the kept raw directory);
 * - a corrupt .cpuprofile that lands mid-run (with its .scripts.json, so it is read
 *   early) gives one warning line naming it, once; every other thread's profile is
 *   merged; the command's exit code is kept, under the CLI too;
 * - a big profile (a one-process suite's, a pool worker's) is read as soon as it is
 *   written, a small one waits for its batch.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setupAttribution } from '../../src/collect/attribution.js';
import { gatherRawProfiles, type GatherResult } from '../../src/collect/gather.js';
import { runProfiled } from '../../src/collect/profile-command.js';
import { READ_AT_ONCE_BYTES } from '../../src/collect/early-gather.js';
import { encodePprof } from '../../src/profile/pprof.js';
import { readProfileFile } from '../../src/profile/read.js';
import { envForNode, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const FILES = 8;
const CORRUPT = '900001-0-0';
/** In the last test file: longer than ciprof waits to read a batch (early-gather.ts), so the files before it are read while the command runs. */
const LAST_FILE_WAIT = 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2500);\n';

/** Test file i: its own function, some work; file 1 drops a corrupt profile into the raw directory first. */
function suite(withCorrupt: boolean, failing: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-early-'));
  mkdirSync(join(dir, 'test'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "early-gather", "private": true, "type": "commonjs" }');
  for (let i = 1; i <= FILES; i++) {
    const corrupt =
      withCorrupt && i === 1
        ? `const fs = require('node:fs'); const path = require('node:path'); const raw = process.env.CIPROF_RAW_DIR;
fs.writeFileSync(path.join(raw, 'x.tmp'), '{"nodes": [ {"id": 1, "callFrame": ');
fs.renameSync(path.join(raw, 'x.tmp'), path.join(raw, '${CORRUPT}.cpuprofile'));
fs.writeFileSync(path.join(raw, 'y.tmp'), '{"scripts": []}');
fs.renameSync(path.join(raw, 'y.tmp'), path.join(raw, '${CORRUPT}.scripts.json'));
`
        : '';
    writeFileSync(
      join(dir, 'test', `t${i}.test.js`),
      `const test = require('node:test');
${corrupt}function fileWork${i}(n) { let s = 0; for (let k = 0; k < n; k++) s += Math.sqrt(k * ${i}); return s; }
test('a${i}', () => { if (!(fileWork${i}(3e6) > 0)) throw new Error(); });
test('b${i}', () => { if (${failing && i === FILES ? 'true' : 'false'}) throw new Error('failing on purpose'); });
${i === FILES ? LAST_FILE_WAIT : ''}`,
    );
  }
  return dir;
}

const testFiles = Array.from({ length: FILES }, (_, i) => `test/t${i + 1}.test.js`);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** runProfiled as `ciprof run` calls it, raw directory kept; and the same directory gathered after the fact. */
async function runAndRegather(node: string, withCorrupt: boolean, failing: boolean): Promise<{ exitCode: number; early: GatherResult; late: GatherResult }> {
  const dir = suite(withCorrupt, failing);
  dirs.push(dir);
  const env = { ...envForNode(node), NODE_OPTIONS: '' };
  const warnings: string[] = [];
  const { attribution } = setupAttribution([], { env, cwd: dir, warn: (l) => warnings.push(l) });
  const run = await runProfiled({ command: [node, '--test', ...testFiles], env, cwd: dir, intervalUs: 1000, repoRoot: async () => dir, keepRaw: true, attribution, warn: (l) => warnings.push(l) });
  const rawDir = /raw V8 profiles kept in (\S+)/.exec(warnings.join('\n'))?.[1];
  expect(rawDir, warnings.join('\n')).toBeDefined();
  dirs.push(rawDir!);
  expect(run.gathered, warnings.join('\n')).toBeDefined();
  const again = setupAttribution([], { env, cwd: dir, warn: () => undefined }).attribution!;
  await again.load();
  again.prepare(rawDir!, dir);
  const late = gatherRawProfiles(rawDir!, { repoRoot: dir, labelerFor: again.labelerFor });
  return { exitCode: run.exitCode, early: run.gathered!, late };
}

describe.each(NODE_VERSIONS.filter((n) => n.major !== 26))('profiles read while the command runs, $label', ({ bin, available }) => {
  it.skipIf(!available)('give the same profile, byte for byte, as reading them all at the end', async () => {
    const { exitCode, early, late } = await runAndRegather(bin, false, false);
    expect(exitCode).toBe(0);
    // The first files were written, and read (in a batch, after at most 2 s), before the suite ended.
    expect(early.readEarly).toBeGreaterThan(0);
    expect(late.readEarly).toBe(0);
    expect(early.threads.length).toBe(FILES);
    const names = early.profile.functions.map((f) => f.name);
    for (let i = 1; i <= FILES; i++) expect(names).toContain(`fileWork${i}`);
    expect(early.profile.samples.some((s) => s.labels.test_name === 'a3')).toBe(true);
    expect(Buffer.from(encodePprof(early.profile)).equals(Buffer.from(encodePprof(late.profile)))).toBe(true);
    expect(early.warnings).toEqual(late.warnings);
    expect(early.threads).toEqual(late.threads);
  }, 60_000);

  it.skipIf(!available)('a corrupt profile landing mid-run: one warning, the others merged, the exit code kept', async () => {
    const { exitCode, early, late } = await runAndRegather(bin, true, true);
    expect(exitCode).toBe(1);
    expect(early.readEarly).toBeGreaterThan(0);
    const about = early.warnings.filter((w) => w.includes(CORRUPT));
    expect(about, early.warnings.join('\n')).toHaveLength(1);
    expect(about[0]).toMatch(/900001-0-0\.cpuprofile: .*invalid JSON/);
    expect(early.warnings).toEqual(late.warnings);
    expect(early.threads.length).toBe(FILES);
    expect(Buffer.from(encodePprof(early.profile)).equals(Buffer.from(encodePprof(late.profile)))).toBe(true);
  }, 60_000);
});

/**
 * A parent that spawns one child and outlives it by 600 ms (well under the 2 s a small batch
 * waits). The child's stack is a chain of `depth` distinct functions, sampled as one stack:
 * one profile node each, so the depth sets the profile's size.
 */
function parentAndChild(depth: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-early-big-'));
  writeFileSync(
    join(dir, 'child.js'),
    `let next = () => { const end = Date.now() + 30; let s = 0; while (Date.now() < end) s += Math.sqrt(s + 1); return s; };
for (let i = 0; i < ${depth}; i++) { const inner = next; next = new Function('inner', 'return function chainLink' + i + '() { return inner() + 1; }')(inner); }
next();
`,
  );
  writeFileSync(
    join(dir, 'parent.js'),
    `const { spawnSync } = require('node:child_process');
const r = spawnSync(process.execPath, [require('node:path').join(__dirname, 'child.js')], { stdio: 'inherit' });
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
process.exitCode = r.status;
`,
  );
  return dir;
}

describe.each(NODE_VERSIONS.filter((n) => n.major === 24))('a big profile, $label', ({ bin, available }) => {
  async function run(depth: number): Promise<{ early: GatherResult; late: GatherResult; childBytes: number }> {
    const dir = parentAndChild(depth);
    dirs.push(dir);
    const env = { ...envForNode(bin), NODE_OPTIONS: '' };
    const warnings: string[] = [];
    const run = await runProfiled({ command: [bin, 'parent.js'], env, cwd: dir, intervalUs: 1000, repoRoot: async () => dir, keepRaw: true, warn: (l) => warnings.push(l) });
    expect(run.exitCode).toBe(0);
    const rawDir = /raw V8 profiles kept in (\S+)/.exec(warnings.join('\n'))?.[1];
    expect(rawDir, warnings.join('\n')).toBeDefined();
    dirs.push(rawDir!);
    const late = gatherRawProfiles(rawDir!, { repoRoot: dir });
    const sizes = readdirSync(rawDir!)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => statSync(join(rawDir!, f)).size);
    return { early: run.gathered!, late, childBytes: Math.max(...sizes) };
  }

  it.skipIf(!available)('is read as soon as it is written, while the command still runs; a small one waits for its batch', async () => {
    const big = await run(2500);
    expect(big.childBytes).toBeGreaterThanOrEqual(READ_AT_ONCE_BYTES);
    expect(big.early.readEarly).toBe(1);
    expect(big.early.threads.length).toBe(2);
    expect(Buffer.from(encodePprof(big.early.profile)).equals(Buffer.from(encodePprof(big.late.profile)))).toBe(true);
    const small = await run(5);
    expect(small.childBytes).toBeLessThan(READ_AT_ONCE_BYTES);
    expect(small.early.readEarly).toBe(0);
    expect(small.early.threads.length).toBe(2);
  }, 60_000);
});

describe('ciprof run with a corrupt profile landing mid-run', () => {
  const node = NODE_VERSIONS.find((n) => n.major === 24)!;
  it.skipIf(!node.available)('prints one line naming it, keeps the failing exit code and the other profiles', () => {
    const dir = suite(true, true);
    dirs.push(dir);
    const out = join(dir, 'out');
    const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', node.bin, '--test', ...testFiles], { cwd: dir, node: node.bin });
    expect(r.status, r.stderr).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes(CORRUPT));
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^ciprof: warning: .*900001-0-0\.cpuprofile: .*invalid JSON/);
    const names = readProfileFile(join(out, 'profile.pb.gz')).functions.map((f) => f.name);
    for (let i = 1; i <= FILES; i++) expect(names).toContain(`fileWork${i}`);
  }, 60_000);
});
