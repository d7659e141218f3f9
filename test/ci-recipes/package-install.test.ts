/**
 * The CLI as people outside GitHub Actions install it: this repository packed with
 * `npm pack` (what the release workflow attaches to a tag), installed from the tarball into
 * a fresh project, and run there through `npx --no ciprof`, the recipes' spelling. The
 * profile it writes is read by `go tool pprof`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
