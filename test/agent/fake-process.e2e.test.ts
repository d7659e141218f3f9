/**
 * A program that replaces the global `process` keeps its profile under its real pid.
 * Failure class from the real-world corpus: pinojs/pino's fixtures set
 * `global.process = { __proto__: process, pid: 123456 }` for stable log lines; the agent
 * named its files by the fake pid at exit, so 7 processes a run looked lost and overwrote
 * one another's `123456-0-0.cpuprofile`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_NODE_OPTIONS, scriptDir } from '../helpers/agent-scripts.js';
import { NODE_VERSIONS } from '../helpers/cli.js';

const { dir, script } = scriptDir('ciprof-agent-fake-process-');
const fixture = script('fake-pid.js', "global.process = { __proto__: process, pid: 123456 };\nprocess.stdout.write(`pid ${process.pid}\\n`);\nprocess.exit(0);\n");
const nodeOptions = AGENT_NODE_OPTIONS;

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)('a faked process.pid: the profile is written under the real pid, the program sees its fake', () => {
    const raw = mkdtempSync(join(dir, 'raw-'));
    const r = spawnSync(node.bin, [fixture], { env: { ...process.env, NODE_OPTIONS: nodeOptions, CIPROF_RAW_DIR: raw }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('pid 123456\n');
    expect(readdirSync(raw).filter((f) => f.endsWith('.cpuprofile'))).toEqual([`${r.pid}-0-0.cpuprofile`]);
  });
});
