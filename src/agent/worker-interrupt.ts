/**
 * Asks worker threads to write their profiles through the inspector, when the flush slot
 * (flush-slots.ts) goes unanswered.
 *
 * A worker hears its slot only when its event loop turns. piscina's idle workers block in
 * Atomics.wait until the next task comes, and a worker busy in a loop is often why it is
 * being terminated: neither answers, so terminate() waited a second for nothing and the
 * thread was lost (piscina's suite: 130 of 167 threads lost a run and 1 s per terminate(),
 * where `node --cpu-prof`, native, writes every one at the thread's teardown).
 *
 * The inspector's NodeWorker domain, from the thread that made the workers, reaches them
 * otherwise: a message sent to a worker's session is dispatched there as a V8 interrupt,
 * which runs in a blocked Atomics.wait and in a busy loop alike. The message is a
 * Runtime.evaluate of the function the worker's agent left under INTERRUPT_FLUSH; it
 * writes the profile as a slot request would and the worker then goes on as it was.
 * Workers this thread did not make are not attached.
 *
 * Used by terminate() only (terminate.ts), which sends the termination again until the
 * worker ends: one that arrives while the interrupt still runs is lost. Not at the main
 * thread's exit, where Node's own termination of the workers cannot be sent again: a
 * worker missed there would hang the process; it is counted lost instead.
 */
import { INTERRUPT_FLUSH } from './protocol.js';
import { AgentSession } from './session.js';

interface AttachedWorker {
  sessionId: string;
  workerInfo?: { title?: string };
}

/** `[worker 7]` or `[worker 7] name`: Node's title for the worker with threadId 7 (Node 20 to 26). */
const TITLE = /^\[worker (\d+)\]/;

/** The expression each attached worker evaluates: its agent's flush, if the thread is one of `threadIds`. */
function flushExpression(threadIds: readonly number[]): string {
  return `globalThis[Symbol.for(${JSON.stringify(INTERRUPT_FLUSH.description)})]?.(${JSON.stringify(threadIds)})`;
}

/**
 * Sends the flush to each worker of this thread among `threadIds`: a worker whose title
 * names another thread is skipped; one whose title cannot be read is sent it (its own
 * agent checks the threadId). Throws what the inspector refused; the caller then waits
 * as before, and a worker that never answers is counted lost.
 */
export function interruptToFlush(threadIds: readonly number[]): void {
  if (threadIds.length === 0) return;
  const session = new AgentSession();
  session.connect();
  try {
    const attached: AttachedWorker[] = [];
    // Workers already running are attached while NodeWorker.enable runs, before it returns.
    session.on('NodeWorker.attachedToWorker', (event) => attached.push(event.params as AttachedWorker));
    session.post('NodeWorker.enable', { waitForDebuggerOnStart: false });
    const message = JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: flushExpression(threadIds), silent: true } });
    for (const worker of attached) {
      const titled = TITLE.exec(worker.workerInfo?.title ?? '');
      if (titled && !threadIds.includes(Number(titled[1]))) continue;
      session.post('NodeWorker.sendMessageToWorker', { sessionId: worker.sessionId, message });
    }
    // The worker runs the message before the detach that follows it in its queue.
    session.post('NodeWorker.disable');
  } finally {
    session.disconnect();
  }
}
