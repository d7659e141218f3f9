import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  agentPath
} from "./chunk-EYIQDHJO.js";
import {
  normalizeScriptPath
} from "./chunk-BCCUQZ3E.js";
import {
  distFile
} from "./chunk-LERJVIWU.js";
import {
  blockedClass
} from "./chunk-UVVV3U5G.js";
import {
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  testKey,
  testStats,
  wellFormed
} from "./chunk-SDL6QSBX.js";

// src/collect/node-options.ts
function quoteNodeOption(value) {
  return /[\s"\\]/.test(value) ? `"${value.replace(/(["\\])/g, "\\$1")}"` : value;
}
function withPreload(existing, preloadPath) {
  const flag = `--require ${quoteNodeOption(preloadPath)}`;
  const current = (existing ?? "").trim();
  if (current.includes(flag)) return current;
  return current ? `${current} ${flag}` : flag;
}

// src/collect/test-labeler.ts
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

// src/collect/test-record-read.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var TEST_RECORD_LIMITS = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxRecords: 1e6,
  maxFileChars: 4096,
  maxNameChars: 16 * 1024
});
var STATUSES = /* @__PURE__ */ new Set(["running", "passed", "failed", "skipped", "unknown"]);
var isCount = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
var isTime = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
function parseTestRecordLine(line, limits = TEST_RECORD_LIMITS) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return "not JSON";
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const r = value;
  if (!isCount(r.pid) || !isCount(r.threadId)) return "pid/threadId are not non-negative integers";
  if (r.kind !== "test" && r.kind !== "file") return 'kind is neither "test" nor "file"';
  if (typeof r.file !== "string" || r.file.length > limits.maxFileChars) return `file is not a string of at most ${limits.maxFileChars} characters`;
  if (typeof r.name !== "string" || r.name.length > limits.maxNameChars) return `name is not a string of at most ${limits.maxNameChars} characters`;
  if (!isTime(r.startUs)) return "startUs is not a non-negative number";
  if (r.endUs !== null && (!isTime(r.endUs) || r.endUs < r.startUs)) return "endUs is neither null nor a time after startUs";
  if (r.wallMs !== null && !isTime(r.wallMs)) return "wallMs is neither null nor a non-negative number";
  if (r.cpuMs !== void 0 && r.cpuMs !== null && !isTime(r.cpuMs)) return "cpuMs is neither null nor a non-negative number";
  if (typeof r.status !== "string" || !STATUSES.has(r.status)) return "status is not a known test status";
  return { pid: r.pid, threadId: r.threadId, kind: r.kind, file: wellFormed(r.file), name: wellFormed(r.name), startUs: r.startUs, endUs: r.endUs, wallMs: r.wallMs, cpuMs: r.cpuMs ?? null, status: r.status };
}
function parseTestRecords(text, limits = TEST_RECORD_LIMITS) {
  const out = { records: [], badLines: 0 };
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line) continue;
    if (out.records.length + out.badLines >= limits.maxRecords) throw new Error(`more than ${limits.maxRecords} records`);
    const r = parseTestRecordLine(line, limits);
    if (typeof r === "string") {
      out.badLines++;
      out.firstProblem ??= r;
    } else out.records.push(r);
  }
  return out;
}
function readTestRecordFile(file, limits = TEST_RECORD_LIMITS) {
  let fd;
  try {
    fd = openSync(file, "r");
    const size = fstatSync(fd).size;
    if (size > limits.maxFileBytes) throw new Error(`file of ${size} bytes (limit ${limits.maxFileBytes})`);
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return parseTestRecords(buf.toString("utf8", 0, got), limits);
  } catch (err) {
    throw new Error(`${file}: ${err.message.split("\n", 1)[0]}`);
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/collect/test-record.ts
var TESTS_SUFFIX = ".tests.jsonl";
var hrtimeBigint = process.hrtime.bigint;
var threadCpuUsage = process.threadCpuUsage?.bind(process);

// src/collect/test-labeler.ts
var SETUP_FILE = "(setup)";
var SETUP_LABELS = Object.freeze({ [TEST_FILE_LABEL]: SETUP_FILE });
function readTestRecords(rawDir, repoRoot) {
  const byThread = /* @__PURE__ */ new Map();
  const warnings = [];
  let names = [];
  try {
    names = readdirSync(rawDir).filter((n) => n.endsWith(TESTS_SUFFIX));
  } catch (err) {
    warnings.push(`per-test records unreadable: ${err.message}`);
  }
  const relative = /* @__PURE__ */ new Map();
  const fileOf = (file) => {
    let rel = relative.get(file);
    if (rel === void 0) relative.set(file, rel = normalizeScriptPath(file, repoRoot));
    return rel;
  };
  for (const name of names) {
    const key = name.slice(0, -TESTS_SUFFIX.length);
    const open = /* @__PURE__ */ new Map();
    const list = [];
    let file;
    try {
      file = readTestRecordFile(path.join(rawDir, name));
    } catch (err) {
      warnings.push(`per-test records skipped: ${err.message}`);
      continue;
    }
    const bad = file.badLines;
    for (const r of file.records) {
      const id = `${r.kind}\0${r.file}\0${r.name}\0${r.startUs}`;
      const interval = open.get(id);
      if (interval && r.endUs !== null) {
        interval.endUs = r.endUs;
        interval.wallMs = r.wallMs;
        interval.cpuMs = r.cpuMs;
        interval.status = r.status;
        open.delete(id);
        continue;
      }
      const fresh = {
        kind: r.kind === "file" ? "file" : "test",
        file: fileOf(r.file),
        name: r.name,
        startUs: r.startUs,
        endUs: r.endUs ?? Infinity,
        wallMs: r.wallMs,
        cpuMs: r.cpuMs,
        thread: key,
        status: r.status
      };
      list.push(fresh);
      if (r.endUs === null) open.set(id, fresh);
    }
    if (bad) warnings.push(`${name}: ${bad} unreadable per-test record line(s) skipped (${file.firstProblem ?? "bad line"})`);
    list.sort((a, b) => a.startUs - b.startUs);
    byThread.set(key, list);
  }
  return { byThread, ancestors: ancestorsReader(rawDir), warnings };
}
function ancestorsReader(rawDir) {
  const read = /* @__PURE__ */ new Map();
  return (pid) => {
    if (read.has(pid)) return read.get(pid);
    let ancestors;
    try {
      const marker = JSON.parse(readFileSync(path.join(rawDir, `${pid}-0.start`), "utf8"));
      if (Array.isArray(marker.ancestors)) ancestors = marker.ancestors;
    } catch {
    }
    read.set(pid, ancestors);
    return ancestors;
  };
}
function containing(list, t) {
  let lo = 0;
  let hi = list.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (list[mid].startUs <= t) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last, steps = 0; i >= 0 && steps < 64; i--, steps++) {
    if (list[i].endUs > t) return list[i];
  }
  return void 0;
}
function closeOpen(list) {
  for (let i = 0; i < list.length; i++) {
    const cur = list[i];
    if (cur.endUs !== Infinity) continue;
    for (let j = i + 1; j < list.length; j++) {
      const next = list[j];
      if (next.kind === cur.kind && (cur.kind === "file" || !next.name.startsWith(cur.name + " > "))) {
        cur.endUs = next.startUs;
        break;
      }
    }
  }
}
function makeLabelerFor(records) {
  const byThread = /* @__PURE__ */ new Map();
  const byPid = /* @__PURE__ */ new Map();
  for (const [key, list] of records.byThread) {
    closeOpen(list);
    const intervals = { tests: list.filter((i) => i.kind === "test"), files: list.filter((i) => i.kind === "file") };
    byThread.set(key, intervals);
    const pid = Number(key.split("-")[0]);
    byPid.set(pid, [...byPid.get(pid) ?? [], intervals]);
  }
  const cache = /* @__PURE__ */ new Map();
  const labelsOf = (i) => {
    let l = cache.get(i);
    if (!l) {
      l = i.kind === "test" ? { [TEST_FILE_LABEL]: i.file, [TEST_NAME_LABEL]: i.name } : { [TEST_FILE_LABEL]: i.file };
      cache.set(i, l);
    }
    return l;
  };
  const runningIn = (pid, t) => {
    let test;
    let file;
    for (const thread of byPid.get(pid) ?? []) {
      const tt = containing(thread.tests, t);
      if (tt && (!test || tt.startUs > test.startUs)) test = tt;
      const ff = containing(thread.files, t);
      if (ff && (!file || ff.startUs > file.startUs)) file = ff;
    }
    return test ? labelsOf(test) : file ? labelsOf(file) : void 0;
  };
  return (info) => {
    const spawnedBy = spawningTest(info, records, runningIn);
    if (spawnedBy) return () => spawnedBy;
    const mine = byThread.get(`${info.pid}-${info.threadId}`);
    if (mine) {
      return (t) => {
        const test = containing(mine.tests, t);
        if (test) return labelsOf(test);
        const file = containing(mine.files, t);
        return file ? labelsOf(file) : SETUP_LABELS;
      };
    }
    const createdBy = info.startUs !== void 0 && !info.isMainThread ? runningIn(info.pid, info.startUs) : void 0;
    return () => createdBy ?? SETUP_LABELS;
  };
}
function spawningTest(info, records, runningIn) {
  if (info.startUs === void 0) return void 0;
  const ancestors = info.ancestors?.length ? info.ancestors : records.ancestors(info.pid) ?? [info.ppid];
  for (const pid of ancestors) {
    if (pid === info.pid) continue;
    const labels = runningIn(pid, info.startUs);
    if (labels) return labels;
  }
  return void 0;
}
var MAX_TEST_THREADS = 8;
function testWalls(records) {
  const out = /* @__PURE__ */ new Map();
  for (const list of records.byThread.values()) {
    for (const i of list) {
      if (i.kind !== "test") continue;
      const key = testKey(i.file, i.name);
      const prev = out.get(key);
      const status = i.status === "running" ? "unknown" : i.status;
      if (prev) {
        prev.wallMs = prev.wallMs === null || i.wallMs === null ? null : prev.wallMs + i.wallMs;
        prev.cpuMs = prev.cpuMs === null || prev.cpuMs === void 0 || i.cpuMs === null ? null : prev.cpuMs + i.cpuMs;
        if (prev.threads && !prev.threads.includes(i.thread) && prev.threads.length < MAX_TEST_THREADS) prev.threads.push(i.thread);
        prev.status = status;
      } else out.set(key, { file: i.file, name: i.name, wallMs: i.wallMs, cpuMs: i.cpuMs, threads: [i.thread], status });
    }
  }
  return out;
}

// src/collect/attribution.ts
var NO_RUNNER = "per-test attribution off: no test ran under jest, mocha, vitest or node --test; whole-suite profile only";
function setupAttribution(_command, opts) {
  let preload;
  try {
    preload = distFile("runners/preload.cjs");
  } catch (err) {
    return { notice: `per-test attribution off: ${err.message}` };
  }
  let labeler;
  let walls;
  let warned = false;
  const warnOnce = (line) => {
    if (warned) return;
    warned = true;
    opts.warn(line);
  };
  return {
    attribution: {
      env: { NODE_OPTIONS: withPreload(opts.env.NODE_OPTIONS, preload) },
      prepare: (rawDir, repoRoot) => {
        try {
          const records = readTestRecords(rawDir, repoRoot);
          for (const w of records.warnings) warnOnce(w);
          if (records.byThread.size === 0) {
            warnOnce(NO_RUNNER);
            return;
          }
          labeler = makeLabelerFor(records);
          walls = testWalls(records);
        } catch (err) {
          warnOnce(`per-test attribution off: ${err.message}`);
        }
      },
      labelerFor: (info) => {
        try {
          return labeler?.(info);
        } catch (err) {
          warnOnce(`per-test attribution off: ${err.message}`);
          return void 0;
        }
      },
      tests: (profile) => testStats(profile, { walls, blockedOf: blockedClass }),
      walls: () => walls,
      finish: () => {
        labeler = void 0;
      }
    }
  };
}

// src/collect/child-env.ts
var OWN_NAMES = /* @__PURE__ */ new Set([
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_CACHE_URL",
  "CIPROF_GITHUB_TOKEN",
  "CIPROF_GITLAB_TOKEN",
  "CIPROF_PYROSCOPE_URL",
  "CIPROF_PYROSCOPE_TOKEN",
  "CIPROF_PYROSCOPE_BASIC_AUTH",
  "CIPROF_PYROSCOPE_TENANT"
]);
var OWN_PREFIXES = ["INPUT_", "ACTIONS_ID_TOKEN_REQUEST_"];
function isOwnSecretName(name) {
  const upper = name.toUpperCase();
  return OWN_NAMES.has(upper) || OWN_PREFIXES.some((p) => upper.startsWith(p));
}
function testCommandEnv(env) {
  const out = {};
  for (const [name, value] of Object.entries(env)) if (!isOwnSecretName(name)) out[name] = value;
  return out;
}

// src/collect/profile-command.ts
import { mkdtempSync, rm, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path2 from "node:path";

// src/collect/early-gather.ts
import { watch } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
var SCRIPTS_SUFFIX = ".scripts.json";
var BATCH = 16;
var MAX_WAIT_MS = 2e3;
var EarlyGather = class {
  watcher;
  queue = [];
  gatherer;
  draining = false;
  timer;
  stopped = false;
  failed = false;
  /** `gatherer` resolves once the gathering code has loaded and the repository root is known. */
  constructor(rawDir, gatherer) {
    try {
      this.watcher = watch(rawDir, { persistent: false }, (_event, name) => this.seen(name));
      this.watcher.on("error", () => this.fail());
    } catch {
      this.failed = true;
      return;
    }
    gatherer.then(
      (g) => {
        this.gatherer = g;
        this.schedule();
      },
      () => this.fail()
    );
  }
  /**
   * Stops reading ahead; the gatherer holding what was read, or undefined when reading
   * ahead failed (the caller then gathers the raw directory from scratch).
   */
  finish() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.watcher?.close();
    return this.failed ? void 0 : this.gatherer;
  }
  seen(name) {
    if (typeof name !== "string" || !name.endsWith(SCRIPTS_SUFFIX)) return;
    this.queue.push(`${name.slice(0, -SCRIPTS_SUFFIX.length)}.cpuprofile`);
    this.schedule();
  }
  /** A full batch is read now, a smaller one once its first file has waited MAX_WAIT_MS. */
  schedule() {
    if (!this.gatherer || this.draining || this.stopped || this.failed || this.queue.length === 0) return;
    if (this.queue.length >= BATCH) {
      clearTimeout(this.timer);
      this.timer = void 0;
      void this.drain();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = void 0;
        void this.drain();
      }, MAX_WAIT_MS);
      this.timer.unref();
    }
  }
  /** One file per turn of the event loop: the CLI keeps forwarding signals meanwhile. */
  async drain() {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.stopped && !this.failed && this.queue.length > 0) {
        this.gatherer.prefetch(this.queue.shift());
        await nextTurn();
      }
    } catch {
      this.fail();
    } finally {
      this.draining = false;
    }
    this.schedule();
  }
  fail() {
    this.failed = true;
    this.watcher?.close();
  }
};

// src/collect/settle.ts
import { readdirSync as readdirSync2 } from "node:fs";
function pendingPids(rawDir) {
  const names = readdirSync2(rawDir);
  const written = new Set(names.filter((n) => n.endsWith(".cpuprofile")).map((n) => n.split("-").slice(0, 2).join("-")));
  const pids = /* @__PURE__ */ new Set();
  for (const n of names) {
    if (!n.endsWith(".start")) continue;
    const key = n.slice(0, -".start".length);
    const pid = Number(key.split("-")[0]);
    if (!written.has(key) && Number.isSafeInteger(pid) && pid > 1 && pid !== process.pid) pids.add(pid);
  }
  return [...pids];
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
async function settleRawDir(rawDir, timeoutMs = 5e3) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let pending;
    try {
      pending = pendingPids(rawDir).filter(alive);
    } catch {
      return;
    }
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

// src/collect/spawn.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGWINCH"];
var OWN_GROUP = process.platform !== "win32";
function forwardTo(child, signal) {
  if (child.pid === void 0 || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (OWN_GROUP) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
  }
}
function runCommand(command, options) {
  const started = performance.now();
  const useShell = command.length === 1 && /\s/.test(command[0]);
  const stdio = ["inherit", options.stdout === "stderr" ? 2 : "inherit", "inherit"];
  const spawnOptions = { stdio, env: options.env, cwd: options.cwd, detached: OWN_GROUP };
  const child = useShell ? spawn(command[0], { ...spawnOptions, shell: true }) : spawn(command[0], command.slice(1), spawnOptions);
  const forward = (signal) => forwardTo(child, signal);
  const endGroup = () => forwardTo(child, "SIGTERM");
  for (const s of FORWARDED) process.on(s, forward);
  process.on("exit", endGroup);
  return new Promise((resolve) => {
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      for (const s of FORWARDED) process.removeListener(s, forward);
      process.removeListener("exit", endGroup);
      resolve({ ...result, wallMs: performance.now() - started });
    };
    child.on("error", (err) => {
      if (child.pid !== void 0) return;
      const spawnError = err.code === "ENOENT" ? `command not found: ${command[0]}` : `cannot run ${command[0]}: ${err.message}`;
      finish({ exitCode: err.code === "ENOENT" ? 127 : 126, spawnError });
    });
    child.on("close", (code, signal) => {
      if (signal) finish({ exitCode: 128 + (constants.signals[signal] ?? 0), signal });
      else finish({ exitCode: code ?? 1 });
    });
  });
}

// src/collect/profile-command.ts
async function runProfiled(opts) {
  let rawDir;
  let env = opts.env;
  if (opts.profile !== false) {
    try {
      rawDir = mkdtempSync(path2.join(tmpdir(), "ciprof-raw-"));
      env = {
        ...opts.env,
        ...opts.attribution?.env,
        // The runner hook (if any) already sits in attribution.env's NODE_OPTIONS.
        NODE_OPTIONS: withPreload(opts.attribution?.env.NODE_OPTIONS ?? opts.env.NODE_OPTIONS, agentPath()),
        CIPROF_RAW_DIR: rawDir,
        CIPROF_INTERVAL_US: String(opts.intervalUs)
      };
    } catch (err) {
      opts.warn(`profiling disabled: ${err.message}`);
      rawDir = void 0;
    }
  }
  const running = runCommand(rawDir && opts.attribution?.command || opts.command, { env, cwd: opts.cwd, stdout: opts.stdout });
  const gatherModule = rawDir ? import("./gather-KKIHI7FS.js") : void 0;
  gatherModule?.catch(() => void 0);
  const repoRoot = () => typeof opts.repoRoot === "string" ? Promise.resolve(opts.repoRoot) : opts.repoRoot();
  const gatherOptions = async () => ({ repoRoot: await repoRoot(), labelerFor: opts.attribution?.labelerFor });
  const early = rawDir ? new EarlyGather(rawDir, Promise.all([gatherModule, gatherOptions()]).then(([m, o]) => new m.RawGatherer(rawDir, o))) : void 0;
  const result = await running;
  if (result.spawnError) opts.warn(result.spawnError);
  if (result.spawnError || !rawDir) {
    early?.finish();
    if (rawDir) rmSync(rawDir, { recursive: true, force: true });
    return { exitCode: result.exitCode, wallMs: result.wallMs };
  }
  try {
    await settleRawDir(rawDir);
    const options = await gatherOptions();
    try {
      opts.attribution?.prepare?.(rawDir, options.repoRoot);
    } catch (err) {
      opts.warn(`per-test attribution off: ${err.message}`);
    }
    const gathered = gatherProfiles(await gatherModule, rawDir, options, early?.finish());
    opts.attribution?.finish?.();
    return { exitCode: result.exitCode, wallMs: result.wallMs, gathered };
  } catch (err) {
    opts.warn(`profile not written: ${err.message}`);
    return { exitCode: result.exitCode, wallMs: result.wallMs };
  } finally {
    if (!opts.keepRaw) removeInBackground(rawDir, opts.warn);
    else opts.warn(`raw V8 profiles kept in ${rawDir}`);
  }
}
function gatherProfiles(gather, rawDir, options, early) {
  if (early) {
    try {
      return early.gather();
    } catch {
    }
  }
  return gather.gatherRawProfiles(rawDir, options);
}
function removeInBackground(dir, warn) {
  rm(dir, { recursive: true, force: true }, (err) => {
    if (err) warn(`raw directory ${dir} not removed: ${err.message}`);
  });
}

// src/pipeline/collect.ts
function collect(s, opts, log) {
  return collectWhileResolving(s, () => Promise.resolve(s), opts, log);
}
async function collectWhileResolving(start, resolve, opts, log) {
  const env = testCommandEnv(start.env);
  const warn = (line) => log.warn(line);
  let settings;
  const resolved = () => settings ??= resolve();
  const { attribution, notice } = opts.profile === false ? {} : setupAttribution(opts.command, { env, cwd: start.cwd, warn });
  if (notice && !opts.quiet) log.info(notice);
  const running = runProfiled({ command: opts.command, env, cwd: start.cwd, intervalUs: start.intervalUs, repoRoot: async () => (await resolved()).repoRoot, keepRaw: opts.keepRaw, profile: opts.profile, attribution, warn, stdout: opts.commandStdout });
  resolved().catch(() => void 0);
  const labelling = opts.profile === false ? void 0 : import("./collect-label-F745NIXQ.js");
  labelling?.catch(() => void 0);
  const run = await running;
  const done = { exitCode: run.exitCode, wallMs: run.wallMs, threads: [], lost: [] };
  if (!run.gathered) return done;
  try {
    const [{ labelRun }, s] = await Promise.all([labelling, resolved()]);
    return { ...done, ...labelRun(s, opts.command, run, env, attribution, log, opts.labelled) };
  } catch (err) {
    log.warn(`profile not written: ${err.message}`);
    return done;
  }
}

export {
  testCommandEnv,
  collect,
  collectWhileResolving
};
