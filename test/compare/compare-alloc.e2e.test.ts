/**
 * `ciprof compare --alloc` end to end, with the built CLI on Node 24 and a real temporary
 * git repository: commit 1 is the alloc fixture (node --test; allocateBoxes makes 56-byte
 * boxes), commit 2 makes it allocate twice the boxes. Every run samples allocations; the
 * diff carries the Allocations section (--json's `alloc`, comment.md, the text output of
 * --from-runs), and --gate alloc fails on it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const node24 = NODE_VERSIONS.find((n) => n.major === 24)!;
const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();
const TESTS = ['node', '--test', 'test/big.test.js', 'test/small.test.js'];

interface AllocRowJson {
  frame?: { name: string };
  status: string;
  base: { bytes: number };
  head: { bytes: number };
}

let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ciprof-compare-alloc-'));
  for (const part of ['lib', 'test', 'package.json']) cpSync(join(FIXTURES, 'alloc', part), join(repo, part), { recursive: true });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'base');
  const file = join(repo, 'lib/allocate.js');
  const src = readFileSync(file, 'utf8');
  const more = src.replace('process.env.ALLOC_SCALE || 1', 'process.env.ALLOC_SCALE || 2');
  expect(more).not.toBe(src);
  writeFileSync(file, more);
  git(repo, 'commit', '-qam', 'allocateBoxes makes twice the boxes');
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe.skipIf(!node24.available)('ciprof compare --alloc', () => {
  it('samples allocations in every run and reports allocateBoxes allocating more', () => {
    const r = runCli(['compare', '--alloc', '--base', 'HEAD~1', '--runs', '2', '--install', '', '--out', 'out', '--json', '--', ...TESTS], { cwd: repo, node: node24.bin });
    expect(r.status, r.stderr).toBe(0);
    // --json: stdout is the diff report alone, with the allocation diff in it.
    const report = JSON.parse(r.stdout) as { alloc?: { verdict: string; base: { bytes: number }; head: { bytes: number }; functions: AllocRowJson[] } };
    expect(report.alloc?.verdict).toBe('regression');
    const boxes = report.alloc!.functions.find((x) => x.frame?.name === 'allocateBoxes')!;
    expect(boxes.status).toBe('regression');
    // Per-run means: the base's tests make 525001 boxes of 56 bytes a run, the head's twice that.
    expect(boxes.base.bytes / (525001 * 56)).toBeGreaterThan(0.75);
    expect(boxes.base.bytes / (525001 * 56)).toBeLessThan(1.25);
    expect(boxes.head.bytes / boxes.base.bytes).toBeGreaterThan(1.6);
    expect(boxes.head.bytes / boxes.base.bytes).toBeLessThan(2.4);

    const out = join(repo, 'out');
    expect(readFileSync(join(out, 'comment.md'), 'utf8')).toMatch(/#### Allocations[\s\S]*allocateBoxes/);
    expect(JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8')).alloc.verdict).toBe('regression');
    expect(JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'))).toMatchObject({ alloc: true, allocVerdict: 'regression' });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/"alloc":\{"intervalBytes":\d+/);

    // The same runs, as text (no --json), and gated on allocations.
    const text = runCli(['compare', '--from-runs', out, '--out', join(repo, 'out-text'), '--gate', 'alloc', '--fail-on-regression'], { cwd: repo, node: node24.bin });
    expect(text.status, text.stderr).toBe(3);
    expect(text.stderr).toMatch(/allocations [\d.]+ MiB -> [\d.]+ MiB \(\+\d/);
    expect(text.stderr).toMatch(/allocation verdict: regression[\s\S]*allocate more:\n\s+\+[\d.]+ MiB[^\n]*allocateBoxes/);
  });

  it('without --alloc the runs sample no allocations and the report has no allocation diff', () => {
    const r = runCli(['compare', '--base', 'HEAD~1', '--runs', '1', '--install', '', '--out', 'out-cpu', '--json', '--', ...TESTS], { cwd: repo, node: node24.bin });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { diff?: unknown; alloc?: unknown };
    expect(report.diff).toBeDefined();
    expect(report.alloc).toBeUndefined();
  });
});
