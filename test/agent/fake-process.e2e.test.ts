/**
 * A program that replaces the global `process` keeps its profile, its exit and its signals.
 *
 * Two failure classes from the real-world corpus:
 * - pinojs/pino's fixtures set `global.process = { __proto__: process, pid: 123456 }` for
 *   stable log lines; the agent named its files by the fake pid at exit, so 7 processes a
 *   run looked lost and overwrote one another's `123456-0-0.cpuprofile`.
 * - tapjs/signal-exit's fixtures set `global.process = null` (a library must survive it);
 *   the agent's flush at exit read `process.ppid` from the global, threw, and 3 processes a
 *   run were lost where `node --cpu-prof` wrote all of them.
 * The agent and hook bundles now bind `process` once, at load (scripts/build.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_NODE_OPTIONS, scriptDir } from '../helpers/agent-scripts.js';
import { NODE_VERSIONS } from '../helpers/cli.js';

const { dir, script } = scriptDir('ciprof-agent-fake-process-');
const fakePid = script('fake-pid.js', "global.process = { __proto__: process, pid: 123456 };\nprocess.stdout.write(`pid ${process.pid}\\n`);\nprocess.exit(0);\n");
// No process at all from the first line on; the work keeps the profiler busy for a few samples.
const nullAtExit = script('null-exit.js', "const out = process.stdout;\nglobal.process = null;\nlet sum = 0;\nfor (let i = 0; i < 3e6; i++) sum += i % 7;\nout.write(`sum ${sum}\\n`);\n");
// Dies by a signal it does not handle, with the global gone: the agent flushes, then the signal must still kill it.
const nullOnSignal = script('null-signal.js', "const own = process;\nglobal.process = null;\nsetTimeout(() => own.kill(own.pid, 'SIGTERM'), 30);\nsetTimeout(() => {}, 10000);\n");
const nodeOptions = AGENT_NODE_OPTIONS;

describe.each(NODE_VERSIONS)('$label', (node) => {
  const run = (file: string, raw?: string) =>
    spawnSync(node.bin, [file], { env: { ...process.env, NODE_OPTIONS: raw ? nodeOptions : '', CIPROF_RAW_DIR: raw ?? '' }, encoding: 'utf8', timeout: 20_000 });
  const files = (raw: string, suffix: string) => readdirSync(raw).filter((f) => f.endsWith(suffix));

  it.skipIf(!node.available)('a faked process.pid: the profile is written under the real pid, the program sees its fake', () => {
    const raw = mkdtempSync(join(dir, 'raw-'));
    const r = run(fakePid, raw);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('pid 123456\n');
    expect(files(raw, '.cpuprofile')).toEqual([`${r.pid}-0-0.cpuprofile`]);
  });

  it.skipIf(!node.available).each([
    ['exits on its own', nullAtExit],
    ['is killed by SIGTERM', nullOnSignal],
  ])('global.process set to null, then the program %s: same exit as plain, its profile written, no warning', (_how, file) => {
    const plain = run(file);
    const raw = mkdtempSync(join(dir, 'raw-'));
    const wrapped = run(file, raw);
    expect({ status: wrapped.status, signal: wrapped.signal, stdout: wrapped.stdout, stderr: wrapped.stderr }).toEqual({ status: plain.status, signal: plain.signal, stdout: plain.stdout, stderr: plain.stderr });
    expect(files(raw, '.cpuprofile')).toEqual([`${wrapped.pid}-0-0.cpuprofile`]);
    expect(files(raw, '.warnings')).toEqual([]);
  });
});
