/**
 * The runner hooks' preload: `ciprof run` puts `--require <dist/runners/preload.cjs>`
 * into NODE_OPTIONS beside the agent, so it runs first in every Node process and worker
 * thread of the test command. It installs a hook only in a test runner's own process or
 * thread (runner-role.ts); everywhere else it returns at once, having loaded, patched,
 * listened to and printed nothing.
 *
 * Records are kept in memory and written by the agent with the thread's profile.
 */
import { isMainThread } from 'node:worker_threads';
import { TestRecorder } from '../test-record.js';
import { installJestHooks } from './hooks/jest.js';
import { installMochaHooks } from './hooks/mocha.js';
import { installNodeTestHooks } from './hooks/node-test.js';
import { mainThreadRole, onWorkerThreadRole, type RunnerRole } from './hooks/runner-role.js';
import { installVitestHooks } from './hooks/vitest.js';

function install(role: RunnerRole, rawDir: string): void {
  switch (role.runner) {
    case 'jest':
      // jest's main process runs the tests itself when it decides to run in band.
      installJestHooks(new TestRecorder(), role.role === 'main' ? { rawDir } : undefined);
      break;
    case 'mocha':
      // Serial mocha runs tests in its main process; with --parallel, in its workers.
      installMochaHooks(new TestRecorder());
      break;
    case 'vitest':
      if (role.role === 'worker') installVitestHooks(new TestRecorder());
      break;
    case 'node-test':
      if (role.role === 'worker') installNodeTestHooks(new TestRecorder());
      break;
  }
}

function guarded(role: RunnerRole, rawDir: string): void {
  try {
    install(role, rawDir);
  } catch (err) {
    try {
      process.stderr.write(`ciprof: warning: ${role.runner} attribution disabled: ${(err as Error).message}\n`);
    } catch {
      // nothing left to tell
    }
  }
}

function main(): void {
  const rawDir = process.env.CIPROF_RAW_DIR;
  if (!rawDir) return;
  if (isMainThread) {
    const role = mainThreadRole(rawDir);
    if (role) guarded(role, rawDir);
  } else onWorkerThreadRole(rawDir, (role) => guarded(role, rawDir));
}

try {
  main();
} catch {
  // a hook that cannot decide stays out of the way
}
