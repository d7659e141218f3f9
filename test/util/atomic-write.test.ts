/**
 * Atomic writes under a real failing write: a child process whose file-size limit
 * (`ulimit -f`) makes write(2) fail with EFBIG part-way, as a full disk does with ENOSPC.
 * The module runs in that child as esbuild bundles it, untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { ROOT } from '../helpers/cli.js';

let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-atomic-'));
  bundle = path.join(dir, 'atomic-write.mjs');
  buildSync({ entryPoints: [path.join(ROOT, 'src/util/atomic-write.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes 64 KiB over `file` in a child limited to 4 KiB files; returns the child's error code. */
function writeUnderLimit(file: string, how: 'atomic' | 'atomic, not durable' | 'plain'): string {
  const script = `
    import { writeFileSync } from 'node:fs';
    import { writeFileAtomic } from ${JSON.stringify(bundle)};
    const how = ${JSON.stringify(how)};
    const write = how === 'plain' ? writeFileSync : (f, d) => writeFileAtomic(f, d, { durable: how === 'atomic' });
    try { write(${JSON.stringify(file)}, Buffer.alloc(65536, 120)); console.log('written'); }
    catch (err) { console.log(err.code); }`;
  const r = spawnSync('bash', ['-c', 'ulimit -f 4 && exec "$0" --input-type=module -e "$1"', process.execPath, script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe('writeFileAtomic', () => {
  it.each(['atomic', 'atomic, not durable'] as const)('a write that fails part-way leaves the previous file intact and no temp file (%s)', (how) => {
    const file = path.join(dir, 'profile.pb.gz');
    writeFileSync(file, 'previous profile');
    expect(writeUnderLimit(file, how)).toBe('EFBIG');
    expect(readFileSync(file, 'utf8')).toBe('previous profile');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the same failure through a plain write truncates the file (what the atomic write prevents)', () => {
    const file = path.join(dir, 'report.html');
    writeFileSync(file, 'previous report');
    expect(writeUnderLimit(file, 'plain')).toBe('EFBIG');
    expect(readFileSync(file).length).toBe(4096);
  });

  it('a first write that fails leaves no file at all, never a 0-byte one', () => {
    const file = path.join(dir, 'new.json');
    expect(writeUnderLimit(file, 'atomic')).toBe('EFBIG');
    expect(existsSync(file)).toBe(false);
  });

  it('replaces the content, writes through a symlink, and creates the directory when asked', () => {
    const real = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    const nested = path.join(dir, 'a', 'b', 'c.txt');
    expect(() => writeFileAtomic(nested, 'x')).toThrow(/ENOENT/);
    writeFileAtomic(nested, 'x', { mkdir: true });
    expect(readFileSync(nested, 'utf8')).toBe('x');
  });
});
