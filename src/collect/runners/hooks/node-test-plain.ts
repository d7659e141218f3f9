/**
 * node:test without --test, in a script's own process (`node test/all.test.js`, zx;
 * `node --conditions development test/index.js`, the unified packages). There node:test
 * reports on stdout, and makes its root test, whose summary it prints at exit, only once
 * the script defines a test or a hook. A script that loads node:test for `mock` alone
 * gets no root, and must not get one from us. So nothing is installed until the harness
 * makes its root itself: in lazyBootstrapRoot() (Node 22 to 26), which adds its
 * 'uncaughtException' listener before any test exists. At that moment the node:test hook
 * (node-test.ts) joins the root just made with a root-level beforeEach.
 *
 * What a script that looks like a test (runner-role.ts) pays: a load hook while it
 * loads, removed at node:test or at the first turn of the event loop (by then the
 * script's static imports are resolved, ES modules and TypeScript included, Node 22 to
 * 26); then, if it loaded node:test, one 'newListener' listener until the root is made.
 * The hooks' bundle is loaded only then. A root made by run() (a runner script whose
 * tests run in processes of their own) is not the script's: the watch ends there,
 * having installed nothing.
 *
 * In the preload's bundle: most scripts watched never load node:test.
 */
import { watchLoading } from './load-watch.js';

const HARNESS = 'node:internal/test_runner/harness';

export function watchPlainNodeTest(onRoot: () => void): void {
  // Without registerHooks (Node 22.8-22.14) there is no cheap way to see node:test load: not attributed.
  watchLoading((url) => (url === 'node:test' ? () => awaitHarnessRoot(onRoot) : undefined), 'load');
}

/**
 * Calls `then` once node:test's harness makes its root (lazyBootstrapRoot), never for a
 * root run() makes. Also used by node-test.ts for a `node --test` file's process: an ES
 * module whose static imports fail to link has loaded node:test without making a root.
 */
export function awaitHarnessRoot(then: () => void): void {
  const onNewListener = (event: string | symbol): void => {
    if (event !== 'uncaughtException') return;
    let maker: ReturnType<typeof rootMaker>;
    try {
      maker = rootMaker();
    } catch {
      // Call sites unreadable (--frozen-intrinsics refuses Error.prepareStackTrace): give up, quietly.
      maker = 'other';
    }
    // The script's own listener, not node:test's: keep watching.
    if (maker === undefined) return;
    process.removeListener('newListener', onNewListener);
    if (maker === 'lazyBootstrapRoot') then();
  };
  process.on('newListener', onNewListener);
}

/**
 * Which function of node:test's harness is adding a listener now, read from V8's call
 * sites (the stack as text depends on Error.prepareStackTrace, which source-map-support
 * replaces): undefined when no frame is the harness's, 'other' for run().
 */
function rootMaker(): 'lazyBootstrapRoot' | 'other' | undefined {
  const { prepareStackTrace, stackTraceLimit } = Error;
  try {
    Error.stackTraceLimit = 12;
    Error.prepareStackTrace = (_error, sites) => sites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, rootMaker);
    const sites = Array.isArray(holder.stack) ? (holder.stack as NodeJS.CallSite[]) : [];
    const harness = sites.filter((site) => site.getFileName() === HARNESS);
    if (harness.length === 0) return undefined;
    return harness.some((site) => site.getFunctionName() === 'lazyBootstrapRoot') ? 'lazyBootstrapRoot' : 'other';
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}
