/**
 * mocha: in mocha's own processes (its CLI, and the workers of --parallel) we listen to
 * the events of each Runner, mocha's public reporter API: 'test' is emitted before the
 * test's beforeEach hooks, and a test is closed at the first event after its afterEach
 * hooks (the next 'test', an all-hook, 'suite end', 'end'). Runner.prototype.run is
 * wrapped to reach each runner; nothing else is touched, nothing runs inside a test.
 * mocha is found from its own entry script (argv[1]), so no command line is rewritten.
 * mocha 11 (CommonJS) and mocha 12 (ES modules, lib/nodejs/worker.cjs) alike.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { NAME_SEPARATOR, type OpenTest, type TestRecorder, type TestStatus } from '../../test-record.js';

interface MochaTest {
  title: string;
  file?: string;
  state?: string;
  titlePath?: () => string[];
}
interface MochaHook {
  title?: string;
  originalTitle?: string;
}
interface MochaRunner {
  on(event: string, listener: (arg: never) => void): unknown;
}
type RunnerClass = { prototype: { run: (...args: unknown[]) => unknown } };
/** What require() gives for lib/runner.js: the class (mocha 11 and older, CommonJS) or an ES module's namespace holding it (mocha 12). */
type RunnerModule = RunnerClass | { Runner?: RunnerClass };

function statusOf(test: MochaTest): TestStatus {
  return test.state === 'failed' ? 'failed' : test.state === 'passed' ? 'passed' : test.state === 'pending' ? 'skipped' : 'unknown';
}

function listen(runner: MochaRunner, recorder: TestRecorder): void {
  let current: { test: MochaTest; open: OpenTest; status?: TestStatus } | undefined;
  const close = (): void => {
    if (!current) return;
    recorder.end(current.open, current.status ?? 'unknown');
    current = undefined;
  };
  runner.on('test', (test: MochaTest) => {
    close();
    const name = test.titlePath ? test.titlePath().join(NAME_SEPARATOR) : test.title;
    current = { test, open: recorder.begin('test', test.file ?? '', name) };
  });
  runner.on('test end', (test: MochaTest) => {
    if (current?.test === test) current.status = statusOf(test);
  });
  runner.on('hook', (hook: MochaHook) => {
    // The ended test's own afterEach hooks still belong to it.
    if (current?.status !== undefined && !/^"after each" hook/.test(hook.originalTitle ?? hook.title ?? '')) close();
  });
  runner.on('suite end', close);
  runner.on('end', close);
}

/**
 * mocha's Runner class, from lib/runner.js beside the entry script's real path
 * (…/mocha/bin/mocha.js, …/mocha/lib/nodejs/worker.js or worker.cjs). mocha 12 made it an
 * ES module exporting { Runner }; mocha itself loads it with require() (it needs Node
 * 20.19+ or 22.12+, where require() returns an ES module's namespace), and so do we: the
 * same module instance, so mocha's runners get the wrapped run().
 */
function loadRunnerClass(): RunnerClass | undefined {
  const script = realpathSync(process.argv[1] ?? '');
  const root = /^(.*[\\/]mocha)[\\/](?:bin|lib)[\\/]/.exec(script)?.[1];
  if (!root) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(join(root, 'lib', 'runner.js')) as RunnerModule;
  const Runner = typeof loaded === 'function' ? loaded : (loaded as { Runner?: RunnerClass }).Runner;
  if (typeof Runner?.prototype?.run !== 'function') throw new Error(`no Runner with a run() in ${join(root, 'lib', 'runner.js')}`);
  return Runner;
}

export function installMochaHooks(recorder: TestRecorder): void {
  const Runner = loadRunnerClass();
  if (!Runner) return;
  const originalRun = Runner.prototype.run;
  Runner.prototype.run = function run(this: MochaRunner, ...args: unknown[]): unknown {
    try {
      listen(this, recorder);
    } catch {
      // attribution must never change a test's outcome
    }
    return originalRun.apply(this, args);
  };
}
