import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { runCli } from '../helpers/cli.js';
import { goPprofTotalNs } from '../helpers/go-pprof.js';
import { makeCpuProfile } from '../helpers/cpuprofile.js';

const dir = mkdtempSync(join(tmpdir(), 'ciprof-cli-'));
const a = join(dir, 'a.cpuprofile');
const b = join(dir, 'b.cpuprofile');
writeFileSync(a, JSON.stringify(makeCpuProfile([{ stack: [{ name: 'main', url: '/r/m.js' }, { name: 'alpha', url: '/r/a.js' }], us: 3000 }])));
writeFileSync(b, JSON.stringify(makeCpuProfile([{ stack: [{ name: 'main', url: '/r/m.js' }, { name: 'beta', url: '/r/b.js' }], us: 2000 }])));

describe('ciprof merge / export / top', () => {
  it('merge skips a bad file with one line naming it and merges the rest', () => {
    const bad = join(dir, 'bad.pb.gz');
    writeFileSync(bad, Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    const out = join(dir, 'merged.pb.gz');
    const r = runCli(['merge', a, bad, b, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^ciprof: warning: skipped ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: corrupt or truncated gzip.*$`, 'm'));
    expect(goPprofTotalNs(out)).toBe(5_000_000);
    expect(readProfileFile(out).functions.map((f) => f.name).sort()).toEqual(['alpha', 'beta', 'main']);
    expect(runCli(['merge', a, bad, '-o', out, '--strict']).status).toBe(1);
  });

  it('merge with no readable input fails with a clear line', () => {
    const r = runCli(['merge', join(dir, 'missing.pb.gz'), '-o', join(dir, 'x.pb.gz')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.pb\.gz: no such file/);
    expect(r.stderr).toMatch(/ciprof: error: none of the 1 input file\(s\) could be read/);
  });

  it('export collapsed and speedscope', () => {
    const collapsed = runCli(['export', a, '--format', 'collapsed']).stdout;
    expect(collapsed).toBe('main m.js:1;alpha a.js:1 3000000\n'.replace(/m\.js|a\.js/g, (m) => `/r/${m}`));
    const ss = JSON.parse(runCli(['export', a, '--format', 'speedscope']).stdout);
    expect(ss.$schema).toBe('https://www.speedscope.app/file-format-schema.json');
    expect(ss.profiles[1].endValue).toBe(3_000_000);
    const bad = runCli(['export', a, '--format', 'svg']);
    expect(bad.status).toBe(2);
  });

  it('top prints flat/cum like go tool pprof', () => {
    const r = runCli(['top', a]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Total: 3\.00ms in 1 samples/);
    expect(r.stdout).toMatch(/3\.00ms +100\.00% +100\.00% +3\.00ms +100\.00% +alpha/);
    const notProfile = join(dir, 'x.txt');
    writeFileSync(notProfile, 'hello');
    const err = runCli(['top', notProfile]);
    expect(err.status).toBe(1);
    expect(err.stderr.trim().split('\n')).toHaveLength(1);
    expect(err.stderr).toContain(notProfile);
    expect(readFileSync(a).length).toBeGreaterThan(0);
  });
});
