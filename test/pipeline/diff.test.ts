/**
 * The baseline and diff stages read the job's earlier runs from the store along the base's
 * first-parent history (a real git repo, the local store, gzipped pprof files) and let them
 * set the machine-speed prior and the dispersion.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffWithBaseline, readHead } from '../../src/pipeline/diff.js';
import { resolveSettings, type Log } from '../../src/pipeline/settings.js';
import { openStore } from '../../src/pipeline/store.js';
import { encodePprofGzip } from '../../src/profile/gzip.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { LocalStore } from '../../src/store/local.js';

const MS = 1_000_000;
const MACHINE = { 'env.cpu': 'AMD EPYC', 'env.cores': '2', 'env.os': 'linux 6.1', 'env.node': 'v20.20.2' };
let repo: string;
const commits: string[] = [];
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();

/** 16 functions of 1,500 ms each at machine speed `speed`; `hot` scales one of them. */
function run(speed: number, hot = 1) {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (let i = 0; i < 16; i++) {
    const ms = Math.round(1500 * speed * (i === 0 ? hot : 1));
    b.addSample([b.functionId(`f${i}`, `src/f${i}.js`, 1), main], [ms, ms * MS]);
  }
  b.meta = { ...MACHINE };
  return b.build();
}

const log: Log = { info: () => undefined, notice: () => undefined, warn: (l) => expect.fail(l) };
/** `ciprof diff --base <commit> --job-key history` run in the repo (local store, local git). */
async function diffAgainst(base: string, headFile: string) {
  const s = resolveSettings({ cwd: repo, env: { PATH: process.env.PATH }, jobKey: 'history', base }, log);
  return diffWithBaseline(s, readHead(headFile), await openStore(s));
}

beforeAll(async () => {
  repo = mkdtempSync(path.join(tmpdir(), 'ciprof-history-'));
  git('init', '-q', '-b', 'main');
  const store = new LocalStore(path.join(repo, '.ciprof/store'));
  // Five commits on main, each run once on a machine of its own speed (newest last).
  for (const speed of [1, 1.1, 0.9, 1.12, 0.92]) {
    git('commit', '-q', '--allow-empty', '-m', `speed ${speed}`);
    const commit = git('rev-parse', 'HEAD');
    commits.push(commit);
    await store.put({ jobKey: 'history', commit }, encodePprofGzip(run(speed)));
  }
  git('commit', '-q', '--allow-empty', '-m', 'the PR');
  commits.push(git('rev-parse', 'HEAD'));
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('diffWithBaseline with a baseline history', () => {
  it('measures the machines\' speed scatter on the earlier runs and uses it as the prior', async () => {
    const headFile = path.join(repo, 'head.pb.gz');
    // The PR's run: a machine 10% faster than the base's, and f0 really 30% slower.
    writeFileSync(headFile, encodePprofGzip(run(0.92 * 1.1, 1.3)));
    const { report } = await diffAgainst(commits[4]!, headFile);
    const d = report.diff!;
    expect(report.base).toMatchObject({ found: true, commit: commits[4], distance: 0 });
    expect(d.noiseModel.speed).toMatchObject({ prior: 'history', historyPairs: 4 });
    // the history's machines differed by ~20% pair to pair: the prior is that wide
    expect(d.noiseModel.speed!.priorSdPct).toBeGreaterThan(12);
    expect(d.speedFactor).toBeCloseTo(1.1, 2);
    expect(d.regressions.map((r) => r.frame.name)).toEqual(['f0']);
    expect(d.regressions[0]!.adjustedPct).toBeCloseTo(30, 0);
    expect(d.improvements).toEqual([]);
  });

  it('without enough history, same-kind machines get the default prior', async () => {
    const headFile = path.join(repo, 'head2.pb.gz');
    writeFileSync(headFile, encodePprofGzip(run(1.1)));
    const { report } = await diffAgainst(commits[1]!, headFile);
    // commits[1] and [0] give one pair: too few to measure anything
    expect(report.diff!.noiseModel.speed).toMatchObject({ prior: 'same-environment', priorSdPct: 3 });
  });
});
