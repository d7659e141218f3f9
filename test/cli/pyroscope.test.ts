/**
 * The built CLI (dist/cli.js; run `npm run build` first) against the local Pyroscope
 * stand-in: `ciprof run --upload` keeps the tests' exit code whatever Pyroscope does,
 * and `ciprof upload` sends what `run` wrote. Spawned asynchronously: the fake server
 * lives in this process and must keep answering while the CLI runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startFakePyroscope, type FakePyroscope } from '../helpers/pyroscope-server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Ran> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      // No CI context from the machine running the tests; CIPROF_* set per test only.
      env: { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '', CIPROF_PYROSCOPE_TOKEN: '', CIPROF_PYROSCOPE_BASIC_AUTH: '', CIPROF_PYROSCOPE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

let tmp: string;
let server: FakePyroscope;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js missing: run npm run build');
  tmp = mkdtempSync(join(tmpdir(), 'ciprof-pyro-cli-'));
  server = await startFakePyroscope();
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('ciprof run --upload', () => {
  it('server down: exit code of the tests unchanged, profile on disk, one warning line, no token', async () => {
    const port = await closedPort();
    const out = join(tmp, 'down');
    const r = await cli(
      ['run', '--no-store', '--quiet', '--out', out, '--upload', '--server', `http://127.0.0.1:${port}`, '--token', 'tok-SECRET-42', '--pyroscope-timeout', '2', '--', 'node', '-e', 'process.exitCode = 0'],
    );
    // A passing run (a failing one is never uploaded as a baseline: test/action/failing-tests).
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'profile.pb.gz'))).toBe(true);
    const warnings = r.stderr.split('\n').filter((l) => /pyroscope/i.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^ciprof: warning: Pyroscope upload failed, profile kept in .*profile\.pb\.gz: .*ECONNREFUSED/);
    expect(r.stdout + r.stderr).not.toContain('tok-SECRET-42');
  });

  it('server up: uploads after the run with CI labels, exit code still the tests\'', async () => {
    const out = join(tmp, 'up');
    const r = await cli(
      ['run', '--no-store', '--quiet', '--out', out, '--upload', '--server', server.url, '--app', 'shop', '--label', 'team=perf', '--tenant', 't1', '--',
        'node', '-e', 'let x=0; const t=Date.now(); while (Date.now()-t<150) x+=Math.sqrt(x+1); process.exit(0)'],
      { CIPROF_PYROSCOPE_TOKEN: 'env-token-9', GITHUB_ACTIONS: 'true', GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'test', GITHUB_SHA: 'd'.repeat(40), GITHUB_REF_NAME: 'main', GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_PATH: '' },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/uploaded to http:\/\/127\.0\.0\.1:\d+ \(push, app shop, commit dddddddddddd/);
    // In Actions the token is masked (::add-mask:: is consumed by the runner); nowhere else.
    expect(r.stdout).toContain('::add-mask::env-token-9');
    expect(r.stdout.replace('::add-mask::env-token-9', '') + r.stderr).not.toContain('env-token-9');
    const push = server.requests.find((q) => q.path === '/push.v1.PusherService/Push')!;
    expect(push.headers.authorization).toBe('Bearer env-token-9');
    expect(push.headers['x-scope-orgid']).toBe('t1');
    expect(server.series[0]!.labels).toMatchObject({ __name__: 'process_cpu', service_name: 'shop', commit: 'd'.repeat(40), branch: 'main', ci_provider: 'github', workflow: 'CI', job: 'test', job_key: 'CI_test', team: 'perf' });
  });

  it('failing tests: exit code unchanged, the profile stays on disk and is not uploaded (never a baseline)', async () => {
    const before = server.requests.length;
    const out = join(tmp, 'failing');
    const r = await cli(['run', '--no-store', '--quiet', '--out', out, '--upload', '--server', server.url, '--app', 'shop', '--', 'node', '-e', 'process.exit(3)']);
    expect(r.code).toBe(3);
    expect(existsSync(join(out, 'profile.pb.gz'))).toBe(true);
    expect(r.stderr.split('\n').filter((l) => /pyroscope/i.test(l))).toEqual(['ciprof: tests failed (exit 3): no comparison; not uploaded to Pyroscope']);
    expect(server.requests.length).toBe(before);
  });
});

describe('ciprof upload', () => {
  it('sends a written profile through /ingest with basic auth from the environment', async () => {
    server.series.length = 0;
    const file = join(tmp, 'up', 'profile.pb.gz');
    const r = await cli(['upload', file, '--server', server.url, '--protocol', 'ingest', '--app', 'shop', '--json'], { CIPROF_PYROSCOPE_BASIC_AUTH: 'ci:pa55word' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ protocol: 'ingest', app: 'shop', attempts: 1 });
    const ingest = server.requests.find((q) => q.path.startsWith('/ingest?'))!;
    expect(ingest.headers.authorization).toBe(`Basic ${Buffer.from('ci:pa55word').toString('base64')}`);
    expect(server.series[0]!.labels).toMatchObject({ service_name: 'shop', commit: 'd'.repeat(40), pyroscope_spy: 'nodespy' });
    expect(r.stderr).not.toContain('pa55word');
  });

  it('a 4xx is a one-line error with the status and the server message, exit 1', async () => {
    server.script.push({ status: 401, body: JSON.stringify({ code: 'unauthenticated', message: 'invalid token' }), headers: { 'content-type': 'application/json' } });
    const r = await cli(['upload', join(tmp, 'up', 'profile.pb.gz'), '--server', server.url, '--token', 'bad-token-77']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ciprof: error: Pyroscope rejected the upload: .*answered HTTP 401: unauthenticated: invalid token/);
    expect(r.stderr).not.toContain('bad-token-77');
  });
});

describe('ciprof diff --store pyroscope', () => {
  it('finds the base commit\'s profile in Pyroscope, walking back to the nearest ancestor', async () => {
    const repo = join(tmp, 'repo');
    const git = (...a: string[]): string => execFileSync('git', a, { cwd: repo, encoding: 'utf8' }).trim();
    execFileSync('git', ['init', '-q', repo]);
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'no profile here');
    const next = git('rev-parse', 'HEAD');
    const work = 'let x=0; const t=Date.now(); while (Date.now()-t<150) x+=Math.sqrt(x+1)';
    const env = { CIPROF_JOB_KEY: 'unit' };
    // Base profile uploaded from the base commit (commit label forced through the file's metadata).
    git('checkout', '-q', base);
    expect((await cli(['run', '--no-store', '--quiet', '--out', join(repo, 'base'), '--upload', '--server', server.url, '--app', 'shop', '--', 'node', '-e', work], env, repo)).code).toBe(0);
    git('checkout', '-q', next);
    expect((await cli(['run', '--no-store', '--quiet', '--out', join(repo, 'head'), '--', 'node', '-e', work], env, repo)).code).toBe(0);
    const r = await cli(['diff', '--base', next, '--head', join(repo, 'head', 'profile.pb.gz'), '--store', 'pyroscope', '--server', server.url, '--app', 'shop', '--json'], env, repo);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(JSON.stringify(report)).toContain(base);
    expect(report.base).toMatchObject({ found: true, commit: base, wanted: next, distance: 1, store: 'pyroscope' });
    const queries = server.requests.filter((q) => q.path === '/querier.v1.QuerierService/SelectMergeProfile');
    expect(queries.length).toBeGreaterThanOrEqual(2); // next (nothing), then base (time + samples)
  });
});
