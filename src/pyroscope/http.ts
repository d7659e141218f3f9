/**
 * One HTTP exchange with a Pyroscope server, with the retry policy every call shares:
 * network errors, 5xx and 429 are retried with exponential backoff and full jitter until a
 * total deadline (Retry-After honoured when it fits); other 4xx fail at once with the
 * status and the server's own message. Secrets never reach an error message, and every
 * error is one line. An answer is read up to a cap (a profile's decode limit, 64 KiB for an
 * error's message), decompressed bytes counted: a server, or whoever sits in its place,
 * cannot make ciprof buffer an endless or bomb-sized answer.
 */
import { redact } from '../ci/mask.js';
import { DEFAULT_LIMITS } from '../profile/limits.js';
import { type PyroscopeAuth, authHeaders } from './auth.js';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Whole exchange, all attempts and waits included. */
  deadlineMs: number;
  /** One attempt. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 500, maxDelayMs: 8_000, deadlineMs: 60_000, attemptTimeoutMs: 30_000 };

export interface PyroscopeRequest {
  server: string;
  /** Path and query, starting with '/'. */
  path: string;
  body: Uint8Array;
  contentType: string;
  extraHeaders?: Record<string, string>;
  auth: PyroscopeAuth;
  retry?: Partial<RetryPolicy>;
  /** Told about each retry (one line). */
  onRetry?: (line: string) => void;
  /** Largest successful answer read, bytes after decompression (default: a profile file's limit). */
  maxResponseBytes?: number;
}

/** An error answer's message is a line of text: no more of it is read. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface PyroscopeResponse {
  status: number;
  contentType: string;
  body: Buffer;
  attempts: number;
}

export class PyroscopeError extends Error {
  constructor(
    message: string,
    /** HTTP status, undefined for network errors and timeouts. */
    readonly status: number | undefined,
    /** True when the failure was transient and the retries ran out. */
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'PyroscopeError';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with full jitter (AWS architecture blog): spreads retries of many CI jobs. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** The server's message from a Connect error (`{"code","message"}`) or a plain-text body, on one line. */
export function serverMessage(body: Buffer, contentType: string): string {
  let text = body.toString('utf8');
  if (contentType.includes('json') || text.trimStart().startsWith('{')) {
    try {
      const json = JSON.parse(text) as { code?: string; message?: string; error?: string };
      text = [json.code, json.message ?? json.error].filter(Boolean).join(': ') || text;
    } catch {
      // not JSON after all: keep the text
    }
  }
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Raised inside an attempt: never retried, the server's answer being the problem. */
class OversizedAnswer extends Error {}

/** The body, read up to `max` bytes; beyond it the rest is cancelled and, unless `truncate`, refused. */
async function readCapped(res: Response, max: number, truncate: boolean): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (!truncate && res.headers.get('content-encoding') === null && declared > max) {
    await res.body?.cancel();
    throw new OversizedAnswer(`answer of ${declared} bytes (limit ${max})`);
  }
  const chunks: Uint8Array[] = [];
  let got = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (got + value.length > max) {
      await reader.cancel();
      if (truncate) {
        chunks.push(value.subarray(0, max - got));
        break;
      }
      throw new OversizedAnswer(`answer larger than ${max} bytes (refused)`);
    }
    chunks.push(value);
    got += value.length;
  }
  return Buffer.concat(chunks);
}

/** One line, whatever a server or the network stack said. */
const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');

function networkReason(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

export async function pyroscopeRequest(req: PyroscopeRequest): Promise<PyroscopeResponse> {
  const policy = { ...DEFAULT_RETRY, ...req.retry };
  const started = Date.now();
  // Concatenate rather than resolve: a path on the server URL (a reverse proxy prefix) is kept.
  const url = new URL(`${req.server.replace(/\/+$/, '')}${req.path}`);
  const where = `${url.origin}${url.pathname}`;
  const headers = { 'Content-Type': req.contentType, 'User-Agent': 'ciprof', ...req.extraHeaders, ...authHeaders(req.auth) };
  const secrets = [req.auth.token, req.auth.basicAuth, req.auth.basicAuth?.split(':').slice(1).join(':')];
  let lastProblem = '';
  for (let attempt = 0; ; attempt++) {
    const remaining = policy.deadlineMs - (Date.now() - started);
    let retryAfter: number | undefined;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body: new Uint8Array(req.body),
        signal: AbortSignal.timeout(Math.max(1, Math.min(policy.attemptTimeoutMs, remaining))),
      });
      const contentType = res.headers.get('content-type') ?? '';
      const body = await readCapped(res, res.ok ? (req.maxResponseBytes ?? DEFAULT_LIMITS.maxBytes) : MAX_ERROR_BODY_BYTES, !res.ok);
      if (res.ok) return { status: res.status, contentType, body, attempts: attempt + 1 };
      const message = redact(serverMessage(body, contentType), secrets);
      lastProblem = `HTTP ${res.status}${message ? `: ${message}` : ''}`;
      if (res.status !== 429 && res.status < 500) {
        throw new PyroscopeError(`${where} answered ${lastProblem}`, res.status, false);
      }
      retryAfter = retryAfterMs(res.headers.get('retry-after'));
    } catch (err) {
      if (err instanceof PyroscopeError) throw err;
      if (err instanceof OversizedAnswer) throw new PyroscopeError(`${where}: ${err.message}`, undefined, false);
      lastProblem = oneLine(redact(networkReason(err), secrets));
    }
    const elapsed = Date.now() - started;
    const wait = retryAfter ?? backoffMs(attempt, policy);
    if (attempt >= policy.retries || elapsed + wait >= policy.deadlineMs) {
      const tries = `${attempt + 1} attempt${attempt ? 's' : ''} in ${Math.round(elapsed / 100) / 10}s`;
      throw new PyroscopeError(`${where}: ${lastProblem} (gave up after ${tries})`, undefined, true);
    }
    req.onRetry?.(`${where}: ${lastProblem}; retrying in ${wait} ms`);
    await sleep(wait);
  }
}
