/**
 * `ciprof run` reads the profiles left at the end of the command with JSON.parse
 * (src/profile/cpuprofile-parse.ts) instead of the byte scanner: the result must be the
 * scanner's, exactly, for real profiles (the agent's, written by a real run, and the
 * mocha suite of the overhead benchmark shape), and for every damaged one either the
 * scanner's result, the scanner's error, or "scan it" (undefined). Mutants come from the
 * decoder fuzz test's mutator (test/profile/mutate.ts).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CpuProfileImporter } from '../../src/profile/cpuprofile.js';
import { parseCpuProfile } from '../../src/profile/cpuprofile-parse.js';
import { scanCpuProfile, type ScannedCpuProfile } from '../../src/profile/cpuprofile-scan.js';
import { DEFAULT_LIMITS, type DecodeLimits } from '../../src/profile/limits.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { Scratch } from '../../src/profile/scratch.js';
import { V8FrameTable } from '../../src/profile/v8-frames.js';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { mutants, type Seed } from './mutate.js';

const seeds: Seed[] = [];

beforeAll(() => {
  const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '-q', '--out', path.join(FIXTURES, '..', '..', '.cache', 'parse-test-out'), '--', process.execPath, '--test', 'test/'], { cwd: path.join(FIXTURES, 'node-test') });
  expect(r.status, r.stderr).toBe(0);
  const raw = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
  for (const n of readdirSync(raw).filter((f) => f.endsWith('.cpuprofile'))) seeds.push({ name: n, bytes: readFileSync(path.join(raw, n)) });
  rmSync(raw, { recursive: true, force: true });
  expect(seeds.length).toBeGreaterThan(0);
});

/** A plain copy: a scan points into its Scratch, which the next read reuses. */
const copy = (s: ScannedCpuProfile): ScannedCpuProfile => ({ ...s, frameOf: s.frameOf.slice(), parentOf: s.parentOf.slice(), hitCount: s.hitCount.slice(), tickNode: s.tickNode.slice(), tickTime: s.tickTime.slice() });

type Outcome = { ok: ScannedCpuProfile } | { error: string } | { deferred: true };

function read(how: 'scan' | 'parse', bytes: Uint8Array, limits: DecodeLimits = DEFAULT_LIMITS): Outcome {
  try {
    const out = how === 'scan' ? scanCpuProfile(bytes, new V8FrameTable('/repo'), limits, new Scratch()) : parseCpuProfile(bytes, new V8FrameTable('/repo'), limits, new Scratch());
    return out ? { ok: copy(out) } : { deferred: true };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('JSON.parse reader of V8 profiles', () => {
  it('reads the real profiles exactly as the scanner does, and adds them to the same profile', () => {
    for (const s of seeds) {
      const parsed = read('parse', s.bytes);
      expect(parsed, s.name).not.toEqual({ deferred: true });
      expect(parsed, s.name).toEqual(read('scan', s.bytes));
    }
    const build = (cold: boolean): unknown => {
      const importer = new CpuProfileImporter(new ProfileBuilder(), { repoRoot: '/repo' });
      for (const s of seeds) importer.addScanned(importer.scan(s.bytes, { cold }), { labels: { f: s.name } });
      return importer.builder.build();
    };
    expect(build(true)).toEqual(build(false));
  });

  it('on damaged profiles: the scanner result, its error, or a deferral to it', () => {
    let deferred = 0;
    let same = 0;
    for (const m of mutants(seeds, 3000, Number(process.env.CIPROF_FUZZ_SEED ?? 20261126))) {
      if (m.kind !== 'cpuprofile') continue;
      const parsed = read('parse', m.bytes);
      if ('deferred' in parsed) {
        deferred++;
        continue;
      }
      expect(parsed, m.how).toEqual(read('scan', m.bytes));
      same++;
    }
    expect(deferred).toBeGreaterThan(0);
    expect(same).toBeGreaterThan(0);
  });

  it('leaves to the scanner what JSON.parse reads differently: a key twice, an escape, a limit', () => {
    const base = JSON.parse(Buffer.from(seeds[0]!.bytes).toString('utf8')) as { nodes: unknown[]; startTime: number };
    const text = JSON.stringify(base);
    const cases = [
      text.replace('{"nodes":', '{"startTime":0,"nodes":'), // startTime twice: the scanner refuses
      text.replace('"functionName":"', '"functionName":"a\\u0062'), // an escape
      text.replace('{"nodes":', '{"x":[[[[[[[[[[1]]]]]]]]]],"nodes":'), // deep skipped value
    ];
    // A null or -1 where the scanner wants a number of its own range: refused by both.
    for (const t of [text.replace('"hitCount":', '"parent":-1,"hitCount":'), text.replace(/"lineNumber":-?\d+/, '"lineNumber":null'), text.replace('"hitCount":', '"children":7,"hitCount":')]) {
      expect(read('scan', Buffer.from(t))).toHaveProperty('error');
      expect(read('parse', Buffer.from(t))).not.toHaveProperty('ok');
    }
    for (const t of cases) expect(read('parse', Buffer.from(t))).toEqual({ deferred: true });
    expect(read('parse', Buffer.from(text), { ...DEFAULT_LIMITS, maxNodes: 3 })).toEqual({ deferred: true });
    expect(read('scan', Buffer.from(cases[0]!))).toMatchObject({ error: expect.stringContaining('duplicate') });
  });
});
