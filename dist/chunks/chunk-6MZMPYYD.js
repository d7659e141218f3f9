import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/ci/mask.ts
var MIN_SECRET_LENGTH = 4;
var REDACTED = "***";
var registered = /* @__PURE__ */ new Set();
function forms(secret) {
  const all = [secret, Buffer.from(secret).toString("base64"), encodeURIComponent(secret)];
  return [...new Set(all)].filter((s) => s.length >= MIN_SECRET_LENGTH);
}
function issueMask(value, env) {
  if (env.GITHUB_ACTIONS !== "true") return;
  const escaped = value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  process.stdout.write(`::add-mask::${escaped}
`);
}
function maskSecret(secret, env = process.env) {
  const value = secret?.trim();
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  for (const form of forms(value)) {
    if (registered.has(form)) continue;
    registered.add(form);
    issueMask(form, env);
  }
}
function maskUrlCredentials(url, env = process.env) {
  for (const m of (url ?? "").matchAll(URL_USERINFO)) {
    const [user, ...rest] = m[2].split(":");
    const password = rest.join(":");
    const decode = (s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    if (password) {
      maskSecret(password, env);
      maskSecret(decode(password), env);
      maskSecret(`${decode(user)}:${decode(password)}`, env);
    } else maskSecret(decode(user), env);
  }
}
var URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]+)@/gi;
function redactUrlCredentials(text) {
  return text.replace(URL_USERINFO, `$1${REDACTED}@`);
}
function redact(text, extra = []) {
  let out = redactUrlCredentials(text);
  const secrets = new Set(registered);
  for (const s of extra) if (s && s.length >= MIN_SECRET_LENGTH) for (const f of forms(s)) secrets.add(f);
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
  return out;
}

export {
  maskSecret,
  maskUrlCredentials,
  redactUrlCredentials,
  redact
};
