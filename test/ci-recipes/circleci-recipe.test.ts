/**
 * The CircleCI recipe (examples/ci/circleci-config.yml, the README's block) against what
 * CircleCI documents for config version 2.1: the shape of jobs, executors, steps and
 * workflows, the built-in environment variables and pipeline values. Then the variables
 * of a real PR build, fed to ciprof's own detection.
 */
import { describe, expect, it } from 'vitest';
import { detectCi } from '../../src/ci/detect.js';
import { RECIPES, parseYaml, read, shellVariables, withoutComments, yamlProblems } from './recipe-files.js';

/** CircleCI's built-in environment variables (circleci.com/docs/reference/variables/). */
const CIRCLECI_DOCUMENTED = new Set([
  'CI', 'CIRCLECI', 'CIRCLE_BRANCH', 'CIRCLE_BUILD_NUM', 'CIRCLE_BUILD_URL', 'CIRCLE_JOB', 'CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL',
  'CIRCLE_PR_NUMBER', 'CIRCLE_PR_REPONAME', 'CIRCLE_PR_USERNAME', 'CIRCLE_PROJECT_REPONAME', 'CIRCLE_PROJECT_USERNAME',
  'CIRCLE_PULL_REQUEST', 'CIRCLE_PULL_REQUESTS', 'CIRCLE_REPOSITORY_URL', 'CIRCLE_SHA1', 'CIRCLE_TAG', 'CIRCLE_USERNAME',
  'CIRCLE_WORKFLOW_ID', 'CIRCLE_WORKING_DIRECTORY',
]);
/** Pipeline values usable as `<< pipeline.… >>` (circleci.com/docs/reference/variables/#pipeline-values). */
const PIPELINE_VALUES = new Set(['pipeline.id', 'pipeline.number', 'pipeline.project.git_url', 'pipeline.project.type', 'pipeline.git.tag', 'pipeline.git.branch', 'pipeline.git.revision', 'pipeline.git.base_revision', 'pipeline.trigger_source']);
const EXECUTORS = ['docker', 'machine', 'macos', 'executor'];
const STEP_KEYS: Record<string, string[]> = {
  checkout: [],
  run: [],
  restore_cache: ['keys'],
  save_cache: ['key', 'paths'],
  store_artifacts: ['path'],
  store_test_results: ['path'],
  when: ['condition', 'steps'],
  unless: ['condition', 'steps'],
};

type Step = string | Record<string, unknown>;
interface Config {
  version: number;
  jobs: Record<string, Record<string, unknown> & { steps: Step[] }>;
  workflows: Record<string, { jobs: (string | Record<string, unknown>)[] }>;
}

const config = (): Config => parseYaml<Config>(RECIPES.circleci);

/** Every step, `when`/`unless` bodies included, as [type, body]. */
function allSteps(steps: Step[]): [string, Record<string, unknown>][] {
  return steps.flatMap((s): [string, Record<string, unknown>][] => {
    if (typeof s === 'string') return [[s, {}]];
    const entries = Object.entries(s);
    expect(entries, JSON.stringify(s)).toHaveLength(1);
    const [type, body] = entries[0]! as [string, Record<string, unknown> | string];
    const map = typeof body === 'string' ? { command: body } : body;
    return [[type, map], ...(type === 'when' || type === 'unless' ? allSteps(map.steps as Step[]) : [])];
  });
}

describe('CircleCI recipe', () => {
  it('is strict YAML in the version 2.1 shape: jobs with one executor and known steps, workflows naming them', () => {
    expect(yamlProblems(read(RECIPES.circleci))).toEqual([]);
    const c = config();
    expect(c.version).toBe(2.1);
    expect(Object.keys(c).sort()).toEqual(['jobs', 'version', 'workflows']);
    for (const [name, job] of Object.entries(c.jobs)) {
      expect(EXECUTORS.filter((e) => e in job), name).toHaveLength(1);
      for (const [type, body] of allSteps(job.steps)) {
        expect(STEP_KEYS[type], `unknown step ${type}`).toBeDefined();
        for (const required of STEP_KEYS[type]!) expect(body[required], `${type}.${required}`).toBeDefined();
        if (type === 'run') expect(body.command, 'run.command').toMatch(/\S/);
      }
    }
    for (const wf of Object.values(c.workflows)) for (const j of wf.jobs) expect(c.jobs[typeof j === 'string' ? j : Object.keys(j)[0]!]).toBeDefined();
  });

  it('runs on Node 24 and gets ciprof from the project, never from the registry', () => {
    const job = config().jobs.test!;
    expect((job.docker as { image: string }[])[0]!.image).toMatch(/^cimg\/node:24\.\d+$/);
    const commands = allSteps(job.steps).filter(([t]) => t === 'run').map(([, b]) => String(b.command));
    expect(commands[0]).toBe('npm ci');
    for (const m of commands.join('\n').matchAll(/npx\b[^\n]*/g)) expect(m[0]).toMatch(/^npx --no ciprof /);
  });

  it('main’s passing builds save the store; every build restores main’s newest', () => {
    const job = config().jobs.test!;
    const steps = allSteps(job.steps);
    const restore = steps.find(([t]) => t === 'restore_cache')![1] as { keys: string[] };
    const when = job.steps.find((s): s is { when: { condition: { equal: unknown[] }; steps: Step[] } } => typeof s === 'object' && 'when' in s)!;
    expect(when.when.condition.equal).toEqual(['main', '<< pipeline.git.branch >>']);
    const save = allSteps(when.when.steps).find(([t]) => t === 'save_cache')![1] as { key: string; paths: string[]; when?: string };
    expect(save.when ?? 'on_success').toBe('on_success');
    // restore_cache matches keys by prefix: the saved key must start with it.
    expect(restore.keys.some((k) => save.key.startsWith(k))).toBe(true);
    expect(save.key).toContain('{{ .Revision }}');
    expect(save.paths).toEqual(['.ciprof/store']);
    // The base it compares with is the branch that writes the baselines.
    expect(read(RECIPES.circleci)).toContain('--base origin/main --publish');
  });

  it('uses only documented variables and pipeline values, or ciprof’s own', () => {
    const text = read(RECIPES.circleci);
    for (const name of shellVariables(withoutComments(text))) expect(CIRCLECI_DOCUMENTED.has(name) || name.startsWith('CIPROF_'), name).toBe(true);
    for (const m of text.matchAll(/<<\s*([\w.]+)\s*>>/g)) expect(PIPELINE_VALUES.has(m[1]!), m[1]).toBe(true);
    expect(text.split('\n').slice(0, 5).join('\n')).toContain('CIPROF_GITHUB_TOKEN');
  });

  it('ciprof reads a PR build’s documented variables: the PR, the commit, and links to GitHub', () => {
    const ctx = detectCi(
      {
        CI: 'true',
        CIRCLECI: 'true',
        CIRCLE_SHA1: '1'.repeat(40),
        CIRCLE_BRANCH: 'feature',
        CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/19',
        CIRCLE_REPOSITORY_URL: 'git@github.com:acme/shop.git',
        CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/shop/77',
        CIRCLE_PROJECT_USERNAME: 'acme',
        CIRCLE_PROJECT_REPONAME: 'shop',
        CIRCLE_JOB: 'test',
        CIRCLE_BUILD_NUM: '77',
      },
      { git: {} },
    );
    expect(ctx).toMatchObject({ provider: 'circleci', commit: '1'.repeat(40), pr: 19, repository: 'acme/shop', serverUrl: 'https://github.com', runUrl: 'https://circleci.com/gh/acme/shop/77', jobKey: 'test' });
  });
});
