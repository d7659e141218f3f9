/**
 * node:test: `node --test` runs each test file in a child process of the orchestrator
 * (runner-role.ts tells that child from anything a test spawns). There the whole
 * process is one test file, and once the file's own code loads node:test we register
 * root-level beforeEach/afterEach, which wrap every test and subtest of the file and the
 * user's own each-hooks. Before that moment we touch nothing: registering hooks creates
 * node:test's root test, which reports on stdout.
 *
 * "Once the file loads node:test": a resolve hook (module.registerHooks, Node 22.15+)
 * sees the file's own `require`/`import` of node:test, for CommonJS and ESM alike, and
 * is removed at that first sighting. Without registerHooks (Node 20) the hooks are
 * registered at once.
 */
import Module from 'node:module';
import type { TestRecorder } from '../../test-record.js';

type NodeTest = typeof import('node:test');
type Ctx = { name: string; fullName?: string; passed?: boolean };
type RegisterHooks = (hooks: { resolve: (specifier: string, context: unknown, next: (s: string, c: unknown) => { url: string }) => { url: string } }) => { deregister: () => void };

function loadNodeTest(): NodeTest {
  const builtin = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (builtin ? builtin('node:test') : require('node:test')) as NodeTest;
}

function registerRootHooks(nodeTest: NodeTest, recorder: TestRecorder, file: string): void {
  const running = new WeakMap<object, ReturnType<TestRecorder['begin']>>();
  nodeTest.beforeEach((ctx: unknown) => {
    const c = ctx as Ctx;
    running.set(c, recorder.begin('test', file, c.fullName ?? c.name));
  });
  nodeTest.afterEach((ctx: unknown) => {
    const c = ctx as Ctx;
    const open = running.get(c);
    if (open) recorder.end(open, c.passed === false ? 'failed' : 'passed');
  });
}

export function installNodeTestHooks(recorder: TestRecorder): void {
  const file = process.argv[1];
  if (!file) return;
  // The whole process is this one file: loading it and its before/after hooks count to it.
  recorder.begin('file', file, '');
  const registerHooks = (Module as unknown as { registerHooks?: RegisterHooks }).registerHooks;
  if (typeof registerHooks !== 'function') {
    registerRootHooks(loadNodeTest(), recorder, file);
    return;
  }
  let done = false;
  const hooks = registerHooks({
    resolve(specifier, context, next) {
      const result = next(specifier, context);
      if (!done && result.url === 'node:test') {
        done = true;
        hooks.deregister();
        registerRootHooks(loadNodeTest(), recorder, file);
      }
      return result;
    },
  });
}
