/**
 * jest: jest loads the test environment class (jest-environment-node, jsdom, or the
 * user's) with Node's require in the process that runs the test file, and jest-circus
 * feeds every test event to `environment.handleTestEvent` when the environment has one.
 * We wrap the environment class as it is loaded: a subclass that remembers its test file
 * and forwards every event to the original handler (if any), untouched. No jest config
 * is changed, so the user's setupFiles, environment and reporters stay exactly as set.
 *
 * Module._load stays wrapped in jest's own processes only (its main process, which runs
 * tests in band, and its workers): each test file may name another environment in its
 * docblock. The wrapper costs one string test per require, and only jest's own requires
 * reach it: test code is loaded by jest-runtime's module registry, not Module._load.
 * In the main process it also catches jest-worker, whose end must let workers finish
 * writing their profiles (jest-worker-end.ts).
 */
import { JEST_TRANSFORM_CACHES, type JestTransformCacheRef } from '../../../agent/protocol.js';
import { builtin } from '../../../agent/thread.js';
import { NAME_SEPARATOR, type OpenTest, type TestRecorder } from '../../test-record.js';
import { letWorkersFinishWriting, type JestWorkerClass } from './jest-worker-end.js';

type EnvClass = (new (...args: unknown[]) => object) & { prototype: { getVmContext?: unknown; handleTestEvent?: (...a: unknown[]) => unknown } };
interface CircusTest {
  name: string;
  parent?: { name: string; parent?: unknown };
  errors?: unknown[];
}

const WRAPPED = Symbol.for('ciprof.jest.wrapped');

function fullName(test: CircusTest): string {
  const names = [test.name];
  for (let p = test.parent as CircusTest | undefined; p?.parent; p = p.parent as CircusTest | undefined) names.unshift(p.name);
  return names.join(NAME_SEPARATOR);
}

function isEnvClass(value: unknown): value is EnvClass {
  return typeof value === 'function' && typeof (value as EnvClass).prototype?.getVmContext === 'function' && !(value as unknown as Record<symbol, boolean>)[WRAPPED];
}

function wrapEnv(Original: EnvClass, recorder: TestRecorder): EnvClass {
  const originalHandler = Original.prototype.handleTestEvent;
  class CiprofEnvironment extends Original {
    private ciprofFile = '';
    private ciprofFileOpen: OpenTest | undefined;
    private ciprofTests = new Map<CircusTest, OpenTest>();

    constructor(...args: unknown[]) {
      super(...args);
      const context = args[1] as { testPath?: string } | undefined;
      this.ciprofFile = context?.testPath ?? '';
      try {
        noteTransformCache(args[0]);
      } catch {
        // the collector then looks in jest's default cache directory
      }
    }

    handleTestEvent(...args: unknown[]): unknown {
      try {
        this.ciprofRecord(args[0] as { name: string; test?: CircusTest });
      } catch {
        // attribution must never disturb the run
      }
      return originalHandler?.apply(this, args);
    }

    private ciprofRecord(event: { name: string; test?: CircusTest }): void {
      if (!this.ciprofFile) return;
      switch (event.name) {
        case 'setup':
          this.ciprofFileOpen = recorder.begin('file', this.ciprofFile, '');
          break;
        case 'test_start':
          if (event.test) this.ciprofTests.set(event.test, recorder.begin('test', this.ciprofFile, fullName(event.test)));
          break;
        case 'test_done': {
          const open = event.test && this.ciprofTests.get(event.test);
          if (open) {
            recorder.end(open, event.test!.errors?.length ? 'failed' : 'passed');
            this.ciprofTests.delete(event.test!);
          }
          break;
        }
        case 'teardown':
          if (this.ciprofFileOpen) recorder.end(this.ciprofFileOpen, 'passed');
          break;
      }
    }
  }
  Object.defineProperty(CiprofEnvironment, WRAPPED, { value: true });
  Object.defineProperty(CiprofEnvironment, 'name', { value: Original.name });
  return CiprofEnvironment as unknown as EnvClass;
}

type CacheRegistry = typeof globalThis & { [JEST_TRANSFORM_CACHES]?: Map<string, JestTransformCacheRef> };

/**
 * The transform cache of the project whose test this environment runs, for the agent's
 * `.scripts.json` (protocol.ts). jest 28+ passes `{ globalConfig, projectConfig }`, older
 * jest the project config itself.
 */
function noteTransformCache(config: unknown): void {
  const c = config as { projectConfig?: { cacheDirectory?: unknown; id?: unknown }; cacheDirectory?: unknown; id?: unknown } | null;
  const project = c?.projectConfig ?? c;
  const directory = project?.cacheDirectory;
  const configId = project?.id;
  if (typeof directory !== 'string' || typeof configId !== 'string' || !directory || !configId) return;
  const g = globalThis as CacheRegistry;
  const caches = (g[JEST_TRANSFORM_CACHES] ??= new Map());
  const key = `${directory}\u0000${configId}`;
  if (!caches.has(key)) caches.set(key, { directory, configId });
}

/** Replaces environment classes among a module's exports, where the export is writable. */
function patchExports(exports: unknown, recorder: TestRecorder): unknown {
  if (isEnvClass(exports)) return wrapEnv(exports, recorder);
  if (exports && typeof exports === 'object') {
    const e = exports as Record<string, unknown>;
    for (const key of ['default', 'TestEnvironment']) {
      const value = e[key];
      if (!isEnvClass(value)) continue;
      const desc = Object.getOwnPropertyDescriptor(e, key);
      if (desc && 'value' in desc && desc.writable) e[key] = wrapEnv(value, recorder);
    }
  }
  return exports;
}

/** In jest's main process (`rawDir` given), also jest-worker's end (jest-worker-end.ts). */
export function installJestHooks(recorder: TestRecorder, main?: { rawDir: string }): void {
  const M = builtin<{ _load: (request: string, ...rest: unknown[]) => unknown }>('node:module');
  const originalLoad = M._load;
  let workerEndWrapped = false;
  M._load = function load(this: unknown, request: string, ...rest: unknown[]): unknown {
    const exports = originalLoad.call(this, request, ...rest);
    if (typeof request !== 'string') return exports;
    try {
      // Only environment-looking modules are touched; everything else passes through as is.
      if (/env/i.test(request)) return patchExports(exports, recorder);
      if (main && !workerEndWrapped && request === 'jest-worker') {
        workerEndWrapped = true;
        const Worker = (exports as { Worker?: JestWorkerClass }).Worker;
        if (Worker) letWorkersFinishWriting(Worker, main.rawDir);
      }
    } catch {
      // attribution must never disturb the run
    }
    return exports;
  };
}
