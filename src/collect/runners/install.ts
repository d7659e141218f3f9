/**
 * The runner hooks themselves, bundled apart from the preload (dist/runners/install.cjs):
 * the preload decides, cheaply, whether this process or thread is a test runner's own,
 * and only then loads this bundle. Every other process the tests spawn (CLIs, servers,
 * build tools, one per `node --test` file's children) compiles none of it.
 */
import { TestRecorder } from '../test-record.js';
import { installJestHooks } from './hooks/jest.js';
import { installMochaHooks } from './hooks/mocha.js';
import { installNodeTestHooks } from './hooks/node-test.js';
import { markTests, type RunnerRole } from './hooks/runner-role.js';
import { installVitestHooks } from './hooks/vitest.js';

/** Called by the preload for a role that records tests (runner-role.ts recordsTests). */
export function installRunnerHooks(role: RunnerRole, rawDir: string): void {
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
      installVitestHooks(new TestRecorder());
      break;
    case 'node-test':
      // A script running node:test itself: what it starts from now on is its tests'.
      if (role.plain) markTests(rawDir);
      installNodeTestHooks(new TestRecorder(), { manyFiles: role.manyFiles === true, plain: role.plain === true });
      break;
  }
}
