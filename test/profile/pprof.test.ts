import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile as PprofProfile } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../../src/profile/model.js';
import { decodePprof, encodePprof } from '../../src/profile/pprof.js';
import { encodePprofGzip } from '../../src/profile/gzip.js';

function sample() {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  const hot = b.functionId('hot', 'src/hot.js', 10);
  const idle = b.functionId('(idle)', '', 0);
  b.addSample([hot, main], [3, 3_000_000], { pid: 12, test_file: 'a.test.js' });
  b.addSample([main], [1, 900_000], { pid: 12 });
  b.addSample([idle], [2, 2_000_000], { pid: 13 });
  b.meta = { commit: 'abc123', branch: 'main' };
  b.timeNanos = 1_700_000_000_000_000_000;
  b.durationNanos = 5_000_000;
  return b.build();
}

describe('pprof encode/decode', () => {
  it('round-trips functions, stacks, values, labels and metadata', () => {
    const p = sample();
    const back = decodePprof(encodePprof(p));
    expect(back.sampleTypes).toEqual([
      { type: 'samples', unit: 'count' },
      { type: 'cpu', unit: 'nanoseconds' },
    ]);
    expect(back.functions).toEqual(p.functions);
    expect(back.samples).toEqual(p.samples);
    expect(back.meta).toEqual(p.meta);
    expect(back.durationNanos).toBe(5_000_000);
  });

  it('is read by pprof-format with deduplicated strings and one location per function', () => {
    const raw = PprofProfile.decode(encodePprof(sample()));
    const strings = raw.stringTable.strings;
    expect(new Set(strings).size).toBe(strings.length);
    expect(raw.function).toHaveLength(3);
    expect(raw.location).toHaveLength(3);
    expect(strings[Number(raw.sampleType[1]!.type)]).toBe('cpu');
    const label = raw.sample[0]!.label.find((l) => strings[Number(l.key)] === 'test_file')!;
    expect(strings[Number(label.str)]).toBe('a.test.js');
  });

  it('is read by go tool pprof with the same total', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-pprof-'));
    const file = join(dir, 'p.pb.gz');
    writeFileSync(file, encodePprofGzip(sample()));
    const out = execFileSync('go', ['tool', 'pprof', '-top', '-unit=ns', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/of 5900000ns total/);
    expect(out).toMatch(/3000000ns .* hot/);
    expect(gunzipSync(encodePprofGzip(sample())).length).toBeGreaterThan(0);
  });

  it('expands inlined frames (several lines per location) innermost first', () => {
    const raw = PprofProfile.decode(encodePprof(sample()));
    // fold location 2 (hot) into a location that also carries main as its caller
    raw.location[1]!.line.push(raw.location[0]!.line[0]!);
    raw.sample = [raw.sample[0]!];
    raw.sample[0]!.locationId = [2];
    const back = decodePprof(raw.encode());
    expect(back.samples[0]!.stack.map((id) => back.functions[id]!.name)).toEqual(['hot', 'main']);
  });

  it('says what is wrong with a broken pprof', () => {
    const raw = PprofProfile.decode(encodePprof(sample()));
    raw.sample[0]!.locationId = [99];
    expect(() => decodePprof(raw.encode())).toThrow(/unknown location 99/);
  });
});
