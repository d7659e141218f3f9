/**
 * The one place secrets are masked. A secret is registered once, as soon as it is known
 * (a token input, a password inside a server URL), and from then on:
 *   - in GitHub Actions the runner hides it in every later log line (`::add-mask::`, what
 *     @actions/core's setSecret prints, written here so `ciprof run` does not load the
 *     Actions toolkit and its HTTP client on every start);
 *   - `redact` replaces it in any text ciprof prints or writes to a file, as do the
 *     credentials of any URL (`https://user:pass@host`), registered or not.
 */

/** Shorter values would blank out ordinary words; no real token is this short. */
const MIN_SECRET_LENGTH = 4;
const REDACTED = '***';

const registered = new Set<string>();

/** A secret and the forms it travels in: Basic auth's base64, URL encoding. */
function forms(secret: string): string[] {
  const all = [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
  return [...new Set(all)].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

function issueMask(value: string, env: Readonly<Record<string, string | undefined>>): void {
  if (env.GITHUB_ACTIONS !== 'true') return;
  // Same escaping as @actions/core's command issuing: %, CR and LF.
  const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::add-mask::${escaped}\n`);
}

/** Registers a secret: masked in Actions logs and replaced by `redact` from now on. */
export function maskSecret(secret: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): void {
  const value = secret?.trim();
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  for (const form of forms(value)) {
    if (registered.has(form)) continue;
    registered.add(form);
    issueMask(form, env);
  }
}

/** Registers the password (and user:password) of a URL such as `https://u:p@host`. Never throws. */
export function maskUrlCredentials(url: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): void {
  for (const m of (url ?? '').matchAll(URL_USERINFO)) {
    const [user, ...rest] = m[2]!.split(':');
    const password = rest.join(':');
    const decode = (s: string): string => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    // A lone user name is often the token itself (https://<token>@github.com).
    if (password) {
      maskSecret(password, env);
      maskSecret(decode(password), env);
      maskSecret(`${decode(user!)}:${decode(password)}`, env);
    } else maskSecret(decode(user!), env);
  }
}

/** scheme://userinfo@ — the userinfo part is everything up to the first @ before the host. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]+)@/gi;

/** `https://user:pass@host` → `https://***@host`, in any text. */
export function redactUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, `$1${REDACTED}@`);
}

/** Text fit to print or write: URL credentials, every registered secret and `extra` replaced by ***. */
export function redact(text: string, extra: readonly (string | undefined)[] = []): string {
  let out = redactUrlCredentials(text);
  const secrets = new Set(registered);
  for (const s of extra) if (s && s.length >= MIN_SECRET_LENGTH) for (const f of forms(s)) secrets.add(f);
  // Longest first, so a secret containing another is replaced whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
  return out;
}
