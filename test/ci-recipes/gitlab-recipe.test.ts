/**
 * The GitLab recipe (examples/ci/gitlab-ci.yml, the README's block) against what GitLab
 * documents: the keywords and their shapes, the predefined variables, merge request
 * pipelines, and the cache rules that decide whether an MR job sees main's baselines.
 * Then the variables a real MR pipeline sets, fed to ciprof's own detection.
 */
import { describe, expect, it } from 'vitest';
import { detectCi } from '../../src/ci/detect.js';
import { RECIPES, parseYaml, read, shellVariables, withoutComments, yamlProblems } from './recipe-files.js';

/**
 * GitLab's predefined CI/CD variables used by the recipe or by ciprof on GitLab
 * (docs.gitlab.com/ci/variables/predefined_variables/), plus GIT_DEPTH (git strategy,
 * docs.gitlab.com/ci/runners/configure_runners/#shallow-cloning).
 */
const GITLAB_DOCUMENTED = new Set([
  'CI', 'GITLAB_CI', 'CI_API_V4_URL', 'CI_COMMIT_BRANCH', 'CI_COMMIT_REF_NAME', 'CI_COMMIT_SHA', 'CI_DEFAULT_BRANCH',
  'CI_JOB_NAME', 'CI_JOB_URL', 'CI_MERGE_REQUEST_DIFF_BASE_SHA', 'CI_MERGE_REQUEST_IID', 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME',
  'CI_MERGE_REQUEST_TARGET_BRANCH_NAME', 'CI_PIPELINE_ID', 'CI_PIPELINE_NAME', 'CI_PIPELINE_SOURCE', 'CI_PIPELINE_URL',
  'CI_PROJECT_ID', 'CI_PROJECT_PATH', 'CI_PROJECT_URL', 'CI_RUNNER_DESCRIPTION', 'CI_RUNNER_EXECUTABLE_ARCH', 'CI_SERVER_URL',
  'GIT_DEPTH',
]);
/** Keywords that are not jobs at the top level of .gitlab-ci.yml. */
const GLOBAL_KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script']);
const JOB_KEYWORDS = new Set(['image', 'variables', 'rules', 'cache', 'script', 'before_script', 'after_script', 'artifacts', 'stage', 'needs', 'tags', 'services', 'timeout', 'interruptible']);
const CACHE_POLICIES = new Set(['pull', 'push', 'pull-push']);

interface Rule {
  if?: string;
  variables?: Record<string, string>;
}
interface Job {
  image: string;
  variables?: Record<string, string>;
  rules?: Rule[];
  cache: { key: string; paths: string[]; policy?: string; unprotect?: boolean; when?: string };
  script: string[];
  artifacts?: { when?: string; paths: string[]; expire_in?: string };
}
type Config = { workflow: { rules: Rule[] } } & Record<string, unknown>;

const MR_RULE = /^\$CI_PIPELINE_SOURCE == "merge_request_event"$/;
const DEFAULT_BRANCH_RULE = /^\$CI_COMMIT_BRANCH == \$CI_DEFAULT_BRANCH$/;

const config = (): Config => parseYaml<Config>(RECIPES.gitlab);
const jobs = (c: Config): [string, Job][] => Object.entries(c).filter(([k]) => !GLOBAL_KEYWORDS.has(k)) as [string, Job][];

describe('GitLab recipe', () => {
  it('is strict YAML with one job of known keywords, a script and an image', () => {
    expect(yamlProblems(read(RECIPES.gitlab))).toEqual([]);
    const all = jobs(config());
    expect(all.map(([name]) => name)).toEqual(['ciprof']);
    for (const [name, job] of all) {
      for (const key of Object.keys(job)) expect(JOB_KEYWORDS.has(key), `${name}.${key}`).toBe(true);
      expect(job.image).toMatch(/^node:24\b/);
      expect(job.script.every((l) => typeof l === 'string')).toBe(true);
    }
  });

  it('runs as merge request pipelines and on the default branch, nothing else', () => {
    const c = config();
    expect(c.workflow.rules.map((r) => r.if)).toEqual([expect.stringMatching(MR_RULE), expect.stringMatching(DEFAULT_BRANCH_RULE)]);
    for (const [, job] of jobs(c)) expect(job.rules?.map((r) => r.if)).toEqual([expect.stringMatching(MR_RULE), expect.stringMatching(DEFAULT_BRANCH_RULE)]);
  });

  it('MR jobs can read the default branch’s baselines and cannot write them', () => {
    const [, job] = jobs(config())[0]!;
    // Protected (default branch) and unprotected (MR) pipelines share the cache only so.
    expect(job.cache.unprotect).toBe(true);
    expect(job.cache.paths).toEqual(['.ciprof/store/']);
    expect(job.cache.when ?? 'on_success').toBe('on_success'); // a failed test run saves no cache
    const policyOf = (rule: RegExp): string => {
      const r = job.rules!.find((x) => rule.test(x.if ?? ''))!;
      const policy = job.cache.policy ?? 'pull-push';
      return policy.startsWith('$') ? String(r.variables?.[policy.slice(1)]) : policy;
    };
    expect(policyOf(MR_RULE)).toBe('pull');
    expect(policyOf(DEFAULT_BRANCH_RULE)).toBe('pull-push');
    for (const rule of [MR_RULE, DEFAULT_BRANCH_RULE]) expect(CACHE_POLICIES.has(policyOf(rule))).toBe(true);
  });

  it('clones the full history and compares with the MR’s diff base, only in MR pipelines', () => {
    const [, job] = jobs(config())[0]!;
    expect(job.variables?.GIT_DEPTH).toBe('0');
    const script = job.script.join('\n');
    expect(script).toMatch(/^npm ci$/m);
    expect(script).toMatch(/^npx --no ciprof run -- /m);
    expect(script).toMatch(/if \[ "\$CI_PIPELINE_SOURCE" = "merge_request_event" \]; then\n\s+npx --no ciprof diff --base "\$CI_MERGE_REQUEST_DIFF_BASE_SHA" --publish\n\s*fi/);
    expect(job.artifacts).toMatchObject({ when: 'always', paths: ['.ciprof/'] });
  });

  it('uses only variables GitLab documents, ciprof’s own, or its own', () => {
    const text = read(RECIPES.gitlab);
    const [, job] = jobs(config())[0]!;
    const own = new Set([...Object.keys(job.variables ?? {}), ...job.rules!.flatMap((r) => Object.keys(r.variables ?? {}))]);
    for (const name of shellVariables(withoutComments(text))) {
      expect(GITLAB_DOCUMENTED.has(name) || own.has(name) || name.startsWith('CIPROF_'), name).toBe(true);
    }
    // The token the note needs is named where people read first.
    expect(text.split('\n').slice(0, 6).join('\n')).toContain('CIPROF_GITLAB_TOKEN');
  });

  it('ciprof reads a merge request pipeline’s documented variables as this MR', () => {
    const ctx = detectCi(
      {
        GITLAB_CI: 'true',
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_COMMIT_SHA: 'e'.repeat(40),
        CI_COMMIT_REF_NAME: 'feature',
        CI_MERGE_REQUEST_IID: '7',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_MERGE_REQUEST_DIFF_BASE_SHA: 'f'.repeat(40),
        CI_PROJECT_PATH: 'acme/shop',
        CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
        CI_SERVER_URL: 'https://gitlab.example.com',
        CI_JOB_NAME: 'ciprof',
      },
      { git: {} },
    );
    expect(ctx).toMatchObject({ provider: 'gitlab', pr: 7, baseCommit: 'f'.repeat(40), baseBranch: 'main', serverUrl: 'https://gitlab.example.com', repository: 'acme/shop', jobKey: 'ciprof' });
  });
});
