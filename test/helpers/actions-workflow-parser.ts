/**
 * GitHub's own parser and schema for workflows and action metadata
 * (`@actions/workflow-parser`, the one behind GitHub's Actions language server).
 *
 * Its modules import their JSON schemas without an import attribute, which Node refuses
 * and only a bundler accepts, so it is bundled once with esbuild into .cache/ and loaded
 * from there. The parser itself runs unchanged.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Workflows from '@actions/workflow-parser';
import type * as Actions from '@actions/workflow-parser/actions/index';
import { ROOT } from './cli.js';

type ParserApi = typeof Workflows & Pick<typeof Actions, 'parseAction'>;

let loaded: Promise<ParserApi> | undefined;

async function bundle(): Promise<string> {
  const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@actions/workflow-parser/package.json'), 'utf8')) as { version: string }).version;
  const dir = join(ROOT, '.cache');
  const file = join(dir, `actions-workflow-parser-${version}.mjs`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  // Test files run in parallel: each writes its own copy, the rename is atomic.
  const staging = `${file}.${process.pid}.tmp`;
  await build({
    stdin: {
      contents: "export * from '@actions/workflow-parser'; export { parseAction } from '@actions/workflow-parser/actions/index';",
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: staging,
    logLevel: 'error',
  });
  renameSync(staging, file);
  return file;
}

function api(): Promise<ParserApi> {
  loaded ??= bundle().then((file) => import(pathToFileURL(file).href) as Promise<ParserApi>);
  return loaded;
}

/** Every error GitHub's workflow parser and converter report for one workflow file. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const p = await api();
  const parsed = p.parseWorkflow({ name, content }, new p.NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value) return errors.length > 0 ? errors : [`${name}: empty workflow`];
  const template = await p.convertWorkflowTemplate(parsed.context, parsed.value);
  return [...parsed.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)];
}

/** Every error GitHub's action metadata schema (action-root-strict) reports for an action.yml. */
export async function actionErrors(name: string, content: string): Promise<string[]> {
  const p = await api();
  const parsed = p.parseAction({ name, content }, new p.NoOperationTraceWriter());
  return parsed.context.errors.getErrors().map((e) => e.message);
}
