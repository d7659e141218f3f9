import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../../src/profile/model.js';
import { decodePprof, encodePprof } from '../../src/profile/pprof.js';
import { readTestWalls, testKey, testStats, testWallsMeta, type TestWall } from '../../src/profile/tests.js';

describe('recorded tests in profile metadata', () => {
  it('survive pprof round-trip, names with ":" "=" "|" included, and count without samples', () => {
    const walls = new Map<string, TestWall>();
    const add = (file: string, name: string, wallMs: number | null, status: string) => walls.set(testKey(file, name), { file, name, wallMs, status });
    add('test/a.test.js', 'suite > x=1: works | fast', 0.4, 'pass');
    add('test/b.test.js', 'crashed', null, 'running');
    const b = new ProfileBuilder();
    b.meta = { commit: 'abc', ...testWallsMeta(walls) };
    const back = decodePprof(encodePprof(b.build()));
    expect([...readTestWalls(back).values()]).toEqual([...walls.values()]);
    const stats = testStats(back);
    expect(stats.map((t) => [t.name, t.wallMs, t.samples])).toEqual([
      ['suite > x=1: works | fast', 0.4, 0],
      ['crashed', null, 0],
    ]);
  });
});
