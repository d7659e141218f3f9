import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  encodePprof,
  encodePprofGzip
} from "./chunk-4F3MHGM4.js";
import {
  maskSecret,
  maskUrlCredentials,
  redact,
  redactUrlCredentials
} from "./chunk-6MZMPYYD.js";
import {
  DEFAULT_LIMITS,
  ProfileInputError,
  parseProfileBytes
} from "./chunk-CEA2Q2JC.js";
import {
  contextMeta,
  sanitizeJobKey
} from "./chunk-QJ2RV7E4.js";
import {
  makeDirs
} from "./chunk-MIHNHIUD.js";
import {
  ALLOC_SAMPLES,
  ALLOC_SPACE,
  CPU_NANOS,
  ProfileBuilder,
  SAMPLES_COUNT
} from "./chunk-VYVC6F5W.js";
import {
  writeFileAtomic
} from "./chunk-2UXSF32T.js";

// src/pipeline/store.ts
import * as path2 from "node:path";

// src/collect/redact.ts
var REDACTED = "***";
var SECRET_NAME = /key|token|secret|passw|pwd|auth|credential|cookie|session|signature|private|dsn/i;
var QUOTED_OR_WORD = String.raw`(?:"[^"]*"|'[^']*'|[^\s"']+)+`;
var ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|(?])(-{0,2}[A-Za-z_][\w.-]*)=(${QUOTED_OR_WORD})`, "g");
var SPACED_OPTION = new RegExp(String.raw`(^|\s)(--?[A-Za-z][\w.-]*)(\s+)(?!-)(${QUOTED_OR_WORD})`, "g");
var AUTH_HEADER = /\b((?:proxy-)?authorization:\s*)(?:(?:bearer|basic|token)\s+)?[^\s"']+/gi;
var KNOWN_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|A[KS]IA[0-9A-Z]{16})\b/g;
var isSecretName = (name) => SECRET_NAME.test(name.replace(/^-+/, ""));
function redactText(text) {
  return redact(text).replace(AUTH_HEADER, `$1${REDACTED}`).replace(KNOWN_TOKENS, REDACTED).replace(ASSIGNMENT, (all, lead, name) => isSecretName(name) ? `${lead}${name}=${REDACTED}` : all).replace(SPACED_OPTION, (all, lead, name, space) => name.startsWith("-") && isSecretName(name) ? `${lead}${name}${space}${REDACTED}` : all);
}
function redactCommand(command) {
  return command.map((word, i) => {
    const previous = command[i - 1];
    if (i > 0 && previous && /^--?[A-Za-z][\w.-]*$/.test(previous) && isSecretName(previous) && !word.startsWith("-")) return REDACTED;
    return redactText(word);
  });
}

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

// src/pyroscope/upload.ts
import { randomUUID } from "node:crypto";

// src/profile/sample-types.ts
var SPACE_BYTES = { type: "space", unit: "bytes" };
var isAllocationType = (t) => t.type === ALLOC_SAMPLES.type && t.unit === ALLOC_SAMPLES.unit || t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit;
function hasAllocations(profile) {
  return profile.sampleTypes.some(isAllocationType);
}
function withSampleTypes(profile, keep, period) {
  const idx = profile.sampleTypes.flatMap((t, i) => keep(t) ? [i] : []);
  const samples = profile.samples.flatMap((s) => {
    const values = idx.map((i) => s.values[i] ?? 0);
    return values.some((v) => v !== 0) ? [{ ...s, values }] : [];
  });
  return { ...profile, ...period, sampleTypes: idx.map((i) => profile.sampleTypes[i]), samples };
}
function splitAllocations(profile) {
  if (!hasAllocations(profile)) return { cpu: profile };
  const interval = Number(profile.meta["alloc.interval_bytes"]) || 0;
  return {
    cpu: withSampleTypes(profile, (t) => !isAllocationType(t)),
    alloc: withSampleTypes(profile, isAllocationType, { periodType: SPACE_BYTES, period: interval })
  };
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

// src/pyroscope/wire.ts
var WIRE_VARINT = 0;
var WIRE_LEN = 2;
var ProtoWriter = class _ProtoWriter {
  chunks = [];
  length = 0;
  push(bytes) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  varint(value) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`protobuf: cannot encode ${value} as a varint`);
    const out = [];
    let v = value;
    while (v >= 128) {
      out.push(v % 128 | 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
    this.push(Uint8Array.from(out));
  }
  tag(field, wire) {
    this.varint(field * 8 + wire);
  }
  /** int64/uint64 field (non-negative values only: timestamps in ms are all we send). */
  int64(field, value) {
    if (value !== 0) {
      this.tag(field, WIRE_VARINT);
      this.varint(value);
    }
    return this;
  }
  string(field, value) {
    if (value !== "") this.bytes(field, Buffer.from(value, "utf8"));
    return this;
  }
  bytes(field, value) {
    if (value.length === 0) return this;
    this.tag(field, WIRE_LEN);
    this.varint(value.length);
    this.push(value);
    return this;
  }
  /** Embedded message: always written, even when empty (it is a repeated element). */
  message(field, build) {
    const inner = new _ProtoWriter();
    build(inner);
    const bytes = inner.finish();
    this.tag(field, WIRE_LEN);
    this.varint(bytes.length);
    this.push(bytes);
    return this;
  }
  finish() {
    return Buffer.concat(this.chunks, this.length);
  }
};

// src/pyroscope/messages.ts
function encodePushRequest(series) {
  const w = new ProtoWriter();
  for (const s of series) {
    w.message(1, (sw) => {
      for (const l of s.labels) sw.message(1, (lw) => lw.string(1, l.name).string(2, l.value));
      for (const sample of s.samples) sw.message(2, (rw) => rw.bytes(1, sample.rawProfile).string(2, sample.id ?? ""));
    });
  }
  return w.finish();
}
function encodeSelectMergeProfileRequest(req) {
  return new ProtoWriter().string(1, req.profileTypeId).string(2, req.labelSelector).int64(3, req.start).int64(4, req.end).finish();
}

// src/pyroscope/upload.ts
var SPY_NAME = "nodespy";
function uploadLabels(profile, app, userLabels = {}) {
  const base = seriesLabels(app, profile.meta, userLabels);
  return [
    { name: "__name__", value: profileTypeName(profile) },
    { name: "__delta__", value: "false" },
    { name: "pyroscope_spy", value: SPY_NAME },
    ...base
  ];
}
function ingestName(labels) {
  const app = labels.find((l) => l.name === "service_name")?.value ?? "ciprof";
  const rest = labels.filter((l) => !l.name.startsWith("__") && l.name !== "service_name" && l.name !== "pyroscope_spy");
  return `${app}{${rest.map((l) => `${l.name}=${l.value}`).join(",")}}`;
}
async function uploadProfile(profile, opts) {
  const { cpu, alloc } = splitAllocations(profile);
  const result = await sendOne(cpu, opts);
  if (!alloc) return result;
  const memory = await sendOne(alloc, opts);
  return { ...result, bytes: result.bytes + memory.bytes, attempts: result.attempts + memory.attempts, allocLabels: memory.labels };
}
async function sendOne(profile, opts) {
  const slim = stripSampleLabels(profile, opts.keepSampleLabels ?? DEFAULT_KEPT_SAMPLE_LABELS);
  const gz = encodePprofGzip(slim);
  const labels = uploadLabels(profile, opts.app, opts.userLabels);
  const common = { server: opts.server, auth: opts.auth, retry: opts.retry, onRetry: opts.onRetry };
  let attempts;
  if (opts.protocol === "push") {
    const body = encodePushRequest([{ labels, samples: [{ rawProfile: gz, id: randomUUID() }] }]);
    const res = await pyroscopeRequest({
      ...common,
      path: "/push.v1.PusherService/Push",
      body,
      contentType: "application/proto",
      extraHeaders: { "Connect-Protocol-Version": "1" }
    });
    attempts = res.attempts;
  } else {
    const fromS = Math.floor((profile.timeNanos || Date.now() * 1e6) / 1e9);
    const untilS = Math.max(fromS + 1, Math.ceil(((profile.timeNanos || Date.now() * 1e6) + profile.durationNanos) / 1e9));
    const q = new URLSearchParams({ name: ingestName(labels), from: String(fromS), until: String(untilS), format: "pprof", spyName: SPY_NAME });
    const res = await pyroscopeRequest({ ...common, path: `/ingest?${q}`, body: gz, contentType: "application/octet-stream" });
    attempts = res.attempts;
  }
  return { protocol: opts.protocol, labels, bytes: gz.length, attempts };
}

// src/store/local.ts
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import * as path from "node:path";
var COMMIT_RE = /^[0-9a-f]{4,64}$/i;
var LocalStore = class {
  constructor(root) {
    this.root = root;
  }
  root;
  name = "local";
  capabilities = { separateRuns: true, runsByCommit: true };
  async put(entry, pprofGzip) {
    const jobKey = sanitizeJobKey(entry.jobKey);
    const commit = this.checkCommit(entry.commit);
    const dir = path.join(this.root, jobKey, commit);
    makeDirs(dir);
    const createdAt = (/* @__PURE__ */ new Date()).toISOString();
    const name = `${createdAt.replace(/[:.]/g, "-")}-${process.pid}.pb.gz`;
    const file = path.join(dir, name);
    writeFileAtomic(file, pprofGzip);
    const stored = { id: file, jobKey, commit, createdAt, ...entry.branch ? { branch: entry.branch } : {} };
    const index = path.join(this.root, jobKey, "index.jsonl");
    const line = `${JSON.stringify({ ...stored, id: path.relative(this.root, file) })}
`;
    appendFileSync(index, endsTorn(index) ? `
${line}` : line);
    return stored;
  }
  async find(jobKey, commit) {
    const key = sanitizeJobKey(jobKey);
    const dir = path.join(this.root, key, this.checkCommit(commit));
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((f) => f.endsWith(".pb.gz")).map((f) => {
      const file = path.join(dir, f);
      return { id: file, jobKey: key, commit, createdAt: statSync(file).mtime.toISOString() };
    }).sort((a, b) => b.id.localeCompare(a.id));
  }
  async get(entry) {
    return readFileSync(entry.id);
  }
  /** Every commit with a profile for this job key, from the index (oldest first). */
  commits(jobKey) {
    const index = path.join(this.root, sanitizeJobKey(jobKey), "index.jsonl");
    if (!existsSync(index)) return [];
    const seen = /* @__PURE__ */ new Set();
    for (const line of readFileSync(index, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        seen.add(JSON.parse(line).commit);
      } catch {
      }
    }
    return [...seen];
  }
  checkCommit(commit) {
    if (!COMMIT_RE.test(commit)) throw new Error(`local store: "${commit}" is not a commit id`);
    return commit.toLowerCase();
  }
};
function endsTorn(file) {
  let fd;
  try {
    fd = openSync(file, "r");
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 10;
  } catch {
    return false;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/store/pyroscope.ts
import { gzipSync } from "node:zlib";
var PyroscopeStore = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  name = "pyroscope";
  // A query returns every run in the time window merged into one profile.
  capabilities = { separateRuns: false, runsByCommit: false };
  fetched = /* @__PURE__ */ new Map();
  /** The selector a stored profile is found by: app, job key, commit. */
  selector(jobKey, commit) {
    return labelSelector([
      { name: "service_name", value: sanitizeAppName(this.opts.app) },
      { name: "job_key", value: sanitizeLabelValue(jobKey) },
      { name: "commit", value: sanitizeLabelValue(commit) }
    ]);
  }
  async put(entry, pprofGzip) {
    const parsed = parseProfileBytes("profile", pprofGzip);
    if (parsed.kind !== "pprof") throw new Error("pyroscope store: expected a pprof profile");
    const profile = parsed.profile;
    profile.meta = { ...profile.meta, commit: entry.commit, job_key: entry.jobKey, ...entry.branch ? { branch: entry.branch } : {} };
    await uploadProfile(profile, { ...this.common(), app: this.opts.app, protocol: this.opts.protocol ?? "push" });
    return { id: this.selector(entry.jobKey, entry.commit), jobKey: entry.jobKey, commit: entry.commit, createdAt: new Date(this.now()).toISOString(), ...entry.branch ? { branch: entry.branch } : {} };
  }
  /** One entry (all runs of the commit, merged by Pyroscope) or none. */
  async find(jobKey, commit) {
    const id = this.selector(jobKey, commit);
    const profile = await this.fetchMerged(id, commit, jobKey);
    if (profile.samples.length === 0) return [];
    this.fetched.set(id, gzipSync(encodePprof(profile)));
    const createdAt = new Date(profile.timeNanos ? profile.timeNanos / 1e6 : this.now()).toISOString();
    return [{ id, jobKey, commit, createdAt }];
  }
  async get(entry) {
    const cached = this.fetched.get(entry.id);
    if (cached) return cached;
    const profile = await this.fetchMerged(entry.id, entry.commit, entry.jobKey);
    if (profile.samples.length === 0) throw new Error(`pyroscope: no profile for ${entry.id} in the last ${Math.round(this.opts.windowMs / 864e5)} days`);
    return gzipSync(encodePprof(profile));
  }
  now() {
    return (this.opts.now ?? Date.now)();
  }
  common() {
    return { server: this.opts.server, auth: this.opts.auth, retry: this.opts.retry, onRetry: this.opts.onRetry };
  }
  async selectMerge(profileTypeId, selector) {
    const end = this.now();
    const res = await pyroscopeRequest({
      ...this.common(),
      path: "/querier.v1.QuerierService/SelectMergeProfile",
      body: encodeSelectMergeProfileRequest({ profileTypeId, labelSelector: selector, start: end - this.opts.windowMs, end }),
      contentType: "application/proto",
      extraHeaders: { "Connect-Protocol-Version": "1" }
    });
    if (res.body.length === 0) return new ProfileBuilder([{ type: "cpu", unit: "nanoseconds" }], CPU_NANOS, 0).build();
    const source = `pyroscope SelectMergeProfile answer (${profileTypeId} ${selector})`;
    const parsed = parseProfileBytes(source, res.body);
    if (parsed.kind !== "pprof") throw new ProfileInputError(source, "JSON, not a pprof profile");
    return parsed.profile;
  }
  /** Both value types for a selector, joined into one profile in our two-type shape. */
  async fetchMerged(selector, commit, jobKey) {
    const time = await this.selectMerge(CPU_TIME_TYPE, selector);
    const counts = time.samples.length ? await this.selectMerge(CPU_SAMPLES_TYPE, selector) : time;
    const out = new ProfileBuilder([SAMPLES_COUNT, CPU_NANOS], CPU_NANOS, time.period);
    const add = (part, slot) => {
      for (const s of part.samples) {
        const stack = s.stack.map((i) => {
          const f = part.functions[i];
          return out.functionId(f.name, f.file, f.line);
        });
        const v = s.values[0] ?? 0;
        out.addSample(stack, slot === 0 ? [v, 0] : [0, v], s.labels);
      }
    };
    if (time.samples.length) {
      add(time, 1);
      if (counts !== time && counts.samples.length) add(counts, 0);
    }
    out.timeNanos = time.timeNanos;
    out.durationNanos = time.durationNanos;
    out.meta = { commit, job_key: jobKey, source: "pyroscope", "pyroscope.selector": selector };
    const profile = out.build();
    const totalNs = profile.samples.reduce((a, s) => a + s.values[1], 0);
    const totalCount = profile.samples.reduce((a, s) => a + s.values[0], 0);
    if (!profile.period) profile.period = totalCount > 0 ? Math.round(totalNs / totalCount) : 1e6;
    if (totalCount === 0) for (const s of profile.samples) s.values[0] = Math.round(s.values[1] / profile.period);
    return profile;
  }
};
function createPyroscopeStore(opts) {
  return new PyroscopeStore(opts);
}

// src/pipeline/store.ts
function isBaselineRun(c) {
  return c.exitCode === 0;
}
function testsFailedLine(exitCode) {
  return `tests failed (exit ${exitCode}): no comparison`;
}
async function storeRun(s, c, opts, log) {
  const out = {};
  if (!c.pprofGzip || !s.ci.commit) return out;
  if (!isBaselineRun(c)) {
    log.info(`${testsFailedLine(c.exitCode)}; the profile is kept in ${path2.relative(process.cwd(), s.outDir) || "."} but not stored as a baseline`);
    return out;
  }
  const entry = { jobKey: s.ci.jobKey, commit: s.ci.commit, branch: s.ci.branch };
  if (opts.local && c.threads.length > 0) {
    try {
      const stored = await new LocalStore(s.storeDir).put(entry, c.pprofGzip);
      out.storedAs = path2.relative(process.cwd(), stored.id) || stored.id;
    } catch (err) {
      log.warn(`local store: ${err.message}`);
    }
  }
  if (opts.artifact && s.ci.repository) {
    try {
      const store = await githubStore(s, s.ci.repository);
      const { artifactName } = await import("./github-artifacts-5VH5FKW7.js");
      await freeArtifactName(artifactName(entry.jobKey, entry.commit), s.env, log);
      const stored = await store.put(entry, c.pprofGzip);
      log.info(`profile uploaded as artifact ${stored.id} for ${s.ci.jobKey} @ ${s.ci.commit.slice(0, 12)}`);
    } catch (err) {
      log.warn(`could not upload the profile artifact: ${err.message}`);
    }
  }
  return out;
}
async function freeArtifactName(name, env, log) {
  if (!env.ACTIONS_RUNTIME_TOKEN) return;
  const { DefaultArtifactClient } = await import("./artifact-VQ72TC3M.js");
  try {
    await new DefaultArtifactClient().deleteArtifact(name);
    log.info(`replaced the artifact ${name} of an earlier attempt of this run`);
  } catch {
  }
}
async function openStore(s, kind = s.store) {
  if (kind === "local") return new LocalStore(s.storeDir);
  if (kind === "pyroscope") {
    if (!s.pyroscopeQuery) throw new Error("the pyroscope store needs --server (or CIPROF_PYROSCOPE_URL)");
    return createPyroscopeStore(s.pyroscopeQuery);
  }
  if (!s.githubToken) throw new Error("the github store needs a token (GITHUB_TOKEN or the github-token input)");
  if (!s.ci.repository) throw new Error("the github store needs the repository (GITHUB_REPOSITORY)");
  return githubStore(s, s.ci.repository);
}
async function githubStore(s, repository) {
  const { GithubArtifactStore } = await import("./github-artifacts-5VH5FKW7.js");
  return new GithubArtifactStore({ token: s.githubToken ?? "", repository, baseBranch: s.ci.baseBranch });
}
async function openStoreOrLocal(s, log) {
  try {
    return await openStore(s);
  } catch (err) {
    log.warn(`${err.message}; using the local store`);
    return openStore(s, "local");
  }
}
async function uploadToPyroscope(profile, settings, where) {
  if (profile.meta.command) profile.meta = { ...profile.meta, command: redactText(profile.meta.command) };
  try {
    const result = await uploadProfile(profile, { ...settings, onRetry: () => void 0 });
    return { ok: true, result, line: describeUpload(result, settings) };
  } catch (err) {
    const transient = err instanceof PyroscopeError ? err.transient : true;
    const msg = err.message;
    return { ok: false, transient, message: transient ? `Pyroscope upload failed, profile kept in ${where}: ${msg}` : `Pyroscope rejected the upload: ${msg}` };
  }
}
async function uploadRun(s, c, where, log) {
  if (!s.pyroscope || !c.profile) return;
  if (!isBaselineRun(c)) return void log.info(`${testsFailedLine(c.exitCode)}; not uploaded to Pyroscope`);
  const outcome = await uploadToPyroscope(c.profile, s.pyroscope, where);
  if (outcome.ok) log.info(outcome.line);
  else if (outcome.transient) log.warn(outcome.message);
  else log.info(`error: ${outcome.message}`);
}
function withRunMeta(profile, s) {
  profile.meta = { ...contextMeta(s.ci), ...profile.meta };
  return profile;
}
function describeUpload(r, settings) {
  const commit = r.labels.find((l) => l.name === "commit")?.value;
  return `uploaded to ${settings.server} (${r.protocol}, app ${settings.app}${commit ? `, commit ${commit.slice(0, 12)}` : ""}, ${r.bytes} bytes)`;
}

export {
  redactCommand,
  DEFAULT_KEPT_SAMPLE_LABELS,
  sanitizeLabelValue,
  sanitizeAppName,
  defaultAppName,
  CPU_TIME_TYPE,
  parseUserLabels,
  labelSelector,
  resolveAuth,
  splitServerUrl,
  DEFAULT_RETRY,
  isBaselineRun,
  testsFailedLine,
  storeRun,
  freeArtifactName,
  openStore,
  openStoreOrLocal,
  uploadToPyroscope,
  uploadRun,
  withRunMeta
};
