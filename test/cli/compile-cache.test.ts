/**
 * `ciprof run` compiles its own modules through V8's compile cache (Node 22.1+), in
 * <tmpdir>/ciprof-compile-cache. A directory it cannot use leaves the cache off and
 * changes nothing else: same exit code, same output, the profile still written, no
 * warning, no hang (Node's own recursive mkdir spins under /proc). The test command never
 * inherits the cache.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_VERSIONS, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-compile-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = NODE_VERSIONS.find((n) => n.major === 24) ?? NODE_VERSIONS[0]!;
const CHILD = 'console.log("cache env:", process.env.NODE_COMPILE_CACHE || "none"); process.exitCode = 3';
/** ciprof's stderr but the notice that `node -e` is no test runner. */
const otherLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l && !l.includes('per-test attribution off'));
const run = (tmp: string, out: string) =>
  runCli(['run', '-q', '--no-store', '--out', out, '--', 'node', '-e', CHILD], { cwd: dir, node: node.bin, env: { TMPDIR: tmp } });

describe.skipIf(!node.available)(`ciprof run's compile cache (${node.label})`, () => {
  it('is written under the temp directory, and the command does not inherit it', () => {
    const tmp = path.join(dir, 'tmp-ok');
    mkdirSync(tmp);
    const out = path.join(dir, 'out-ok');
    const r = run(tmp, out);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('cache env: none\n');
    expect(otherLines(r.stderr)).toEqual([]);
    expect(readdirSync(out)).toContain('profile.pb.gz');
    expect(readdirSync(path.join(tmp, 'ciprof-compile-cache')).length).toBeGreaterThan(0);
    // Again, from the cache: the same result.
    const again = run(tmp, out);
    expect([again.status, again.stdout]).toEqual([3, 'cache env: none\n']);
  });

  it('in CI (always a cold cache there, which costs more than it saves) it stays off', () => {
    const tmp = path.join(dir, 'tmp-ci');
    mkdirSync(tmp);
    const out = path.join(dir, 'out-ci');
    const r = runCli(['run', '-q', '--no-store', '--out', out, '--', 'node', '-e', CHILD], { cwd: dir, node: node.bin, env: { TMPDIR: tmp, CI: 'true' } });
    expect([r.status, r.stdout]).toEqual([3, 'cache env: none\n']);
    expect(readdirSync(out)).toContain('profile.pb.gz');
    expect(readdirSync(tmp)).not.toContain('ciprof-compile-cache');
  });

  it('a cache path it cannot create (a file in the way): cache off, run and profile unchanged', () => {
    const tmp = path.join(dir, 'tmp-blocked');
    mkdirSync(tmp);
    writeFileSync(path.join(tmp, 'ciprof-compile-cache'), 'not a directory');
    const out = path.join(dir, 'out-blocked');
    const r = run(tmp, out);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('cache env: none\n');
    expect(otherLines(r.stderr)).toEqual([]);
    expect(readdirSync(out)).toContain('profile.pb.gz');
  });

  it.each([
    ['a read-only file system (/sys)', '/sys'],
    ['a missing directory under /proc, where mkdir -p spins', '/proc/1/x'],
  ])('a temp directory on %s: no hang, the exit code and output kept', (_what, tmp) => {
    const r = run(tmp, path.join(dir, `out-${path.basename(tmp)}`));
    expect(r.signal).toBeNull();
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('cache env: none\n');
  });
});
