/**
 * `ciprof diff --gate alloc --fail-on-regression` on real `ciprof run --alloc` profiles of
 * the alloc fixture (node --test, Node 24): a head whose test allocates twice the bytes
 * exits 3 with an allocation regression on allocateBoxes and an "Allocations" section in
 * comment.md; a second run of the same code exits 0.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const node24 = NODE_VERSIONS.find((n) => n.major === 24)!;
const dir = mkdtempSync(join(tmpdir(), 'ciprof-gate-alloc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(name: string, scale: string): string {
  const out = join(dir, name);
  const r = runCli(['run', '--alloc', '--no-store', '--no-report', '-q', '--out', out, '--', 'node', '--test', 'test/big.test.js', 'test/small.test.js'], { cwd: join(FIXTURES, 'alloc'), env: { ALLOC_SCALE: scale }, node: node24.bin });
  expect(r.status, r.stderr).toBe(0);
  return join(out, 'profile.pb.gz');
}

describe.skipIf(!node24.available)('ciprof diff --gate alloc', () => {
  it('fails on an allocation regression, passes on a rerun of the same code', () => {
    const base = run('base', '1');
    const same = run('same', '1');
    const more = run('more', '2');
    const gate = (head: string, out: string) => runCli(['diff', '--base', base, '--head', head, '--gate', 'alloc', '--fail-on-regression', '--json', '--out', join(dir, out)], { node: node24.bin });
    const bad = gate(more, 'd-more');
    expect(bad.status, bad.stderr).toBe(3);
    const report = JSON.parse(bad.stdout);
    expect(report.alloc.verdict).toBe('regression');
    expect(report.alloc.functions.filter((r: { status: string }) => r.status === 'regression').map((r: { frame: { name: string } }) => r.frame.name)).toContain('allocateBoxes');
    expect(readFileSync(join(dir, 'd-more', 'comment.md'), 'utf8')).toMatch(/#### Allocations[\s\S]*allocateBoxes/);
    const good = gate(same, 'd-same');
    expect(good.status, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout).alloc.verdict).toBe('no-change');
    expect(runCli(['diff', '--base', base, '--head', same, '--gate', 'heap'], { node: node24.bin }).status).toBe(2);
  });
});
