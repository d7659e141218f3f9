/**
 * `ciprof run` never changes the outcome: exit codes, death by signal, stdout, stdin
 * pass through, and a profiling failure only warns; ciprof and the command on Node 22, 24
 * and 26.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { CLI, envForNode, FIXTURES, NODE_VERSIONS, runCli } from '../helpers/cli.js';

const plain = join(FIXTURES, 'plain');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'ciprof-pass-'));

describe.each(NODE_VERSIONS)('$label', (node) => {
  const run: typeof runCli = (args, opts = {}) => runCli(args, { ...opts, node: node.bin });
  if (!node.available) it.skip('needs .ci/setup', () => undefined);
  else {
  describe('exit status pass-through', () => {
    it.each([0, 1, 2, 42])('exit code %i', (code) => {
      const r = run(['run', '--no-store', '-q', '--out', tmp(), '--', 'node', 'main.js'], { cwd: plain, env: { FIXTURE_EXIT: String(code) } });
      expect(r.status).toBe(code);
    });

    it('a command that kills itself with SIGTERM gives 143, and its profile is still written', () => {
      const out = tmp();
      const r = run(['run', '--no-store', '-q', '--out', out, '--', 'node', 'main.js'], { cwd: plain, env: { FIXTURE_SIGTERM_SELF: '1' } });
      expect(r.status).toBe(143);
      const names = readProfileFile(join(out, 'profile.pb.gz')).functions.map((f) => f.name);
      expect(names).toContain('hotA');
      expect(names).toContain('hotB');
    });

    it('SIGTERM sent to ciprof is forwarded: the command ends by it, ciprof exits 143, the profile is written', async () => {
      const out = tmp();
      const script = join(tmp(), 'busy.js');
      writeFileSync(script, "const { hotA } = require(process.argv[2]); setInterval(() => hotA(1e6), 5); console.log('ready');");
      const child = spawn(node.bin, [CLI, 'run', '--no-store', '-q', '--out', out, '--', 'node', script, join(FIXTURES, 'lib/hot.js')], {
        env: envForNode(node.bin, { ...process.env, NODE_OPTIONS: '' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(code).toBe(143);
      expect(readProfileFile(join(out, 'profile.pb.gz')).functions.map((f) => f.name)).toContain('hotA');
    });

    it('npm test: the exit status is what plain npm gives (failure, death by signal re-raised by npm)', () => {
      const project = tmp();
      const scripts = { fails: 'node -e "process.exit(4)"', killed: 'node -e "process.kill(process.pid, 15)"' };
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', private: true, scripts }));
      for (const script of Object.keys(scripts)) {
        const plainRun = spawnSync('npm', ['run', '-s', script], { cwd: project, env: envForNode(node.bin, { ...process.env, NODE_OPTIONS: '' }) });
        const r = run(['run', '--no-store', '-q', '--out', tmp(), '--', 'npm', 'run', '-s', script], { cwd: project });
        expect(r.status, script).toBe(plainRun.status ?? 128 + 15);
      }
    });

    it('command not found: 127 and one line naming it', () => {
      const r = run(['run', '--no-store', '-q', '--out', tmp(), '--', 'no-such-command-xyz']);
      expect(r.status).toBe(127);
      expect(r.stderr.trim()).toBe('ciprof: warning: command not found: no-such-command-xyz');
    });
  });

  describe('stdio pass-through', () => {
    it('stdout is the command output only (the summary goes to stderr), stdin reaches the command', () => {
      const r = run(['run', '--no-store', '--out', tmp(), '--', 'node', '-e', 'process.stdin.pipe(process.stdout)'], { input: 'hello from stdin\n' });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('hello from stdin\n');
      expect(r.stderr).toMatch(/ciprof: 1 process\(es\), 1 thread\(s\) profiled/);
    });

    it('--json: stdout is the summary JSON only; the command output goes to stderr', () => {
      const r = run(['run', '--no-store', '-q', '--json', '--out', tmp(), '--', 'node', '-e', 'console.log("out"); console.error("err")']);
      expect(r.status).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary).toMatchObject({ exitCode: 0, processes: 1, threads: 1, lostThreads: 0 });
      expect(r.stderr).toMatch(/^out$/m);
      expect(r.stderr).toMatch(/^err$/m);
    });

    it('--json with no profile written still prints one JSON document and keeps the exit code', () => {
      const blocker = join(tmp(), 'file');
      writeFileSync(blocker, 'x');
      const r = run(['run', '--no-store', '-q', '--json', '--out', join(blocker, 'out'), '--', 'node', '-e', 'console.log("out"); process.exit(3)']);
      expect(r.status).toBe(3);
      expect(JSON.parse(r.stdout)).toEqual({ exitCode: 3, profile: null });
    });

    it('a shell command line as one argument runs through the shell', () => {
      const r = run(['run', '--no-store', '-q', '--out', tmp(), '--', 'node -e "process.exit(5)" || exit 9']);
      expect(r.status).toBe(9);
    });
  });

  describe('processes that outlive the command', () => {
    it('waits (bounded) for a child still writing its profile, so it is merged, not lost', () => {
      const out = tmp();
      // The parent exits 300 ms after starting its detached child, which works 600 ms more.
      const parent = `require('child_process').spawn(process.execPath, ['-e', 'const { hotA } = require(process.argv[1]); const t = Date.now() + 900; while (Date.now() < t) hotA(1e5);', ${JSON.stringify(join(FIXTURES, 'lib/hot.js'))}], { detached: true, stdio: 'ignore' }).unref(); setTimeout(() => {}, 300);`;
      const r = run(['run', '--no-store', '--no-report', '-q', '--out', out, '--', 'node', '-e', parent]);
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8'));
      expect(summary).toMatchObject({ processes: 2, lostThreads: 0 });
      expect(readProfileFile(join(out, 'profile.pb.gz')).functions.map((f) => f.name)).toContain('hotA');
    });
  });

  describe('fail open', () => {
    it('an unwritable output directory warns in one line and keeps the exit code', () => {
      const blocker = join(tmp(), 'file');
      writeFileSync(blocker, 'not a directory');
      const r = run(['run', '--no-store', '-q', '--out', join(blocker, 'out'), '--', 'node', '-e', 'process.exit(7)']);
      expect(r.status).toBe(7);
      expect(r.stderr).toMatch(/^ciprof: warning: profile not written: .*ENOTDIR.*$/m);
    });

    it('the user NODE_OPTIONS are kept', () => {
      const r = run(['run', '--no-store', '-q', '--out', tmp(), '--', 'node', '-e', 'console.log(process.env.NODE_OPTIONS)'], {
        env: { NODE_OPTIONS: '--max-old-space-size=300' },
      });
      expect(r.stdout).toMatch(/^--max-old-space-size=300 --require .*agent\.cjs\n$/);
    });

    it('profiles are stored in the local store under the job key and commit', () => {
      const store = tmp();
      const r = run(['run', '--store-dir', store, '--job-key', 'unit', '-q', '--out', tmp(), '--', 'node', '-e', '1']);
      expect(r.status).toBe(0);
      const index = readFileSync(join(store, 'unit', 'index.jsonl'), 'utf8').trim().split('\n');
      const entry = JSON.parse(index[0]!);
      expect(entry.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(existsSync(join(store, entry.id))).toBe(true);
    });
  });
  }
});
