/**
 * Failure class from the real-world corpus (bench/realworld.mjs, eemeli/yaml): a test
 * whose name holds an unpaired UTF-16 surrogate. The suite passes, but the per-test wall
 * metadata is URI-encoded and encodeURIComponent throws "URI malformed" on a lone
 * surrogate (src/profile/tests.ts testWallsMeta), so the whole profile is lost.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function runFixture(): { status: number | null; stderr: string; out: string } {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-surrogate-'));
  dirs.push(out);
  const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', 'node', '--test', 'test/names.test.js'], { cwd: join(FIXTURES, 'lone-surrogate') });
  return { status: r.status, stderr: r.stderr, out };
}

describe('ciprof run on a suite with an unpaired surrogate in a test name', () => {
  it('keeps the exit code of the suite', () => {
    expect(runFixture().status).toBe(0);
  });

  // The lone surrogate cannot be UTF-8 (pprof strings are): it reads back as U+FFFD.
  it('writes the profile, with both tests in the per-test table', () => {
    const r = runFixture();
    expect(r.stderr).not.toMatch(/profile not written/);
    expect(existsSync(join(r.out, 'profile.pb.gz'))).toBe(true);
    const summary = JSON.parse(readFileSync(join(r.out, 'profile.json'), 'utf8')) as { tests?: { name: string }[] };
    expect(summary.tests?.map((t) => t.name).sort()).toEqual(['an ordinary test name', 'unpaired surrogate \ufffd in a test name']);
  });
});
