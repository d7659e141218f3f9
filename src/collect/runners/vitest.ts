/**
 * vitest hooks, preloaded with `--require` through NODE_OPTIONS, so they run in every
 * vitest worker (threads and forks pools) without touching the user's config: vitest 4
 * has no CLI flag for setup files, and a --reporter flag would replace the user's own.
 *
 * Vitest's worker keeps the task it is running in `globalThis.__vitest_worker__.current`
 * (the file while collecting, the test from onBeforeRunTask to onAfterRunTask, which
 * spans its beforeEach/afterEach hooks). We catch the worker state object when vitest
 * installs it on globalThis and turn `current` into an accessor that records each
 * change; reads and writes keep their exact meaning.
 */
import { NAME_SEPARATOR, TestRecorder, type TestStatus } from '../test-record.js';

const STATE_KEY = '__vitest_worker__';
const INSTRUMENTED = Symbol.for('ciprof.vitest.state');

interface Task {
  type?: string;
  name?: string;
  filepath?: string;
  file?: Task;
  suite?: Task;
  result?: { state?: string };
}

const recorder = new TestRecorder();

function fileOf(task: Task): string {
  return task.filepath ?? task.file?.filepath ?? '';
}

function fullName(test: Task): string {
  const names = [test.name ?? ''];
  // Suites up to (not including) the file task, whose name is the file path.
  for (let s = test.suite; s && s.type === 'suite' && !s.filepath; s = s.suite) names.unshift(s.name ?? '');
  return names.join(NAME_SEPARATOR);
}

function statusOf(test: Task): TestStatus {
  const s = test.result?.state;
  return s === 'pass' ? 'passed' : s === 'fail' ? 'failed' : s === 'skip' || s === 'todo' ? 'skipped' : 'unknown';
}

function instrument(state: Record<PropertyKey, unknown>): void {
  if (!state || typeof state !== 'object' || state[INSTRUMENTED]) return;
  const desc = Object.getOwnPropertyDescriptor(state, 'current');
  if (desc && (!desc.configurable || !('value' in desc))) return;
  Object.defineProperty(state, INSTRUMENTED, { value: true });
  let current = desc?.value as Task | undefined;
  let test: { task: Task; done: (s: TestStatus) => void } | undefined;
  let file: { path: string; done: (s: TestStatus) => void } | undefined;
  const onChange = (next: Task | undefined): void => {
    if (test && next !== test.task) {
      test.done(statusOf(test.task));
      test = undefined;
    }
    const path = next ? fileOf(next) : '';
    if (file && path !== file.path) {
      file.done('passed');
      file = undefined;
    }
    if (path && !file) file = { path, done: recorder.begin('file', path, '') };
    if (next?.type === 'test' && !test) test = { task: next, done: recorder.begin('test', path, fullName(next)) };
  };
  Object.defineProperty(state, 'current', {
    configurable: true,
    enumerable: desc?.enumerable ?? true,
    get: () => current,
    set: (value: Task | undefined) => {
      current = value;
      try {
        onChange(value);
      } catch {
        // attribution must never disturb the run
      }
    },
  });
}

/**
 * vitest installs the state with Object.defineProperty(globalThis, '__vitest_worker__',
 * …), which would replace any accessor we put there, so we watch that one call instead.
 * Every other defineProperty call passes straight through.
 */
function install(): void {
  if (!recorder.enabled) return;
  const original = Object.defineProperty;
  const patched = function defineProperty<T>(target: T, key: PropertyKey, attributes: PropertyDescriptor & ThisType<unknown>): T {
    const result = original(target, key, attributes);
    if (key === STATE_KEY && target === (globalThis as unknown) && attributes && 'value' in attributes) {
      try {
        instrument(attributes.value as Record<PropertyKey, unknown>);
      } catch {
        // fail open
      }
    }
    return result;
  };
  original(Object, 'defineProperty', { value: patched, writable: true, configurable: true, enumerable: false });
}

try {
  install();
} catch (err) {
  try {
    process.stderr.write(`ciprof: warning: vitest attribution disabled: ${(err as Error).message}\n`);
  } catch {
    // nothing left to tell
  }
}
