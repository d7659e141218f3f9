/**
 * The agent's inspector session: Node's own `Connection` (the binding that
 * `node:inspector`'s Session wraps) when it can be reached without a trace, else
 * `node:inspector`'s Session.
 *
 * Why not always the Session: it JSON.parses every reply, the whole CPU profile included,
 * and the agent only writes that profile back to disk, so it had to JSON.stringify it
 * again; and `require('node:inspector')` loads modules a process may not need. Through
 * the binding the agent gets V8's reply as text and writes it nearly as is (profiler.ts).
 *
 * The binding is read through `process.binding('inspector')`: on the allow list of Node
 * 20 to 26 and not runtime-deprecated there (no warning). Under `--pending-deprecation`
 * (or NODE_PENDING_DEPRECATION=1) Node wraps process.binding to warn on any call: the
 * wrapper is not the original function, named `binding`, so the agent does not call it
 * and uses the Session. Under the permission model it throws: the Session again.
 *
 * Both paths dispatch synchronously (the reply has arrived when post() returns), which
 * is what lets the agent stop and write inside 'exit'.
 */
import type * as inspectorTypes from 'node:inspector';
import { builtin } from './thread.js';

interface RawConnection {
  dispatch(message: string): void;
  disconnect(): void;
}
type RawConnectionClass = new (onMessage: (message: string) => void) => RawConnection;

/** An error the inspector answered with (`{ code, message }`), as the Session reports it. */
export class InspectorError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`Inspector error ${code}: ${message}`);
  }
}

type EventListener = (message: { method: string; params: unknown }) => void;

/** The part of a session scripts.ts needs (the Debugger's scriptParsed events); node:inspector's Session has it too. */
export interface EventSession {
  on(event: string, listener: EventListener): unknown;
  removeListener(event: string, listener: EventListener): unknown;
  post(method: string, params: object, callback: (err: Error | null, result?: unknown) => void): void;
}

function rawConnectionClass(): RawConnectionClass | undefined {
  const binding = (process as { binding?: (name: string) => unknown }).binding;
  // Anything but Node's own function (a deprecation wrapper, a user's patch): leave it alone.
  if (typeof binding !== 'function' || binding.name !== 'binding') return undefined;
  try {
    const Connection = (binding.call(process, 'inspector') as { Connection?: unknown }).Connection;
    return typeof Connection === 'function' ? (Connection as RawConnectionClass) : undefined;
  } catch {
    return undefined;
  }
}

export class AgentSession implements EventSession {
  private raw: RawConnection | undefined;
  private fallback: inspectorTypes.Session | undefined;
  private nextId = 1;
  private reply: string | undefined;
  private readonly listeners = new Map<string, EventListener[]>();

  /** True when replies can be read as text (postText). */
  get hasText(): boolean {
    return this.raw !== undefined;
  }

  connect(): void {
    const Connection = process.env.CIPROF_INSPECTOR_SESSION === 'node' ? undefined : rawConnectionClass();
    if (Connection) {
      this.raw = new Connection((message) => this.onRawMessage(message));
      return;
    }
    // Loaded only here: through the binding the module is never needed.
    const inspector = builtin<typeof inspectorTypes>('node:inspector');
    const session = new inspector.Session();
    session.connect();
    this.fallback = session;
  }

  /** Ends the session (a short-lived one: worker-interrupt.ts); the profiler's own lives as long as its thread. */
  disconnect(): void {
    this.raw?.disconnect();
    this.fallback?.disconnect();
    this.raw = undefined;
    this.fallback = undefined;
  }

  /** Posts a command and returns its result; throws what the inspector answered as an error. */
  post(method: string, params?: object): unknown;
  post(method: string, params: object, callback: (err: Error | null, result?: unknown) => void): void;
  post(method: string, params?: object, callback?: (err: Error | null, result?: unknown) => void): unknown {
    let result: unknown;
    let failure: Error | null = null;
    try {
      result = this.fallback ? this.postSession(this.fallback, method, params) : parseReply(this.postText(method, params));
    } catch (err) {
      if (!callback) throw err;
      failure = err as Error;
    }
    if (callback) return callback(failure, result);
    return result;
  }

  /**
   * The reply's text, as V8 wrote it: `{"id":N,"result":{...}}` or `{"id":N,"error":{...}}`.
   * Only where hasText.
   */
  postText(method: string, params?: object): string {
    if (!this.raw) throw new Error('no text replies on this session');
    const id = this.nextId++;
    this.reply = undefined;
    this.raw.dispatch(JSON.stringify(params ? { id, method, params } : { id, method }));
    const reply = this.reply as string | undefined;
    this.reply = undefined;
    if (reply === undefined) throw new Error(`no reply to ${method}`);
    return reply;
  }

  /** The prefix a reply to the last postText starts with when it succeeded. */
  resultPrefix(): string {
    return `{"id":${this.nextId - 1},"result":`;
  }

  on(event: string, listener: EventListener): this {
    if (this.fallback) this.fallback.on(event, listener);
    else this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  removeListener(event: string, listener: EventListener): this {
    if (this.fallback) this.fallback.removeListener(event, listener);
    else this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  private onRawMessage(message: string): void {
    // Replies carry an id and come first in V8's text; events (`{"method":...}`) do not.
    if (message.startsWith('{"id":')) {
      this.reply = message;
      return;
    }
    if (this.listeners.size === 0) return;
    const event = JSON.parse(message) as { method: string; params: unknown };
    for (const listener of this.listeners.get(event.method) ?? []) listener(event);
  }

  private postSession(session: inspectorTypes.Session, method: string, params?: object): unknown {
    let out: unknown;
    let failure: Error | null = null;
    session.post(method, params ?? {}, (err, result) => {
      failure = err;
      out = result;
    });
    if (failure) throw failure;
    return out;
  }
}

function parseReply(text: string): unknown {
  const reply = JSON.parse(text) as { result?: unknown; error?: { code: number; message: string } };
  if (reply.error) throw new InspectorError(reply.error.code, reply.error.message);
  return reply.result;
}
