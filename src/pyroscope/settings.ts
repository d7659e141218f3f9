/**
 * Turns command-line flags (and CIPROF_PYROSCOPE_* environment variables) into one
 * settings object for uploads and the Pyroscope store, as actions/checkout's
 * input-helper does: every front door (upload, run --upload, diff --store pyroscope)
 * reads Pyroscope configuration the same way.
 */
import { resolveAuth, splitServerUrl, type PyroscopeAuth } from './auth.js';
import { DEFAULT_RETRY, type RetryPolicy } from './http.js';
import { DEFAULT_KEPT_SAMPLE_LABELS, defaultAppName, parseUserLabels, sanitizeAppName } from './labels.js';
import type { PyroscopeProtocol } from './upload.js';

export interface PyroscopeFlags {
  server?: string;
  app?: string;
  protocol?: string;
  label?: string[];
  labels?: string;
  basicAuth?: string;
  token?: string;
  tenant?: string;
  pyroscopeTimeout?: string;
}

export interface PyroscopeSettings {
  server: string;
  app: string;
  protocol: PyroscopeProtocol;
  auth: PyroscopeAuth;
  userLabels: Record<string, string>;
  keepSampleLabels: string[];
  retry: RetryPolicy;
}

export interface SettingsContext {
  repository?: string;
  repoRoot?: string;
  env?: NodeJS.ProcessEnv;
  warn: (line: string) => void;
}

/** Throws an Error with a one-line message on a bad flag. */
export function resolvePyroscopeSettings(flags: PyroscopeFlags, ctx: SettingsContext): PyroscopeSettings {
  const env = ctx.env ?? process.env;
  const rawServer = flags.server ?? env.CIPROF_PYROSCOPE_URL;
  if (!rawServer) throw new Error('no Pyroscope server: pass --server <url> or set CIPROF_PYROSCOPE_URL');
  const { server, auth } = splitServerUrl(rawServer, resolveAuth(flags, env));
  const protocol = (flags.protocol ?? 'push').toLowerCase();
  if (protocol !== 'push' && protocol !== 'ingest') throw new Error(`--protocol must be push or ingest, got "${flags.protocol}"`);
  // pid/thread are never kept: one series per process per upload is the cardinality blow-up we avoid.
  const keep = flags.labels === undefined ? DEFAULT_KEPT_SAMPLE_LABELS : flags.labels.split(',').map((s) => s.trim()).filter((s) => s && s !== 'none' && s !== 'pid' && s !== 'thread');
  let deadlineMs = DEFAULT_RETRY.deadlineMs;
  if (flags.pyroscopeTimeout !== undefined) {
    const s = Number(flags.pyroscopeTimeout);
    if (!Number.isFinite(s) || s <= 0) throw new Error(`--pyroscope-timeout must be a positive number of seconds, got "${flags.pyroscopeTimeout}"`);
    deadlineMs = s * 1000;
  }
  return {
    server,
    app: flags.app ? sanitizeAppName(flags.app) : defaultAppName(ctx.repository, ctx.repoRoot),
    protocol,
    auth,
    userLabels: parseUserLabels(flags.label ?? [], ctx.warn),
    keepSampleLabels: keep,
    retry: { ...DEFAULT_RETRY, deadlineMs, attemptTimeoutMs: Math.min(DEFAULT_RETRY.attemptTimeoutMs, deadlineMs) },
  };
}

/** What a baseline query needs: the connection and how far back to look. */
export interface PyroscopeQuerySettings {
  server: string;
  app: string;
  auth: PyroscopeAuth;
  /** How far back a baseline is looked for, ms (`--window 30d`). */
  windowMs: number;
  retry: RetryPolicy;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d`, `12h`, `90m`, `2w` -> ms. */
export function parseWindow(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(text);
  const ms = m ? Number(m[1]) * UNITS[m[2]!]! : NaN;
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`--window "${text}" is not a duration like 30d, 12h or 90m`);
  return ms;
}

/** Settings for the Pyroscope baseline store (`diff --store pyroscope`): connection flags plus `--window`. */
export function resolvePyroscopeQuerySettings(flags: PyroscopeFlags & { window?: string }, ctx: SettingsContext): PyroscopeQuerySettings {
  const s = resolvePyroscopeSettings(flags, ctx);
  return { server: s.server, app: s.app, auth: s.auth, windowMs: parseWindow(flags.window ?? '30d'), retry: s.retry };
}
