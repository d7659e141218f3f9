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
 * SIGINT is not caught: Ctrl-C ends the whole run anyway, and a listener would change
 * what the program sees. What stays visible: one SIGTERM listener while the program has
 * none, one 'newListener' and one 'removeListener' listener on process, and the
 * process.kill wrapper.
 */
const SIGNAL = 'SIGTERM';
const SIGNAL_NUMBER = 15;

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
    originalKill(process.pid, SIGNAL);
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

  process.kill = function kill(pid: number, signal?: string | number): true {
    const isSigterm = signal === undefined || signal === SIGNAL || signal === SIGNAL_NUMBER;
    if (isSigterm && Number(pid) === process.pid) {
      setAttached(false);
      // Nobody else handles it: this kill is the process's death.
      if (process.listenerCount(SIGNAL) === 0) flush();
    }
    return originalKill(pid, signal);
  };
}
