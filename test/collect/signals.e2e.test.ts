/**
 * Signals reach the command once, whether they were sent to ciprof alone (`kill <pid>`)
 * or to its whole process group (Ctrl-C, a cancelled CI job: `kill -INT -<pgid>`): a
 * command that shuts down gracefully (exit 0) on the first signal and is forced out
 * (exit 99) by a second keeps its 0; one without a handler dies by the signal (128+n)
 * with its profile written. ciprof runs here as the leader of a process group of its
 * own (detached), as in a terminal or a CI step.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { CLI, envForNode, FIXTURES, NODE_VERSIONS, ROOT } from '../helpers/cli.js';

const project = join(FIXTURES, 'signals');

/** Starts `ciprof run -- node <script>` in a new process group, sends `signal` to `target` once the script is ready. */
async function signalled(node: string, script: string, signal: NodeJS.Signals, target: 'ciprof' | 'group'): Promise<{ code: number | null; out: string }> {
  const out = mkdtempSync(join(tmpdir(), 'ciprof-signals-'));
  const ciprof = spawn(node, [CLI, 'run', '--no-store', '--no-report', '-q', '--out', out, '--', 'node', script], {
    cwd: project,
    env: { ...envForNode(node), NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  ciprof.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    ciprof.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    ciprof.on('close', () => reject(new Error(`ciprof ended before the command was ready: ${stderr}`)));
  });
  process.kill(target === 'group' ? -ciprof.pid! : ciprof.pid!, signal);
  const code = await new Promise<number | null>((resolve) => ciprof.on('close', (c) => resolve(c)));
  return { code, out };
}

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available).each(['group', 'ciprof'] as const)('signal sent to the %s', (target) => {
    it.each(['SIGINT', 'SIGTERM'] as const)('%s reaches a graceful command once: exit 0 stays 0', async (signal) => {
      const { code } = await signalled(node.bin, 'graceful.js', signal, target);
      expect(code).toBe(0);
    });

    it.each([
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const)('%s kills a command without a handler: exit %i, profile written', async (signal, exitCode) => {
      const { code, out } = await signalled(node.bin, 'busy.js', signal, target);
      expect(code).toBe(exitCode);
      const names = readProfileFile(join(out, 'profile.pb.gz')).functions.map((f) => f.name);
      if (signal === 'SIGTERM') expect(names).toContain('hotA'); // SIGINT is not caught by the agent: nothing to flush
    });
  });
});

/**
 * The agent's own SIGTERM handling, on a process that handles SIGTERM itself in the ways
 * real programs do: same output, same end, and the profile written.
 */
describe.each(NODE_VERSIONS)('$label: agent and a program’s own SIGTERM handling', (node) => {
  it.skipIf(!node.available).each(['signal-exit', 'once-reraise', 'graceful', 'self', 'external'])('%s: same output and exit as without the agent', (mode) => {
    const run = (env: NodeJS.ProcessEnv) => spawnSync(node.bin, ['handlers.js', mode], { cwd: project, env: { ...process.env, NODE_OPTIONS: '', ...env }, encoding: 'utf8' });
    const plain = run({});
    const raw = mkdtempSync(join(tmpdir(), 'ciprof-agent-signals-'));
    const profiled = run({ NODE_OPTIONS: `--require ${join(ROOT, 'dist/agent.cjs')}`, CIPROF_RAW_DIR: raw });
    expect({ status: profiled.status, signal: profiled.signal, stdout: profiled.stdout, stderr: profiled.stderr }).toEqual({ status: plain.status, signal: plain.signal, stdout: plain.stdout, stderr: plain.stderr });
    expect(plain.stdout).not.toContain('still alive');
    expect(readdirSync(raw).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(1);
  });
});
