import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherRawProfiles } from '../../src/collect/gather.js';
import { makeCpuProfile } from '../helpers/cpuprofile.js';

describe('gatherRawProfiles', () => {
  it('merges good files, names each bad one, counts lost and unprofilable threads', () => {
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-gather-'));
    const good = (pid: number, tid: number, fn: string) => {
      const cpu = makeCpuProfile([{ stack: [{ name: fn, url: '/repo/x.js' }], us: 1000 }]);
      writeFileSync(join(raw, `${pid}-${tid}.start`), '');
      writeFileSync(join(raw, `${pid}-${tid}-0.cpuprofile`), JSON.stringify({ ...cpu, $ciprof: { pid, threadId: tid, isMainThread: tid === 0, argv: ['x.js'], nodeVersion: 'v20.0.0', wallStartMs: 1000, wallEndMs: 2000 } }));
    };
    good(100, 0, 'mainWork');
    good(100, 1, 'workerWork');
    good(200, 0, 'childWork');
    writeFileSync(join(raw, '300-0.start'), '');
    writeFileSync(join(raw, '300-0-0.cpuprofile'), '{"nodes": [ truncated');
    writeFileSync(join(raw, '400-0.start'), ''); // SIGKILLed: started, never wrote
    writeFileSync(join(raw, '500-0.noinspector'), JSON.stringify({ pid: 500, argv: ['test/'] }));

    const g = gatherRawProfiles(raw, { repoRoot: '/repo' });
    expect(g.processes).toBe(2);
    expect(g.threads).toHaveLength(3);
    expect(g.profile.functions.map((f) => f.name).sort()).toEqual(['childWork', 'mainWork', 'workerWork']);
    expect(g.warnings).toHaveLength(1);
    expect(g.warnings[0]).toMatch(/300-0-0\.cpuprofile: invalid JSON/);
    expect(g.lost.sort()).toEqual(['300-0', '400-0']);
    expect(g.unprofilable).toEqual([{ pid: 500, argv: ['test/'] }]);
    expect(g.profile.samples.map((s) => s.labels)).toEqual(expect.arrayContaining([{ pid: 100, thread: 1 }]));
  });
});
