/**
 * node:test: `node --test` runs each test file in a child process of the orchestrator
 * (runner-role.ts tells that child from anything a test spawns). There the whole
 * process is one test file, and once the file's own code loads node:test we register
 * a root-level beforeEach, which opens every test and subtest of the file before the
 * user's own each-hooks; the test's AbortSignal closes it. Before that moment we touch
 * nothing: registering a hook creates node:test's root test, which reports on stdout.
 *
 * "Once the file loads node:test": a load hook (module.registerHooks, Node 22.15+; under
 * --test-isolation=none a resolve hook, load-watch.ts says why) sees the file's own `require`/`import` of node:test, for CommonJS and ESM alike, and
 * is removed at that first sighting. Without registerHooks (Node 20) the hooks are
 * registered at once.
 *
 * Under --test-isolation=none one process imports every file, one after the other, and
 * runs the tests only once all are loaded. Loading a file (its imports, its top-level
 * code, the describe() callbacks that build its suites) is that file's work: each import
 * the runner makes opens a 'file' record, closed by the next one or by the first test.
 * The runner's imports are told apart by how it makes them (Node 22 and 24 alike): an
 * absolute file: URL, from no parent for the first file and from the working directory
 * (a URL ending in '/') for the rest. `--import` preloads are resolved the same way, but
 * before the first file, which is why nothing is opened before a parentless import.
 */
import { builtin } from '../../../agent/thread.js';
import type { OpenTest, TestRecorder } from '../../test-record.js';
import { registerHooksOf } from './load-watch.js';
import { awaitHarnessRoot } from './node-test-plain.js';

type NodeTest = typeof import('node:test');
type Ctx = { name: string; fullName?: string; filePath?: string; passed?: boolean; signal?: AbortSignal };

const loadNodeTest = (): NodeTest => builtin<NodeTest>('node:test');

/**
 * One root-level beforeEach opens each test; the test's own AbortSignal closes it. node:test
 * aborts that signal in the `finally` of Test.run, once the body, the each-hooks and the
 * test's after-hooks are done and pass()/fail() has set `passed` (Node 20 to 26). A second
 * root hook (afterEach) would close it at nearly the same moment, but every hook node:test
 * runs is a TestHook of its own, one more run per test. Measured on empty tests, Node 24,
 * paired runs: 2,000 tests, ~92 µs of CPU per test with both hooks and ~50 µs with
 * beforeEach and the signal; 10,000 tests, both ~25-70 µs, too noisy to tell apart. The
 * node.test tracing channel (Node 24.21+, 26) was tried instead of any hook: the same
 * ~55-65 µs per test (node:test binds two AsyncResources per test for its subscribers).
 */
function registerRootHooks(nodeTest: NodeTest, recorder: TestRecorder, file: string, manyFiles: boolean, firstTest?: () => void): void {
  nodeTest.beforeEach((ctx: unknown) => {
    firstTest?.();
    const c = ctx as Ctx;
    // TestContext.filePath: Node 22.6+.
    const open = recorder.begin('test', manyFiles ? (c.filePath ?? file) : file, c.fullName ?? c.name);
    const signal = c.signal;
    if (!signal || signal.aborted) return recorder.end(open, 'unknown');
    signal.addEventListener('abort', () => recorder.end(open, c.passed === false ? 'failed' : 'passed'), { once: true });
  });
}

/**
 * `plain`: node:test in a script's own process, without --test (node-test-plain.ts):
 * installed once node:test's harness has made its root, before the first test.
 */
export function installNodeTestHooks(recorder: TestRecorder, { manyFiles, plain }: { manyFiles: boolean; plain?: boolean }): void {
  // Under --test-isolation=none with no file named (node:test's default globs) there is no
  // argv[1]: each test's filePath names its file then.
  const file = process.argv[1] ?? '';
  if (!file && !manyFiles) return;
  if (plain) {
    recorder.begin('file', file, '');
    return registerRootHooks(loadNodeTest(), recorder, file, false);
  }
  // The whole process is this one file: loading it and its before/after hooks count to it.
  // Under --test-isolation=none it is the orchestrator, and each test names its own file.
  if (!manyFiles) recorder.begin('file', file, '');
  const registerHooks = registerHooksOf();
  if (!registerHooks) {
    // An orchestrator without registerHooks (Node 22.8-22.14) would create node:test's root
    // before its runner does: there the tests go unrecorded.
    if (!manyFiles) registerRootHooks(loadNodeTest(), recorder, file, manyFiles);
    return;
  }
  const loading = manyFiles ? new FileLoading(recorder) : undefined;
  let hooked = false;
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    hooks.deregister();
  };
  const firstTest = loading
    ? (): void => {
        if (loading.done) return;
        loading.finish();
        remove();
      }
    : undefined;
  const onNodeTest = (): void => {
    hooked = true;
    // One test file: nothing else to watch. Many: the runner's later imports still open their files.
    if (!loading) remove();
    registerRootHooks(loadNodeTest(), recorder, file, manyFiles, firstTest);
  };
  const hooks = registerHooks(
    loading
      ? {
          // Many files: which file imports what needs the parent's URL, which only resolve has.
          resolve(specifier, context, next) {
            const result = next(specifier, context);
            if (!loading.done) loading.seen(specifier, (context as { parentURL?: string }).parentURL, result.url);
            if (!hooked && result.url === 'node:test') onNodeTest();
            return result;
          },
        }
      : {
          // One file: a load hook, off the stack of the file's resolution errors (load-watch.ts);
          // and the root hooks join only the root node:test's harness makes itself. An ES
          // module loads node:test while it links, before any of its code runs: one whose
          // other import then failed had a root from us, and on Node 22 its error went
          // through the harness (exit code 7, another report) instead of the plain exit 1.
          load(url, context, next) {
            const result = next(url, context);
            if (!hooked && url === 'node:test') {
              hooked = true;
              remove();
              awaitHarnessRoot(() => registerRootHooks(loadNodeTest(), recorder, file, false));
            }
            return result;
          },
        },
  );
}

/** The 'file' records of a process that imports every test file itself (--test-isolation=none). */
class FileLoading {
  done = false;
  private open: OpenTest | undefined;
  private started = false;

  constructor(private readonly recorder: TestRecorder) {}

  /** One resolution: the runner's import of a test file opens that file (and closes the one before). */
  seen(specifier: string, parentURL: string | undefined, url: string): void {
    if (specifier !== url || !url.startsWith('file:')) return;
    // The first test file comes from no parent; `--import` preloads, before it, from the working directory.
    if (parentURL === undefined) this.started = true;
    else if (!this.started || !parentURL.endsWith('/')) return;
    const path = filePath(url);
    if (path === undefined) return;
    this.close();
    this.open = this.recorder.begin('file', path, '');
  }

  /** The tests begin: loading is over. */
  finish(): void {
    this.done = true;
    this.close();
  }

  private close(): void {
    if (this.open) this.recorder.end(this.open, 'unknown');
    this.open = undefined;
  }
}

function filePath(url: string): string | undefined {
  try {
    return builtin<typeof import('node:url')>('node:url').fileURLToPath(url);
  } catch {
    return undefined;
  }
}
