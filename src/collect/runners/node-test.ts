/**
 * node:test hooks, preloaded with `--require` through NODE_OPTIONS by `ciprof run`.
 *
 * `node --test` runs each test file in a child process marked NODE_TEST_CONTEXT; only
 * there do we register root-level beforeEach/afterEach (they apply to every test and
 * subtest of the file). Anywhere else (the orchestrating parent, a plain script) we do
 * nothing: touching node:test would create a root test and print a TAP summary.
 */
import { TestRecorder, type TestStatus } from '../test-record.js';

function install(): void {
  if (!process.env.NODE_TEST_CONTEXT || !process.env.CIPROF_RAW_DIR) return;
  const file = process.argv[1];
  if (!file) return;
  const recorder = new TestRecorder();
  // The whole process is this one file: loading it and its before/after hooks count to it.
  recorder.begin('file', file, '');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodeTest = require('node:test') as typeof import('node:test');
  type Ctx = { name: string; fullName?: string; passed?: boolean };
  const running = new WeakMap<object, (status: TestStatus) => void>();
  nodeTest.beforeEach((ctx: unknown) => {
    const c = ctx as Ctx;
    running.set(c, recorder.begin('test', file, c.fullName ?? c.name));
  });
  nodeTest.afterEach((ctx: unknown) => {
    const c = ctx as Ctx;
    running.get(c)?.(c.passed === false ? 'failed' : 'passed');
    running.delete(c);
  });
}

try {
  install();
} catch (err) {
  try {
    process.stderr.write(`ciprof: warning: node:test attribution disabled: ${(err as Error).message}\n`);
  } catch {
    // nothing left to tell
  }
}
