/**
 * A look at what a thread resolves or loads while it loads, through module.registerHooks
 * (Node 22.15+, 23.5+): every URL is passed, unchanged, to `seen`, until `seen` finds what
 * it wanted or the event loop first turns (by then the entry and its static imports are
 * resolved, ES modules and TypeScript included, Node 22 to 26). The hook is then removed:
 * nothing of it stays for the thread's life.
 *
 * A load hook where the parent's URL is not needed: a resolve hook is on the stack of
 * every resolution error it passes, so a test file's missing module printed ciprof's
 * frames (and Node's hook machinery) in the error the test's output shows, and pushed the
 * deepest frames out of V8's ten. A load hook sees node:test as well (Node 22 to 26, CommonJS
 * and ES modules) and is not on the stack of any resolution error.
 */
import { builtin } from '../../../agent/thread.js';

type Next<T> = (s: string, c: unknown) => T;
export interface ModuleHooks {
  resolve?: (specifier: string, context: unknown, next: Next<{ url: string }>) => { url: string };
  load?: (url: string, context: unknown, next: Next<unknown>) => unknown;
}
export type RegisterHooks = (hooks: ModuleHooks) => { deregister: () => void };

/** module.registerHooks, where this Node has it. */
export const registerHooksOf = (): RegisterHooks | undefined => {
  const registerHooks = builtin<{ registerHooks?: RegisterHooks }>('node:module').registerHooks;
  return typeof registerHooks === 'function' ? registerHooks : undefined;
};

/**
 * `seen` returns what to do once it has found what it wanted, run after the hook is
 * removed (anything that action resolves is not watched), or undefined to go on watching.
 * False when this Node has no registerHooks: nothing is watched.
 */
export function watchLoading(seen: (url: string, parentURL: string | undefined) => (() => void) | undefined, via: 'resolve' | 'load' = 'resolve'): boolean {
  const registerHooks = registerHooksOf();
  if (!registerHooks) return false;
  let watching = true;
  const stop = (): void => {
    if (!watching) return;
    watching = false;
    clearImmediate(loaded);
    hooks.deregister();
  };
  const look = (url: string, parentURL: string | undefined): void => {
    const found = watching ? seen(url, parentURL) : undefined;
    if (found) {
      stop();
      found();
    }
  };
  const hooks = registerHooks(
    via === 'load'
      ? {
          load(url, context, next) {
            const result = next(url, context);
            look(url, undefined);
            return result;
          },
        }
      : {
          resolve(specifier, context, next) {
            const result = next(specifier, context);
            look(result.url, (context as { parentURL?: string }).parentURL);
            return result;
          },
        },
  );
  const loaded = setImmediate(stop);
  loaded.unref();
  return true;
}
