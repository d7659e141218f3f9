/**
 * `ciprof run` keeps secrets where they belong. The test command's environment is the
 * user's minus ciprof's own credentials and the Actions runtime's (a real node child prints
 * what it got), and a secret written into the command line (`API_KEY=... node ...`,
 * `--token=...`, `--password ...`, `https://user:pass@host`) is recorded as *** everywhere
 * the command is recorded: profile.json (command, meta, each process's argv), the pprof
 * comments, report.html and the profile Pyroscope receives.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { CLI, envForNode, NODE_VERSIONS, ROOT } from '../helpers/cli.js';
import { startFakePyroscope, type FakePyroscope } from '../helpers/pyroscope-server.js';

const INLINE = ['apikey-77f1', 'tok-77f1', 'pw-77f1', 'urlpass-77f1'];
const OWN: Record<string, string> = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-77f1',
  ACTIONS_RESULTS_URL: 'https://results.example/77f1/',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-77f1',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/77f1',
  'INPUT_GITHUB-TOKEN': 'input-77f1',
  CIPROF_GITHUB_TOKEN: 'ciprof-gh-77f1',
  CIPROF_GITLAB_TOKEN: 'ciprof-gl-77f1',
  CIPROF_PYROSCOPE_TOKEN: 'ciprof-pyro-77f1',
};
/** The child prints the environment it got, as JSON, on one line. */
const PRINT_ENV = 'console.log(JSON.stringify(process.env))';

let dir: string;
let pyro: FakePyroscope;

/** The CLI on `node` (its directory first on PATH, as for a user on that Node). */
function cli(node: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [CLI, ...args], {
      cwd: ROOT,
      env: { ...envForNode(node), NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '', CIPROF_PYROSCOPE_URL: '', CIPROF_PYROSCOPE_BASIC_AUTH: '', ...OWN, MY_SETTING: 'kept', NPM_TOKEN: 'users-own-npm' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-secrets-'));
  pyro = await startFakePyroscope();
});
afterAll(async () => {
  await pyro?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(NODE_VERSIONS)('$label', (node) => {
  describe.skipIf(!node.available)('ciprof run and secrets', () => {
    it('the command gets the user\'s environment without ciprof\'s and the Actions runtime\'s secrets', async () => {
      const r = await cli(node.bin, ['run', '--no-store', '-q', '--no-report', '--out', path.join(dir, `env-${node.major}`), '--', node.bin, '-e', PRINT_ENV]);
      expect(r.code, r.stderr).toBe(0);
      const env = JSON.parse(r.stdout.trim()) as Record<string, string>;
      expect(Object.keys(env).filter((k) => k in OWN)).toEqual([]);
      expect(env.MY_SETTING).toBe('kept');
      expect(env.NPM_TOKEN).toBe('users-own-npm');
      expect(env.NODE_OPTIONS).toMatch(/agent\.cjs/);
    });

    it('a shell line with inline secrets is recorded redacted in profile.json, pprof, report.html and the Pyroscope upload', async () => {
      const out = path.join(dir, `shell-${node.major}`);
      const line = `API_KEY=${INLINE[0]} ${node.bin} -e "1" -- --token=${INLINE[1]} --password ${INLINE[2]} https://user:${INLINE[3]}@example.com`;
      const r = await cli(node.bin, ['run', '--no-store', '-q', '--out', out, '--upload', '--server', pyro.url, '--app', 'shop', '--', line]);
      expect(r.code, r.stderr).toBe(0);
      const recorded = `API_KEY=*** ${node.bin} -e "1" -- --token=*** --password *** https://***@example.com`;

      const json = readFileSync(path.join(out, 'profile.json'), 'utf8');
      const summary = JSON.parse(json) as { command: string[]; meta: Record<string, string>; threadsDetail: { argv: string[] }[] };
      expect(summary.command).toEqual([recorded]);
      expect(summary.meta.command).toBe(recorded);
      // Each process's own argv (the agent records its first arguments) is redacted too.
      expect(summary.threadsDetail[0]!.argv).toContain('--token=***');

      const pprof = gunzipSync(readFileSync(path.join(out, 'profile.pb.gz'))).toString('latin1');
      expect(readProfileFile(path.join(out, 'profile.pb.gz')).meta.command).toBe(recorded);
      const html = readFileSync(path.join(out, 'report.html'), 'utf8');
      expect(html).toContain('API_KEY=***');

      expect(pyro.series.length).toBeGreaterThan(0);
      const uploaded = JSON.stringify(pyro.series);
      expect(uploaded).toContain('API_KEY=***');
      for (const s of [...INLINE, ...Object.values(OWN)]) {
        for (const [where, text] of [['profile.json', json], ['pprof', pprof], ['report.html', html], ['Pyroscope', uploaded], ['stderr', r.stderr]]) expect(text, `${s} in ${where}`).not.toContain(s);
      }
    });

    it('an argv with `--token value` split over two words is recorded redacted', async () => {
      const out = path.join(dir, `argv-${node.major}`);
      const r = await cli(node.bin, ['run', '--no-store', '-q', '--no-report', '--out', out, '--', node.bin, '-e', '1', '--', '--token', INLINE[1]!, `https://user:${INLINE[3]}@example.com`]);
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(readFileSync(path.join(out, 'profile.json'), 'utf8')) as { command: string[] };
      expect(summary.command).toEqual([node.bin, '-e', '1', '--', '--token', '***', 'https://***@example.com']);
    });
  });
});
