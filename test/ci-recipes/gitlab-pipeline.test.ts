/**
 * The GitLab recipe run as GitLab would run it, on a real two-commit repository: the
 * default-branch pipeline on main, its cache carried over, then the merge request
 * pipeline on the feature commit, which must post a note with the regression to a local
 * server implementing GitLab's v4 merge request notes and user endpoints. The recipe's own rules,
 * cache policy and script lines are read from examples/ci/gitlab-ci.yml and executed.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECIPES, parseYaml } from './recipe-files.js';
import { checkout, copyDir, makeOrigin, runLines, type Origin } from './pipeline-sandbox.js';

interface Rule {
  if: string;
  variables?: Record<string, string>;
}
interface Job {
  variables?: Record<string, string>;
  rules: Rule[];
  cache: { paths: string[]; policy: string };
  script: string[];
}
type Config = { workflow: { rules: Rule[] }; ciprof: Job };

const PROJECT = { CI_PROJECT_ID: '42', CI_PROJECT_PATH: 'acme/shop', CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop', CI_SERVER_URL: 'https://gitlab.example.com' };

/** GitLab's `if:` for the two forms the recipe uses: `$A == "literal"` and `$A == $B`. */
function ruleMatches(expr: string, env: Record<string, string>): boolean {
  const m = /^\$(\w+) == (?:"([^"]*)"|\$(\w+))$/.exec(expr.trim());
  if (!m) throw new Error(`rule not understood by this test: ${expr}`);
  const left = env[m[1]!];
  const right = m[2] ?? env[m[3]!];
  return left !== undefined && left === right;
}

interface Note {
  id: number;
  body: string;
  author: { id: number; username: string };
}

/** The project access token's bot user, as GitLab's GET /user answers for it. */
const BOT = { id: 77, username: 'project_42_bot' };

let work: string;
let origin: Origin;
let cacheDir: string;
let server: Server;
let apiUrl: string;
const notes: Note[] = [];
const requests: string[] = [];

/** One GitLab job of the recipe: workflow and job rules, cache restore, script, cache save. */
async function runJob(sha: string, pipelineEnv: Record<string, string>): Promise<{ ran: boolean; status: number | null; output: string }> {
  const config = parseYaml<Config>(RECIPES.gitlab);
  const env = { GITLAB_CI: 'true', CI: 'true', CI_JOB_NAME: 'ciprof', CI_COMMIT_SHA: sha, CI_DEFAULT_BRANCH: 'main', CI_API_V4_URL: apiUrl, ...PROJECT, ...pipelineEnv };
  if (!config.workflow.rules.some((r) => ruleMatches(r.if, env))) return { ran: false, status: null, output: 'no pipeline' };
  const rule = config.ciprof.rules.find((r) => ruleMatches(r.if, env));
  if (!rule) return { ran: false, status: null, output: 'job not in this pipeline' };
  const jobEnv: Record<string, string> = { ...env, ...config.ciprof.variables, ...rule.variables };
  const policy = config.ciprof.cache.policy.replace(/^\$(\w+)$/, (_m, v: string) => jobEnv[v] ?? '');
  const dir = checkout(origin, sha, mkdtempSync(join(work, 'job-')));
  const cached = config.ciprof.cache.paths[0]!;
  if (policy.includes('pull') && existsSync(cacheDir)) copyDir(cacheDir, join(dir, cached));
  // `npm ci` is the recipe's first line; node_modules is already in place (see pipeline-sandbox).
  expect(config.ciprof.script[0]).toBe('npm ci');
  const r = await runLines(config.ciprof.script.slice(1), dir, jobEnv);
  // GitLab saves the cache only after a successful job (cache:when defaults to on_success).
  if (r.status === 0 && policy.includes('push')) {
    rmSync(cacheDir, { recursive: true, force: true });
    copyDir(join(dir, cached), cacheDir);
  }
  return { ran: true, ...r };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ciprof-gitlab-'));
  origin = makeOrigin(work);
  cacheDir = join(work, 'cache');
  let next = 100;
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push(`${req.method} ${url.pathname}`);
      const json = (status: number, data: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-next-page': '' });
        res.end(JSON.stringify(data));
      };
      if (req.headers['private-token'] !== 'glpat-recipe') return json(401, { message: '401 Unauthorized' });
      if (req.method === 'GET' && url.pathname === '/api/v4/user') return json(200, BOT);
      const m = /^\/api\/v4\/projects\/42\/merge_requests\/7\/notes(?:\/(\d+))?$/.exec(url.pathname);
      if (!m) return json(404, { message: '404 Not found' });
      if (req.method === 'GET' && !m[1]) return json(200, notes.map((n) => ({ ...n, system: false })));
      const body = (JSON.parse(raw || '{}') as { body?: string }).body;
      if (!body) return json(400, { message: 'body is missing' });
      if (req.method === 'POST' && !m[1]) {
        const note = { id: next++, body, author: BOT };
        notes.push(note);
        return json(201, note);
      }
      const note = notes.find((n) => n.id === Number(m[1]));
      if (req.method === 'PUT' && note) {
        note.body = body;
        return json(200, note);
      }
      return json(404, { message: '404 Not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the GitLab recipe, run', () => {
  it('a push to a feature branch runs no pipeline (merge request pipelines only)', async () => {
    expect((await runJob(origin.feature, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature', CI_COMMIT_REF_NAME: 'feature' })).ran).toBe(false);
  });

  it('the default-branch pipeline profiles main and saves the store in the cache', async () => {
    const r = await runJob(origin.main, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' });
    expect(r.ran).toBe(true);
    expect(r.status, r.output).toBe(0);
    expect(readdirSync(join(cacheDir, 'ciprof'))).toContain(origin.main);
    expect(requests).toEqual([]);
  });

  it('the merge request pipeline finds main’s baseline in the cache and posts the note', async () => {
    const r = await runJob(origin.feature, {
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_COMMIT_REF_NAME: 'feature',
      CI_MERGE_REQUEST_IID: '7',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_MERGE_REQUEST_DIFF_BASE_SHA: origin.main,
      CIPROF_GITLAB_TOKEN: 'glpat-recipe',
    });
    expect(r.ran).toBe(true);
    expect(r.status, r.output).toBe(0);
    expect(notes, r.output).toHaveLength(1);
    const note = notes[0]!.body;
    expect(note).toContain('<!-- ciprof:ciprof -->');
    expect(note).toMatch(/slower/);
    expect(note).toContain('**hot**');
    expect(note).toContain(`(https://gitlab.example.com/acme/shop/-/blob/${origin.feature}/src/shop.js#L`);
    expect(note).toContain(`(https://gitlab.example.com/acme/shop/-/commit/${origin.main})`);
    // Merge request jobs only pull: main's cache still holds main's run alone.
    expect(readdirSync(join(cacheDir, 'ciprof'))).not.toContain(origin.feature);
    expect(r.output).not.toContain('glpat-recipe');
  });
});
