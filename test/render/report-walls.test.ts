/**
 * `ciprof run` hands the report the recorded tests it already holds (headWalls) instead of
 * letting it parse them back from the profile's metadata: the report must be the same,
 * byte for byte, with tests that ran without a sample, without a CPU clock, cut short, and
 * with odd characters in their names.
 */
import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../../src/profile/model.js';
import { testKey, testWallsMeta, type TestWall } from '../../src/profile/tests.js';
import { buildReportData } from '../../src/render/report-data.js';
import { renderReport } from '../../src/render/report.js';

const wall = (file: string, name: string, wallMs: number | null, cpuMs: number | null | undefined, status = 'passed'): [string, TestWall] => [testKey(file, name), { file, name, wallMs, cpuMs, status, threads: ['100-0'] }];

const WALLS = new Map<string, TestWall>([
  wall('test/a.test.js', 'parses: a=b', 12.3456, 10.0049),
  wall('test/b.test.js', 'hot path 100%', 0.004, null),
  wall('test/b.test.js', 'no sample at all', 0.5, 0.25),
  wall('test/c.test.js', 'cut short', null, undefined, 'running'),
  wall('test/ünï.test.js', 'naïve ✓ / 名前', 3.333333, 3.1),
]);

function headProfile() {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  const work = b.functionId('work', 'src/work.js', 4);
  for (const w of WALLS.values()) {
    if (w.name === 'no sample at all') continue;
    b.addSample([work, main], [3, 3_000_000], { test_file: w.file, test_name: w.name });
  }
  b.addSample([main], [1, 1_000_000], { test_file: '(setup)' });
  b.meta = { commit: 'c0ffee', job_key: 'unit', ...testWallsMeta(WALLS) };
  return b.build();
}

describe('the report from the walls ciprof run holds', () => {
  it('is the report read back from the metadata, byte for byte', () => {
    const head = headProfile();
    const fromMeta = renderReport(head);
    const fromWalls = renderReport(head, undefined, { headWalls: WALLS });
    expect(fromWalls.html).toBe(fromMeta.html);
    // And the walls given are the ones used: a changed clock changes the report.
    const changed = new Map([...WALLS].map(([k, w]) => [k, { ...w, wallMs: w.wallMs === null ? null : w.wallMs + 1 }]));
    expect(renderReport(head, undefined, { headWalls: changed }).html).not.toBe(fromMeta.html);
  });

  it('carries every recorded test, the sampleless one included, with its clocks', () => {
    const data = buildReportData(headProfile(), undefined, {}, 't', WALLS);
    expect(data.stats.tests).toBe(WALLS.size + 1); // and the (setup) pseudo-test of the samples
  });
});
