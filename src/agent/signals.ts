/**
 * SIGTERM is how pools end processes (vitest forks, jest-worker, tinypool) and how tests
 * stop the servers and CLIs they spawn; with no listener the process dies with its
 * profile unwritten. The agent listens for SIGTERM only while the program has no SIGTERM
 * listener of its own, which is exactly when the default action (death) would happen:
 *
 * - Our listener writes the profile and re-raises the signal with no listener left, so
 *   the process dies by SIGTERM as it would have (the parent sees 128+15).
 * - The moment the program adds a SIGTERM listener, ours steps aside (and comes back
 *   once the program's last one is removed and the code removing it has run): the
 *   program's handlers see the listener counts they would see without us (signal-exit
 *   re-raises only when its own are the only ones), and if they end the process through
 *   process.exit() the 'exit' flush writes the profile.
 * - process.kill(process.pid, 'SIGTERM') while ours is the only listener would turn the
 *   self-signal into an event handled only if the event loop is still alive: npm
 *   re-raising its child's signal and then letting its loop drain would exit 0 instead
 *   of dying. So a self-SIGTERM steps ours aside and, when no listener is left to
 *   handle it, writes the profile before the kill.
 *
 * - A process that ends itself with any other signal that kills by default and that it
 *   does not listen for (`process.kill(process.pid, 'SIGINT')`, SIGHUP, SIGKILL...)
 *   writes its profile in the process.kill wrapper, just before the kill, as a
 *   self-SIGTERM does. commander.js's suite lost two processes a run to a fixture that
 *   ends itself with SIGINT.
 *
 * SIGINT from outside is not caught: Ctrl-C ends the whole run anyway, and a listener
 * would change what the program sees (a busy process would die only once its event loop
 * turns). What stays visible: one SIGTERM listener while the program has none, one
 * 'newListener' and one 'removeListener' listener on process, and the process.kill
 * wrapper.
 */
import { builtin, pid } from './thread.js';

const SIGNAL = 'SIGTERM';

/**
 * Signals whose default action ends a Node process (POSIX "terminate" and "core"), by
 * name. Not SIGUSR1 (Node opens the inspector), SIGPIPE (Node ignores it), SIGPROF (V8's
 * sampler takes it while profiling), nor the stop/continue/ignore ones.
 */
const FATAL = new Set(['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGIOT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR2', 'SIGSEGV', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGIO', 'SIGPOLL', 'SIGPWR', 'SIGSYS']);

/** The signal's name as process.kill takes it: undefined means SIGTERM; a number is looked up (node:os, loaded only then). */
function signalName(signal: string | number | undefined): string | undefined {
  if (signal === undefined) return SIGNAL;
  if (typeof signal === 'string') return signal;
  if (signal === 0) return undefined;
  const numbers = builtin<typeof import('node:os')>('node:os').constants.signals as Record<string, number>;
  return Object.keys(numbers).find((name) => numbers[name] === signal);
}

export function installSigtermFlush(flush: () => void): void {
  const originalKill = process.kill.bind(process);
  let attached = false;
  let changing = false;
  const setAttached = (want: boolean): void => {
    if (attached === want) return;
    changing = true;
    try {
      if (want) process.on(SIGNAL, onSigterm);
      else process.removeListener(SIGNAL, onSigterm);
      attached = want;
    } finally {
      changing = false;
    }
  };
  const onSigterm = (): void => {
    setAttached(false);
    flush();
    originalKill(pid, SIGNAL);
  };
  // Prepended: ours must be gone before Node's own 'newListener' hook decides whether the
  // signal needs a (new) native handle for the program's listener.
  (process as NodeJS.EventEmitter).prependListener('newListener', (event: string | symbol) => {
    if (event === SIGNAL && !changing) setAttached(false);
  });
  // Back once the program's last listener is gone, after the code that removed it has
  // run (a `once` handler that re-raises sees no listener, as without us).
  const attachIfAlone = (): void => {
    if (process.listenerCount(SIGNAL) === 0) setAttached(true);
  };
  process.on('removeListener', (event: string | symbol) => {
    if (event === SIGNAL && !changing && process.listenerCount(SIGNAL) === 0) process.nextTick(attachIfAlone);
  });
  attachIfAlone();

  process.kill = function kill(target: number, signal?: string | number): true {
    // pid 0 is the process's own group: it is signalled too.
    if (Number(target) === pid || Number(target) === 0) {
      const name = signalName(signal);
      if (name === SIGNAL) setAttached(false);
      // Nobody handles it: this kill is the process's death.
      if (name !== undefined && FATAL.has(name) && process.listenerCount(name) === 0) flush();
    }
    return originalKill(target, signal);
  };
}
