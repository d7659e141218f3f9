/** A packed profile (profile/packed.ts) unpacks to an equal one, label sets shared as before. */
import { describe, expect, it } from 'vitest';
import { ProfileBuilder, ALLOC_SPACE } from '../../src/profile/model.js';
import { packedBuffers, packProfile, unpackProfile } from '../../src/profile/packed.js';

describe('packProfile / unpackProfile', () => {
  it('round-trips samples, functions, labels and metadata', () => {
    const b = new ProfileBuilder();
    const f = [b.functionId('main', 'src/main.js', 1), b.functionId('wörk', '', 0), b.functionId('(idle)', '', 0)];
    const t1 = { test_file: 'a.test.js', test_name: 'x', pid: 7 };
    b.addSample([f[1]!, f[0]!], [2, 2_000_123], t1);
    b.addSample([f[2]!], [1, 999_999.5]);
    b.sampleTypeIndex(ALLOC_SPACE); // a type added late: earlier rows are padded
    b.addSample([f[0]!], [1, 5, 4096], t1);
    b.meta = { commit: 'c0ffee', 'a=b': 'ü' };
    b.timeNanos = 1.5e18;
    b.durationNanos = 12345;
    const p = b.build();
    const packed = packProfile(p);
    expect(packedBuffers(packed)).toHaveLength(6);
    const back = unpackProfile(structuredClone(packed));
    expect(back).toEqual(p);
    expect(back.samples[0]!.labels).toBe(back.samples[2]!.labels);
  });

  it('packs an empty profile', () => {
    const p = new ProfileBuilder().build();
    expect(unpackProfile(packProfile(p))).toEqual(p);
  });
});
