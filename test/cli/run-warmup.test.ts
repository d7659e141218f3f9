/**
 * `ciprof run` as a process, with the JIT warm-up (src/pipeline/warmup.ts) running while the
 * command runs: the command's stdout and stderr come through byte for byte, the exit code
 * is the command's even when the warm-up fails, and it leaves nothing in --out or the temp
 * directory beyond what a run without it leaves. Its events are traced to a file
 * (CIPROF_WARMUP_TRACE) to show it ran; CIPROF_WARMUP=1 runs it on a busy machine too (it is
 * off by default). No timing is asserted.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-warmup-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Long enough for the warm-up to start (it waits 400 ms), with output on both streams.
const SCRIPT = "process.stdout.write('out \\u00e9\\n'); process.stderr.write('err line\\n'); setTimeout(() => { process.stdout.write('bye\\n'); process.exit(3); }, 1500);";

function run(name: string, env: NodeJS.ProcessEnv): { status: number | null; stdout: string; commandStderr: string; out: string[]; tmp: string[]; trace: string[] } {
  const tmp = path.join(dir, `${name}-tmp`);
  mkdirSync(tmp);
  const out = path.join(dir, `${name}-out`);
  const trace = path.join(dir, `${name}.trace`);
  const r = runCli(['run', '-q', '--no-store', '--out', out, '--', 'node', '-e', SCRIPT], { cwd: dir, env: { TMPDIR: tmp, CIPROF_WARMUP: '1', CIPROF_WARMUP_TRACE: trace, ...env } });
  return {
    status: r.status,
    stdout: r.stdout,
    commandStderr: r.stderr
      .split('\n')
      .filter((l) => !l.startsWith('ciprof:'))
      .join('\n'),
    out: existsSync(out) ? readdirSync(out).sort() : [],
    // The compile cache lives there too (outside CI); the raw directory is removed in the background.
    tmp: readdirSync(tmp).filter((n) => n.startsWith('ciprof-warmup-')),
    trace: existsSync(trace) ? readFileSync(trace, 'utf8').trim().split('\n') : [],
  };
}

describe('ciprof run with the warm-up', () => {
  it('runs during the command and changes nothing the command or the user sees', () => {
    const on = run('on', {});
    expect(on.trace[0]).toBe('start');
    expect(on.trace).toContain('stage:gather');
    expect(['done', 'stopped']).toContain(on.trace.at(-1));
    expect(on.status).toBe(3);
    expect(on.stdout).toBe('out \u00e9\nbye\n');
    expect(on.commandStderr).toBe('err line\n');
    expect(on.out).toEqual(['profile.json', 'profile.pb.gz', 'report.html']);
    expect(on.tmp).toEqual([]);

    // Off by default (pipeline/warmup-switch.ts), and when turned off.
    for (const [name, value] of [['default', undefined], ['off', '0']] as const) {
      const off = run(name, { CIPROF_WARMUP: value });
      expect(off.trace).toEqual([]);
      expect(off.status).toBe(3);
      expect(off.stdout).toBe(on.stdout);
      expect(off.commandStderr).toBe(on.commandStderr);
      expect(off.out).toEqual(on.out);
    }
  });

  it('a failing warm-up costs nothing: same exit code, same output, same files', () => {
    const r = run('fault', { CIPROF_WARMUP_FAULT: 'scan' });
    expect(r.trace.at(-1)).toBe('error warm-up fault injected at scan');
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('out \u00e9\nbye\n');
    expect(r.commandStderr).toBe('err line\n');
    expect(r.out).toEqual(['profile.json', 'profile.pb.gz', 'report.html']);
    expect(r.tmp).toEqual([]);
  });

  it('a command shorter than its delay does not start it (or stops it)', () => {
    const tmp = path.join(dir, 'short-tmp');
    mkdirSync(tmp);
    const trace = path.join(dir, 'short.trace');
    const r = runCli(['run', '-q', '--no-store', '--out', path.join(dir, 'short-out'), '--', 'node', '-e', 'process.exit(5)'], { cwd: dir, env: { TMPDIR: tmp, CIPROF_WARMUP: '1', CIPROF_WARMUP_TRACE: trace } });
    expect(r.status).toBe(5);
    // Not started on any machine where `node -e` starts within the delay; never left running.
    if (existsSync(trace)) expect(['done', 'stopped']).toContain(readFileSync(trace, 'utf8').trim().split('\n').at(-1));
  });
});
