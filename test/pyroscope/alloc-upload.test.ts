/**
 * A profile with allocations goes to Pyroscope as two profiles through either ingestion
 * path: the CPU part as `process_cpu`, the allocations as Pyroscope's own `memory` type
 * (alloc_samples/count, alloc_space/bytes, period space/bytes), same series labels, the
 * test_file sample label kept. The local server decodes with Pyroscope's message
 * definitions and applies its metric-name rule (pkg/og/convert/pprof/profile.go).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALLOC_SAMPLES, ALLOC_SPACE, CPU_NANOS, ProfileBuilder, SAMPLES_COUNT, type Profile } from '../../src/profile/model.js';
import { uploadProfile, type PyroscopeProtocol } from '../../src/pyroscope/upload.js';
import { startFakePyroscope, type FakePyroscope } from '../helpers/pyroscope-server.js';

function cpuAndAllocations(): Profile {
  const b = new ProfileBuilder([SAMPLES_COUNT, CPU_NANOS]);
  b.sampleTypeIndex(ALLOC_SAMPLES);
  b.sampleTypeIndex(ALLOC_SPACE);
  b.timeNanos = Date.now() * 1e6 - 5e9;
  b.durationNanos = 2e9;
  const main = b.functionId('main', 'src/index.js', 1);
  const build = b.functionId('build', 'src/build.js', 3);
  b.addSample([main], [10, 10e6, 0, 0], { pid: 1, thread: 0, test_file: 'test/a.test.js', test_name: 'a' });
  b.addSample([build, main], [0, 0, 30, 983_040], { pid: 1, thread: 0, test_file: 'test/a.test.js', test_name: 'a' });
  b.meta = { commit: 'c'.repeat(40), 'ci.job': 'test', job_key: 'CI_test', 'alloc.interval_bytes': '32768' };
  return b.build();
}

let server: FakePyroscope;
beforeEach(async () => {
  server = await startFakePyroscope();
});
afterEach(async () => {
  await server.close();
});

describe.each(['push', 'ingest'] as PyroscopeProtocol[])('uploadProfile with allocations (%s)', (protocol) => {
  it('sends process_cpu and memory profiles with the same series labels', async () => {
    const result = await uploadProfile(cpuAndAllocations(), { server: server.url, app: 'shop', protocol, auth: {}, retry: { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 5000 } });
    const byName = new Map(server.series.map((s) => [s.labels.__name__, s]));
    expect([...byName.keys()].sort()).toEqual(['memory', 'process_cpu']);
    const types = (name: string): string[] => {
      const p = byName.get(name)!.profile;
      return (p.sample_type as { type: number; unit: number }[]).map((t) => `${p.string_table[t.type]}/${p.string_table[t.unit]}`);
    };
    expect(types('process_cpu')).toEqual(['samples/count', 'cpu/nanoseconds']);
    expect(types('memory')).toEqual(['alloc_samples/count', 'alloc_space/bytes']);
    const memory = byName.get('memory')!;
    expect(memory.profile.string_table[memory.profile.period_type.type]).toBe('space');
    expect(Number(memory.profile.period)).toBe(32768);
    const values = (memory.profile.sample as { value: number[] }[]).map((s) => s.value.map(Number));
    expect(values).toEqual([[30, 983_040]]);
    expect(memory.labels.test_file).toBe('test/a.test.js');
    const { __name__: _a, ...cpuLabels } = byName.get('process_cpu')!.labels;
    const { __name__: _b, ...memLabels } = memory.labels;
    expect(memLabels).toEqual(cpuLabels);
    expect(result.allocLabels?.find((l) => l.name === '__name__')?.value).toBe('memory');
  });
});
