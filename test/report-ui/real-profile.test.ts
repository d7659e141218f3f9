/**
 * The report from real profiles: the built CLI runs the plain fixture (hotA on the main
 * thread, hotB in a worker), then again with hotB 3x slower, and `ciprof report` renders
 * both; the page is checked in headless Chromium and its views are screenshotted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { writeReport } from '../../src/render/report.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { STATUS_REGRESSION } from '../../src/report-ui/wire.js';
import { clickFrame, hook, launch, openReport, screenshot } from './browser.js';

const CLI = path.resolve('dist/cli.js');
const FIXTURE = 'test/fixtures/projects/plain/main.js';
let dir: string;
let browser: Browser;

function ciprof(args: string[], env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('run npm run build first');
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-report-real-'));
  ciprof(['run', '--no-store', '-q', '--out', path.join(dir, 'base'), '--', 'node', FIXTURE]);
  ciprof(['run', '--no-store', '-q', '--out', path.join(dir, 'head'), '--', 'node', FIXTURE], { FIXTURE_SLOW_B: '3' });
  // The pages come from source (writeReport), so a dist/ built before a UI change cannot
  // make them stale; the built `ciprof report` command is checked separately below.
  const base = readProfileFile(path.join(dir, 'base', 'profile.pb.gz'));
  const head = readProfileFile(path.join(dir, 'head', 'profile.pb.gz'));
  writeReport(base, undefined, { output: path.join(dir, 'plain.html') });
  writeReport(head, base, { output: path.join(dir, 'diff.html'), diff: diffProfiles(base, head) });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('HTML report (real profiles from the CLI)', () => {
  it('shows hotA as the widest frame under its caller, and zooms on click', async () => {
    const { page, requests, errors } = await openReport(browser, path.join(dir, 'plain.html'));
    const frames = await hook.frames(page);
    const hotA = frames.find((f) => f.name === 'hotA')!;
    expect(hotA.file).toBe('test/fixtures/projects/lib/hot.js');
    const siblings = frames.filter((f) => f.parent === hotA.parent && f.node !== hotA.node);
    for (const s of siblings) expect(hotA.w).toBeGreaterThan(s.w);
    expect(hotA.x).toBe(Math.min(hotA.x, ...siblings.map((s) => s.x))); // widest first
    // the worker's hotB is there too, on another branch of the tree
    expect(frames.some((f) => f.name === 'hotB')).toBe(true);
    expect(await page.locator('#facts').innerText()).toMatch(/processes profiled: 1[\s\S]*threads: 2/);
    await screenshot(page, 'flame');

    const before = await hook.state(page);
    await clickFrame(page, hotA);
    await page.waitForTimeout(300);
    const after = await hook.state(page);
    expect(after.x1 - after.x0).toBeLessThan(before.x1 - before.x0);
    expect(after.x1 - after.x0).toBeCloseTo(hotA.headTotal, -3);
    expect(after.selected).toBe('hotA');
    await page.click('button[data-tab=sandwich]');
    const sw = (await hook.sandwich(page))!;
    expect(sw.total).toBe(hotA.headTotal);
    expect(sw.callers.length).toBe(1);
    expect(sw.callers[0]!.headTotal).toBe(hotA.headTotal);
    await page.click('button[data-tab=functions]');
    const top = (await hook.functions(page)).slice(0, 3).map((r) => r.name);
    expect(top).toEqual(expect.arrayContaining(['hotA', 'hotB']));
    await screenshot(page, 'functions');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('diff mode: the slowed hotB is red, the unchanged hotA grey', async () => {
    const { page, requests, errors } = await openReport(browser, path.join(dir, 'diff.html'));
    const st = await hook.state(page);
    expect(st.diff).toBe(true);
    const frames = await hook.frames(page);
    const hotB = frames.find((f) => f.name === 'hotB')!;
    const hotA = frames.find((f) => f.name === 'hotA')!;
    expect(hotB.status).toBe(STATUS_REGRESSION);
    expect(hotB.color).toMatch(/^hsl\(0 /);
    expect(hotB.headTotal / hotB.baseTotal!).toBeGreaterThan(2);
    expect(hotA.status).not.toBe(STATUS_REGRESSION);
    expect(hotA.color).toMatch(/^hsl\(220 6% /); // within-noise grey
    expect(await page.locator('#facts').innerText()).toContain('1 slower function(s)');
    await screenshot(page, 'diff');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the built CLI writes the same kind of page: ciprof report [profile] --base <profile> -o <file>', () => {
    const out = path.join(dir, 'cli.html');
    ciprof(['report', path.join(dir, 'head', 'profile.pb.gz'), '--base', path.join(dir, 'base', 'profile.pb.gz'), '-o', out]);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<script type="application/json" id="ciprof-data">');
    expect(html).toContain('"verdict":"regression"');
    expect(html.length).toBeLessThan(300 * 1024);
  });
});
