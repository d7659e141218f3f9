/**
 * A look at what a thread resolves while it loads, through module.registerHooks (Node
 * 22.15+, 23.5+): every resolution the thread makes is passed, unchanged, to `seen`, until
 * `seen` finds what it wanted or the event loop first turns (by then the entry and its
 * static imports are resolved, ES modules and TypeScript included, Node 22 to 26). The
 * hook is then removed: nothing of it stays for the thread's life.
 */
import { builtin } from '../../../agent/thread.js';

export type RegisterHooks = (hooks: { resolve: (specifier: string, context: unknown, next: (s: string, c: unknown) => { url: string }) => { url: string } }) => { deregister: () => void };

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
export function watchLoading(seen: (url: string, parentURL: string | undefined) => (() => void) | undefined): boolean {
  const registerHooks = registerHooksOf();
  if (!registerHooks) return false;
  let watching = true;
  const stop = (): void => {
    if (!watching) return;
    watching = false;
    clearImmediate(loaded);
    hooks.deregister();
  };
  const hooks = registerHooks({
    resolve(specifier, context, next) {
      const result = next(specifier, context);
      const found = watching ? seen(result.url, (context as { parentURL?: string }).parentURL) : undefined;
      if (found) {
        stop();
        found();
      }
      return result;
    },
  });
  const loaded = setImmediate(stop);
  loaded.unref();
  return true;
}
