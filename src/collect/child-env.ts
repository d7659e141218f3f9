/**
 * The environment the test command gets: the user's, minus ciprof's and the Action's own
 * secrets. A `run:` step without ciprof never sees the Actions runtime token or the
 * inputs of an action (INPUT_GITHUB-TOKEN, INPUT_PYROSCOPE-TOKEN, …), and every dependency
 * the tests load could read them; ciprof's own credentials are for ciprof alone. Variables
 * the user set for the tests (GITHUB_TOKEN in a step's env:, NPM_TOKEN, …) are theirs and
 * stay, so the outcome of the tests does not change.
 */

/** Exact names ciprof reads for its own use, or that the runner gives only to actions. */
const OWN_NAMES = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'CIPROF_GITHUB_TOKEN',
  'CIPROF_GITLAB_TOKEN',
  'CIPROF_PYROSCOPE_URL',
  'CIPROF_PYROSCOPE_TOKEN',
  'CIPROF_PYROSCOPE_BASIC_AUTH',
  'CIPROF_PYROSCOPE_TENANT',
]);

/** Name prefixes of the same kind: every action input, the OIDC token request. */
const OWN_PREFIXES = ['INPUT_', 'ACTIONS_ID_TOKEN_REQUEST_'];

function isOwnSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  return OWN_NAMES.has(upper) || OWN_PREFIXES.some((p) => upper.startsWith(p));
}

/** A copy of `env` without ciprof's and the Action's own secrets. */
export function testCommandEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!isOwnSecretName(name)) out[name] = value;
  return out;
}
