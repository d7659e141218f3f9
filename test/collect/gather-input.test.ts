/**
 * The raw directory is input the tests can write into: gather checks every file it reads
 * there ($ciprof blocks, test records, profiles) and labels package-manager processes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherRawProfiles } from '../../src/collect/gather.js';
import { settleRawDir } from '../../src/collect/settle.js';
import { agentInfoOf, isLauncherProcess } from '../../src/collect/thread-info.js';
import { parseTestRecordLine, parseTestRecords, readTestRecordFile, TEST_RECORD_LIMITS } from '../../src/collect/test-record-read.js';
import { LAUNCHER_ROLE, PROCESS_ROLE_LABEL, withoutLaunchers } from '../../src/profile/roles.js';
import { makeCpuProfile } from '../helpers/cpuprofile.js';

const info = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  pid: 100,
  ppid: 1,
  threadId: 0,
  isMainThread: true,
  argv: ['/repo/test.js'],
  execPath: '/usr/bin/node',
  nodeVersion: 'v22.0.0',
  segment: 0,
  reason: 'exit',
  wallStartMs: 1000,
  wallEndMs: 2000,
  hrtimeAtFlushNs: '123',
  intervalUs: 1000,
  ...over,
});

describe('the $ciprof block', () => {
  it('accepts what the agent writes and ignores fields it does not know', () => {
    expect(agentInfoOf(info({ future: { x: 1 } }))).toMatchObject({ pid: 100, threadId: 0, argv: ['/repo/test.js'] });
  });

  it('clips a long argv instead of dropping the profile (a test passing a 100 kB argument to a node child)', () => {
    const long = agentInfoOf(info({ argv: ['/repo/child.js', 'x'.repeat(100_000)] }));
    expect(typeof long).toBe('object');
    expect((long as { argv: string[] }).argv.map((a) => a.length)).toEqual([14, 4096]);
    const many = agentInfoOf(info({ argv: Array.from({ length: 100 }, () => 'a') }));
    expect((many as { argv: string[] }).argv).toHaveLength(64);
  });

  it.each([
    [null, /not an object/],
    [[1], /not an object/],
    [info({ pid: 'x' }), /pid is not/],
    [info({ pid: -1 }), /pid is not/],
    [info({ threadId: 1.5 }), /threadId is not/],
    [info({ argv: 'node x' }), /argv is not/],
    [info({ argv: ['a', 7] }), /argv is not/],
    [info({ execPath: 7 }), /execPath is not a string/],
    [info({ wallEndMs: 10 }), /wallStartMs\/wallEndMs/],
    [info({ wallStartMs: Number.NaN }), /wallStartMs\/wallEndMs/],
  ])('refuses %j', (value, problem) => {
    expect(agentInfoOf(value)).toMatch(problem);
  });
});

describe('launcher processes', () => {
  it.each([
    [['/usr/lib/node_modules/npm/bin/npm-cli.js', 'test'], '/usr/bin/node', true],
    [['/home/u/.nvm/versions/node/v22.1.0/lib/node_modules/npm/bin/npx-cli.js', 'mocha'], '/usr/bin/node', true],
    [['/usr/local/lib/node_modules/pnpm/bin/pnpm.cjs', 'test'], '/usr/bin/node', true],
    [['/usr/local/lib/node_modules/corepack/dist/yarn.js', 'test'], '/usr/bin/node', true],
    [['/repo/.yarn/releases/yarn-4.5.0.cjs', 'test'], '/usr/bin/node', true],
    [['/snapshot/pnpm/dist/pnpm.cjs'], '/usr/local/bin/pnpm', true],
    [['/usr/bin/npm', 'test'], '/usr/bin/node', true],
    [['/repo/node_modules/.bin/yarn'], '/usr/bin/node', true],
    [['/repo/node_modules/jest/bin/jest.js'], '/usr/bin/node', false],
    [['/repo/node_modules/.bin/mocha'], '/usr/bin/node', false],
    [['/home/u/npm/lib/server.js'], '/usr/bin/node', false],
    [['/repo/test/npm.test.js'], '/usr/bin/node', false],
    [[], '/usr/bin/node', false],
  ])('%j under %s -> %s', (argv, execPath, expected) => {
    expect(isLauncherProcess(argv, execPath)).toBe(expected);
  });
});

describe('test records', () => {
  const good = { pid: 1, threadId: 0, kind: 'test', file: '/repo/a.test.js', name: 'a > b', startUs: 10, endUs: 20, wallMs: 0.01, cpuMs: 0.008, status: 'passed' };

  it('reads what the hooks write, including the open line of a test that never ended', () => {
    expect(parseTestRecordLine(JSON.stringify(good))).toEqual(good);
    expect(parseTestRecordLine(JSON.stringify({ ...good, endUs: null, wallMs: null, cpuMs: null, status: 'running' }))).toMatchObject({ endUs: null, cpuMs: null });
    // Records of older agents have no CPU clock field: read as unknown.
    const { cpuMs: _cpu, ...older } = good;
    expect(parseTestRecordLine(JSON.stringify(older))).toEqual({ ...good, cpuMs: null });
  });

  it.each([
    ['{"pid":1', /not JSON/],
    ['[]', /not an object/],
    [JSON.stringify({ ...good, startUs: 'NaN' }), /startUs/],
    [JSON.stringify({ ...good, startUs: -5 }), /startUs/],
    [JSON.stringify({ ...good, endUs: 5 }), /endUs/],
    [JSON.stringify({ ...good, kind: 'suite' }), /kind/],
    [JSON.stringify({ ...good, status: 'weird' }), /status/],
    [JSON.stringify({ ...good, cpuMs: -1 }), /cpuMs/],
    [JSON.stringify({ ...good, cpuMs: '3' }), /cpuMs/],
    [JSON.stringify({ ...good, name: 'n'.repeat(TEST_RECORD_LIMITS.maxNameChars + 1) }), /name is not/],
    [JSON.stringify({ ...good, pid: 2 ** 60 }), /pid/],
  ])('refuses %s', (line, problem) => {
    expect(parseTestRecordLine(line)).toMatch(problem);
  });

  it('counts bad lines, keeps the good ones, and refuses a file over the caps in one line', () => {
    const text = [JSON.stringify(good), '{"cut sh', '', JSON.stringify({ ...good, startUs: 30, endUs: 40 })].join('\n');
    const r = parseTestRecords(text);
    expect(r.records).toHaveLength(2);
    expect(r.badLines).toBe(1);
    expect(r.firstProblem).toBe('not JSON');
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-records-'));
    const big = join(dir, '1-0.tests.jsonl');
    writeFileSync(big, `${JSON.stringify(good)}\n`.repeat(100));
    expect(() => readTestRecordFile(big, { ...TEST_RECORD_LIMITS, maxFileBytes: 1000 })).toThrow(/1-0\.tests\.jsonl: file of \d+ bytes \(limit 1000\)$/);
    expect(() => readTestRecordFile(big, { ...TEST_RECORD_LIMITS, maxRecords: 10 })).toThrow(/more than 10 records/);
    expect(readTestRecordFile(big).records).toHaveLength(100);
  });
});

describe('gather on a hostile raw directory', () => {
  it('names each bad file in one line, merges the rest, and labels launchers', () => {
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-gather-hostile-'));
    const write = (name: string, body: unknown): void => writeFileSync(join(raw, name), typeof body === 'string' ? body : JSON.stringify(body));
    const cpu = (fn: string) => makeCpuProfile([{ stack: [{ name: fn, url: '/repo/x.js' }], us: 1000 }]);
    write('100-0.start', '');
    write('100-0-0.cpuprofile', { ...cpu('testWork'), $ciprof: info() });
    write('200-0.start', '');
    write('200-0-0.cpuprofile', { ...cpu('npmWork'), $ciprof: info({ pid: 200, argv: ['/usr/lib/node_modules/npm/bin/npm-cli.js', 'test'] }) });
    const cyclic = cpu('loop');
    cyclic.nodes[1]!.children = [2];
    write('300-0-0.cpuprofile', cyclic);
    write('400-0-0.cpuprofile', { ...cpu('forged'), $ciprof: info({ pid: 'x' }) });
    write('500-0-0.cpuprofile', { ...cpu('late'), timeDeltas: [-1e12] });
    write('600-0.noinspector', '{"pid": "nope", "argv": [1, "a"]}');

    const g = gatherRawProfiles(raw, { repoRoot: '/repo' });
    expect(g.warnings).toHaveLength(3);
    expect(g.warnings.every((w) => !w.includes('\n'))).toBe(true);
    expect(g.warnings[0]).toMatch(/300-0-0\.cpuprofile: .*(cycle|child of two)/);
    expect(g.warnings[1]).toMatch(/400-0-0\.cpuprofile: bad "\$ciprof" block \(pid is not/);
    expect(g.warnings[2]).toMatch(/500-0-0\.cpuprofile: .*outside the profile's time span/);
    expect(g.profile.functions.map((f) => f.name).sort()).toEqual(['npmWork', 'testWork']);
    expect(g.threads.find((t) => t.pid === 200)?.role).toBe(LAUNCHER_ROLE);
    expect(g.threads.find((t) => t.pid === 100)?.role).toBeUndefined();
    const npm = g.profile.samples.filter((s) => s.labels[PROCESS_ROLE_LABEL] === LAUNCHER_ROLE);
    expect(npm.map((s) => g.profile.functions[s.stack[0]!]!.name)).toEqual(['npmWork']);
    expect(withoutLaunchers(g.profile).samples.map((s) => g.profile.functions[s.stack[0]!]!.name)).toEqual(['testWork']);
    expect(g.unprofilable).toEqual([{ pid: 600, argv: ['a'] }]);
  });
});

describe('settle on a hostile raw directory', () => {
  it('does not wait for markers naming init, the process group, itself or nothing', async () => {
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-settle-'));
    for (const name of ['1-0.start', '0-0.start', 'x-0.start', `${process.pid}-0.start`, '-5-0.start']) writeFileSync(join(raw, name), '');
    // With a wait of a minute, only skipping these markers lets the test end within its own timeout.
    await settleRawDir(raw, 60_000);
  }, 10_000);
});
