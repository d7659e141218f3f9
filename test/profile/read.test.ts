import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ProfileInputError } from '../../src/profile/errors.js';
import { DEFAULT_LIMITS } from '../../src/profile/limits.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { encodePprof } from '../../src/profile/pprof.js';
import { gunzipCapped, parseProfileBytes, readProfileFile } from '../../src/profile/read.js';
import { makeCpuProfile } from '../helpers/cpuprofile.js';

const dir = mkdtempSync(join(tmpdir(), 'ciprof-read-'));
const put = (name: string, data: string | Uint8Array): string => {
  const f = join(dir, name);
  writeFileSync(f, data);
  return f;
};

describe('reading profile files', () => {
  it('reads .cpuprofile and pprof, gzipped or not', () => {
    const cpu = makeCpuProfile([{ stack: [{ name: 'f', url: '/x/f.js' }], us: 100 }]);
    const b = new ProfileBuilder();
    b.addSample([b.functionId('g', 'g.js', 1)], [1, 5]);
    const pb = encodePprof(b.build());
    for (const f of [put('a.cpuprofile', JSON.stringify(cpu)), put('a.cpuprofile.gz', gzipSync(JSON.stringify(cpu))), put('b.pb', pb), put('b.pb.gz', gzipSync(pb))]) {
      const p = readProfileFile(f);
      expect(p.samples.length).toBe(1);
    }
  });

  it.each([
    ['empty.pb.gz', '', /empty file/],
    ['trunc.pb.gz', gzipSync(Buffer.alloc(5000, 7)).subarray(0, 30), /corrupt or truncated gzip/],
    ['notjson.cpuprofile', '{"nodes": [', /invalid JSON/],
    ['other.json', '{"hello": 1}', /not a V8 CPU profile/],
    ['garbage.pb', Buffer.from('this is not a protobuf at all, just words'), /not a pprof profile/],
  ])('%s: one error naming the file and the problem', (name, data, problem) => {
    const f = put(name, data);
    let err: unknown;
    try {
      readProfileFile(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProfileInputError);
    expect((err as Error).message).toContain(f);
    expect((err as Error).message).toMatch(problem);
    expect((err as Error).message).not.toContain('\n');
  });

  it('refuses a decompression bomb instead of inflating it', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros, ~64 KiB compressed
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => gunzipCapped(bomb, 1024 * 1024)).toThrow(/more than 1048576 bytes/);
    expect(() => parseProfileBytes('bomb.pb.gz', bomb, { ...DEFAULT_LIMITS, maxBytes: 1024 * 1024 })).toThrow(/bomb\.pb\.gz: .*decompression bomb/);
  });

  it('names a missing file', () => {
    expect(() => readProfileFile(join(dir, 'nope.pb.gz'))).toThrow(/nope\.pb\.gz: no such file/);
  });
});
