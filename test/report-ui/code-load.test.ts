/**
 * Code loading in the HTML report, in headless Chromium: a function whose self time is a
 * runner's transform (ts-jest compiling TypeScript, frames as V8 named them in the
 * class-validator calibration pool) is marked "code loading" with its class's verdict in
 * the Functions table, the flame graph's colour and tooltip and the sandwich, never shown
 * as a CPU regression ("slower", red), while a project function's real slowdown still is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { noiseFromHistory } from '../../src/diff/noise-history.js';
import { ProfileBuilder, type FunctionFrame, type Profile } from '../../src/profile/model.js';
import { writeReport } from '../../src/render/report.js';
import { STATUS_NOISE, STATUS_REGRESSION } from '../../src/report-ui/wire.js';
import { PROJECT_CALL, TS_JEST_COMPILE } from '../profile/code-load-frames.js';
import { clickFrame, hook, hoverFrame, launch, openReport, screenshot, type HookFrame } from './browser.js';

const MS = 1_000_000;
const MACHINE = { 'env.cpu': 'AMD EPYC', 'env.cores': '2', 'env.os': 'linux 6.1', 'env.node': 'v24.21.0' };
const PARSER = ['parseIdentifier', 'scanIdentifier', 'parseStatement', 'bindChildren', 'getNodePos', 'parseList'];
const COMPILE = 'parseTrailingTagComments';
const PROJECT = 'performValidations';

/** Steady project functions, `performValidations` of `projectMs`; TypeScript's parser under ts-jest, `parseTrailingTagComments` of `compileMs`. */
function run(projectMs: number, compileMs: number, parserMs = 200): Profile {
  const b = new ProfileBuilder();
  const id = (f: FunctionFrame): number => b.functionId(f.name, f.file, f.line);
  const add = (stack: FunctionFrame[], ms: number): void => {
    for (let i = 0; i < ms; i++) b.addSample(stack.map(id), [1, MS]);
  };
  for (let i = 0; i < 12; i++) add([{ name: `steady${i}`, file: `src/steady${i}.ts`, line: 1 }, ...PROJECT_CALL.slice(1)], 500);
  add(PROJECT_CALL, projectMs);
  PARSER.forEach((name, i) => add([{ name, file: 'node_modules/typescript/lib/typescript.js', line: 1000 + i }, ...TS_JEST_COMPILE.slice(1)], parserMs));
  add(TS_JEST_COMPILE, compileMs);
  b.meta = { ...MACHINE };
  return b.build();
}

interface FnHook {
  name: string;
  status: number;
  codeLoad: string;
  kind: string;
  statusText: string;
}
type CodeLoadFrame = HookFrame & { codeLoad: string };

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-codeload-'));
  // A compile swing like those measured on class-validator (13 -> 150 ms) beside a real +190 ms in the project's function.
  const swingBase = run(13, 13);
  const swingHead = run(203, 150);
  writeReport(swingHead, swingBase, { output: path.join(dir, 'swing.html'), diff: diffProfiles(swingBase, swingHead) });
  // A 30x jump in compile work is beyond its class's swing (a steady history, the prior its floor): still no CPU row.
  const steady = noiseFromHistory([200, 204, 198, 201, 199, 202].map((ms) => run(13, ms, ms)))!;
  const jumpBase = run(13, 200);
  const jumpHead = run(13, 6000);
  const jump = diffProfiles(jumpBase, jumpHead, {}, { history: steady });
  expect(jump.functions.find((r) => r.frame.name === COMPILE)!.status).toBe('regression');
  expect(jump.regressions).toEqual([]);
  writeReport(jumpHead, jumpBase, { output: path.join(dir, 'jump.html'), diff: jump });
  writeReport(swingHead, undefined, { output: path.join(dir, 'plain.html') });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function functions(page: Page): Promise<FnHook[]> {
  await page.click('button[data-tab=functions]');
  return (await hook.functions(page)) as unknown as FnHook[];
}
const frameOf = async (page: Page, name: string): Promise<CodeLoadFrame> => ((await hook.frames(page)) as CodeLoadFrame[]).find((f) => f.name === name)!;

describe('HTML report: code loading judged apart', () => {
  it('a compile swing is marked code loading within its swing; the project slowdown stays a CPU regression', async () => {
    const { page, errors } = await openReport(browser, path.join(dir, 'swing.html'));
    const compileFrame = await frameOf(page, COMPILE);
    expect(compileFrame.codeLoad).toBe('transform');
    expect(compileFrame.status).toBe(STATUS_NOISE);
    const projectFrame = await frameOf(page, PROJECT);
    expect(projectFrame.codeLoad).toBe('');
    expect(projectFrame.status).toBe(STATUS_REGRESSION);

    const rows = await functions(page);
    const compile = rows.find((r) => r.name === COMPILE)!;
    expect(compile.kind).toBe('code loading (transform)');
    expect(compile.statusText).toBe('code loading (transform): within its swing');
    const project = rows.find((r) => r.name === PROJECT)!;
    expect(project.kind).toBe('CPU');
    expect(project.statusText).toBe('slower');
    const header = await page.locator('section.view.active thead').innerText();
    expect(header).toContain('Judged as');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compile work beyond its measured swing: violet, "code loading … beyond its swing" in table, tooltip and sandwich, never "slower"', async () => {
    const { page, errors } = await openReport(browser, path.join(dir, 'jump.html'));
    const legend = await page.locator('#toolbar .legend').innerText();
    expect(legend).toContain('code loading beyond its swing');
    const f = await frameOf(page, COMPILE);
    expect(f.status).toBe(STATUS_REGRESSION);
    expect(f.codeLoad).toBe('transform');
    // Not the CPU red (hue 0): the code-loading violet.
    expect(f.color).toMatch(/^hsl\(275 /);

    await hoverFrame(page, f);
    const tip = await page.locator('#tooltip').innerText();
    expect(tip).toContain('status (self): code loading (transform): more, beyond its swing');
    expect(tip).toContain('judged by: the swing measured for its class on real suites');
    expect(tip).toContain('not as a CPU change');
    expect(tip).not.toContain('slower');

    await clickFrame(page, f);
    await page.click('button[data-tab=sandwich]');
    const title = await page.locator('section.view.active .sandwich > .empty').innerText();
    expect(title).toContain(`${COMPILE}`);
    expect(title).toContain('code loading (transform): more, beyond its swing');

    const rows = await functions(page);
    const compile = rows.find((r) => r.name === COMPILE)!;
    expect(compile.statusText).toBe('code loading (transform): more, beyond its swing');
    expect(rows.filter((r) => r.statusText === 'slower').map((r) => r.name)).toEqual([]);
    const statusCell = page.locator('section.view.active tbody tr', { hasText: COMPILE }).locator('td.st-codeload').last();
    expect(await statusCell.innerText()).toBe('code loading (transform): more, beyond its swing');
    await screenshot(page, 'code-load-functions');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a report without a base marks code loading from the profile alone', async () => {
    const { page, errors } = await openReport(browser, path.join(dir, 'plain.html'));
    expect((await frameOf(page, COMPILE)).codeLoad).toBe('transform');
    const rows = await functions(page);
    expect(rows.find((r) => r.name === COMPILE)!.kind).toBe('code loading (transform)');
    expect(rows.find((r) => r.name === 'parseIdentifier')!.kind).toBe('code loading (transform)');
    expect(rows.find((r) => r.name === PROJECT)!.kind).toBe('CPU');
    expect(errors).toEqual([]);
    await page.close();
  });
});
