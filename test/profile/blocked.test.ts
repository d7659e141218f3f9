/**
 * Blocked time (a wait in bind, a sync fs call, spawnSync) is never judged as a CPU
 * regression on sampling noise: it is listed apart, and judged only against the swing the
 * job's history measured for it (or for its class of wait).
 */
import { describe, expect, it } from 'vitest';
import { blockedClass, foldBlockedCallees } from '../../src/profile/blocked.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { noiseFromHistory } from '../../src/diff/noise-history.js';
import { ProfileBuilder } from '../../src/profile/model.js';

const MS = 1_000_000;
const MACHINE = { 'env.cpu': 'AMD EPYC', 'env.cores': '2', 'env.os': 'linux 6.1', 'env.node': 'v24.21.0' };

/** 12 CPU functions of 1,000 ms, a test server's bind of `bindMs`, and `extra` functions. */
function run(bindMs: number, extra: Record<string, number> = {}, scale = 1) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'test/app.test.js', 1);
  const add = (id: number, ms: number): void => {
    const n = Math.round(ms * scale);
    if (n > 0) b.addSample([id, main], [n, n * MS]);
  };
  for (let i = 0; i < 12; i++) add(b.functionId(`f${i}`, `src/f${i}.js`, 1), 1000);
  add(b.functionId('createServerHandle', 'node:net', 1803), bindMs);
  for (const [name, ms] of Object.entries(extra)) add(b.functionId(name, `src/${name}.js`, 1), ms);
  b.meta = { ...MACHINE };
  return b.build();
}

describe('blockedClass', () => {
  it('knows the waits seen in real profiles, by innermost frame', () => {
    // Frames as V8 names them in profiles of real suites (express, the blocking fixture, mocha's loader).
    expect(blockedClass({ name: 'createServerHandle', file: 'node:net' })).toBe('bind');
    expect(blockedClass({ name: 'spawnSync', file: 'node:internal/child_process' })).toBe('spawnSync');
    // The main thread asleep until module.register's hooks thread answers (tap on node-glob).
    expect(blockedClass({ name: 'makeSyncRequest', file: 'node:internal/modules/esm/hooks' })).toBe('loader');
    expect(blockedClass({ name: 'waitForWorker', file: 'node:internal/modules/esm/hooks' })).toBe('loader');
    // Its async sibling awaits: the thread runs other work meanwhile.
    expect(blockedClass({ name: 'makeAsyncRequest', file: 'node:internal/modules/esm/hooks' })).toBeUndefined();
    expect(blockedClass({ name: 'readFileSync', file: 'node:fs' })).toBe('fs');
    expect(blockedClass({ name: 'stat', file: 'node:internal/modules/cjs/loader' })).toBe('fs');
    expect(blockedClass({ name: 'internalModuleStat', file: '' })).toBe('fs');
    expect(blockedClass({ name: 'pbkdf2Sync', file: 'node:internal/crypto/pbkdf2' })).toBe('crypto');
    expect(blockedClass({ name: 'zlibBufferSync', file: 'node:zlib' })).toBe('zlib');
    // A reporter's write to stdout (express's mocha dot reporter): the stream binding, no file.
    expect(blockedClass({ name: 'writeUtf8String', file: '' })).toBe('io');
    expect(blockedClass({ name: 'writeBuffer', file: '' })).toBe('io');
    expect(blockedClass({ name: 'writeString', file: '' })).toBe('fs');
    // A socket's connect binding (supertest's requests to a test server).
    expect(blockedClass({ name: 'connect', file: '' })).toBe('bind');
    expect(blockedClass({ name: 'connect', file: 'lib/pool.js' })).toBeUndefined();
    // CPU, even in node: files or with a blocking-sounding name of the user's own.
    expect(blockedClass({ name: 'normalizeString', file: 'node:path' })).toBeUndefined();
    expect(blockedClass({ name: 'createServerHandle', file: 'src/net.js' })).toBeUndefined();
    expect(blockedClass({ name: 'readFileSync', file: 'lib/cache.js' })).toBeUndefined();
    expect(blockedClass({ name: '(garbage collector)', file: '' })).toBeUndefined();
  });
});

describe('blocked rows in the diff', () => {
  it('a bind that waited 42 ms in one run and 606 ms in the next is no regression, and does not move the suite verdict', () => {
    const d = diffProfiles(run(42), run(606));
    const bind = d.functions.find((r) => r.frame.name === 'createServerHandle')!;
    expect(bind.blocked).toBe('bind');
    expect(bind.status).toBe('noise');
    expect(bind.judgedBy).toBeUndefined();
    expect(d.regressions).toEqual([]);
    expect(d.verdict).toBe('no-change');
    expect(d.blocked?.map((r) => r.frame.name)).toEqual(['createServerHandle']);
    // Shown honestly: the sampled total includes it, the suite's test does not.
    expect(d.head.blockedNs).toBe(606 * MS);
    expect(d.suite.deltaNs).toBe(564 * MS);
    expect(d.suite.significant).toBe(false);
    // The speed estimate ignores it too: the CPU functions did not move.
    expect(d.speedFactor).toBeCloseTo(1, 5);
  });

  it('the same pair without the blocked classification would have been a regression (what ciprof reported before)', () => {
    const base = run(0, { bindLike: 42 });
    const head = run(0, { bindLike: 606 });
    expect(diffProfiles(base, head).regressions.map((r) => r.frame.name)).toEqual(['bindLike']);
  });

  it('is judged on the swing the history measured: a wait that swings tenfold needs more than that', () => {
    // Newest first: the bind swung between 40 and 600 ms over the job's last runs.
    const history = noiseFromHistory([run(600), run(45), run(420), run(60), run(580), run(40)])!;
    expect(history.blockedSwing?.get('bind')).toBeGreaterThan(1);
    const swung = diffProfiles(run(42), run(606), {}, { history });
    const bind = swung.functions.find((r) => r.frame.name === 'createServerHandle')!;
    expect(bind.judgedBy).toBe('history');
    expect(bind.status).toBe('noise');
    // A steady history, then a wait 60 times longer: a real change of blocked time, listed
    // apart, still not a CPU regression.
    const steady = noiseFromHistory([run(40), run(44), run(41), run(43), run(40)])!;
    const jump = diffProfiles(run(40), run(2400), {}, { history: steady });
    const b2 = jump.functions.find((r) => r.frame.name === 'createServerHandle')!;
    expect(b2.judgedBy).toBe('history');
    expect(b2.status).toBe('regression');
    expect(jump.regressions).toEqual([]);
    expect(jump.blocked?.[0]?.frame.name).toBe('createServerHandle');
  });

  it('a CPU function known to swing in the history needs a larger change than sampling alone would ask', () => {
    // jitty's self time moved between 250 and 400 ms between runs of the same code.
    const history = noiseFromHistory([run(40, { jitty: 400 }), run(40, { jitty: 250 }), run(40, { jitty: 390 }), run(40, { jitty: 260 }), run(40, { jitty: 400 })])!;
    expect(history.functionSwing?.get('jitty\u0000src/jitty.js\u00001')).toBeGreaterThan(0.02);
    const base = run(40, { jitty: 300 });
    const head = run(40, { jitty: 420 });
    expect(diffProfiles(base, head).regressions.map((r) => r.frame.name)).toEqual(['jitty']);
    expect(diffProfiles(base, head, {}, { history }).regressions).toEqual([]);
  });
});

/**
 * A listen path as express's suite shows it: Server.listen > listenInCluster >
 * setupListenHandle > createServerHandle (the bind) and, beside it, the wrapper's helpers.
 * `hasSubscribersMs` of samples land on `get hasSubscribers` under setupListenHandle.
 */
function listenRun(bindMs: number, hasSubscribersMs: number, callbackMs = 0, gcMs = 0) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'test/app.test.js', 1);
  for (let i = 0; i < 12; i++) b.addSample([b.functionId(`f${i}`, `src/f${i}.js`, 1), main], [1000, 1000 * MS]);
  const listen = b.functionId('Server.listen', 'node:net', 1900);
  const cluster = b.functionId('listenInCluster', 'node:net', 1800);
  const setup = b.functionId('setupListenHandle', 'node:net', 1850);
  const path = [setup, cluster, listen, main];
  const add = (leaf: number[], ms: number): void => {
    if (ms > 0) b.addSample([...leaf, ...path], [ms, ms * MS]);
  };
  add([b.functionId('createServerHandle', 'node:net', 1803)], bindMs);
  add([b.functionId('get hasSubscribers', 'node:diagnostics_channel', 306)], hasSubscribersMs);
  // A user's function called back under the wrapper: code, never folded.
  add([b.functionId('onListening', 'src/server.js', 10)], callbackMs);
  add([b.functionId('(garbage collector)', '', 0)], gcMs);
  b.meta = { ...MACHINE };
  return b.build();
}

describe('Node helpers under a blocking wrapper', () => {
  it('are charged to the wrapper; user code and V8 pseudo-frames under it stay where they are', () => {
    const p = listenRun(80, 30, 7, 5);
    const folded = foldBlockedCallees(p);
    const leafSamples = (q: typeof p, name: string): number => q.samples.filter((s) => q.functions[s.stack[0]!]!.name === name).reduce((a, s) => a + s.values[0]!, 0);
    expect(leafSamples(p, 'get hasSubscribers')).toBe(30);
    expect(leafSamples(folded, 'get hasSubscribers')).toBe(0);
    expect(leafSamples(folded, 'setupListenHandle')).toBe(30);
    expect(leafSamples(folded, 'onListening')).toBe(7);
    expect(leafSamples(folded, '(garbage collector)')).toBe(5);
    expect(leafSamples(folded, 'createServerHandle')).toBe(80);
    // Nothing to cut: the same object.
    const plain = listenRun(80, 0);
    expect(foldBlockedCallees(plain)).toBe(plain);
  });

  it('a helper with 0 samples in one run and 32 in the next, when the listen path waited 10x longer, is no CPU row', () => {
    // Before the fold, `get hasSubscribers` 0 -> 32 samples read as a regression (q 1e-4 on express's A/A pair).
    const d = diffProfiles(listenRun(84, 0), listenRun(876, 32));
    expect(d.regressions.map((r) => r.frame.name)).toEqual([]);
    expect(d.functions.find((r) => r.frame.name === 'get hasSubscribers')).toBeUndefined();
    expect(d.functions.find((r) => r.frame.name === 'setupListenHandle')?.blocked).toBe('bind');
  });

  it('a user callback under the wrapper that got slower is still a CPU regression', () => {
    const d = diffProfiles(listenRun(84, 0, 5), listenRun(84, 0, 400));
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['onListening']);
  });
});
