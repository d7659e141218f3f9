/**
 * action.yml as GitHub loads it: a strict YAML parse, then GitHub's own action metadata
 * schema (@actions/workflow-parser, action-root-strict). A file either rejects is an
 * Action nobody can run, this repository's own `uses: ./` included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { actionErrors } from '../helpers/actions-workflow-parser.js';
import { ROOT } from '../helpers/cli.js';

const ACTION = readFileSync(join(ROOT, 'action.yml'), 'utf8');

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

/** Strict YAML: errors and warnings both fail (duplicate keys, tabs, bad indentation). */
function yamlProblems(text: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, strict: true });
  return [...doc.errors, ...doc.warnings].map((e) => e.message);
}

describe('action.yml', () => {
  it('is valid YAML and valid under GitHub’s action metadata schema', async () => {
    expect(yamlProblems(ACTION)).toEqual([]);
    expect(await actionErrors('action.yml', ACTION)).toEqual([]);
  });

  it('runs dist/index.js on node24', () => {
    const meta = parse(ACTION) as ActionMetadata;
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(join(ROOT, meta.runs.main))).toBe(true);
  });

  it('keeps the input and output names that workflows already use', () => {
    const meta = parse(ACTION) as ActionMetadata;
    // Renaming one breaks every workflow that sets it: add, never rename.
    expect(Object.keys(meta.inputs)).toEqual(
      expect.arrayContaining([
        'run', 'working-directory', 'github-token', 'comment', 'base', 'fail-on-regression', 'min-ms', 'min-pct', 'alpha',
        'min-samples', 'upload-artifact', 'job-key', 'mode', 'report-file', 'out-dir', 'pyroscope-url', 'pyroscope-app',
        'pyroscope-token', 'pyroscope-basic-auth', 'pyroscope-tenant', 'pyroscope-labels', 'include-launchers',
      ]),
    );
    expect(Object.keys(meta.outputs)).toEqual(expect.arrayContaining(['profile', 'report', 'diff', 'verdict', 'regressions']));
    for (const [name, input] of Object.entries(meta.inputs)) expect(input.description, name).toMatch(/\S/);
  });

  it('rejects the unquoted description that broke the Action (negative case)', async () => {
    // The line as it was: a plain scalar with ": " inside, which YAML reads as a nested mapping.
    const quoted = /^ {4}description: '(Base to compare with: [^\n]*)'$/m;
    expect(ACTION).toMatch(quoted);
    const broken = ACTION.replace(quoted, (_line, text: string) => `    description: ${text.replace(/''/g, "'")}`);
    expect(broken).not.toBe(ACTION);
    expect(yamlProblems(broken).join('\n')).toMatch(/Nested mappings are not allowed in compact mappings/);
    expect(() => parse(broken)).toThrow();
    expect((await actionErrors('action.yml', broken)).join('\n')).toMatch(/line 24/);
  });

  it('the schema catches a runtime GitHub does not have (negative case)', async () => {
    const errors = await actionErrors('action.yml', ACTION.replace('using: node24', 'using: node18'));
    expect(errors.join('\n')).toMatch(/node18/);
  });
});
