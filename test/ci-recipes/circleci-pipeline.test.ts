/**
 * The CircleCI recipe run step by step as CircleCI runs a job, on a real two-commit
 * repository: a build of main (saves the store in the cache), then a PR build of the
 * feature commit (restores main's newest cache by key prefix), which must comment on the
 * GitHub PR through a local stand-in checked against GitHub's OpenAPI description. The
 * steps, keys, conditions and commands are read from examples/ci/circleci-config.yml.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGithub } from '../helpers/github-server.js';
import { RECIPES, parseYaml } from './recipe-files.js';
import { checkout, copyDir, makeOrigin, runLines, type Origin } from './pipeline-sandbox.js';

type Step = string | Record<string, unknown>;
interface Config {
  jobs: { test: { steps: Step[] } };
}

let work: string;
let origin: Origin;
let gh: FakeGithub;
/** CircleCI's cache: immutable entries by key, the newest match of a prefix wins. */
const caches: { key: string; dir: string }[] = [];

interface Build {
  status: 'success' | 'failed';
  output: string;
  steps: string[];
}

/** One build of the recipe's `test` job for `sha` on `branch`, with the build's environment. */
async function build(sha: string, branch: string, extraEnv: Record<string, string> = {}): Promise<Build> {
  const { steps } = parseYaml<Config>(RECIPES.circleci).jobs.test;
  const env: Record<string, string> = {
    CI: 'true',
    CIRCLECI: 'true',
    CIRCLE_SHA1: sha,
    CIRCLE_BRANCH: branch,
    CIRCLE_JOB: 'test',
    CIRCLE_BUILD_NUM: '77',
    CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/shop/77',
    CIRCLE_REPOSITORY_URL: 'git@github.com:acme/shop.git',
    CIRCLE_PROJECT_USERNAME: 'acme',
    CIRCLE_PROJECT_REPONAME: 'shop',
    // Project settings > Environment Variables, as the recipe asks.
    CIPROF_GITHUB_TOKEN: 'ghs_recipe',
    // The one redirect: GitHub's API is the local stand-in.
    GITHUB_API_URL: gh.url,
    ...extraEnv,
  };
  const pipeline: Record<string, string> = { 'pipeline.git.branch': branch, 'pipeline.git.revision': sha };
  const template = (s: string): string => s.replace(/<<\s*([\w.]+)\s*>>/g, (_m, k: string) => pipeline[k] ?? '').replace(/\{\{\s*\.Revision\s*\}\}/g, sha);
  const dir = mkdtempSync(join(work, 'build-'));
  const done: string[] = [];
  let output = '';

  const runSteps = async (list: Step[]): Promise<boolean> => {
    for (const step of list) {
      const [type, body] = typeof step === 'string' ? [step, {}] : (Object.entries(step)[0] as [string, Record<string, unknown> | string]);
      const args = typeof body === 'string' ? { command: body } : body;
      done.push(type);
      if (type === 'checkout') checkout(origin, sha, dir);
      else if (type === 'restore_cache') {
        const keys = (args.keys as string[]).map(template);
        const hit = keys.map((k) => caches.filter((c) => c.key.startsWith(k)).at(-1)).find(Boolean);
        if (hit) copyDir(hit.dir, dir);
      } else if (type === 'run') {
        const command = String(args.command);
        // node_modules is already in place (see pipeline-sandbox); the line itself is the recipe's.
        if (command === 'npm ci') continue;
        const r = await runLines([command], dir, env);
        output += r.output;
        if (r.status !== 0) return false;
      } else if (type === 'when') {
        const cond = args.condition as { equal: string[] };
        const [a, b] = cond.equal.map((v) => template(String(v)));
        if (a === b && !(await runSteps(args.steps as Step[]))) return false;
      } else if (type === 'save_cache') {
        const key = template(String(args.key));
        if (caches.some((c) => c.key === key)) continue; // CircleCI never overwrites a key
        const saved = mkdtempSync(join(work, 'cache-'));
        for (const p of args.paths as string[]) copyDir(join(dir, p), join(saved, p));
        caches.push({ key, dir: saved });
      } else if (type === 'store_artifacts') expect(existsSync(join(dir, String(args.path)))).toBe(true);
      else throw new Error(`step ${type} not simulated`);
    }
    return true;
  };
  const ok = await runSteps(steps);
  return { status: ok ? 'success' : 'failed', output, steps: done };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ciprof-circleci-'));
  origin = makeOrigin(work);
  gh = new FakeGithub();
  await gh.start();
});

afterAll(async () => {
  await gh?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the CircleCI recipe, run', () => {
  it('a build of main profiles it, skips the comment, and saves the store under main’s key', async () => {
    const b = await build(origin.main, 'main');
    expect(b.status, b.output).toBe('success');
    expect(caches.map((c) => c.key)).toEqual([`ciprof-store-main-${origin.main}`]);
    expect(readdirSync(join(caches[0]!.dir, '.ciprof/store/test'))).toContain(origin.main);
    expect(gh.requests).toEqual([]);
  });

  it('a PR build restores main’s store, compares with origin/main and comments with links', async () => {
    const b = await build(origin.feature, 'feature', { CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/19' });
    expect(b.status, b.output).toBe('success');
    expect(gh.violations).toEqual([]);
    expect(gh.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`)).toContain('POST /repos/acme/shop/issues/19/comments');
    expect(gh.requests.every((r) => r.authorization === 'token ghs_recipe')).toBe(true);
    expect(gh.comments, b.output).toHaveLength(1);
    const comment = gh.comments[0]!.body;
    expect(comment).toContain('<!-- ciprof:test -->');
    expect(comment).toMatch(/slower/);
    expect(comment).toContain('**hot**');
    expect(comment).toContain(`(https://github.com/acme/shop/blob/${origin.feature}/src/shop.js#L`);
    expect(comment).toContain(`(https://github.com/acme/shop/commit/${origin.main})`);
    // Not main: the `when` step skipped save_cache.
    expect(caches).toHaveLength(1);
    expect(b.output).not.toContain('ghs_recipe');
  });
});
