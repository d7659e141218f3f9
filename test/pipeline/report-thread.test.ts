/**
 * `ciprof run` renders report.html on a worker thread (dist/report-worker.js) while the
 * main thread encodes the profile: the file must be the one the main thread would have
 * written, byte for byte, and a worker that cannot help must leave the caller to render
 * it (no reply), never lose the report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportThread } from '../../src/pipeline/report-thread.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { testKey, testWallsMeta, type TestWall } from '../../src/profile/tests.js';
import { writeReport } from '../../src/render/report.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-report-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WALLS = new Map<string, TestWall>(
  [
    ['test/a.test.js', 'parses: a=b', 12.5, 10],
    ['test/ünï.test.js', 'naïve ✓ / 名前', 3.25, 3.125],
  ].map(([file, name, wallMs, cpuMs]) => [testKey(file as string, name as string), { file: file as string, name: name as string, wallMs: wallMs as number, cpuMs: cpuMs as number, status: 'passed', threads: ['1-0'] }]),
);

function profile(): Profile {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  const work = b.functionId('work', 'src/wörk.js', 4);
  const shared = { test_file: 'test/a.test.js', test_name: 'parses: a=b', pid: 1, thread: 0 };
  for (let i = 0; i < 50; i++) b.addSample(i % 3 ? [work, main] : [main], [1, 1_000_000 + i], i % 5 ? shared : { test_file: 'test/ünï.test.js', test_name: 'naïve ✓ / 名前', pid: 1, thread: 0 });
  b.meta = { commit: 'c0ffee', job_key: 'unit', command: 'npm test', ...testWallsMeta(WALLS) };
  return b.build();
}

describe('report.html on a worker thread', () => {
  it('is the report this thread writes, byte for byte', async () => {
    const p = profile();
    const here = path.join(dir, 'here.html');
    const there = path.join(dir, 'there.html');
    writeReport(p, undefined, { output: here, headWalls: WALLS });
    const thread = ReportThread.start();
    expect(thread).toBeDefined();
    try {
      thread!.render({ profile: p, headWalls: WALLS, output: there });
      expect(await thread!.result()).toEqual({ ok: true, path: there });
    } finally {
      thread!.close();
    }
    expect(readFileSync(there).equals(readFileSync(here))).toBe(true);
  });

  it('says what went wrong when the report itself fails', async () => {
    const thread = ReportThread.start()!;
    try {
      thread.render({ profile: profile(), output: path.join(dir, 'a-file.html', 'under-a-file.html') });
      writeReport(profile(), undefined, { output: path.join(dir, 'a-file.html') });
      const reply = await thread.result();
      expect(reply?.ok).toBe(false);
    } finally {
      thread.close();
    }
  });

  it('gives no reply (render it yourself) when nothing was posted, or the profile cannot be cloned', async () => {
    const thread = ReportThread.start()!;
    try {
      expect(await thread.result()).toBeUndefined();
      const odd = { ...profile(), meta: { f: (() => 1) as unknown as string } };
      thread.render({ profile: odd, output: path.join(dir, 'odd.html') });
      expect(await thread.result()).toBeUndefined();
    } finally {
      thread.close();
    }
  });
});
