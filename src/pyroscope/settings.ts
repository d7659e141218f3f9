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
import { parseWindow, type PyroscopeStoreOptions } from '../store/pyroscope.js';

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

/** Options for the Pyroscope baseline store (`diff --store pyroscope`): connection flags plus `--window`. */
export function resolvePyroscopeStoreOptions(flags: PyroscopeFlags & { window?: string }, ctx: SettingsContext): PyroscopeStoreOptions {
  const s = resolvePyroscopeSettings(flags, ctx);
  return { server: s.server, app: s.app, auth: s.auth, windowMs: parseWindow(flags.window ?? '30d'), retry: s.retry };
}
