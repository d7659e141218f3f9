import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  redactText
} from "./chunk-PGUBC65E.js";
import {
  encodePprof,
  encodePprofGzip
} from "./chunk-UYWEAYXS.js";
import {
  CPU_SAMPLES_TYPE,
  CPU_TIME_TYPE,
  DEFAULT_KEPT_SAMPLE_LABELS,
  PyroscopeError,
  labelSelector,
  profileTypeName,
  pyroscopeRequest,
  sanitizeAppName,
  sanitizeLabelValue,
  seriesLabels,
  stripSampleLabels
} from "./chunk-Q777HXUX.js";
import {
  contextMeta,
  sanitizeJobKey
} from "./chunk-UO43WOGP.js";
import {
  ProfileInputError,
  parseProfileBytes
} from "./chunk-KOVH6LPN.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
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

// src/pipeline/store.ts
import * as path2 from "node:path";

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
      const { artifactName } = await import("./github-artifacts-HTYSK63H.js");
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
  const { GithubArtifactStore } = await import("./github-artifacts-HTYSK63H.js");
  return new GithubArtifactStore({ token: s.githubToken ?? "", repository, baseBranch: s.ci.baseBranch });
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
  storeRun,
  freeArtifactName,
  openStore,
  uploadToPyroscope,
  uploadRun,
  withRunMeta
};
