import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  warmUpEnabled
} from "./chunk-6B3EOHIS.js";
import {
  preloadFiles
} from "./chunk-EFHURMFM.js";
import {
  ALLOC_ENV,
  OUTER_NODE_TEST_CONTEXT,
  inRawDir
} from "./chunk-DWI46GCV.js";

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

// src/collect/attribution.ts
function setupAttribution(_command, opts) {
  let preload;
  try {
    preload = preloadFiles().runnersPreload;
  } catch (err) {
    return { notice: `per-test attribution off: ${err.message}` };
  }
  let warned = false;
  const warnOnce = (line) => {
    if (warned) return;
    warned = true;
    opts.warn(line);
  };
  let records;
  let loading;
  const load = () => loading ??= import("./test-attribution-RDZBGNWE.js").then(
    (m) => {
      records = new m.TestAttribution(warnOnce);
    },
    (err) => warnOnce(`per-test attribution off: ${err.message}`)
  );
  return {
    attribution: {
      addPreload: (nodeOptions) => withPreload(nodeOptions, preload),
      load,
      // Until loaded (or when loading failed): no records, no labels, no per-test table.
      prefetch: (rawDir, threadKey) => records?.prefetch(rawDir, threadKey),
      prepare: (rawDir, repoRoot) => records?.prepare(rawDir, repoRoot),
      labelerFor: (info) => records?.labelerFor(info),
      tests: (profile) => records?.tests(profile) ?? [],
      walls: () => records?.walls(),
      finish: () => records?.finish()
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
import { mkdtempSync, rmSync as rmSync2, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path3 from "node:path";

// src/agent/run-env.ts
var INTERVAL_ENV = "CIPROF_INTERVAL_US";
var RUN_ENV_FILE = "run-env.json";
var RUN_ENV_KEYS = [INTERVAL_ENV, ALLOC_ENV];
var RAW_DIR_PREFIX = "ciprof-raw-";
function pathThroughRawDir(rawDir, file) {
  if (!rawDir.startsWith("/") || !file.startsWith("/")) return file;
  const depth = rawDir.split("/").filter(Boolean).length;
  return `${rawDir}${"/..".repeat(depth)}${file}`;
}
var DETOUR = new RegExp(`(/[^\\s"]*/${RAW_DIR_PREFIX}[^\\s"/]+)(?:/\\.\\.)+/`);

// src/collect/npm-node-options.ts
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import * as path from "node:path";
var KEY = /^npm_config_node[-_]options$/i;
var keysLike = (env, name) => Object.keys(env).filter((k) => name.test(k));
function fromEnv(env) {
  const key = keysLike(env, KEY).pop();
  return key !== void 0 && env[key] !== void 0 ? { value: env[key], source: `$${key}` } : void 0;
}
function expand(value, env) {
  return value.replace(/(\\*)\$\{([^${}?]+)(\?)?\}/g, (whole, escapes, name, optional) => {
    if (escapes.length % 2) return whole.slice((escapes.length + 1) / 2);
    const val = env[name];
    return escapes.slice(escapes.length / 2) + (val ?? (optional ? "" : `\${${name}}`));
  });
}
function iniValue(raw) {
  const v = raw.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length > 1 || v.startsWith("'") && v.endsWith("'") && v.length > 1) {
    if (v.startsWith("'")) return v.slice(1, -1);
    try {
      return JSON.parse(v);
    } catch {
      return v.slice(1, -1);
    }
  }
  let out = "";
  let escaping = false;
  for (const c of v) {
    if (escaping) {
      out += "\\;#".includes(c) ? c : `\\${c}`;
      escaping = false;
    } else if (c === "\\") escaping = true;
    else if (c === ";" || c === "#") break;
    else out += c;
  }
  return (escaping ? `${out}\\` : out).trim();
}
function nodeOptionsInNpmrc(text, env) {
  let found;
  let inSection = false;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith(";") || t.startsWith("#")) continue;
    if (t.startsWith("[")) {
      inSection = true;
      continue;
    }
    const eq = t.indexOf("=");
    if (inSection || eq < 0) continue;
    const key = expand(t.slice(0, eq).trim(), env);
    if (key === "node-options" || key === "node_options") found = expand(iniValue(t.slice(eq + 1)), env);
  }
  return found;
}
function projectDir(cwd) {
  let nearest;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const hasPackage = existsSync(path.join(dir, "package.json"));
    if (!nearest && (hasPackage || existsSync(path.join(dir, "node_modules")))) nearest = dir;
    else if (nearest && hasPackage && declaresWorkspaces(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return nearest ?? path.resolve(cwd);
  }
}
function declaresWorkspaces(packageJson) {
  try {
    return JSON.parse(readFileSync(packageJson, "utf8")).workspaces !== void 0;
  } catch {
    return false;
  }
}
function globalPrefix(env) {
  const fromEnv2 = keysLike(env, /^npm_config_prefix$/i)[0] ?? (env.PREFIX ? "PREFIX" : void 0);
  if (fromEnv2) return env[fromEnv2];
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    if (existsSync(path.join(dir, "node"))) return path.dirname(dir);
  }
  return void 0;
}
function fromFile(file, env) {
  if (!file) return void 0;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  if (!/node[-_]options/.test(text)) return void 0;
  const value = nodeOptionsInNpmrc(text, env);
  return value === void 0 ? void 0 : { value, source: file };
}
var envPath = (env, name) => {
  const key = keysLike(env, name)[0];
  return key ? env[key] : void 0;
};
function npmNodeOptions(cwd, env) {
  const own = fromEnv(env);
  if (own) return own;
  const home = env.HOME ?? homedir();
  const prefix = globalPrefix(env);
  const files = [
    path.join(projectDir(cwd), ".npmrc"),
    envPath(env, /^npm_config_userconfig$/i) ?? path.join(home, ".npmrc"),
    envPath(env, /^npm_config_globalconfig$/i) ?? (prefix ? path.join(prefix, "etc", "npmrc") : void 0)
  ];
  for (const file of files) {
    const found = fromFile(file, env);
    if (found) return found;
  }
  return void 0;
}
function npmNodeOptionsEnv(cwd, env, addPreloads) {
  const found = npmNodeOptions(cwd, env);
  if (!found || !found.value.trim()) return { set: {}, unset: [] };
  return { set: { npm_config_node_options: addPreloads(found.value) }, unset: keysLike(env, KEY).filter((k) => k !== "npm_config_node_options") };
}

// src/collect/early-gather.ts
import { statSync, watch } from "node:fs";
import * as path2 from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
var SCRIPTS_SUFFIX = ".scripts.json";
var BATCH = 16;
var MAX_WAIT_MS = 2e3;
var READ_AT_ONCE_BYTES = 256 * 1024;
var EarlyGather = class {
  /**
   * `gatherer` resolves once the gathering code has loaded and the repository root is known;
   * `alsoRead` is told each thread ("<pid>-<tid>") whose profile was read, for its other files.
   */
  constructor(rawDir, gatherer, alsoRead) {
    this.rawDir = rawDir;
    this.alsoRead = alsoRead;
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
  rawDir;
  alsoRead;
  watcher;
  queue = [];
  gatherer;
  draining = false;
  timer;
  stopped = false;
  failed = false;
  /** A queued profile is at least READ_AT_ONCE_BYTES. */
  big = false;
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
    const profile = `${name.slice(0, -SCRIPTS_SUFFIX.length)}.cpuprofile`;
    this.queue.push(profile);
    if (!this.big && this.bytes(profile) >= READ_AT_ONCE_BYTES) this.big = true;
    this.schedule();
  }
  /** Bytes of a queued profile (0 when it cannot be told: it is then read with its batch). */
  bytes(profile) {
    try {
      return statSync(path2.join(this.rawDir, profile)).size;
    } catch {
      return 0;
    }
  }
  /** A full batch, or one holding a big profile, is read now; a smaller one once its first file has waited MAX_WAIT_MS. */
  schedule() {
    if (!this.gatherer || this.draining || this.stopped || this.failed || this.queue.length === 0) return;
    if (this.queue.length >= BATCH || this.big) {
      this.big = false;
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
        const name = this.queue.shift();
        this.gatherer.prefetch(name);
        this.alsoRead?.(threadKeyOf(name));
        await nextTurn();
      }
    } catch {
      this.fail();
    } finally {
      this.draining = false;
      if (this.queue.length === 0) this.big = false;
    }
    this.schedule();
  }
  fail() {
    this.failed = true;
    this.watcher?.close();
  }
};
function threadKeyOf(profile) {
  return profile.split("-", 2).join("-");
}

// src/collect/remove-raw-dir.ts
import { spawn } from "node:child_process";
import { readdirSync, rm, rmSync } from "node:fs";
var SMALL_DIR_ENTRIES = 16;
function removeRawDirInBackground(dir, warn) {
  const fail = (err) => warn(`raw directory ${dir} not removed: ${err.message}`);
  const inProcess = () => rm(dir, { recursive: true, force: true }, (err) => err && fail(err));
  try {
    if (readdirSync(dir).length <= SMALL_DIR_ENTRIES) return rmSync(dir, { recursive: true, force: true });
  } catch (err) {
    return err.code === "ENOENT" ? void 0 : fail(err);
  }
  try {
    const child = spawn("rm", ["-rf", "--", dir], { detached: true, stdio: "ignore" });
    child.once("error", inProcess);
    child.unref();
  } catch {
    inProcess();
  }
}

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
import { spawn as spawn2 } from "node:child_process";
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
  const child = useShell ? spawn2(command[0], { ...spawnOptions, shell: true }) : spawn2(command[0], command.slice(1), spawnOptions);
  const forward = (signal) => forwardTo(child, signal);
  const endGroup = () => forwardTo(child, "SIGTERM");
  for (const s of FORWARDED) process.on(s, forward);
  process.on("exit", endGroup);
  return new Promise((resolve2) => {
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      for (const s of FORWARDED) process.removeListener(s, forward);
      process.removeListener("exit", endGroup);
      resolve2({ ...result, wallMs: performance.now() - started });
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
      const preloads = preloadFiles();
      if (preloads.warning) opts.warn(preloads.warning);
      rawDir = mkdtempSync(path3.join(tmpdir(), RAW_DIR_PREFIX));
      const agent = pathThroughRawDir(rawDir, preloads.agent);
      const addPreloads = (nodeOptions) => withPreload(opts.attribution ? opts.attribution.addPreload(nodeOptions) : nodeOptions, agent);
      const npm = npmNodeOptionsEnv(opts.cwd ?? process.cwd(), opts.env, addPreloads);
      env = {
        ...opts.env,
        NODE_OPTIONS: addPreloads(opts.env.NODE_OPTIONS),
        ...npm.set,
        CIPROF_RAW_DIR: rawDir,
        CIPROF_INTERVAL_US: String(opts.intervalUs)
      };
      for (const key of npm.unset) delete env[key];
      const runEnv = Object.fromEntries(RUN_ENV_KEYS.filter((key) => env[key] !== void 0).map((key) => [key, env[key]]));
      writeFileSync(inRawDir(rawDir, RUN_ENV_FILE), JSON.stringify(runEnv));
      if (opts.env.NODE_TEST_CONTEXT) writeFileSync(path3.join(rawDir, OUTER_NODE_TEST_CONTEXT), "");
    } catch (err) {
      opts.warn(`profiling disabled: ${err.message}`);
      rawDir = void 0;
    }
  }
  const running = runCommand(rawDir && opts.attribution?.command || opts.command, { env, cwd: opts.cwd, stdout: opts.stdout });
  const gatherModule = rawDir ? import("./gather-4SU4H5J6.js") : void 0;
  gatherModule?.catch(() => void 0);
  const attributionLoaded = rawDir ? opts.attribution?.load?.() : void 0;
  const repoRoot = () => typeof opts.repoRoot === "string" ? Promise.resolve(opts.repoRoot) : opts.repoRoot();
  const gatherOptions = async () => ({ repoRoot: await repoRoot(), labelerFor: opts.attribution?.labelerFor });
  const gatherer = rawDir ? Promise.all([gatherModule, gatherOptions()]).then(([m, o]) => new m.RawGatherer(rawDir, o)) : void 0;
  const early = rawDir ? new EarlyGather(rawDir, gatherer, (threadKey) => opts.attribution?.prefetch?.(rawDir, threadKey)) : void 0;
  const result = await running;
  try {
    opts.onCommandEnd?.();
  } catch {
  }
  if (result.spawnError) opts.warn(result.spawnError);
  if (result.spawnError || !rawDir) {
    early?.finish();
    if (rawDir) rmSync2(rawDir, { recursive: true, force: true });
    return { exitCode: result.exitCode, wallMs: result.wallMs };
  }
  try {
    await settleRawDir(rawDir);
    const options = await gatherOptions();
    await attributionLoaded;
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
    if (!opts.keepRaw) removeRawDirInBackground(rawDir, opts.warn);
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

// src/pipeline/collect.ts
function collect(s, opts, log) {
  return collectWhileResolving(s, () => Promise.resolve(s), opts, log);
}
async function collectWhileResolving(start, resolve2, opts, log) {
  const env = testCommandEnv(start.env);
  const warn = (line) => log.warn(line);
  let settings;
  const resolved = () => settings ??= resolve2();
  const { attribution, notice } = opts.profile === false ? {} : setupAttribution(opts.command, { env, cwd: start.cwd, warn });
  if (notice && !opts.quiet) log.info(notice);
  const warmUp = opts.warmUp && opts.profile !== false ? new WarmUpHandle(opts.warmUp.report, start.env) : void 0;
  const running = runProfiled({ command: opts.command, env, cwd: start.cwd, intervalUs: start.intervalUs, repoRoot: async () => (await resolved()).repoRoot, keepRaw: opts.keepRaw, profile: opts.profile, attribution, warn, stdout: opts.commandStdout, onCommandEnd: () => warmUp?.stop() });
  warmUp?.start();
  resolved().catch(() => void 0);
  const labelling = opts.profile === false ? void 0 : import("./collect-label-VYTE2E63.js");
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
var WarmUpHandle = class {
  constructor(report, env) {
    this.report = report;
    this.env = env;
  }
  report;
  env;
  stopped = false;
  warmUp;
  start() {
    if (!warmUpEnabled(this.env)) return;
    import("./warmup-G3IEJ4IN.js").then(
      (m) => {
        if (!this.stopped) this.warmUp = m.scheduleWarmUp({ report: this.report, env: this.env, ...m.warmUpTestHooks(this.env) });
      },
      () => void 0
    );
  }
  stop() {
    this.stopped = true;
    this.warmUp?.stop();
  }
};

export {
  testCommandEnv,
  collect,
  collectWhileResolving
};
