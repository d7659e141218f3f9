/**
 * The raw directory is removed without the CLI waiting for it (collect/remove-raw-dir.ts):
 * by a detached `rm -rf`, or, where `rm` cannot be started, by the CLI itself. Both paths
 * must leave nothing behind and warn of nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeRawDirInBackground } from '../../src/collect/remove-raw-dir.js';
import { runCli } from '../helpers/cli.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A raw directory shaped like the agent's: a few files per thread, and a nested one. */
function rawDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-raw-'));
  made.push(dir);
  for (let i = 0; i < 50; i++) for (const ext of ['.start', '-0.cpuprofile', '-0.scripts.json', '.tests.jsonl']) writeFileSync(join(dir, `${1000 + i}-0${ext}`), '{}');
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'x'), 'x');
  return dir;
}

async function gone(dir: string, withinMs = 10_000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!existsSync(dir)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !existsSync(dir);
}

describe('removeRawDirInBackground', () => {
  it('removes a small directory (a one-process suite) at once, before it returns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-raw-'));
    made.push(dir);
    for (const ext of ['.start', '-0.cpuprofile', '-0.scripts.json', '.tests.jsonl', '.flushing']) writeFileSync(join(dir, `1000-0${ext}`), '{}');
    writeFileSync(join(dir, '1000.mocha.runner'), '');
    const warnings: string[] = [];
    removeRawDirInBackground(dir, (l) => warnings.push(l));
    expect(existsSync(dir)).toBe(false);
    expect(warnings).toEqual([]);
    // Gone already: nothing to do, nothing to say.
    removeRawDirInBackground(dir, (l) => warnings.push(l));
    expect(warnings).toEqual([]);
  });

  it('leaves a large one to a detached rm: still there when it returns', async () => {
    const dir = rawDir();
    removeRawDirInBackground(dir, () => undefined);
    expect(existsSync(dir)).toBe(true);
    expect(await gone(dir)).toBe(true);
  });

  it('removes the directory with a detached rm', async () => {
    const dir = rawDir();
    const warnings: string[] = [];
    removeRawDirInBackground(dir, (l) => warnings.push(l));
    expect(await gone(dir)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('removes it in process when rm cannot be started', async () => {
    const dir = rawDir();
    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-such-bin');
    const warnings: string[] = [];
    try {
      removeRawDirInBackground(dir, (l) => warnings.push(l));
    } finally {
      process.env.PATH = path;
    }
    expect(await gone(dir)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('ciprof run leaves nothing in the temporary directory once it has exited, bar its preloads\' mirror', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ciprof-tmp-'));
    made.push(tmp);
    const out = join(tmp, '..', `${tmp.split('/').pop()}-out`);
    made.push(out);
    const script = "require('node:child_process').execFileSync(process.execPath, ['-e', 'let s = 0; for (let i = 0; i < 1e6; i++) s += i'])";
    const r = runCli(['run', '-q', '--no-store', '--no-report', '--out', out, '--', 'node', '-e', script], { env: { ...process.env, TMPDIR: tmp } });
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'profile.pb.gz'))).toBe(true);
    const until = Date.now() + 10_000;
    while (readdirSync(tmp).length && Date.now() < until) await new Promise((res) => setTimeout(res, 20));
    // Bar the node_modules mirror of the preloads (src/collect/preload-files.ts), kept on
    // purpose for the next run and for processes that outlive this one: one tree per content.
    const mirror = `ciprof-preloads-${process.getuid?.() ?? 'user'}`;
    expect(readdirSync(tmp)).toEqual([mirror]);
    expect(readdirSync(join(tmp, mirror))).toHaveLength(1);
  });
});
