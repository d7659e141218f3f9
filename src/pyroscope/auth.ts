/**
 * Credentials for Pyroscope: basic auth, a bearer token, the X-Scope-OrgID tenant.
 * From flags first, then CIPROF_PYROSCOPE_* environment variables (so secrets need not
 * sit on a command line). In GitHub Actions each secret is masked in the log.
 */
import { maskSecret, maskUrlCredentials, redactUrlCredentials } from '../ci/mask.js';

export interface PyroscopeAuth {
  /** `user:password` */
  basicAuth?: string;
  token?: string;
  tenant?: string;
}

export interface AuthFlags {
  basicAuth?: string;
  token?: string;
  tenant?: string;
}

export function resolveAuth(flags: AuthFlags, env: NodeJS.ProcessEnv = process.env): PyroscopeAuth {
  const pick = (flag: string | undefined, name: string): string | undefined => {
    const v = flag ?? env[name];
    return v && v.trim() !== '' ? v.trim() : undefined;
  };
  const auth: PyroscopeAuth = {
    basicAuth: pick(flags.basicAuth, 'CIPROF_PYROSCOPE_BASIC_AUTH'),
    token: pick(flags.token, 'CIPROF_PYROSCOPE_TOKEN'),
    tenant: pick(flags.tenant, 'CIPROF_PYROSCOPE_TENANT'),
  };
  for (const secret of [auth.token, auth.basicAuth, auth.basicAuth?.split(':').slice(1).join(':')]) maskSecret(secret, env);
  return auth;
}

/**
 * Moves `user:pass@` out of a server URL into basic auth: fetch refuses URLs with
 * credentials, and the URL is printed in messages.
 */
export function splitServerUrl(raw: string, auth: PyroscopeAuth): { server: string; auth: PyroscopeAuth } {
  // Masked before anything can print it, the error below included.
  maskUrlCredentials(raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--server "${redactUrlCredentials(raw)}" is not a URL (expected e.g. http://pyroscope:4040)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--server must be http(s), got ${url.protocol}`);
  let merged = auth;
  if (url.username || url.password) {
    const userPass = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    merged = { ...auth, basicAuth: auth.basicAuth ?? userPass };
    url.username = '';
    url.password = '';
  }
  url.search = '';
  url.hash = '';
  return { server: url.toString().replace(/\/+$/, ''), auth: merged };
}

export function authHeaders(auth: PyroscopeAuth): Record<string, string> {
  const h: Record<string, string> = {};
  // Both may be set (a proxy with basic auth in front of a token-checking gateway is rare);
  // Authorization holds one value, and the bearer token wins as the more specific.
  if (auth.token) h.Authorization = `Bearer ${auth.token}`;
  else if (auth.basicAuth) h.Authorization = `Basic ${Buffer.from(auth.basicAuth).toString('base64')}`;
  if (auth.tenant) h['X-Scope-OrgID'] = auth.tenant;
  return h;
}
