import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionTable } from '../../src/profile/aggregate.js';
import { mergeProfiles } from '../../src/profile/merge.js';
import { mergeProfileFiles, mergeProfileFilesInParallel } from '../../src/profile/merge-files.js';
import { ProfileBuilder, type Profile, type ValueType } from '../../src/profile/model.js';
import { makeCpuProfile } from '../helpers/cpuprofile.js';

function profile(entries: [string[], number[], Record<string, string | number>?][], types?: ValueType[]) {
  const b = new ProfileBuilder(types);
  for (const [stack, values, labels] of entries) b.addSample(stack.map((n) => b.functionId(n, `${n}.js`, 1)), values, labels);
  return b.build();
}

describe('mergeProfiles', () => {
  it('dedupes functions across inputs and sums identical stacks', () => {
    const a = profile([[['leaf', 'main'], [1, 10]], [['main'], [2, 20]]]);
    const b = profile([[['other', 'main'], [1, 5]], [['leaf', 'main'], [3, 30]]]);
    const m = mergeProfiles([a, b]);
    expect(m.functions.map((f) => f.name).sort()).toEqual(['leaf', 'main', 'other']);
    const leafStack = m.samples.find((s) => m.functions[s.stack[0]!]!.name === 'leaf')!;
    expect(leafStack.values).toEqual([4, 40]);
    expect(m.samples).toHaveLength(3);
    const t = functionTable(m);
    expect(t.total).toBe(65);
  });

  it('keeps samples apart when their labels differ', () => {
    const a = profile([[['f'], [1, 10], { pid: 1 }]]);
    const b = profile([[['f'], [1, 10], { pid: 2 }]]);
    expect(mergeProfiles([a, b]).samples).toHaveLength(2);
  });

  it('matches sample types by type/unit and fills a missing one with 0', () => {
    const wall = { type: 'wall', unit: 'nanoseconds' };
    const a = profile([[['f'], [1, 10]]]);
    const b = profile([[['f'], [7]]], [wall]);
    const m = mergeProfiles([a, b]);
    expect(m.sampleTypes.map((t) => t.type)).toEqual(['samples', 'cpu', 'wall']);
    expect(m.samples[0]!.values).toEqual([1, 10, 7]);
  });

  it('counts a recursive function once per sample in its total', () => {
    const m = mergeProfiles([profile([[['fib', 'fib', 'fib', 'main'], [1, 100]]])]);
    const fib = functionTable(m).stats.find((s) => s.frame.name === 'fib')!;
    expect(fib.total).toBe(100);
    expect(fib.self).toBe(100);
  });
});

describe('merging files in parallel', () => {
  it('gives the same profile as one thread, and names the same bad files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-merge-par-'));
    const files: string[] = [];
    for (let i = 0; i < 48; i++) {
      const f = join(dir, `${i}.cpuprofile`);
      writeFileSync(f, JSON.stringify(makeCpuProfile([{ stack: [{ name: 'main', url: '/r/main.js' }, { name: `work${i % 7}`, url: '/r/w.js', line: i % 7 }], us: 1000 + i }])));
      files.push(f);
    }
    files.splice(10, 0, join(dir, 'missing.cpuprofile'));
    writeFileSync(join(dir, 'bad.cpuprofile'), '{"nodes": [');
    files.push(join(dir, 'bad.cpuprofile'));
    const one = mergeProfileFiles(files, '/r');
    const many = await mergeProfileFilesInParallel(files, '/r');
    const rows = (p: Profile): string[] => p.samples.map((s) => `${s.stack.map((id) => p.functions[id]!.name).join('<')}=${s.values.join(',')}`).sort();
    expect(rows(many.profile)).toEqual(rows(one.profile));
    expect(many.merged).toBe(48);
    // Two or more cores: a worker thread (dist/merge-worker.js) read part of the files.
    expect(many.workers).toBe(availableParallelism() > 1 ? 1 : 0);
    expect(many.errors.map((e) => e.message)).toEqual(one.errors.map((e) => e.message));
    expect(many.errors.map((e) => e.problem)).toEqual(['no such file', expect.stringMatching(/^invalid JSON/)]);
  });
});
