// HTML report benchmark, called by bench/run.mjs (`npm run bench`): plain numbers, not asserted.
//
// A synthetic V8 .cpuprofile with ~100k distinct call-tree frames (deterministic PRNG) goes
// through the built `ciprof report` (read + model + diff-free report data + HTML), then the
// page is opened from file:// in headless Chromium to read its first paint and the cost of
// zoom redraws (from the page's own test hook).
//
// Not compared with speedscope: speedscope's npm package is a web app that imports files
// through a file picker or a URL fetch (blocked from file:// without extra flags), so a
// like-for-like timing would need it installed and a scripted picker; we do not add that
// dependency for a benchmark. `ciprof export --format speedscope` makes the same profile
// openable there by hand.
/* global window */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** ~`target` nodes, fan-out 1-6, depth up to 40, 5000 function names over 300 files. */
export function syntheticCpuProfile(target = 100_000, seed = 42) {
  const rand = rng(seed);
  const nodes = [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1, scriptId: '0' }, hitCount: 0, children: [] }];
  const depth = [0];
  const queue = [0];
  while (nodes.length < target && queue.length) {
    const pi = queue.shift();
    const kids = depth[pi] >= 40 ? 0 : pi === 0 ? 8 : 1 + Math.floor(rand() * 6);
    for (let k = 0; k < kids && nodes.length < target; k++) {
      const fn = Math.floor(rand() ** 2 * 5000);
      const id = nodes.length + 1;
      nodes.push({
        id,
        callFrame: { functionName: `fn${fn}`, url: `file://${ROOT}src/mod${fn % 300}.js`, lineNumber: fn % 997, columnNumber: 0, scriptId: String(fn % 300) },
        hitCount: 0,
        children: [],
      });
      depth.push(depth[pi] + 1);
      nodes[pi].children.push(id);
      queue.push(nodes.length - 1);
    }
  }
  // Every leaf gets 1-4 samples so every frame has time; inner frames some self time too.
  const samples = [];
  for (let i = 1; i < nodes.length; i++) {
    const hits = nodes[i].children.length === 0 ? 1 + Math.floor(rand() * 4) : rand() < 0.2 ? 1 : 0;
    for (let h = 0; h < hits; h++) samples.push(nodes[i].id);
  }
  for (let i = samples.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [samples[i], samples[j]] = [samples[j], samples[i]];
  }
  return { nodes, startTime: 0, endTime: samples.length * 1000, samples, timeDeltas: samples.map(() => 1000) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function benchReport({ frames = 100_000, runs = 3 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-bench-report-'));
  try {
    const input = join(dir, 'synthetic.cpuprofile');
    writeFileSync(input, JSON.stringify(syntheticCpuProfile(frames)));
    const out = join(dir, 'report.html');
    const gen = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [CLI, 'report', input, '-o', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      gen.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`ciprof report failed: ${r.stderr}`);
    }
    const browserNumbers = await measurePage(out, runs);
    return {
      frames,
      reportBytes: statSync(out).size,
      generateMs: Math.round(median(gen)),
      ...browserNumbers,
      speedscope: 'not compared: needs the speedscope web app driven through its file picker (see bench/report.mjs)',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measurePage(file, runs) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { firstPaintMs: null, note: 'playwright-core not installed' };
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const paints = [];
    let nodes = 0;
    let zoomDrawMs = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => window.__ciprof?.ready, null, { timeout: 60_000 });
      const st = await page.evaluate(() => window.__ciprof.state());
      paints.push(st.firstPaintMs);
      nodes = st.nodes;
      if (i === 0) {
        // Zoom into the 12 widest frames below the root and back: the redraw cost per step.
        const box = await page.locator('section.view.active canvas').boundingBox();
        const targets = (await page.evaluate(() => window.__ciprof.frames()))
          .filter((f) => f.depth >= 1 && f.depth <= 3)
          .sort((a, b) => b.w - a.w)
          .slice(0, 12);
        for (const f of targets) {
          await page.mouse.click(box.x + f.x + f.w / 2, box.y + f.y + f.h / 2);
          await page.waitForTimeout(200);
          zoomDrawMs.push((await page.evaluate(() => window.__ciprof.state())).lastDrawMs);
          await page.keyboard.press('Escape');
          await page.waitForTimeout(200);
          zoomDrawMs.push((await page.evaluate(() => window.__ciprof.state())).lastDrawMs);
        }
      }
      await page.close();
    }
    return {
      nodes,
      firstPaintMs: Math.round(median(paints)),
      zoomRedrawMedianMs: Math.round(median(zoomDrawMs) * 10) / 10,
      zoomRedrawMaxMs: Math.round(Math.max(...zoomDrawMs) * 10) / 10,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchReport(), null, 2));
}
