import { describe, expect, it } from 'vitest';
import { CpuProfileImporter, type CpuProfileAddOptions, type V8CpuProfile } from '../../src/profile/cpuprofile.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { functionTable } from '../../src/profile/aggregate.js';
import { makeCpuProfile } from '../helpers/cpuprofile.js';

const main = { name: 'main', url: 'file:///repo/src/main.js', line: 0 };
const work = { name: 'work', url: 'file:///repo/src/work.js', line: 9 };
const lodash = { name: 'chunk', url: 'file:///repo/node_modules/.pnpm/x/node_modules/lodash/chunk.js', line: 4 };

const bytes = (cpu: unknown): Buffer => Buffer.from(JSON.stringify(cpu));

function addCpuProfile(b: ProfileBuilder, cpu: V8CpuProfile, options: CpuProfileAddOptions & { isOwnScript?: (url: string) => boolean } = {}) {
  const importer = new CpuProfileImporter(b, { repoRoot: '/repo', isOwnScript: options.isOwnScript });
  return importer.add(bytes(cpu), options);
}

function convert(cpu: V8CpuProfile, labels = {}) {
  const b = new ProfileBuilder();
  const stats = addCpuProfile(b, cpu, { labels });
  return { profile: b.build(), stats };
}

const scanProblem = (cpu: unknown): string => {
  const importer = new CpuProfileImporter(new ProfileBuilder(), { repoRoot: '/repo' });
  try {
    importer.add(typeof cpu === 'string' ? Buffer.from(cpu) : bytes(cpu));
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('V8 .cpuprofile -> model', () => {
  it('charges each sample the measured time until the next one, not a constant', () => {
    const cpu = makeCpuProfile([
      { stack: [main, work], us: 1000 },
      { stack: [main, work], us: 3000 },
      { stack: [main], us: 500 },
    ]);
    const { profile, stats } = convert(cpu);
    const t = functionTable(profile);
    const byName = Object.fromEntries(t.stats.map((s) => [s.frame.name, s]));
    expect(byName.work!.self).toBe(4_000_000);
    expect(byName.work!.selfSamples).toBe(2);
    expect(byName.main!.self).toBe(500_000);
    expect(byName.main!.total).toBe(4_500_000);
    expect(stats.totalNs).toBe(4_500_000);
    // The sum of sample times is the span from the first sample to the end of the profile.
    expect(stats.totalNs).toBe((cpu.endTime - cpu.startTime - cpu.timeDeltas![0]!) * 1000);
  });

  it('drops the synthetic (root), keeps V8 pseudo-frames, makes lines 1-based and paths portable', () => {
    const cpu = makeCpuProfile([
      { stack: [{ name: '(program)' }], us: 100 },
      { stack: [{ name: '(idle)' }], us: 200 },
      { stack: [{ name: '(garbage collector)' }], us: 300 },
      { stack: [main, lodash], us: 400 },
      { stack: [{ name: '', url: 'node:internal/modules/cjs/loader', line: 1 }], us: 50 },
    ]);
    const { profile } = convert(cpu);
    const names = profile.functions.map((f) => `${f.name}|${f.file}|${f.line}`);
    expect(names).not.toContain('(root)||0');
    expect(names).toEqual(
      expect.arrayContaining(['(program)||1', '(idle)||1', '(garbage collector)||1', 'main|src/main.js|1', 'chunk|node_modules/lodash/chunk.js|5', '(anonymous)|node:internal/modules/cjs/loader|2']),
    );
    for (const s of profile.samples) expect(s.stack.every((id) => profile.functions[id]!.name !== '(root)')).toBe(true);
  });

  it('merges nodes that are the same function (a module evaluated twice) into one frame', () => {
    const cpu = makeCpuProfile([{ stack: [main, work], us: 100 }]);
    // a second copy of `work` under main with another scriptId/column, as jest's module registry produces
    cpu.nodes.push({ id: 99, callFrame: { functionName: 'work', url: 'file:///repo/src/work.js', lineNumber: 9, columnNumber: 7, scriptId: '2' }, children: [] });
    cpu.nodes[1]!.children!.push(99);
    cpu.samples!.push(99);
    cpu.timeDeltas!.push(100);
    cpu.endTime += 100;
    const { profile } = convert(cpu);
    expect(profile.functions.filter((f) => f.name === 'work')).toHaveLength(1);
    expect(profile.samples).toHaveLength(1);
    expect(profile.samples[0]!.values).toEqual([2, 200_000]);
  });

  it('applies labels to every sample and per-timestamp labels where given', () => {
    const cpu = makeCpuProfile([
      { stack: [main], us: 100 },
      { stack: [main], us: 100 },
    ]);
    const b = new ProfileBuilder();
    const firstAt = cpu.startTime + cpu.timeDeltas![0]!;
    addCpuProfile(b, cpu, { labels: { pid: 7 }, labelAt: (t) => (t === firstAt ? { test_name: 'first' } : undefined) });
    const p = b.build();
    expect(p.samples.map((s) => s.labels)).toEqual([{ pid: 7, test_name: 'first' }, { pid: 7 }]);
  });

  it('reads the old hitCount-only format', () => {
    const cpu = makeCpuProfile([{ stack: [main], us: 100 }]);
    delete cpu.samples;
    delete cpu.timeDeltas;
    cpu.nodes[1]!.hitCount = 4;
    cpu.endTime = cpu.startTime + 4000;
    const { profile } = convert(cpu);
    expect(profile.samples[0]!.values).toEqual([4, 4_000_000]);
  });

  it('rejects what is not a CPU profile with a reason', () => {
    expect(scanProblem({})).toMatch(/no "nodes" array/);
    expect(scanProblem({ nodes: [], startTime: 0, endTime: 1 })).toMatch(/no nodes/);
    expect(scanProblem({ nodes: [{ id: 1, callFrame: {} }], startTime: 0, endTime: 1, samples: [1], timeDeltas: [] })).toMatch(/1 samples but 0 timeDeltas/);
  });
});

describe('hostile .cpuprofile', () => {
  const good = (): V8CpuProfile => makeCpuProfile([{ stack: [main, work], us: 1000 }, { stack: [main], us: 1000 }]);

  it('refuses a parent cycle instead of looping (V8 died with exit 133)', () => {
    const cpu = good();
    cpu.nodes[2]!.children = [2]; // work -> main -> work
    expect(scanProblem(cpu)).toMatch(/child of two nodes|cycle/);
    const loop = good();
    loop.nodes[0]!.children = [];
    loop.nodes[1]!.children = [3];
    loop.nodes[2]!.children = [2]; // 2 -> 3 -> 2, unreachable from the root
    expect(scanProblem(loop)).toMatch(/parent cycle through node/);
    const self = good();
    self.nodes[2]!.children = [3];
    expect(scanProblem(self)).toMatch(/child of two nodes|cycle/);
  });

  it.each([
    ['a NaN-like time delta', (c: Record<string, unknown>) => (c.timeDeltas = [10, 'x']), /expected a number/],
    ['a delta that puts a sample before the start', (c: Record<string, unknown>) => (c.timeDeltas = [10, -1e12]), /outside the profile's time span \(timeDeltas negative/],
    ['a huge delta', (c: Record<string, unknown>) => (c.timeDeltas = [10, 1e15]), /outside the profile's time span/],
    ['a string node id', (c: Record<string, unknown>) => ((c.nodes as V8CpuProfile['nodes'])[1]!.id = '2' as unknown as number), /expected a number/],
    ['a fractional node id', (c: Record<string, unknown>) => ((c.nodes as V8CpuProfile['nodes'])[1]!.id = 2.5), /node id must be an integer/],
    ['a sample naming no node', (c: Record<string, unknown>) => (c.samples = [3, 99]), /names node 99, which does not exist/],
    ['a child naming no node', (c: Record<string, unknown>) => (c.nodes as V8CpuProfile['nodes'])[0]!.children!.push(77), /names child 77/],
    ['sparse forged ids', (c: Record<string, unknown>) => ((c.nodes as V8CpuProfile['nodes'])[1]!.id = 2 ** 30), /not dense/],
    ['two nodes with one id', (c: Record<string, unknown>) => ((c.nodes as V8CpuProfile['nodes'])[1]!.id = 1), /two nodes with id 1/],
    ['endTime before startTime', (c: Record<string, unknown>) => (c.endTime = 0), /ends .* before it starts/],
    ['a span of years', (c: Record<string, unknown>) => (c.endTime = 1e15), /spans .* s \(limit/],
  ])('refuses %s with a one-line reason', (_what, mutate, problem) => {
    const cpu = good() as unknown as Record<string, unknown>;
    mutate(cpu);
    const message = scanProblem(cpu);
    expect(message).toMatch(problem);
    expect(message).not.toContain('\n');
  });

  it('refuses deep nesting, long strings, non-finite numbers and trailing bytes', () => {
    const text = JSON.stringify(good());
    expect(scanProblem(text.replace('"startTime"', `"junk":${'['.repeat(5000)}${']'.repeat(5000)},"startTime"`))).toMatch(/nested deeper than 64/);
    expect(scanProblem(text.replace('"main"', `"${'m'.repeat(70_000)}"`))).toMatch(/string of 70000 bytes/);
    expect(scanProblem(text.replace(/"startTime":\d+/, '"startTime":1e999'))).toMatch(/not a finite number/);
    expect(scanProblem(text.replace(/"startTime":\d+/, '"startTime":NaN'))).toMatch(/expected a number/);
    expect(scanProblem(`${text}{}`)).toMatch(/bytes after the end/);
    expect(scanProblem(text.replace('"main"', '"a\\qb"'))).toMatch(/bad escape/);
  });

  it("keeps V8's out-of-order samples (small negative deltas) in time order", () => {
    const cpu = makeCpuProfile([{ stack: [main, work], us: 1000 }, { stack: [main], us: 1000 }, { stack: [main, work], us: 1000 }]);
    // V8 emits a deopt sample late: deltas 10, 1000, -500 -> times t+10, t+1010, t+510.
    cpu.timeDeltas = [10, 1000, -500];
    const { stats } = convert(cpu);
    expect(stats.samples).toBe(3);
    // Sorted: t+10 (500 µs), t+510 (500 µs), t+1010 (to endTime): never more than the span.
    expect(stats.totalNs).toBe((cpu.endTime - cpu.startTime - 10) * 1000);
  });
});

describe("ciprof's own frames", () => {
  const agent = { name: 'flush', url: 'file:///opt/ciprof/dist/agent.cjs', line: 3 };
  const hook = { name: 'record', url: 'file:///opt/ciprof/dist/runners/mocha.cjs', line: 7 };
  const fsWrite = { name: 'writeSync', url: 'node:fs', line: 20 };
  const native = { name: 'writeString', url: '', line: -1 };
  const mochaRun = { name: 'run', url: 'file:///repo/node_modules/mocha/lib/runner.js', line: 100 };
  const userTest = { name: 'myTest', url: 'file:///repo/test/a.test.js', line: 4 };
  const isOwnScript = (url: string): boolean => url.startsWith('file:///opt/ciprof/dist/');

  it('folds samples of ciprof code and what it calls into (ciprof) outside every test, and cuts wrappers out of other stacks', () => {
    const loader = { name: 'Module._load', url: 'node:internal/modules/cjs/loader', line: 1000 };
    const cpu = makeCpuProfile([
      { stack: [mochaRun, hook, fsWrite, native], us: 3000 }, // the hook writing a record: ciprof's work
      { stack: [agent], us: 1000 }, // the agent itself
      { stack: [mochaRun, userTest], us: 5000 }, // the user's test
      { stack: [mochaRun, hook, userTest], us: 2000 }, // user code called through a ciprof wrapper
      { stack: [mochaRun, agent, loader, native], us: 500 }, // a wrapped require: the loading is not ciprof's
      { stack: [hook, mochaRun], us: 700 }, // the runner called by a wrapper
    ]);
    const b = new ProfileBuilder();
    const stats = addCpuProfile(b, cpu, { isOwnScript, labels: { pid: 1 }, labelAt: () => ({ test_name: 't' }) });
    const p = b.build();
    const name = (id: number): string => p.functions[id]!.name;
    expect(p.functions.map((f) => f.file)).not.toContain(expect.stringContaining('ciprof'));
    const own = p.samples.filter((s) => s.stack.map(name).includes('(ciprof)'));
    expect(own.map((s) => s.stack.map(name))).toEqual([['(ciprof)']]);
    expect(own[0]!.labels).toEqual({ pid: 1 });
    expect(own[0]!.values).toEqual([2, 4_000_000]);
    expect(stats.ownSamples).toBe(2);
    expect(stats.ownNs).toBe(4_000_000);
    const user = p.samples.filter((s) => name(s.stack[0]!) === 'myTest');
    expect(user.map((s) => s.stack.map(name))).toEqual([['myTest', 'run']]);
    expect(user[0]!.values[1]).toBe(7_000_000);
    expect(user[0]!.labels).toEqual({ pid: 1, test_name: 't' });
    const stacks = p.samples.map((s) => s.stack.map(name).join(' < '));
    expect(stacks).toContain('writeString < Module._load < run');
    expect(stacks).toContain('run');
  });

  it("keeps node:test's own work and builtin loading that a hook starts outside (ciprof): the file would do it anyway", () => {
    const nodeTestHook = { name: 'resolve', url: 'file:///opt/ciprof/dist/runners/install.cjs', line: 9 };
    const requireBuiltin = { name: 'requireBuiltin', url: 'node:internal/bootstrap/realm', line: 400 };
    const compile = { name: 'compileForInternalLoader', url: 'node:internal/bootstrap/realm', line: 383 };
    const harness = { name: 'lazyBootstrapRoot', url: 'node:internal/test_runner/harness', line: 300 };
    const events = { name: 'emit', url: 'node:events', line: 10 };
    const cpu = makeCpuProfile([
      { stack: [userTest, nodeTestHook, requireBuiltin, compile], us: 4000 }, // loading node:test from the resolve hook
      { stack: [userTest, nodeTestHook, harness, events], us: 1000 }, // registering the root hook creates node:test's root
      { stack: [userTest, nodeTestHook, fsWrite], us: 300 }, // the hook's own write: ciprof's work
    ]);
    const b = new ProfileBuilder();
    const stats = addCpuProfile(b, cpu, { isOwnScript, labels: { pid: 1 } });
    const p = b.build();
    const name = (id: number): string => p.functions[id]!.name;
    const stacks = p.samples.map((s) => s.stack.map(name).join(' < '));
    expect(stacks).toContain('compileForInternalLoader < requireBuiltin < myTest');
    expect(stacks).toContain('emit < lazyBootstrapRoot < myTest');
    expect(stacks).toContain('(ciprof)');
    expect(stats.ownNs).toBe(300_000);
  });
});
