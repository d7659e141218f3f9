/**
 * Runs the Action as GitHub's runner does: `node dist/index.js` from a clean copy of
 * action.yml + dist/ (no node_modules, no src), INPUT_* and GITHUB_* in the environment,
 * the job summary and outputs in files. Asynchronous: a fake server in the test's own
 * process must keep answering while the Action runs.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NODE_VERSIONS, ROOT } from './cli.js';

/** GitHub runs JavaScript actions on node24 (`runs.using`); this process's Node only when that binary is missing. */
const ACTION_NODE = NODE_VERSIONS.find((n) => n.major === 24 && n.available)?.bin ?? process.execPath;

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: string;
}

/** action.yml and dist/ copied into `work`/action; returns that directory. */
export function installAction(work: string): string {
  const dir = path.join(work, 'action');
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, 'action.yml'), path.join(dir, 'action.yml'));
  cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  return dir;
}

export interface ActionRunOptions {
  actionDir: string;
  /** The repository checkout (GITHUB_WORKSPACE, the Action's current directory). */
  workspace: string;
  /** Input name -> value, as written in `with:` (INPUT_<NAME> upper-cased, dashes kept). */
  inputs: Record<string, string>;
  /** More environment; the base is PATH, HOME and a push event's GITHUB_* variables. */
  env?: NodeJS.ProcessEnv;
  /** The Node binary that runs dist/index.js; default: Node 24, as GitHub's runner (`runs.using: node24`). */
  node?: string;
}

export async function runActionDist(o: ActionRunOptions): Promise<ActionRun> {
  const runDir = mkdtempSync(path.join(path.dirname(o.actionDir), 'run-'));
  const summary = path.join(runDir, 'summary.md');
  const outputs = path.join(runDir, 'outputs.txt');
  writeFileSync(summary, '');
  writeFileSync(outputs, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'test',
    GITHUB_RUN_ID: '1',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    GITHUB_WORKSPACE: o.workspace,
    RUNNER_TEMP: runDir,
    ...Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...o.env,
  };
  const child = spawn(o.node ?? ACTION_NODE, [path.join(o.actionDir, 'dist/index.js')], { cwd: o.workspace, env, timeout: 90_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { status, stdout, stderr, summary: readFileSync(summary, 'utf8'), outputs: readFileSync(outputs, 'utf8') };
}

/** Every output the Action set, by name (core.setOutput writes `name<<delimiter\nvalue\ndelimiter` blocks). */
export function actionOutputs(run: ActionRun): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of run.outputs.matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

/** One output the Action set (core.setOutput writes `name<<delimiter\nvalue\ndelimiter` blocks). */
export function actionOutput(run: ActionRun, name: string): string | undefined {
  const m = new RegExp(`^${name}<<(.+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(run.outputs);
  return m?.[2];
}
