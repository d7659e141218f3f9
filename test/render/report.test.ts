/**
 * The HTML report from constructed profiles with known numbers, in real headless
 * Chromium: layout, zoom, search, sandwich, tests table, diff colours, escaping and the
 * no-network rule. One browser for the whole file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder, type Labels } from '../../src/profile/model.js';
import { jsonForScript } from '../../src/render/report-html.js';
import { writeReport } from '../../src/render/report.js';
import { STATUS_NOISE, STATUS_REGRESSION } from '../../src/report-ui/wire.js';
import { clickFrame, hook, hoverFrame, launch, openReport, screenshot } from '../report-ui/browser.js';

const MS = 1_000_000;
type Stacks = Record<string, number | [number, Labels]>;

/** One sample per ms; keys are root-first stacks "a;b;c", values self ms (and labels). */
function profile(stacks: Stacks, meta: Record<string, string> = {}) {
  const b = new ProfileBuilder();
  for (const [p, v] of Object.entries(stacks)) {
    const [ms, labels] = typeof v === 'number' ? [v, {}] : v;
    const stack = p
      .split(';')
      .map((n) => (n.startsWith('(') ? b.functionId(n, '', 0) : b.functionId(n, `src/${n.replace(/\W/g, '_')}.js`, 1)))
      .reverse();
    b.addSample(stack, [ms, ms * MS], labels);
  }
  b.meta = { commit: 'c0ffee0000000000000000000000000000000000', branch: 'feature', job_key: 'test/unit', processes: '3', threads: '5', lost_threads: '0', wall_ms: '2000', ...meta };
  return b.build();
}

const A = { test_file: 'test/a.test.js', test_name: 'tokenizes' };
const B = { test_file: 'test/b.test.js', test_name: 'hot path' };
const HEAD: Stacks = {
  'main;parse;tokenize': [300, A],
  'main;parse': 100,
  'main;render;layout': 200,
  'main;render;paint': 100,
  'main;hot': [500, B],
  'main;helper;hot': 100,
  'main;rec;rec;rec;leaf': 50,
  '(idle)': 200,
};
const SUITE_MS = 1550;

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-report-'));
});
afterAll(async () => {
  await browser?.close();
});

describe('HTML report (constructed profiles)', () => {
  it('lays out, zooms, searches and answers the keyboard', async () => {
    const out = path.join(dir, 'plain.html');
    const r = writeReport(profile(HEAD), undefined, { output: out });
    expect(r.bytes).toBeLessThan(300 * 1024);
    const { page, requests, errors } = await openReport(browser, out);
    const st = await hook.state(page);
    expect(st.headSum).toBe(SUITE_MS * MS);
    expect(st.diff).toBe(false);

    // hot (500 ms directly under main) is the widest child of main
    const frames = await hook.frames(page);
    const underMain = frames.filter((f) => f.parentName === 'main').sort((a, b) => b.w - a.w);
    expect(underMain.map((f) => f.name).slice(0, 3)).toEqual(['hot', 'parse', 'render']);
    expect(underMain[0]!.headTotal).toBe(500 * MS);
    expect(underMain[0]!.x).toBeLessThan(underMain[1]!.x);

    // hover shows the tooltip with name, location, and share of the suite
    await hoverFrame(page, underMain[0]!);
    const tip = await page.locator('#tooltip').innerText();
    expect(tip).toContain('hot');
    expect(tip).toContain('src/hot.js:1');
    expect(tip).toContain('500 ms');
    expect(tip).toContain(`${((500 / SUITE_MS) * 100).toFixed(1)}% of suite`);

    // clicking it zooms to exactly its extent
    const hot = underMain[0]!;
    const before = await hook.state(page);
    await clickFrame(page, hot);
    await page.waitForFunction((w) => (window as unknown as { __ciprof: { state(): { x1: number; x0: number } } }).__ciprof.state().x1 - (window as unknown as { __ciprof: { state(): { x0: number } } }).__ciprof.state().x0 < w, before.rootWidth * 0.9);
    await page.waitForTimeout(250);
    const zoomed = await hook.state(page);
    expect(zoomed.x1 - zoomed.x0).toBeCloseTo(500 * MS, -3);
    expect(zoomed.selected).toBe('hot');
    const wide = (await hook.frames(page)).find((f) => f.name === 'hot' && f.parentName === 'main')!;
    expect(wide.w).toBeGreaterThan(1100);

    // Esc resets the zoom; `/` focuses the search box
    await page.keyboard.press('Escape');
    await page.waitForTimeout(250);
    const reset = await hook.state(page);
    expect([reset.x0, reset.x1]).toEqual([0, reset.rootWidth]);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');

    // search: two frames named hot, 600 of 1550 ms; regex works; share counts nesting once
    await page.keyboard.type('^hot$');
    await page.waitForTimeout(50);
    let s = await hook.state(page);
    expect(s.matchedFrames).toBe(2);
    expect(s.matchShare).toBeCloseTo(600 / SUITE_MS, 6);
    expect((await hook.frames(page)).filter((f) => f.matched).map((f) => f.name)).toEqual(['hot', 'hot']);
    expect(await page.locator('.toolbar .info').last().innerText()).toContain('2 matching frame(s), 38.7%');
    await page.fill('input[type=search]', 'rec|leaf');
    await page.waitForTimeout(50);
    s = await hook.state(page);
    expect(s.matchedFrames).toBe(4);
    expect(s.matchShare).toBeCloseTo(50 / SUITE_MS, 6);
    await page.fill('input[type=search]', 'hot');
    await screenshot(page, 'flame-search');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sandwich: callers and callees merged, recursion counted once, equal to the table', async () => {
    const out = path.join(dir, 'sandwich.html');
    writeReport(profile(HEAD), undefined, { output: out });
    const { page } = await openReport(browser, out);
    const byName = async (name: string) => (await hook.functions(page)).find((r) => r.name === name)!;

    // select hot from the function table (goes to the graph, zoomed on its widest frame)
    await page.click('button[data-tab=functions]');
    await page.locator('section.view.active tbody tr', { hasText: 'src/hot.js' }).first().click();
    let st = await hook.state(page);
    expect(st.tab).toBe('flame');
    expect(st.selected).toBe('hot');
    await page.click('button[data-tab=sandwich]');
    let sw = (await hook.sandwich(page))!;
    expect(sw.total).toBe(600 * MS);
    expect(sw.callersRootTotal).toBe(600 * MS);
    expect(sw.callers.map((c) => [c.name, c.headTotal / MS])).toEqual([
      ['main', 500],
      ['helper', 100],
    ]);
    expect(sw.callees).toEqual([]);
    expect((await byName('hot')).total).toBe(sw.total);

    // parse: called by main, calls tokenize
    await page.evaluate(() => ((document.querySelector('input[type=text]') as HTMLInputElement).value = ''));
    await page.click('button[data-tab=functions]');
    await page.locator('section.view.active tbody tr', { hasText: 'src/parse.js' }).first().click();
    await page.click('button[data-tab=sandwich]');
    sw = (await hook.sandwich(page))!;
    expect([sw.name, sw.total / MS, sw.self / MS]).toEqual(['parse', 400, 100]);
    expect(sw.callers.map((c) => [c.name, c.headTotal / MS])).toEqual([['main', 400]]);
    expect(sw.callees.map((c) => [c.name, c.headTotal / MS])).toEqual([['tokenize', 300]]);
    await screenshot(page, 'sandwich');

    // rec recurses three deep: counted once (50 ms), nested calls show as its callee
    await page.click('button[data-tab=functions]');
    await page.locator('section.view.active tbody tr', { hasText: 'src/rec.js' }).first().click();
    await page.click('button[data-tab=sandwich]');
    sw = (await hook.sandwich(page))!;
    expect(sw.total / MS).toBe(50);
    expect(sw.calleesRootTotal / MS).toBe(50);
    expect(sw.callers.map((c) => [c.name, c.headTotal / MS])).toEqual([['main', 50]]);
    expect(sw.callees.map((c) => [c.name, c.headTotal / MS])).toEqual([['rec', 50]]);
    expect((await byName('rec')).total / MS).toBe(50);
    st = await hook.state(page);
    expect(st.tab).toBe('sandwich');
    await page.close();
  });

  it('tests table: per-test time, and a click filters the graph to that test', async () => {
    const out = path.join(dir, 'tests.html');
    writeReport(profile(HEAD), undefined, { output: out });
    const { page } = await openReport(browser, out);
    await page.click('button[data-tab=tests]');
    const rows = await hook.tests(page);
    expect(rows.map((r) => [r.name, r.head / MS])).toEqual([
      ['hot path', 500],
      ['tokenizes', 300],
    ]);
    await screenshot(page, 'tests');
    await page.locator('section.view.active tbody tr', { hasText: 'tokenizes' }).click();
    const st = await hook.state(page);
    expect(st.tab).toBe('flame');
    expect(st.testFilter).toEqual({ file: 'test/a.test.js', name: 'tokenizes' });
    expect(st.headSum).toBe(300 * MS);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const names = new Set((await hook.frames(page)).map((f) => f.name));
    expect([...names].sort()).toEqual(['all', 'main', 'parse', 'tokenize']);
    await page.close();
  });

  it('diff: slowed function red, unchanged grey, normalized toggle, base-only frames visible', async () => {
    const base = profile({ ...HEAD, 'main;old;gone': 80 }, { commit: 'ba5e000000000000000000000000000000000000' });
    const head = profile({ ...HEAD, 'main;hot': [1500, B], 'main;fresh': 60 });
    const out = path.join(dir, 'diff.html');
    writeReport(head, base, { output: out, diff: diffProfiles(base, head) });
    const { page, errors } = await openReport(browser, out);
    const st = await hook.state(page);
    expect(st.diff).toBe(true);
    expect(st.baseSum).toBe((SUITE_MS + 80) * MS);
    const frames = await hook.frames(page);
    const f = (name: string) => frames.find((x) => x.name === name)!;
    expect(f('hot').status).toBe(STATUS_REGRESSION);
    expect(f('hot').color).toMatch(/^hsl\(0 /);
    expect(f('parse').status).toBe(STATUS_NOISE);
    expect(f('tokenize').color).toBe(f('parse').color); // grey
    // width = base + head; frames on one side only still get width
    expect(f('hot').headTotal + f('hot').baseTotal!).toBe(2000 * MS);
    expect(f('gone').baseTotal).toBe(80 * MS);
    expect(f('gone').w).toBeGreaterThan(10);
    expect(f('fresh').w).toBeGreaterThan(5);
    expect(await page.locator('#facts').innerText()).toContain('base commit: ba5e000000');

    // function table: hot's self delta +1000 ms, status slower
    await page.click('button[data-tab=functions]');
    const hotRow = (await hook.functions(page)).find((r) => r.name === 'hot')!;
    expect(hotRow.delta).toBe(1000 * MS);
    await page.click('button[data-tab=flame]');
    await page.check('text=normalized to suite total');
    const n = await hook.state(page);
    expect(n.normalized).toBe(true);
    expect(n.rootWidth).toBeCloseTo(2, 9);
    await page.click('button[data-tab=tests]');
    const t = (await hook.tests(page)).find((r) => r.name === 'hot path')!;
    expect(t.delta).toBe(1000 * MS);
    await page.click('button[data-tab=flame]');
    await screenshot(page, 'diff-constructed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('profile strings cannot inject markup or script, and the page makes no request', async () => {
    const evil1 = '<img src=x onerror=window.__xss=1>';
    const evil2 = '</script><script>window.__xss=2</script>';
    const evil3 = '<!--<script>window.__xss=3</script>';
    const p = profile(
      { [`main;${evil1}`]: [300, { test_file: evil2, test_name: evil1 }], [`main;${evil2}`]: 200, [`main;${evil3}`]: 100, 'main;x$&$1': 10 },
      { commit: evil2, branch: evil1, job_key: evil3 },
    );
    const out = path.join(dir, 'evil.html');
    writeReport(p, p, { output: out, title: evil2, diff: diffProfiles(p, p) });
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<\/script/gi)!.length).toBe(2); // only our own two script elements close
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--<script');
    const { page, requests, errors } = await openReport(browser, out);
    const frames = await hook.frames(page);
    expect(frames.map((f) => f.name)).toEqual(expect.arrayContaining([evil1, evil2, evil3, 'x$&$1']));
    await hoverFrame(page, frames.find((f) => f.name === evil1)!);
    expect(await page.locator('#tooltip .name').innerText()).toBe(evil1);
    await page.click('button[data-tab=functions]');
    await page.locator('section.view.active tbody tr', { hasText: 'onerror' }).first().click();
    await page.click('button[data-tab=sandwich]');
    await page.click('button[data-tab=tests]');
    await page.locator('section.view.active tbody tr').first().click();
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).toBe(evil2);
    expect(await page.locator('#facts').innerText()).toContain(evil1);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('jsonForScript leaves nothing that ends a script element', () => {
    const s = jsonForScript({ a: '</script><!-- & \u2028' });
    expect(s).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(s)).toEqual({ a: '</script><!-- & \u2028' });
  });
});
