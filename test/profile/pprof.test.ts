import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile as PprofProfile } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/profile/limits.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';
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

  it('reads what go tool pprof writes (mappings, its own ids and layout) with the same totals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-pprof-go-'));
    writeFileSync(join(dir, 'ours.pb.gz'), encodePprofGzip(sample()));
    execFileSync('go', ['tool', 'pprof', '-proto', '-output', join(dir, 'go.pb.gz'), join(dir, 'ours.pb.gz')], { stdio: 'ignore' });
    const back = decodePprof(gunzipSync(readFileSync(join(dir, 'go.pb.gz'))));
    const total = (p: Profile): number => p.samples.reduce((a, s) => a + s.values[1]!, 0);
    expect(total(back)).toBe(total(sample()));
    expect(back.functions.map((f) => f.name).sort()).toEqual(['(idle)', 'hot', 'main']);
    expect(back.samples.find((s) => back.functions[s.stack[0]!]!.name === 'hot')!.labels).toEqual({ pid: 12, test_file: 'a.test.js' });
  });

  it('round-trips negative and large numbers and non-ASCII names', () => {
    const b = new ProfileBuilder();
    const f = b.functionId('naïve → 测试', 'src/ü.js', 2 ** 31 - 1);
    b.addSample([f], [2 ** 40, 5], { delta: -7, big: 2 ** 50, name: 'ß' });
    b.meta = { 'key=with': 'value=and\nnewline' };
    const p = b.build();
    const back = decodePprof(encodePprof(p));
    expect(back.functions).toEqual(p.functions);
    expect(back.samples).toEqual(p.samples);
    expect(back.meta).toEqual({ key: 'with=value=and\nnewline' });
    // go tool pprof reads the 10-byte int64 as -7 (pprof-format's decoder reads it unsigned).
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-pprof-neg-'));
    writeFileSync(join(dir, 'neg.pb.gz'), encodePprofGzip(p));
    expect(execFileSync('go', ['tool', 'pprof', '-tags', join(dir, 'neg.pb.gz')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).toMatch(/delta: Total[^\n]*\n\s+\S+ \(\s*100%\): -7/);
  });
});

describe('hostile pprof', () => {
  const good = (): PprofProfile => PprofProfile.decode(encodePprof(sample()));
  const problem = (bytes: Uint8Array): string => {
    try {
      decodePprof(bytes);
    } catch (err) {
      return (err as Error).message;
    }
    return 'accepted';
  };

  it.each([
    ['a string index past the table', (p: PprofProfile) => (p.function[0]!.name = 9999), /string index 9999 out of range/],
    ['a location naming no function', (p: PprofProfile) => (p.location[0]!.line[0]!.functionId = 77), /names unknown function 77/],
    ['two functions with one id', (p: PprofProfile) => (p.function[1]!.id = p.function[0]!.id), /two functions with id 1/],
    ['a negative sample value', (p: PprofProfile) => (p.sample[0]!.value = [-5, 1]), /negative sample value -5/],
    ['a value count that differs from the types', (p: PprofProfile) => (p.sample[0]!.value = [1]), /1 values for 2 sample types/],
    ['a stack deeper than the limit', (p: PprofProfile) => (p.sample[0]!.locationId = Array<number>(5000).fill(1)), /stack deeper than 4096/],
    ['too many labels', (p: PprofProfile) => (p.sample[0]!.label = Array.from({ length: 70 }, () => p.sample[0]!.label[0]!)), /more than 64 labels/],
    ['no sample types', (p: PprofProfile) => (p.sampleType = []), /no sample types/],
  ])('refuses %s in one line', (_what, mutate, expected) => {
    const p = good();
    mutate(p);
    const message = problem(p.encode());
    expect(message).toMatch(expected);
    expect(message).toMatch(/^not a pprof profile \(/);
    expect(message).not.toContain('\n');
  });

  it('refuses broken wire format: truncation, bad lengths, wire types, long varints', () => {
    const bytes = encodePprof(sample());
    expect(problem(bytes.subarray(0, bytes.length - 3))).toMatch(/runs past the end|truncated/);
    expect(problem(Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f]))).toMatch(/length \d+ runs past the end/);
    expect(problem(Uint8Array.from([0x31, 1, 2, 3, 4, 5, 6, 7, 8]))).toMatch(/field 6 has wire type 1, expected 2/);
    expect(problem(Uint8Array.from([0x48, ...Array<number>(11).fill(0xff), 0x01]))).toMatch(/varint longer than 10 bytes/);
    expect(problem(Uint8Array.from([0x00]))).toMatch(/field number 0/);
  });

  it('counts elements before building anything: a table of a million empty strings is refused, not allocated', () => {
    const bomb = new Uint8Array((DEFAULT_LIMITS.maxStrings + 1) * 2).map((_, i) => (i % 2 ? 0 : 0x32));
    expect(problem(bomb)).toMatch(/more than 1000000 strings/);
    expect(problem(decodeLimitsBomb())).toMatch(/more than 1000000 samples/);
  });
});

/** A million and one samples of one byte each (empty Sample messages). */
function decodeLimitsBomb(): Uint8Array {
  return new Uint8Array((DEFAULT_LIMITS.maxSamples + 1) * 2).map((_, i) => (i % 2 ? 0 : 0x12));
}
