/** The CI files people copy (README blocks, examples/ci/, .github/) and what they share. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from '../helpers/cli.js';

export const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');

export const PACKAGE_VERSION = (JSON.parse(read('package.json')) as { version: string }).version;

export const RECIPES = {
  githubWorkflow: 'examples/ci/github-workflow.yml',
  githubForkComment: 'examples/ci/github-fork-comment.yml',
  gitlab: 'examples/ci/gitlab-ci.yml',
  circleci: 'examples/ci/circleci-config.yml',
} as const;

/** Every GitHub workflow people copy or this repository runs. */
export const GITHUB_WORKFLOWS = [
  RECIPES.githubWorkflow,
  RECIPES.githubForkComment,
  ...readdirSync(join(ROOT, '.github/workflows'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `.github/workflows/${f}`),
];

/** Strict YAML: errors and warnings both count (duplicate keys, tabs, bad indentation). */
export function yamlProblems(text: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, strict: true });
  return [...doc.errors, ...doc.warnings].map((e) => e.message);
}

export function parseYaml<T>(rel: string): T {
  const doc = parseDocument(read(rel), { uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) throw new Error(`${rel}: ${doc.errors[0]!.message}`);
  return doc.toJS() as T;
}

/** The Action as the recipes reference it: this repository, pinned to the package's release tag. */
export const ACTION_REF = `<owner>/ciprof@v${PACKAGE_VERSION}`;
export const TARBALL_URL = `https://github.com/<owner>/ciprof/releases/download/v${PACKAGE_VERSION}/ciprof-${PACKAGE_VERSION}.tgz`;

/** Shell variable references in a text: $NAME and ${NAME...}. */
export function shellVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  return names;
}

/** Text with comment lines dropped: what the service executes or evaluates. */
export const withoutComments = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, ''))
    .join('\n');
