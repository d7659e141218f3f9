/**
 * An output or store directory ciprof cannot create costs the profile, never the run:
 * `ciprof run --out /proc/1/x -- node -e ...` used to spin at 100% CPU in Node's recursive
 * mkdir (as root, /proc/1 exists but refuses children with ENOENT). It returns with the
 * command's exit code and one warning line. A bounded spawn is the guard: a spin would be
 * killed and fail the exit-code check.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_VERSIONS, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = (text: string): string[] => text.split('\n').filter(Boolean);

// The CLI on each Node users run: the recursive mkdir that spun was Node's own.
describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available)('ciprof run with a directory it cannot create', () => {
    it('--out /proc/1/x: the exit code and one warning line, at once', () => {
      const r = runCli(['run', '--out', '/proc/1/x', '--', 'node', '-e', 'process.exit(7)'], { cwd: dir, node: node.bin });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(7);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(/^ciprof: warning: profile not written: cannot write to \/proc\/1\/x \(.*\); the command runs without profiling$/m);
    });

    it('--out under a file: the same single line (ENOTDIR)', () => {
      const file = path.join(dir, 'a-file');
      writeFileSync(file, 'not a directory');
      const r = runCli(['run', '--out', path.join(file, 'out'), '--', 'node', '-e', 'process.exit(3)'], { cwd: dir, node: node.bin });
      expect(r.status).toBe(3);
      expect(lines(r.stderr)).toEqual([expect.stringMatching(/^ciprof: warning: profile not written: .*ENOTDIR/)]);
    });

    it('--store-dir /proc/1/x: the profile is written, the store warns once, the exit code stands', () => {
      const out = path.join(dir, `store-out-${node.major}`);
      // Tests that pass: a failing run is never stored (test/action/failing-tests.test.ts).
      const r = runCli(['run', '-q', '--out', out, '--store-dir', '/proc/1/x', '--job-key', 'k', '--', 'node', '-e', 'process.exitCode = 0'], { cwd: process.cwd(), node: node.bin });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(0);
      expect(lines(r.stderr).filter((l) => l.startsWith('ciprof: warning:') && !l.includes('per-test attribution off'))).toEqual([expect.stringMatching(/^ciprof: warning: local store: .*\/proc\/1\/x/)]);
      expect(readdirSync(out)).toContain('profile.pb.gz');
    });
  });
});
