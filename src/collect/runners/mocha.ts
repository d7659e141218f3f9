/**
 * mocha hooks: a root hook plugin, added by `ciprof run` as an extra `--require` on
 * mocha's command line. Mocha loads `--require` modules in the main process and, with
 * `--parallel`, in every worker, and runs root beforeEach/afterEach around every test
 * (outside the user's own each-hooks), so one plugin covers serial and parallel runs.
 */
import { TestRecorder, type TestStatus } from '../test-record.js';

interface MochaTest {
  title: string;
  file?: string;
  state?: string;
  fullTitle?: () => string;
  titlePath?: () => string[];
}
interface HookContext {
  currentTest?: MochaTest;
}

const recorder = new TestRecorder();
const running = new WeakMap<MochaTest, (status: TestStatus) => void>();

function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    // attribution must never change a test's outcome
  }
}

export const mochaHooks = {
  beforeEach(this: HookContext): void {
    safe(() => {
      const test = this.currentTest;
      if (!test || !recorder.enabled) return;
      const name = test.titlePath ? test.titlePath().join(' > ') : (test.fullTitle?.() ?? test.title);
      running.set(test, recorder.begin('test', test.file ?? '', name));
    });
  },
  afterEach(this: HookContext): void {
    safe(() => {
      const test = this.currentTest;
      if (!test) return;
      const state = test.state;
      running.get(test)?.(state === 'failed' ? 'failed' : state === 'passed' ? 'passed' : 'unknown');
      running.delete(test);
    });
  },
};
