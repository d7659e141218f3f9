/**
 * The test command run by the Action gets the user's environment without the Action's own
 * secrets: a one-word `run:` (no shell, so even INPUT_GITHUB-TOKEN with its dash would
 * pass) printing its whole environment shows no Actions runtime token, no OIDC request
 * token, no input and no Pyroscope credential, while the user's own variables are there.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { installAction, runActionDist } from '../helpers/action-run.js';

let work: string;
let actionDir: string;
let workspace: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-action-env-'));
  actionDir = installAction(work);
  workspace = path.join(work, 'ws');
  mkdirSync(workspace);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

it('a one-word run: printing its environment shows none of the Action\'s secrets', async () => {
  const secrets: Record<string, string> = {
    ACTIONS_RUNTIME_TOKEN: 'runtime-tok-5e1f',
    ACTIONS_RUNTIME_URL: 'https://pipelines.example/runtime-5e1f/',
    ACTIONS_RESULTS_URL: 'https://results.example/results-5e1f/',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/request-5e1f',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-tok-5e1f',
    CIPROF_PYROSCOPE_TOKEN: 'pyro-env-tok-5e1f',
    CIPROF_GITHUB_TOKEN: 'ciprof-gh-tok-5e1f',
  };
  const r = await runActionDist({
    actionDir,
    workspace,
    inputs: {
      run: 'printenv',
      mode: 'collect',
      'upload-artifact': 'false',
      'github-token': 'gh-input-tok-5e1f',
      'pyroscope-token': 'pyro-input-tok-5e1f',
      'pyroscope-basic-auth': 'user:pyro-pass-5e1f',
    },
    env: { ...secrets, MY_SETTING: 'kept-5e1f', GITHUB_TOKEN: 'users-own-token-5e1f', NPM_TOKEN: 'users-npm-5e1f' },
  });
  expect(r.status, r.stderr).toBe(0);
  // printenv's lines are NAME=value; the Action's own lines are ::commands:: or "ciprof: ...".
  const printed = new Map(
    r.stdout
      .split('\n')
      .filter((l) => /^[A-Za-z_][A-Za-z0-9_-]*=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
  );
  expect(printed.get('MY_SETTING')).toBe('kept-5e1f');
  expect(printed.get('GITHUB_TOKEN')).toBe('users-own-token-5e1f');
  expect(printed.get('NPM_TOKEN')).toBe('users-npm-5e1f');
  expect(printed.get('NODE_OPTIONS')).toMatch(/agent\.cjs/);
  expect([...printed.keys()].filter((k) => k.startsWith('INPUT_') || k.startsWith('ACTIONS_') || k in secrets)).toEqual([]);
  const values = [...printed.values()].join('\n');
  for (const v of [...Object.values(secrets), 'gh-input-tok-5e1f', 'pyro-input-tok-5e1f', 'pyro-pass-5e1f']) expect(values).not.toContain(v);
});
