/**
 * splitAllocations: a profile with CPU and allocation values becomes two, each with only
 * its sample types and samples; the allocation one (period space/bytes, a period type no
 * sample type shares) is read by go tool pprof, which checks every string index.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePprofGzip } from '../../src/profile/gzip.js';
import { ALLOC_SAMPLES, ALLOC_SPACE, ProfileBuilder } from '../../src/profile/model.js';
import { hasAllocations, splitAllocations } from '../../src/profile/sample-types.js';
import { goPprofTop } from '../helpers/go-pprof.js';

function mixed(): ProfileBuilder {
  const b = new ProfileBuilder();
  b.sampleTypeIndex(ALLOC_SAMPLES);
  b.sampleTypeIndex(ALLOC_SPACE);
  const f = b.functionId('alloc', 'lib/a.js', 2);
  const g = b.functionId('spin', 'lib/b.js', 5);
  b.addSample([g], [3, 3e6, 0, 0], { test_name: 't' });
  b.addSample([f], [0, 0, 4, 131072], { test_name: 't' });
  b.meta = { 'alloc.interval_bytes': '32768' };
  return b;
}

describe('splitAllocations', () => {
  it('a profile without allocation types is returned as it is', () => {
    const p = new ProfileBuilder().build();
    expect(hasAllocations(p)).toBe(false);
    expect(splitAllocations(p)).toEqual({ cpu: p });
  });

  it('gives each part its own types and samples; go tool pprof reads the allocation part', () => {
    const { cpu, alloc } = splitAllocations(mixed().build());
    expect(cpu.sampleTypes.map((t) => t.type)).toEqual(['samples', 'cpu']);
    expect(cpu.samples.map((s) => s.values)).toEqual([[3, 3e6]]);
    expect(alloc!.sampleTypes.map((t) => t.type)).toEqual(['alloc_samples', 'alloc_space']);
    expect(alloc!.samples.map((s) => s.values)).toEqual([[4, 131072]]);
    expect(alloc!.periodType).toEqual({ type: 'space', unit: 'bytes' });
    expect(alloc!.period).toBe(32768);
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-split-'));
    try {
      const file = join(dir, 'alloc.pb.gz');
      writeFileSync(file, encodePprofGzip(alloc!));
      const top = goPprofTop(file, ['-sample_index=alloc_space']);
      expect(top).toMatch(/Type: alloc_space/);
      expect(top).toMatch(/^\s+131072B\s+100%\s+100%\s+131072B\s+100%\s+alloc$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
