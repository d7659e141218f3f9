import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  maskSecret,
  maskUrlCredentials,
  redact,
  redactUrlCredentials
} from "./chunk-6MZMPYYD.js";
import {
  DEFAULT_LIMITS
} from "./chunk-JSXNLBLO.js";
import {
  ProfileBuilder
} from "./chunk-VYVC6F5W.js";

// src/pyroscope/auth.ts
function resolveAuth(flags, env = process.env) {
  const pick = (flag, name) => {
    const v = flag ?? env[name];
    return v && v.trim() !== "" ? v.trim() : void 0;
  };
  const auth = {
    basicAuth: pick(flags.basicAuth, "CIPROF_PYROSCOPE_BASIC_AUTH"),
    token: pick(flags.token, "CIPROF_PYROSCOPE_TOKEN"),
    tenant: pick(flags.tenant, "CIPROF_PYROSCOPE_TENANT")
  };
  for (const secret of [auth.token, auth.basicAuth, auth.basicAuth?.split(":").slice(1).join(":")]) maskSecret(secret, env);
  return auth;
}
function splitServerUrl(raw, auth) {
  maskUrlCredentials(raw);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--server "${redactUrlCredentials(raw)}" is not a URL (expected e.g. http://pyroscope:4040)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`--server must be http(s), got ${url.protocol}`);
  let merged = auth;
  if (url.username || url.password) {
    const userPass = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    merged = { ...auth, basicAuth: auth.basicAuth ?? userPass };
    url.username = "";
    url.password = "";
  }
  url.search = "";
  url.hash = "";
  return { server: url.toString().replace(/\/+$/, ""), auth: merged };
}
function authHeaders(auth) {
  const h = {};
  if (auth.token) h.Authorization = `Bearer ${auth.token}`;
  else if (auth.basicAuth) h.Authorization = `Basic ${Buffer.from(auth.basicAuth).toString("base64")}`;
  if (auth.tenant) h["X-Scope-OrgID"] = auth.tenant;
  return h;
}

// src/pyroscope/http.ts
var DEFAULT_RETRY = { retries: 5, baseDelayMs: 500, maxDelayMs: 8e3, deadlineMs: 6e4, attemptTimeoutMs: 3e4 };
var MAX_ERROR_BODY_BYTES = 64 * 1024;
var PyroscopeError = class extends Error {
  constructor(message, status, transient) {
    super(message);
    this.status = status;
    this.transient = transient;
    this.name = "PyroscopeError";
  }
  status;
  transient;
};
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function retryAfterMs(value, now = Date.now()) {
  if (!value) return void 0;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1e3;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function backoffMs(attempt, policy, random = Math.random) {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(cap / 2 + random() * cap / 2);
}
function serverMessage(body, contentType) {
  let text = body.toString("utf8");
  if (contentType.includes("json") || text.trimStart().startsWith("{")) {
    try {
      const json = JSON.parse(text);
      text = [json.code, json.message ?? json.error].filter(Boolean).join(": ") || text;
    } catch {
    }
  }
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 300)}\u2026` : line;
}
var OversizedAnswer = class extends Error {
};
async function readCapped(res, max, truncate) {
  const declared = Number(res.headers.get("content-length"));
  if (!truncate && res.headers.get("content-encoding") === null && declared > max) {
    await res.body?.cancel();
    throw new OversizedAnswer(`answer of ${declared} bytes (limit ${max})`);
  }
  const chunks = [];
  let got = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (; ; ) {
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
var oneLine = (text) => text.replace(/\s*[\r\n]+\s*/g, " ");
function networkReason(err) {
  const e = err;
  if (e.name === "TimeoutError" || e.name === "AbortError") return "timed out";
  return e.cause?.code ?? e.cause?.message ?? e.message;
}
async function pyroscopeRequest(req) {
  const policy = { ...DEFAULT_RETRY, ...req.retry };
  const started = Date.now();
  const url = new URL(`${req.server.replace(/\/+$/, "")}${req.path}`);
  const where = `${url.origin}${url.pathname}`;
  const headers = { "Content-Type": req.contentType, "User-Agent": "ciprof", ...req.extraHeaders, ...authHeaders(req.auth) };
  const secrets = [req.auth.token, req.auth.basicAuth, req.auth.basicAuth?.split(":").slice(1).join(":")];
  let lastProblem = "";
  for (let attempt = 0; ; attempt++) {
    const remaining = policy.deadlineMs - (Date.now() - started);
    let retryAfter;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers,
        body: new Uint8Array(req.body),
        signal: AbortSignal.timeout(Math.max(1, Math.min(policy.attemptTimeoutMs, remaining)))
      });
      const contentType = res.headers.get("content-type") ?? "";
      const body = await readCapped(res, res.ok ? req.maxResponseBytes ?? DEFAULT_LIMITS.maxBytes : MAX_ERROR_BODY_BYTES, !res.ok);
      if (res.ok) return { status: res.status, contentType, body, attempts: attempt + 1 };
      const message = redact(serverMessage(body, contentType), secrets);
      lastProblem = `HTTP ${res.status}${message ? `: ${message}` : ""}`;
      if (res.status !== 429 && res.status < 500) {
        throw new PyroscopeError(`${where} answered ${lastProblem}`, res.status, false);
      }
      retryAfter = retryAfterMs(res.headers.get("retry-after"));
    } catch (err) {
      if (err instanceof PyroscopeError) throw err;
      if (err instanceof OversizedAnswer) throw new PyroscopeError(`${where}: ${err.message}`, void 0, false);
      lastProblem = oneLine(redact(networkReason(err), secrets));
    }
    const elapsed = Date.now() - started;
    const wait = retryAfter ?? backoffMs(attempt, policy);
    if (attempt >= policy.retries || elapsed + wait >= policy.deadlineMs) {
      const tries = `${attempt + 1} attempt${attempt ? "s" : ""} in ${Math.round(elapsed / 100) / 10}s`;
      throw new PyroscopeError(`${where}: ${lastProblem} (gave up after ${tries})`, void 0, true);
    }
    req.onRetry?.(`${where}: ${lastProblem}; retrying in ${wait} ms`);
    await sleep(wait);
  }
}

// src/pyroscope/labels.ts
var MAX_LABEL_VALUE_CHARS = 256;
var MAX_USER_LABELS = 12;
var DEFAULT_KEPT_SAMPLE_LABELS = ["test_file"];
var NAME_OK = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
function sanitizeLabelName(raw) {
  let name = raw.trim().replace(/[^a-zA-Z0-9_]/g, "_");
  if (name === "") return "";
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return NAME_OK.test(name) ? name : "";
}
function sanitizeLabelValue(raw) {
  const cleaned = raw.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/[,}]/g, "_").trim();
  const chars = Array.from(cleaned);
  return chars.length > MAX_LABEL_VALUE_CHARS ? chars.slice(0, MAX_LABEL_VALUE_CHARS).join("") : cleaned;
}
function sanitizeAppName(raw) {
  const cleaned = raw.trim().replace(/[^a-zA-Z0-9_./-]+/g, "_").slice(0, MAX_LABEL_VALUE_CHARS);
  return cleaned.replace(/^_+|_+$/g, "") || "ciprof";
}
function defaultAppName(repository, repoRoot) {
  const fromRepo = repository?.split("/").filter(Boolean).pop()?.replace(/\.git$/, "");
  const fromDir = repoRoot?.split(/[\\/]/).filter(Boolean).pop();
  return sanitizeAppName(fromRepo || fromDir || "ciprof");
}
var CPU_TIME_TYPE = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";
var CPU_SAMPLES_TYPE = "process_cpu:samples:count:cpu:nanoseconds";
var META_LABELS = [
  ["commit", "commit"],
  ["branch", "branch"],
  ["pr", "pr"],
  ["ci.provider", "ci_provider"],
  ["ci.workflow", "workflow"],
  ["ci.job", "job"],
  ["ci.matrix", "matrix"],
  ["job_key", "job_key"]
];
function parseUserLabels(specs, warn) {
  const out = {};
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    const name = eq > 0 ? sanitizeLabelName(spec.slice(0, eq)) : "";
    if (!name || name.startsWith("__") || name === "service_name") {
      warn(`--label "${spec}" ignored: expected name=value with a name other than service_name or __*`);
      continue;
    }
    if (Object.keys(out).length >= MAX_USER_LABELS && !(name in out)) {
      warn(`--label "${spec}" ignored: at most ${MAX_USER_LABELS} user labels (Pyroscope limits labels per series)`);
      continue;
    }
    out[name] = spec.slice(eq + 1);
  }
  return out;
}
function profileTypeName(profile) {
  if (profile.sampleTypes.some((t) => t.type === "wall")) return "wall";
  if (profile.sampleTypes.some((t) => t.type.includes("cpu"))) return "process_cpu";
  if (profile.sampleTypes.some((t) => t.type.startsWith("alloc_"))) return "memory";
  return profile.sampleTypes[profile.sampleTypes.length - 1]?.type ?? "process_cpu";
}
function seriesLabels(app, meta, user = {}) {
  const labels = /* @__PURE__ */ new Map([["service_name", sanitizeAppName(app)]]);
  for (const [key, name] of META_LABELS) {
    const v = meta[key];
    if (v !== void 0 && v !== "") labels.set(name, sanitizeLabelValue(v));
  }
  for (const [rawName, v] of Object.entries(user)) {
    const name = sanitizeLabelName(rawName);
    if (name && !labels.has(name) && !name.startsWith("__")) labels.set(name, sanitizeLabelValue(v));
  }
  return [...labels].filter(([, v]) => v !== "").map(([name, value]) => ({ name, value }));
}
function stripSampleLabels(profile, keep = DEFAULT_KEPT_SAMPLE_LABELS) {
  const allowed = new Set(keep);
  const builder = new ProfileBuilder(profile.sampleTypes, profile.periodType, profile.period);
  builder.timeNanos = profile.timeNanos;
  builder.durationNanos = profile.durationNanos;
  builder.meta = { ...profile.meta };
  for (const f of profile.functions) builder.functionId(f.name, f.file, f.line);
  for (const s of profile.samples) {
    const labels = {};
    for (const [k, v] of Object.entries(s.labels)) {
      const name = sanitizeLabelName(k);
      if (allowed.has(k) && name) labels[name] = typeof v === "string" ? sanitizeLabelValue(v) : v;
    }
    builder.addSample(s.stack, s.values, labels);
  }
  return builder.build();
}
function labelSelector(labels) {
  const esc = (v) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  return `{${labels.map((l) => `${l.name}="${esc(l.value)}"`).join(",")}}`;
}

export {
  resolveAuth,
  splitServerUrl,
  DEFAULT_RETRY,
  PyroscopeError,
  pyroscopeRequest,
  DEFAULT_KEPT_SAMPLE_LABELS,
  sanitizeLabelValue,
  sanitizeAppName,
  defaultAppName,
  CPU_TIME_TYPE,
  CPU_SAMPLES_TYPE,
  parseUserLabels,
  profileTypeName,
  seriesLabels,
  stripSampleLabels,
  labelSelector
};
