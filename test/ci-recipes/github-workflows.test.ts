/**
 * Every GitHub workflow people copy (examples/ci/, the README's blocks) or this repository
 * runs (.github/workflows/), checked as GitHub checks them: strict YAML, then GitHub's own
 * workflow parser and schema (@actions/workflow-parser), expressions included. Then what a
 * schema cannot know: complete files, current action majors, pins, and the names two
 * workflows must agree on.
 */
import { describe, expect, it } from 'vitest';
import { workflowErrors } from '../helpers/actions-workflow-parser.js';
import { ACTION_REF, GITHUB_WORKFLOWS, RECIPES, TARBALL_URL, parseYaml, read, withoutComments, yamlProblems } from './recipe-files.js';

/**
 * The current major of each action used, late 2026: all run on node24 (checkout v7 and
 * setup-node v7 from mid 2026, upload-artifact v7, download-artifact v8). A Node 20 major
 * (v4 and older) no longer runs on GitHub's runners.
 */
const CURRENT_MAJOR: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  name?: string;
  on?: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; strategy?: { matrix?: Record<string, unknown[]> } }>;
}

const steps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((j) => j.steps);

describe.each(GITHUB_WORKFLOWS)('%s', (file) => {
  const text = read(file);
  let parsed: Workflow | undefined;
  const workflow = (): Workflow => (parsed ??= parseYaml<Workflow>(file));

  it('is valid YAML and valid under GitHub’s workflow schema', async () => {
    expect(yamlProblems(text)).toEqual([]);
    expect(await workflowErrors(file, text)).toEqual([]);
  });

  it('is a complete file: a name, triggers, and explicit least permissions', () => {
    const wf = workflow();
    expect(wf.name).toMatch(/\S/);
    expect(wf.on).toBeDefined();
    expect(wf.permissions).toBeTypeOf('object');
    expect(Object.values(wf.permissions!).every((p) => p === 'read' || p === 'write')).toBe(true);
  });

  it('uses the current major of every actions/* step, and Node 24 (or a 22/24/26 matrix)', () => {
    const wf = workflow();
    for (const s of steps(wf)) {
      const m = /^(actions\/[a-z-]+)@(.+)$/.exec(s.uses ?? '');
      if (!m) continue;
      expect(CURRENT_MAJOR[m[1]!], `${m[1]} is not a known action`).toBeDefined();
      expect(`${m[1]}@${m[2]}`).toBe(`${m[1]}@${CURRENT_MAJOR[m[1]!]}`);
      if (m[1] === 'actions/setup-node') {
        const version = String(s.with?.['node-version']);
        if (version.includes('matrix.')) {
          const matrixValues = Object.values(wf.jobs).flatMap((j) => j.strategy?.matrix?.node ?? []);
          expect(matrixValues).toEqual([22, 24, 26]);
        } else expect(version).toBe('24');
      }
    }
  });

  it('gets ciprof only pinned to this repository’s release, never by a registry name', () => {
    const code = withoutComments(text);
    for (const s of steps(workflow())) if (s.uses && /ciprof/.test(s.uses)) expect(s.uses).toBe(ACTION_REF);
    for (const m of code.matchAll(/npx\b[^\n]*/g)) {
      const pinned = m[0].includes(`--package "${TARBALL_URL}" -- ciprof`);
      const localOnly = /npx --no ciprof\b/.test(m[0]);
      expect(pinned || localOnly, m[0]).toBe(true);
    }
  });

  it('passes `node --test` files, never a directory (fails on Node 24)', () => {
    for (const m of withoutComments(text).matchAll(/node --test ([^\n]*)/g)) {
      for (const arg of m[1]!.split(/\s+/).filter((a) => a && !a.startsWith('-'))) expect(arg).toMatch(/\.(test\.)?[cm]?js$/);
    }
  });
});

describe('the workflows agree with each other', () => {
  it('the fork-comment recipe follows the main recipe and downloads the diff it uploads', () => {
    const main = parseYaml<Workflow>(RECIPES.githubWorkflow);
    const fork = parseYaml<Workflow & { on: { workflow_run: { workflows: string[] } } }>(RECIPES.githubForkComment);
    expect(fork.on.workflow_run.workflows).toContain(main.name);
    const uploaded = steps(main).find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const downloaded = steps(fork).find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(uploaded?.with?.name).toBe('ciprof-diff');
    expect(downloaded?.with?.name).toBe(uploaded?.with?.name);
    expect(uploaded?.with?.overwrite).toBe(true);
    // The report sits where the download puts it.
    expect(read(RECIPES.githubForkComment)).toContain(`--report ${String(downloaded?.with?.path)}/diff.json`);
  });

  it('this repository’s comment workflow follows ci.yml and downloads every matrix leg’s diff', () => {
    const ci = parseYaml<Workflow>('.github/workflows/ci.yml');
    const comment = parseYaml<Workflow & { on: { workflow_run: { workflows: string[] } } }>('.github/workflows/ciprof-comment.yml');
    expect(comment.on.workflow_run.workflows).toContain(ci.name);
    const uploaded = String(steps(ci).find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.name);
    const pattern = String(steps(comment).find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with?.pattern);
    expect(uploaded).toContain('${{ matrix.node }}');
    for (const node of [22, 24, 26]) {
      const name = uploaded.replace('${{ matrix.node }}', String(node));
      expect(new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name), name).toBe(true);
    }
  });

  it('GitHub’s parser rejects what the README used to show (negative case: no `on:`)', async () => {
    const withoutOn = read(RECIPES.githubWorkflow).replace(/^on:\n(?: {2}.*\n)+/m, '');
    expect(withoutOn).not.toContain('\non:');
    expect((await workflowErrors('no-on.yml', withoutOn)).join('\n')).toMatch(/on/);
  });

  it('GitHub’s parser checks expressions (negative case: an unknown context)', async () => {
    const bad = read(RECIPES.githubWorkflow).replace('steps.ciprof.outputs.diff', 'stepz.ciprof.outputs.diff');
    expect((await workflowErrors('bad-expression.yml', bad)).join('\n')).toMatch(/stepz/);
  });
});
