/**
 * The report's CPU / Allocations switch on real profiles: the built CLI runs the alloc
 * fixture (node --test, Node 24) under `ciprof run --alloc`, once as written and once with
 * ALLOC_SCALE=2 (allocateBoxes makes twice the boxes). In headless Chromium, the switch
 * turns the flame graph, the sandwich and the tables to bytes: the root's total becomes
 * the profile's alloc_space sum, the test that makes 300000 boxes of 56 bytes shows about
 * 16.8 MB, and in the diff allocateBoxes is coloured as allocating more. A profile
 * without allocation samples gets a disabled switch that says why.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffAllocations } from '../../src/diff/alloc-diff.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ALLOC_SPACE, type Profile } from '../../src/profile/model.js';
import { readProfileFile } from '../../src/profile/read.js';
import { splitAllocations } from '../../src/profile/sample-types.js';
import { writeReport } from '../../src/render/report.js';
import { STATUS_REGRESSION } from '../../src/report-ui/wire.js';
import { FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';
import { clickFrame, hook, launch, openReport, screenshot } from './browser.js';

const node24 = NODE_VERSIONS.find((n) => n.major === 24)!;
const BOX_BYTES = 56;
/** Boxes per test of the fixture (test/big.test.js, test/small.test.js). */
const BIG_TEST = 'allocates 300000 boxes';
let dir: string;
let browser: Browser;
let base: Profile;
let head: Profile;

function run(name: string, scale: string): Profile {
  const out = path.join(dir, name);
  const r = runCli(['run', '--alloc', '--no-store', '--no-report', '-q', '--out', out, '--', 'node', '--test', 'test/big.test.js', 'test/small.test.js'], {
    cwd: path.join(FIXTURES, 'alloc'),
    env: { ALLOC_SCALE: scale },
    node: node24.bin,
  });
  expect(r.status, r.stderr).toBe(0);
  return readProfileFile(path.join(out, 'profile.pb.gz'));
}

const allocSum = (p: Profile): number => {
  const i = p.sampleTypes.findIndex((t) => t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);
  return p.samples.reduce((a, s) => a + (s.values[i] ?? 0), 0);
};

const rootTotal = async (page: Page): Promise<number> => (await hook.frames(page)).find((f) => f.depth === 0)!.headTotal;

beforeAll(async () => {
  if (!node24.available) return;
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-alloc-report-'));
  base = run('base', '1');
  head = run('head', '2');
  writeReport(base, undefined, { output: path.join(dir, 'plain.html') });
  writeReport(head, base, { output: path.join(dir, 'diff.html'), diff: diffProfiles(base, head), allocDiff: diffAllocations(base, head) });
  writeReport(splitAllocations(base).cpu, undefined, { output: path.join(dir, 'cpu-only.html') });
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!node24.available)('HTML report: CPU / Allocations switch (real `ciprof run --alloc` profiles)', () => {
  it('switches the flame graph, tables and sandwich to bytes allocated, and back', async () => {
    const { page, requests, errors } = await openReport(browser, path.join(dir, 'plain.html'));
    const cpu = await hook.state(page);
    expect(cpu.metric).toBe('cpu');
    expect(cpu.allocAvailable).toBe(true);
    const cpuRoot = await rootTotal(page);
    expect(cpuRoot).toBe(cpu.headSum);

    await page.click('button[data-metric=alloc]');
    const alloc = await hook.state(page);
    expect(alloc.metric).toBe('alloc');
    expect(await page.locator('button[data-metric=alloc]').getAttribute('aria-pressed')).toBe('true');
    // The root is every byte the profile's samples stand for (rounded per aggregated sample).
    const expected = allocSum(base);
    expect(expected).toBeGreaterThan(10e6);
    expect(Math.abs((await rootTotal(page)) - expected)).toBeLessThan(1000);
    expect(alloc.headSum).toBe(await rootTotal(page));
    await screenshot(page, 'alloc-flame');

    // Tests table: the big test's boxes, within the sampling error (~5% at a 32 KiB interval; 25% allowed).
    await page.click('button[data-tab=tests]');
    const tests = await hook.tests(page);
    const big = tests.find((t) => t.name === BIG_TEST)!;
    expect(big.head / (300000 * BOX_BYTES)).toBeGreaterThan(0.75);
    expect(big.head / (300000 * BOX_BYTES)).toBeLessThan(1.25);
    expect(tests[0]!.name).toBe(BIG_TEST); // sorted by bytes: the largest first
    const bigRow = page.locator('section.view.active tbody tr', { hasText: BIG_TEST });
    await expect.poll(() => bigRow.innerText()).toMatch(/\d+(\.\d)? MiB/);
    expect(await page.locator('section.view.active thead').innerText()).toContain('Allocated');

    // Functions table and sandwich: allocateBoxes carries (nearly) all the fixture's boxes.
    await page.click('button[data-tab=functions]');
    const boxes = (await hook.functions(page)).find((r) => r.name === 'allocateBoxes')!;
    const allBoxes = (300000 + 75000 + 150000 + 1) * BOX_BYTES;
    expect(boxes.self / allBoxes).toBeGreaterThan(0.75);
    expect(boxes.self / allBoxes).toBeLessThan(1.25);
    await page.locator('section.view.active tbody tr', { hasText: 'allocateBoxes' }).first().click();
    await page.click('button[data-tab=sandwich]');
    const sw = (await hook.sandwich(page))!;
    expect(sw.name).toBe('allocateBoxes');
    expect(sw.total).toBe(boxes.total);
    expect(await page.locator('section.view.active .empty').first().innerText()).toMatch(/allocateBoxes[\s\S]*MiB/);

    await page.click('button[data-metric=cpu]');
    expect((await hook.state(page)).headSum).toBe(cpu.headSum);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('diff: allocateBoxes, twice the boxes in head, is red in the Allocations view', async () => {
    const { page, errors } = await openReport(browser, path.join(dir, 'diff.html'));
    await page.click('button[data-metric=alloc]');
    const st = await hook.state(page);
    expect(st.diff).toBe(true);
    expect(Math.abs(st.headSum - allocSum(head))).toBeLessThan(1000);
    expect(Math.abs(st.baseSum! - allocSum(base))).toBeLessThan(1000);
    const frames = await hook.frames(page);
    const boxes = frames.filter((f) => f.name === 'allocateBoxes').sort((a, b) => b.w - a.w)[0]!;
    expect(boxes.status).toBe(STATUS_REGRESSION);
    expect(boxes.color).toMatch(/^hsl\(0 /);
    expect(boxes.headTotal / boxes.baseTotal!).toBeGreaterThan(1.6);
    expect(await page.locator('#facts').innerText()).toMatch(/allocation verdict: \d+ row\(s\) allocate more/);
    await clickFrame(page, boxes);
    const fn = (await hook.functions(page)).find((r) => r.name === 'allocateBoxes')!;
    expect(fn.status).toBe(STATUS_REGRESSION);
    await page.click('button[data-tab=functions]');
    expect(await page.locator('section.view.active tbody tr', { hasText: 'allocateBoxes' }).first().innerText()).toMatch(/\+\d+(\.\d)? MiB[\s\S]*allocates more/);
    await screenshot(page, 'alloc-diff');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a profile without allocation samples: the switch is disabled and says why', async () => {
    const { page, errors } = await openReport(browser, path.join(dir, 'cpu-only.html'));
    const button = page.locator('button[data-metric=alloc]');
    expect(await button.isDisabled()).toBe(true);
    expect(await page.locator('#toolbar').innerText()).toContain('ciprof run --alloc');
    expect((await hook.state(page)).allocAvailable).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the built CLI: ciprof report HEAD --base BASE carries the allocation diff', () => {
    const out = path.join(dir, 'cli.html');
    const r = runCli(['report', path.join(dir, 'head', 'profile.pb.gz'), '--base', path.join(dir, 'base', 'profile.pb.gz'), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/"alloc":\{"intervalBytes":\d+,"headBytes":\d+,"baseBytes":\d+,"diff":\{"verdict":"regression"/);
  });
});
