/**
 * Bad files in the raw directory under the real CLI: the test command itself writes them
 * there (it has CIPROF_RAW_DIR, as any test could), and the run still ends with the
 * command's own exit code, the good profiles merged, and one warning line per bad file.
 * And `npm test`: the npm process is profiled and labelled a launcher.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip, gunzipSync } from 'node:zlib';
import { Profile as PprofProfile } from 'pprof-format';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { LAUNCHER_ROLE, PROCESS_ROLE_LABEL } from '../../src/profile/roles.js';
import { makeCpuProfile } from '../helpers/cpuprofile.js';
import { runCli } from '../helpers/cli.js';

/** A V8 profile whose nodes form a parent cycle (2 -> 3 -> 2): it killed V8 (exit 133). */
function cyclicProfile(): string {
  const cpu = makeCpuProfile([{ stack: [{ name: 'a', url: '/x/a.js' }, { name: 'b', url: '/x/b.js' }], us: 1000 }]);
  cpu.nodes[0]!.children = [];
  cpu.nodes[2]!.children = [2];
  return JSON.stringify(cpu);
}

/** gzip that inflates to `mb` MB of empty pprof strings (field 6, length 0): 448 MB came from 446 KB. */
async function stringBomb(mb: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, Buffer.from([0x32, 0x00]));
  const gz = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gz.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => gz.on('end', resolve));
  for (let i = 0; i < mb; i++) if (!gz.write(chunk)) await new Promise((resolve) => gz.once('drain', resolve));
  gz.end();
  await done;
  return Buffer.concat(parts);
}

const script = (exitCode: number): string => `
const fs = require('node:fs');
const path = require('node:path');
const raw = process.env.CIPROF_RAW_DIR;
fs.writeFileSync(path.join(raw, '900001-0-0.cpuprofile'), ${JSON.stringify(cyclicProfile())});
fs.writeFileSync(path.join(raw, '900002-0-0.cpuprofile'), '{"nodes": [ {"id": 1, "callFrame": ');
fs.copyFileSync('bomb448.gz', path.join(raw, '900003-0-0.cpuprofile'));
fs.copyFileSync('bomb100.gz', path.join(raw, '900004-0-0.cpuprofile'));
function keepBusy() { let s = 0; for (let i = 0; i < 3e7; i++) s += i % 7; return s; }
keepBusy();
process.exitCode = ${exitCode};
`;

describe('ciprof run with bad files in the raw directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-badraw-'));
  beforeAll(async () => {
    const big = await stringBomb(448);
    expect(big.length).toBeLessThan(600_000);
    writeFileSync(join(dir, 'bomb448.gz'), big);
    writeFileSync(join(dir, 'bomb100.gz'), await stringBomb(100));
  });

  it.each([0, 3])('keeps exit code %i, merges the good profile, one line per bad file', (code) => {
    writeFileSync(join(dir, 'main.js'), script(code));
    const out = join(dir, `out${code}`);
    const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', process.execPath, 'main.js'], { cwd: dir });
    expect(r.status, r.stderr).toBe(code);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('ciprof: warning:'));
    expect(warnings.find((w) => w.includes('900001-0-0.cpuprofile'))).toMatch(/parent cycle through node/);
    expect(warnings.find((w) => w.includes('900002-0-0.cpuprofile'))).toMatch(/invalid JSON/);
    expect(warnings.find((w) => w.includes('900003-0-0.cpuprofile'))).toMatch(/decompresses to more than 134217728 bytes/);
    expect(warnings.find((w) => w.includes('900004-0-0.cpuprofile'))).toMatch(/more than 1000000 strings/);
    expect(warnings.filter((w) => !/^ciprof: warning: per-test attribution/.test(w)), warnings.join("\n")).toHaveLength(4);
    expect(readProfileFile(join(out, 'profile.pb.gz')).functions.map((f) => f.name)).toContain('keepBusy');
  });
});

describe('ciprof run -- npm test', () => {
  it('profiles the npm process and labels its samples process_role=launcher', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ciprof-npm-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'launcher-fixture', private: true, scripts: { test: 'node work.js' } }));
    writeFileSync(join(dir, 'work.js'), 'function suiteWork() { let s = 0; for (let i = 0; i < 3e7; i++) s += i % 7; return s; }\nsuiteWork();\n');
    const out = join(dir, 'out');
    const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', 'npm', 'test', '--silent'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { threadsDetail: { pid: number; role?: string; argv: string[] }[] };
    const launchers = summary.threadsDetail.filter((t) => t.role === LAUNCHER_ROLE);
    expect(launchers.map((t) => t.argv[0])).toEqual([expect.stringMatching(/npm(-cli\.js)?$/)]);
    // Read back with pprof-format, as other pprof tools see it.
    const raw = PprofProfile.decode(gunzipSync(readFileSync(join(out, 'profile.pb.gz'))));
    const str = (i: number | bigint): string => raw.stringTable.strings[Number(i)]!;
    const roleOf = (s: (typeof raw.sample)[number]): string | undefined => {
      const l = s.label.find((x) => str(x.key) === PROCESS_ROLE_LABEL);
      return l ? str(l.str) : undefined;
    };
    const pidOf = (s: (typeof raw.sample)[number]): number => Number(s.label.find((x) => str(x.key) === 'pid')!.num);
    expect(raw.sample.some((s) => roleOf(s) === LAUNCHER_ROLE)).toBe(true);
    for (const s of raw.sample) expect(roleOf(s) === LAUNCHER_ROLE).toBe(pidOf(s) === launchers[0]!.pid);
    const profile = readProfileFile(join(out, 'profile.pb.gz'));
    const work = profile.samples.filter((s) => s.stack.some((id) => profile.functions[id]!.name === 'suiteWork'));
    expect(work.length).toBeGreaterThan(0);
    expect(work.every((s) => s.labels[PROCESS_ROLE_LABEL] === undefined)).toBe(true);
  });
});
