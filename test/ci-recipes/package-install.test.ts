/**
 * The CLI as people outside GitHub Actions install it: this repository packed with
 * `npm pack` (what the release workflow attaches to a tag), installed from the tarball into
 * a fresh project, and run there through `npx --no ciprof`, the recipes' spelling. The
 * profile it writes is read by `go tool pprof`. And the reason for `--no`: a squatter
 * published under the name `ciprof` on a (local) registry runs from a bare `npx ciprof`
 * in CI, and never from `npx --no ciprof`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasNode22, NODE22, ROOT } from '../helpers/cli.js';
import { goPprofTop } from '../helpers/go-pprof.js';
import { PACKAGE_VERSION } from './recipe-files.js';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let work: string;
let tarball: string;
let packed: string[];
let project: string;

/** npm as a user runs it: none of the npm_* settings of the `npm test` that runs us. */
function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ciprof-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  const [result] = JSON.parse(out) as PackResult[];
  tarball = join(work, result!.filename);
  packed = result!.files.map((f) => f.path);
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-ciprof', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--prefer-offline', '--save-dev', tarball], { cwd: project, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack → install the tarball → npx ciprof', () => {
  it('the tarball is named as the release URLs say and ships everything the CLI loads', () => {
    expect(tarball.endsWith(`ciprof-${PACKAGE_VERSION}.tgz`)).toBe(true);
    const cliFiles = listFiles(join(ROOT, 'dist'))
      .map((f) => relative(ROOT, f))
      .filter((f) => f !== 'dist/index.js');
    expect(cliFiles).toContain('dist/cli.js');
    expect(cliFiles).toContain('dist/agent.cjs');
    for (const f of cliFiles) expect(packed, f).toContain(f);
    expect(packed).toEqual(expect.arrayContaining(['templates/comment.md', 'templates/report.html', 'package.json', 'README.md']));
    // Neither sources nor the Action's own bundle (the Action runs from the repository).
    expect(packed.filter((f) => /^(src|test|bench|examples|\.github)\//.test(f) || f === 'dist/index.js')).toEqual([]);
  });

  it('installs as one package: dist/ is bundled, so nothing else comes from the registry', () => {
    expect(readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['ciprof']);
  });

  it('`npx --no ciprof run` keeps the exit code and writes a profile go tool pprof reads', () => {
    // Node 22 (the oldest users run) when .ci/setup installed it, for ciprof and the command.
    const path = hasNode22 ? `${dirname(NODE22)}${delimiter}${process.env.PATH}` : process.env.PATH;
    const work = 'function spin(){let s=0;for(let i=0;i<4e7;i++)s+=Math.sqrt(i);return s} spin(); process.exit(3)';
    const r = spawnSync('npx', ['--no', 'ciprof', 'run', '--out', 'o', '--', 'node', '-e', work], { cwd: project, env: npmEnv({ PATH: path }), encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(3);
    expect(existsSync(join(project, 'o/profile.pb.gz'))).toBe(true);
    const top = goPprofTop(join(project, 'o/profile.pb.gz'));
    expect(top).toMatch(/\bspin\b/);
    expect(top).toContain(hasNode22 ? 'node.version=v22.' : `node.version=${process.version}`);
  });

  it('the fork-comment recipe’s spelling runs the pinned tarball without installing it in a project', () => {
    const elsewhere = mkdtempSync(join(work, 'no-project-'));
    const r = spawnSync('npx', ['--yes', '--package', tarball, '--', 'ciprof', '--version'], { cwd: elsewhere, env: npmEnv({ npm_config_cache: join(work, 'npm-cache'), npm_config_prefer_offline: 'true' }), encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(PACKAGE_VERSION);
  });
});

/** An npm registry on loopback serving one package, `ciprof`, that is not ours. */
async function squatterRegistry(dir: string): Promise<{ url: string; requests: string[]; server: Server }> {
  const pkg = join(dir, 'squatter');
  mkdirSync(pkg);
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'ciprof', version: '9.9.9', bin: { ciprof: 'cli.js' } }));
  writeFileSync(join(pkg, 'cli.js'), "#!/usr/bin/env node\nconsole.log('SQUATTED: someone else\\'s code ran');\n");
  const [packedSquatter] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: pkg, env: npmEnv(), encoding: 'utf8' })) as PackResult[];
  const tgz = readFileSync(join(dir, packedSquatter!.filename));
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/ciprof') {
      const integrity = `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: 'ciprof', 'dist-tags': { latest: '9.9.9' }, versions: { '9.9.9': { name: 'ciprof', version: '9.9.9', bin: { ciprof: 'cli.js' }, dist: { tarball: `${base}/ciprof/-/ciprof-9.9.9.tgz`, integrity } } } }));
    } else if (req.url === '/ciprof/-/ciprof-9.9.9.tgz') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(tgz);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests, server };
}

/** npx as CI runs it: no terminal (so npx installs without asking), CI=true. */
function npxInCi(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd, env: npmEnv({ CI: 'true', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
  });
}

describe('a squatter on the registry under the name ciprof', () => {
  let registry: Awaited<ReturnType<typeof squatterRegistry>>;
  let userconfig: string;
  /**
   * npm's defaults, not this machine's ~/.npmrc (which may already say yes=false), and a
   * fresh cache per case, as on a new CI runner: the squatter must never reach the
   * machine's npm cache, and one that npx already cached would run without an install.
   */
  const env = (): NodeJS.ProcessEnv => ({ npm_config_registry: registry.url, npm_config_cache: mkdtempSync(join(work, 'cache-')), npm_config_userconfig: userconfig });

  beforeAll(async () => {
    registry = await squatterRegistry(mkdtempSync(join(work, 'registry-')));
    userconfig = join(work, 'empty-npmrc');
    writeFileSync(userconfig, '');
  });

  afterAll(async () => {
    await new Promise<void>((r) => registry.server.close(() => r()));
  });

  it('runs from a bare `npx ciprof` in a project that has not installed ciprof (the threat)', async () => {
    const bare = mkdtempSync(join(work, 'bare-'));
    writeFileSync(join(bare, 'package.json'), '{"name":"bare","version":"1.0.0","private":true}');
    const r = await npxInCi(bare, ['ciprof', 'run', '--', 'true'], env());
    expect(r.out).toContain('SQUATTED');
  });

  it('never runs from `npx --no ciprof`: npx refuses to install anything', async () => {
    const bare = mkdtempSync(join(work, 'bare-'));
    writeFileSync(join(bare, 'package.json'), '{"name":"bare","version":"1.0.0","private":true}');
    const r = await npxInCi(bare, ['--no', 'ciprof', 'run', '--', 'true'], env());
    expect(r.status).not.toBe(0);
    expect(r.out).not.toContain('SQUATTED');
    expect(r.out).toMatch(/canceled due to missing packages/);
  });

  it('`npx --no ciprof` in the project that installed the tarball runs ours and asks the registry nothing', async () => {
    registry.requests.length = 0;
    const r = await npxInCi(project, ['--no', 'ciprof', '--', '--version'], env());
    expect(r.status, r.out).toBe(0);
    expect(r.out.trim()).toBe(PACKAGE_VERSION);
    expect(registry.requests).toEqual([]);
  });
});
