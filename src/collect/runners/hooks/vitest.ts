/**
 * vitest: in vitest's workers (forks and threads pools) the worker keeps the task it is
 * running in `globalThis.__vitest_worker__.current` (the file while collecting, the
 * test from onBeforeRunTask to onAfterRunTask, which spans its beforeEach/afterEach
 * hooks). We catch the worker state object when vitest installs it and turn `current`
 * into an accessor that records each change; reads and writes keep their exact meaning.
 *
 * vitest installs a fresh state at the start of each run with
 * Object.defineProperty(globalThis, '__vitest_worker__', …), which would replace any
 * accessor we put there. So Object.defineProperty is wrapped only while we wait for that
 * call: from the worker's start to its first run, then again between the end of one run
 * (`current` set back to undefined) and the start of the next, when a worker is reused.
 * During a run the original is in place.
 */
import { NAME_SEPARATOR, type OpenTest, type TestRecorder, type TestStatus } from '../../test-record.js';

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

class StateWatcher {
  private test: { task: Task; open: OpenTest } | undefined;
  private file: { path: string; open: OpenTest } | undefined;

  constructor(
    private readonly recorder: TestRecorder,
    private readonly onRunEnd: () => void,
  ) {}

  onCurrent(next: Task | undefined): void {
    if (this.test && next !== this.test.task) {
      this.recorder.end(this.test.open, statusOf(this.test.task));
      this.test = undefined;
    }
    const path = next ? fileOf(next) : '';
    if (this.file && path !== this.file.path) {
      this.recorder.end(this.file.open, 'passed');
      this.file = undefined;
    }
    if (path && !this.file) this.file = { path, open: this.recorder.begin('file', path, '') };
    if (next?.type === 'test' && !this.test) this.test = { task: next, open: this.recorder.begin('test', path, fullName(next)) };
    if (next === undefined) this.onRunEnd();
  }
}

function instrument(state: Record<PropertyKey, unknown>, watcher: StateWatcher, define: typeof Object.defineProperty): void {
  if (!state || typeof state !== 'object' || state[INSTRUMENTED]) return;
  const desc = Object.getOwnPropertyDescriptor(state, 'current');
  if (desc && (!desc.configurable || !('value' in desc))) return;
  define(state, INSTRUMENTED, { value: true });
  let current = desc?.value as Task | undefined;
  define(state, 'current', {
    configurable: true,
    enumerable: desc?.enumerable ?? true,
    get: () => current,
    set: (value: Task | undefined) => {
      current = value;
      try {
        watcher.onCurrent(value);
      } catch {
        // attribution must never disturb the run
      }
    },
  });
}

export function installVitestHooks(recorder: TestRecorder): void {
  const original = Object.defineProperty;
  const arm = (): void => {
    if (Object.defineProperty === original) original(Object, 'defineProperty', { value: waiting, writable: true, configurable: true, enumerable: false });
  };
  const disarm = (): void => {
    if (Object.defineProperty === waiting) original(Object, 'defineProperty', { value: original, writable: true, configurable: true, enumerable: false });
  };
  const watcher = new StateWatcher(recorder, arm);
  const waiting = function defineProperty<T>(target: T, key: PropertyKey, attributes: PropertyDescriptor & ThisType<unknown>): T {
    const result = original(target, key, attributes);
    // vm pools provide the state on the test context rather than globalThis: any target counts.
    if (key === STATE_KEY && attributes && 'value' in attributes) {
      disarm();
      try {
        instrument(attributes.value as Record<PropertyKey, unknown>, watcher, original);
      } catch {
        // fail open
      }
    }
    return result;
  };
  arm();
}
