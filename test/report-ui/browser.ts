/** One headless Chromium per test file, opening report files from file:// and reading the page's test hook. */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Every run writes a screenshot of each view to test-results/screenshots (not tracked);
 * CIPROF_UPDATE_SCREENSHOTS=1 writes them to docs/screenshots, the README's copies.
 */
export const SCREENSHOTS = path.resolve(process.env.CIPROF_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface OpenedReport {
  page: Page;
  /** Every request the page made other than the report document itself. */
  requests: string[];
  errors: string[];
}

export async function openReport(browser: Browser, file: string, viewport = { width: 1200, height: 720 }): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport });
  const url = pathToFileURL(path.resolve(file)).href;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __ciprof?: { ready: boolean } }).__ciprof?.ready === true, null, { timeout: 15_000 });
  return { page, requests, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Types of the page hook (src/report-ui/main.ts), as plain data. */
export interface HookFrame {
  node: number;
  parent: number;
  name: string;
  file: string;
  depth: number;
  parentName: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  matched: boolean;
  status: number;
  headTotal: number;
  headSelf: number;
  baseTotal: number | null;
}

type HookWindow = { __ciprof: Record<string, () => unknown> };
const call = <T>(page: Page, fn: string): Promise<T> => page.evaluate((name) => (window as unknown as HookWindow).__ciprof[name]!(), fn) as Promise<T>;

export interface HookState {
  tab: string;
  x0: number;
  x1: number;
  rootWidth: number;
  search: string;
  matchedFrames: number;
  matchShare: number;
  selected: string | null;
  testFilter: { file: string; name: string } | null;
  diff: boolean;
  metric: 'cpu' | 'alloc';
  allocAvailable: boolean;
  normalized: boolean;
  headSum: number;
  baseSum: number | null;
  nodes: number;
  lastDrawMs: number;
  firstPaintMs: number;
}

export interface HookSandwich {
  name: string;
  total: number;
  self: number;
  callersRootTotal: number;
  calleesRootTotal: number;
  callers: { name: string; headTotal: number; baseTotal: number | null }[];
  callees: { name: string; headTotal: number; baseTotal: number | null }[];
}

export const hook = {
  state: (page: Page) => call<HookState>(page, 'state'),
  frames: (page: Page) => call<HookFrame[]>(page, 'frames'),
  sandwich: (page: Page) => call<HookSandwich | null>(page, 'sandwich'),
  functions: (page: Page) => call<{ name: string; loc: string; self: number; total: number; baseSelf: number; delta: number; status: number }[]>(page, 'functions'),
  tests: (page: Page) => call<{ file: string; name: string; head: number; base: number; delta: number }[]>(page, 'tests'),
};

/** Clicks the middle of a laid-out frame of the active view's (first) canvas. */
export async function clickFrame(page: Page, f: HookFrame): Promise<void> {
  const box = await page.locator('section.view.active canvas').first().boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.click(box.x + f.x + f.w / 2, box.y + f.y + f.h / 2);
}

export async function hoverFrame(page: Page, f: HookFrame): Promise<void> {
  const box = await page.locator('section.view.active canvas').first().boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + f.x + f.w / 2, box.y + f.y + f.h / 2);
}
