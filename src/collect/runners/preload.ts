/**
 * The runner hooks' preload: `ciprof run` puts `--require <dist/runners/preload.cjs>`
 * into NODE_OPTIONS beside the agent, so it runs first in every Node process and worker
 * thread of the test command. It installs a hook only in a test runner's own process or
 * thread (runner-role.ts); everywhere else it returns at once, having loaded, patched,
 * listened to and printed nothing.
 *
 * Records are kept in memory and written by the agent with the thread's profile.
 *
 * This bundle holds only the decision (hooks/runner-role.ts); the hooks are a bundle of
 * their own (install.ts, dist/runners/install.cjs) loaded once a role is found, so the
 * processes that are no runner's, most of them in a suite that spawns node, do not
 * compile them.
 */
import { existsSync } from 'node:fs';
import { runRawDir } from '../../agent/run-env.js';
import { warnRun } from '../../agent/run-warnings.js';
import { isMainThread } from '../../agent/thread.js';
import { watchPlainNodeTest } from './hooks/node-test-plain.js';
import { mainThreadRole, onWorkerThreadRole, recordsTests, type RunnerRole } from './hooks/runner-role.js';
import type { installRunnerHooks } from './install.js';

function install(role: RunnerRole, rawDir: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hooks = require(`${__dirname}/install.cjs`) as { installRunnerHooks: typeof installRunnerHooks };
  hooks.installRunnerHooks(role, rawDir);
}

function guarded(role: RunnerRole, rawDir: string): void {
  if (!recordsTests(role)) return;
  try {
    install(role, rawDir);
  } catch (err) {
    warnRun(rawDir, `${role.runner} attribution disabled: ${(err as Error).message}`);
  }
}

function main(): void {
  // Runs before the agent: it restores the run's variables where a task runner dropped them (run-env.ts).
  const rawDir = runRawDir();
  // No run, or one already over (a detached process the tests left behind, started after ciprof ended).
  if (!rawDir || !existsSync(rawDir)) return;
  if (isMainThread) {
    const role = mainThreadRole(rawDir);
    // A script that may run node:test itself: installed only once it does.
    if (role?.plain) watchPlainNodeTest(() => guarded(role, rawDir));
    else if (role) guarded(role, rawDir);
  } else onWorkerThreadRole(rawDir, (role) => guarded(role, rawDir));
}

try {
  main();
} catch {
  // a hook that cannot decide stays out of the way
}
