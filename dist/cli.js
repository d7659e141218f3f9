#!/usr/bin/env node
import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  Command,
  DEFAULT_MAX_WALK,
  DIFF_REPORT_SCHEMA,
  EXIT_USAGE,
  LocalGitHistory,
  ProfileInputError,
  addCpuProfile,
  addPyroscopeConnectionOptions,
  addPyroscopeUploadOptions,
  appendProfiles,
  changedPaths,
  defaultStoreDir,
  detectCi,
  diffRuns,
  diffStage,
  encodePprofGzip,
  fail,
  formatSummaryText,
  loadProfileOrFail,
  localGitFacts,
  mergeProfiles,
  openStore,
  parsePositiveInt,
  profileCommand,
  readAndParseProfile,
  readDiffReport,
  readProfileFile,
  registerUpload,
  resolvePyroscopeSettings,
  resolvePyroscopeStoreOptions,
  scaleProfile,
  serializeDiffReport,
  setupAttribution,
  significantTestChanges,
  uploadAfterRun,
  wantedCommit,
  warn
} from "./chunks/chunk-UHFL7TPS.js";
import {
  VERSION,
  renderComment
} from "./chunks/chunk-LO576U3G.js";
import {
  COMPARE_THRESHOLDS,
  CPU_NANOS,
  DEFAULT_THRESHOLDS,
  ProfileBuilder,
  SAMPLES_COUNT,
  formatFrame,
  functionTable,
  timeValueIndex,
  writeReport
} from "./chunks/chunk-7RNPVIBQ.js";
import "./chunks/chunk-JMR3DNJM.js";
import "./chunks/chunk-ZHB73YNC.js";

// src/cli/comment.ts
function registerComment(program) {
  program.command("comment").description("publish a saved diff report (diff.json from `ciprof diff`): PR comment / MR note and job summary. For a separate privileged workflow.").option("--report <file>", "the saved diff report", ".ciprof/diff.json").option("--pr <n>", "pull request / merge request number (default: from the report, then from CI env)").option("--head-sha <sha>", "comment only if the PR's head commit is this one (workflow_run: github.event.workflow_run.head_sha)").option("--no-summary", "do not write the GitHub job summary").option("--no-comment", "do not comment, only write the job summary").action(async (flags) => {
    let report;
    try {
      report = readDiffReport(flags.report);
    } catch (err) {
      fail(err.message);
    }
    const pr = flags.pr ? parsePositiveInt("--pr", flags.pr) : void 0;
    if (flags.headSha && !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(flags.headSha)) fail("--head-sha must be a full commit id", EXIT_USAGE);
    const ci = detectCi(process.env, { git: localGitFacts(process.cwd()) });
    const outcomes = await (await import("./chunks/publish-UVVOW4GW.js")).publishReport({ report, ci: { ...ci, jobKey: report.jobKey }, pr, expectHeadSha: flags.headSha, summary: flags.summary, comment: flags.comment });
    for (const o of outcomes) {
      if (o.status === "failed") warn(o.message);
      else process.stderr.write(`ciprof: ${o.message}
`);
    }
  });
}

// src/cli/compare.ts
import * as path7 from "node:path";

// src/compare/compare.ts
import { mkdirSync as mkdirSync2, readdirSync, renameSync, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import * as path4 from "node:path";

// src/compare/diff-runs.ts
var RUNS_DIFF_METHOD = "diffRuns: per-run per-function self time, pooled t-test with a Poisson floor, Benjamini-Hochberg";
function diffRunSets(baseRuns, headRuns, thresholds) {
  return diffRuns(baseRuns, headRuns, thresholds);
}
function meanProfile(runs) {
  const mean = scaleProfile(mergeProfiles(runs), 1 / Math.max(1, runs.length));
  mean.meta = { ...runs[0]?.meta, runs: String(runs.length) };
  return mean;
}

// src/compare/install.ts
import { spawn } from "node:child_process";
function runInstall(command, cwd, env) {
  const child = spawn(command, { cwd, env, shell: true, stdio: ["ignore", 2, 2] });
  const done = new Promise((resolve5) => {
    child.on("error", (err) => resolve5({ exitCode: 127, error: err.message }));
    child.on("close", (code, signal) => resolve5({ exitCode: code ?? (signal ? 128 : 1) }));
  });
  return { done, child };
}

// src/compare/interleave.ts
function interleavedOrder(runs) {
  const order = [];
  for (let i = 1; i <= runs; i++) order.push({ side: "base", index: i }, { side: "head", index: i });
  return order;
}
function firstFailure(records) {
  return records.find((r) => r.exitCode !== 0);
}

// src/compare/outputs.ts
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
function writeCompareOutputs(input) {
  const base = meanProfile(input.baseRuns);
  const head = meanProfile(input.headRuns);
  const files = {
    base: path.join(input.outDir, "base.pb.gz"),
    head: path.join(input.outDir, "head.pb.gz"),
    diff: path.join(input.outDir, "diff.json"),
    comment: path.join(input.outDir, "comment.md"),
    report: path.join(input.outDir, "report.html")
  };
  mkdirSync(input.outDir, { recursive: true });
  writeFileSync(files.base, encodePprofGzip(mergeProfiles(input.baseRuns)));
  writeFileSync(files.head, encodePprofGzip(mergeProfiles(input.headRuns)));
  const diff = diffRunSets(input.baseRuns, input.headRuns, input.thresholds);
  const report = {
    schema: DIFF_REPORT_SCHEMA,
    ciprofVersion: VERSION,
    jobKey: input.ci.jobKey,
    provider: input.ci.provider,
    repository: input.ci.repository,
    serverUrl: input.ci.serverUrl ?? (input.ci.provider === "github" ? "https://github.com" : void 0),
    pr: input.ci.pr,
    head: { commit: input.headCommit, profile: files.head },
    // 'file' is the honest provenance: the base profile is the file this job just wrote.
    base: { source: "file", found: true, file: path.relative(process.cwd(), files.base) || files.base, commit: input.baseCommit, reason: input.reason },
    diff,
    changedPaths: changedPaths(base, head, diff, { minDeltaNs: diff.thresholds.minMs * 1e6 }),
    links: { run: input.ci.runUrl, summary: input.ci.provider === "github" ? input.ci.runUrl : void 0 }
  };
  const tests = significantTestChanges(base, head, diff.base, diff.head, diff.thresholds);
  if (tests) report.tests = tests;
  writeFileSync(files.diff, serializeDiffReport(report));
  writeFileSync(files.comment, renderComment(report));
  try {
    writeReport(head, base, { output: files.report, diff, title: `ciprof compare \xB7 ${input.baseCommit?.slice(0, 8) ?? "base"} \u2192 ${input.headCommit?.slice(0, 8) ?? "head"}` });
  } catch (err) {
    input.warn(`HTML report not written: ${err.message}`);
    files.report = void 0;
  }
  return { report, files };
}

// src/compare/package-manager.ts
import { existsSync } from "node:fs";
import * as path2 from "node:path";
var LOCKFILES = [
  ["pnpm-lock.yaml", "pnpm install --frozen-lockfile"],
  ["yarn.lock", "yarn install --frozen-lockfile"],
  ["package-lock.json", "npm ci"],
  ["npm-shrinkwrap.json", "npm ci"]
];
function planInstall(cwd, repoRoot, override) {
  const root = path2.resolve(repoRoot);
  let dir = path2.resolve(cwd);
  const rel = (d) => path2.relative(root, d);
  if (override !== void 0) {
    const command = override.trim() || void 0;
    return { command, dir: rel(dir), reason: command ? `--install given: ${command}` : "--install '' given: base dependencies not installed" };
  }
  for (; ; ) {
    for (const [file, command] of LOCKFILES) {
      if (existsSync(path2.join(dir, file))) return { command, dir: rel(dir), reason: `${path2.join(rel(dir), file)} found: ${command}` };
    }
    const parent = path2.dirname(dir);
    if (dir === root || parent === dir || rel(parent).startsWith("..")) break;
    dir = parent;
  }
  return { dir: rel(path2.resolve(cwd)), reason: "no lockfile found between the working directory and the repository root: base dependencies not installed" };
}

// src/compare/worktree.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import * as path3 from "node:path";
var BaseWorktree = class _BaseWorktree {
  constructor(repoRoot, tmpDir, dir, commit) {
    this.repoRoot = repoRoot;
    this.tmpDir = tmpDir;
    this.dir = dir;
    this.commit = commit;
  }
  repoRoot;
  tmpDir;
  dir;
  commit;
  removed = false;
  /** `git worktree add --detach` of `commit`; throws with git's message when it fails. */
  static add(repoRoot, commit) {
    const tmpDir = mkdtempSync(path3.join(tmpdir(), "ciprof-base-"));
    const dir = path3.join(tmpDir, "base");
    try {
      execFileSync("git", ["worktree", "add", "--detach", dir, commit], { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: 12e4 });
    } catch (err) {
      rmSync(tmpDir, { recursive: true, force: true });
      const stderr = err.stderr?.trim();
      throw new Error(`git worktree add ${commit.slice(0, 12)} failed${stderr ? `: ${stderr}` : ""}`);
    }
    const wt = new _BaseWorktree(repoRoot, tmpDir, dir, commit);
    live.add(wt);
    installHooks();
    return wt;
  }
  /**
   * Synchronous on purpose: it also runs from 'exit' and signal handlers, where nothing
   * asynchronous completes. Each step fails soft so the next one still runs.
   */
  remove() {
    if (this.removed) return;
    this.removed = true;
    live.delete(this);
    const quiet = { cwd: this.repoRoot, stdio: "ignore", timeout: 6e4 };
    try {
      execFileSync("git", ["worktree", "remove", "--force", "--force", this.dir], quiet);
    } catch {
    }
    rmSync(this.tmpDir, { recursive: true, force: true });
    try {
      execFileSync("git", ["worktree", "prune"], quiet);
    } catch {
    }
  }
};
var live = /* @__PURE__ */ new Set();
var hooked = false;
function removeAllWorktrees() {
  for (const wt of [...live]) wt.remove();
}
function installHooks() {
  if (hooked) return;
  hooked = true;
  process.on("exit", removeAllWorktrees);
}
function interruptOnSignals(onFirst) {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  let seen = false;
  const handler = (signal) => {
    if (seen) {
      removeAllWorktrees();
      process.exit(128 + signalNumber(signal));
    }
    seen = true;
    onFirst(signal);
  };
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.removeListener(s, handler);
  };
}
function signalNumber(signal) {
  return constants.signals[signal] ?? 0;
}

// src/compare/compare.ts
var CompareUsageError = class extends Error {
};
var RUN_FILE = /^(base|head)-\d+\.pb\.gz$/;
async function compare(opts) {
  const history = new LocalGitHistory(opts.repoRoot);
  const headCommit = opts.ci.commit ?? history.resolve("HEAD");
  const wanted = wantedCommit({ history, base: opts.base, head: "HEAD", fallbackCommit: opts.ci.baseCommit });
  if (!wanted.commit) throw new CompareUsageError(wanted.how);
  const baseCommit = history.resolve(wanted.commit);
  if (!baseCommit) throw new CompareUsageError(`${wanted.how}, but that commit is not in this clone (shallow checkout? fetch it, e.g. fetch-depth: 0)`);
  const relCwd = path4.relative(opts.repoRoot, opts.cwd);
  if (relCwd.startsWith("..")) throw new CompareUsageError(`the working directory ${opts.cwd} is outside the repository ${opts.repoRoot}`);
  const install = planInstall(opts.cwd, opts.repoRoot, opts.install);
  mkdirSync2(opts.outDir, { recursive: true });
  for (const f of readdirSync(opts.outDir)) if (RUN_FILE.test(f)) rmSync2(path4.join(opts.outDir, f), { force: true });
  const result = { baseCommit, headCommit, runs: [] };
  let stopInstall;
  const unhook = interruptOnSignals((signal) => {
    result.interrupted = signal;
    opts.log(`${signal}: stopping after the current step, then removing the base worktree (again to stop at once)`);
    stopInstall?.();
  });
  let worktree;
  try {
    opts.log(`base: ${wanted.how}`);
    worktree = BaseWorktree.add(opts.repoRoot, baseCommit);
    const baseCwd = path4.join(worktree.dir, relCwd);
    opts.log(`base checked out in ${worktree.dir}`);
    opts.log(`install: ${install.reason}`);
    if (install.command && !result.interrupted) {
      const run = runInstall(install.command, path4.join(worktree.dir, install.dir), opts.env);
      stopInstall = () => run.child.kill("SIGTERM");
      const done = await run.done;
      stopInstall = void 0;
      if (done.exitCode !== 0 && !result.interrupted) {
        throw new Error(`installing the base's dependencies failed (${install.command} in ${install.dir || "."} exited ${done.exitCode}${done.error ? `: ${done.error}` : ""}); pass --install "<cmd>" or --install '' to skip`);
      }
    }
    const order = interleavedOrder(opts.runs);
    for (const [n, planned] of order.entries()) {
      if (result.interrupted) break;
      const side = planned.side;
      opts.log(`run ${n + 1}/${order.length}: ${side} ${planned.index}/${opts.runs} (${side === "base" ? baseCommit.slice(0, 12) : "working tree"})`);
      const record = await profileRun(opts, {
        side,
        index: planned.index,
        cwd: side === "base" ? baseCwd : opts.cwd,
        repoRoot: side === "base" ? worktree.dir : opts.repoRoot,
        ci: side === "base" ? { ...opts.ci, commit: baseCommit, branch: void 0, pr: void 0 } : { ...opts.ci, commit: headCommit }
      });
      result.runs.push(record);
      opts.log(`${side} ${planned.index}: exit ${record.exitCode}${record.wallMs !== void 0 ? `, ${(record.wallMs / 1e3).toFixed(1)} s` : ""}${record.profile ? "" : ", no profile"}`);
    }
  } finally {
    worktree?.remove();
    unhook();
  }
  result.failed = firstFailure(result.runs);
  if (result.interrupted) return result;
  const load = (side) => {
    const out = [];
    for (const r of result.runs.filter((x) => x.side === side && x.profile)) {
      try {
        out.push(readProfileFile(r.profile));
      } catch (err) {
        opts.warn(`${r.profile}: ${err.message}`);
      }
    }
    return out;
  };
  const baseRuns = load("base");
  const headRuns = load("head");
  if (baseRuns.length === 0 || headRuns.length === 0) {
    opts.warn(`no diff: ${baseRuns.length} base and ${headRuns.length} head profile(s) were written`);
  } else {
    try {
      result.outputs = writeCompareOutputs({
        outDir: opts.outDir,
        baseRuns,
        headRuns,
        thresholds: opts.thresholds,
        ci: { ...opts.ci, commit: headCommit },
        baseCommit,
        headCommit,
        reason: `${wanted.how}; base and head (working tree) profiled on this machine, ${baseRuns.length} + ${headRuns.length} interleaved runs`,
        warn: opts.warn
      });
      result.report = result.outputs.report;
    } catch (err) {
      opts.warn(`diff not written: ${err.message}`);
    }
  }
  writeSummary(opts, result, install.reason);
  return result;
}
async function profileRun(opts, t) {
  const runDir = path4.join(opts.outDir, "runs", `${t.side}-${t.index}`);
  rmSync2(runDir, { recursive: true, force: true });
  const { attribution } = setupAttribution(opts.command, { env: opts.env, cwd: t.cwd, repoRoot: t.repoRoot, warn: opts.warn });
  const res = await profileCommand({
    command: opts.command,
    attribution,
    outDir: runDir,
    intervalUs: opts.intervalUs,
    ci: t.ci,
    repoRoot: t.repoRoot,
    env: opts.env,
    cwd: t.cwd,
    warn: opts.warn
  });
  const record = { side: t.side, index: t.index, exitCode: res.exitCode, wallMs: res.summary?.wallMs };
  if (res.profilePath) {
    const file = path4.join(opts.outDir, `${t.side}-${t.index}.pb.gz`);
    try {
      renameSync(res.profilePath, file);
      record.profile = file;
    } catch (err) {
      opts.warn(`${t.side} run ${t.index}: profile not kept: ${err.message}`);
    }
  }
  return record;
}
function writeSummary(opts, result, install) {
  try {
    const summary = {
      base: { ref: opts.base, commit: result.baseCommit },
      head: { commit: result.headCommit, tree: "working tree" },
      command: opts.command,
      runsPerSide: opts.runs,
      install,
      method: RUNS_DIFF_METHOD,
      runs: result.runs.map((r) => ({ ...r, profile: r.profile && path4.basename(r.profile) })),
      failed: result.failed ? { side: result.failed.side, index: result.failed.index, exitCode: result.failed.exitCode } : void 0,
      verdict: result.report?.diff?.verdict
    };
    writeFileSync2(path4.join(opts.outDir, "compare.json"), `${JSON.stringify(summary, null, 2)}
`);
  } catch (err) {
    opts.warn(`compare.json not written: ${err.message}`);
  }
}

// src/compare/rediff.ts
import { readdirSync as readdirSync2 } from "node:fs";
import * as path5 from "node:path";
var RUN = /^(base|head)-(\d+)\.pb\.gz$/;
function savedRuns(dir) {
  const found = { base: [], head: [] };
  for (const f of readdirSync2(dir)) {
    const m = RUN.exec(f);
    if (m) found[m[1]].push([Number(m[2]), path5.join(dir, f)]);
  }
  const sorted = (xs) => xs.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  return { base: sorted(found.base), head: sorted(found.head) };
}
function rediffSavedRuns(opts) {
  const files = savedRuns(opts.dir);
  if (files.base.length === 0 || files.head.length === 0) throw new Error(`${opts.dir}: needs base-<i>.pb.gz and head-<i>.pb.gz files (found ${files.base.length} base, ${files.head.length} head)`);
  const read = (fs) => fs.map((f) => readProfileFile(f));
  const baseRuns = read(files.base);
  const headRuns = read(files.head);
  return writeCompareOutputs({
    outDir: opts.outDir,
    baseRuns,
    headRuns,
    thresholds: opts.thresholds,
    ci: opts.ci,
    baseCommit: baseRuns[0]?.meta.commit,
    headCommit: headRuns[0]?.meta.commit,
    reason: `saved runs in ${opts.dir}: ${baseRuns.length} base, ${headRuns.length} head`,
    warn: opts.warn
  });
}

// src/render/text.ts
var ms = (ns) => `${(ns / 1e6).toFixed(1)} ms`;
var sgn = (ns) => `${ns >= 0 ? "+" : ""}${(ns / 1e6).toFixed(1)} ms`;
var pct = (p) => Number.isFinite(p) ? `${p >= 0 ? "+" : ""}${p.toFixed(1)}%` : "new";
function formatDiffText(report, rows = 10) {
  const b = report.base;
  const lines = [];
  if (b.source === "file") lines.push(`ciprof: base: ${b.file}`);
  else if (b.found) lines.push(`ciprof: base: commit ${b.commit} (${b.distance} commit(s) back from ${b.wanted?.slice(0, 12)}): ${b.reason}`);
  const d = report.diff;
  if (!d) {
    lines.push(`ciprof: no baseline: ${b.reason}`);
    return lines.join("\n");
  }
  lines.push(`ciprof: suite CPU ${ms(d.base.cpuNs)} -> ${ms(d.head.cpuNs)} (${sgn(d.suite.deltaNs)}, ${pct(d.suite.deltaPct)}${d.suite.significant ? "" : ", within noise"})`);
  lines.push(`ciprof: verdict: ${d.verdict} (${d.regressions.length} slower, ${d.improvements.length} faster, ${d.withinNoise} within noise)`);
  const show = (title, list) => {
    if (!list.length) return;
    lines.push(`ciprof: ${title}:`);
    for (const r of list.slice(0, rows)) lines.push(`  ${sgn(r.selfDeltaNs).padStart(12)} ${pct(r.selfDeltaPct).padStart(8)}  q=${r.qValue > 0 ? r.qValue.toExponential(1) : "<1e-300"}  ${formatFrame(r.frame)}`);
  };
  show("slower", d.regressions);
  show("faster", d.improvements);
  return lines.join("\n");
}

// src/cli/diff.ts
import { mkdirSync as mkdirSync3, writeFileSync as writeFileSync3 } from "node:fs";
import * as path6 from "node:path";
var EXIT_REGRESSION = 3;
function nonNegative(name, v) {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a number >= 0, got "${v}"`, EXIT_USAGE);
  return n;
}
function parseThresholds(flags) {
  const alpha = nonNegative("--alpha", flags.alpha);
  if (alpha <= 0 || alpha >= 1) fail(`--alpha must be between 0 and 1, got "${flags.alpha}"`, EXIT_USAGE);
  return { minMs: nonNegative("--min-ms", flags.minMs), minPct: nonNegative("--min-pct", flags.minPct), alpha, minSamples: nonNegative("--min-samples", flags.minSamples), minUnits: DEFAULT_THRESHOLDS.minUnits };
}
function registerDiff(program) {
  const diff = program.command("diff").description("compare this run with a base profile (a file, a commit, or a ref via its merge-base) and report what got slower").option("--base <file|commit|ref>", "base profile file, commit, or ref (default: the PR/upstream base branch)").option("--head <file>", "head profile", ".ciprof/profile.pb.gz").option("--json", "print the diff report as JSON on stdout").option("-o, --out <dir>", "where to write diff.json and comment.md (default: the head profile's directory)").option("--min-ms <ms>", "minimum absolute self-time change for a row", String(DEFAULT_THRESHOLDS.minMs)).option("--min-pct <pct>", "minimum relative self-time change for a row, %", String(DEFAULT_THRESHOLDS.minPct)).option("--alpha <q>", "false discovery rate (Benjamini-Hochberg)", String(DEFAULT_THRESHOLDS.alpha)).option("--min-samples <n>", "samples a function needs before it can be reported", String(DEFAULT_THRESHOLDS.minSamples)).option("--max-walk <n>", "how many first-parent commits to walk back for a stored baseline", String(DEFAULT_MAX_WALK)).option("--fail-on-regression", `exit ${EXIT_REGRESSION} when a regression is reported`).option("--store <kind>", "where baselines are stored: local | github | pyroscope", "local").option("--store-dir <dir>", "local store directory (default: <repo root>/.ciprof/store)").option("--job-key <key>", "job key to look up (default: from CI env)").option("--publish", "also publish: job summary, PR comment / MR note (fails open)").action(async (flags) => {
    const thresholds = parseThresholds(flags);
    const maxWalk = parsePositiveInt("--max-walk", flags.maxWalk);
    if (flags.store !== "local" && flags.store !== "github" && flags.store !== "pyroscope") fail("--store must be local, github or pyroscope", EXIT_USAGE);
    const env = flags.jobKey ? { ...process.env, CIPROF_JOB_KEY: flags.jobKey } : process.env;
    const git = localGitFacts(process.cwd());
    const ci = detectCi(env, { git });
    const repoRoot = git.root ?? process.cwd();
    const base = flags.base ?? (ci.provider === "local" ? ci.baseBranch : ci.baseBranch ? `origin/${ci.baseBranch}` : void 0) ?? ci.baseCommit;
    if (!base) fail("no --base given and no base branch known (no PR context, no upstream branch)", EXIT_USAGE);
    let result;
    try {
      const store = await openStore({
        kind: flags.store,
        ci,
        storeDir: flags.storeDir ? path6.resolve(flags.storeDir) : defaultStoreDir(repoRoot),
        githubToken: env.CIPROF_GITHUB_TOKEN ?? env.GITHUB_TOKEN,
        pyroscope: flags.store === "pyroscope" ? resolvePyroscopeStoreOptions(flags, { repository: ci.repository, repoRoot, warn }) : void 0
      });
      result = await diffStage({ headFile: flags.head, base, ci, store, history: new LocalGitHistory(process.cwd()), thresholds, maxWalk });
    } catch (err) {
      fail(err instanceof ProfileInputError ? err.message : err.message);
    }
    const report = result.report;
    const outDir = path6.resolve(flags.out ?? path6.dirname(flags.head));
    try {
      mkdirSync3(outDir, { recursive: true });
      writeFileSync3(path6.join(outDir, "diff.json"), serializeDiffReport(report));
      writeFileSync3(path6.join(outDir, "comment.md"), renderComment(report));
    } catch (err) {
      warn(`could not save the diff report in ${outDir}: ${err.message}`);
    }
    if (flags.json) process.stdout.write(serializeDiffReport(report));
    else process.stderr.write(`${formatDiffText(report)}
`);
    if (flags.publish) {
      for (const o of await (await import("./chunks/publish-UVVOW4GW.js")).publishReport({ report, ci, env })) (o.status === "failed" ? warn : (l) => process.stderr.write(`ciprof: ${l}
`))(o.message);
    }
    if (flags.failOnRegression && report.diff?.verdict === "regression") process.exitCode = EXIT_REGRESSION;
  });
  addPyroscopeConnectionOptions(diff).option("--window <duration>", "with --store pyroscope: how far back to look for the base profile", "30d");
}

// src/cli/compare.ts
var log = (line) => {
  process.stderr.write(`ciprof: compare: ${line}
`);
};
function registerCompare(program) {
  program.command("compare").description("profile the base commit (temporary git worktree) and the working tree on this machine, interleaved N times each, and diff them").argument("[command...]", "the test command, after --").option("--base <ref>", "base commit, branch or tag; a branch is compared through its merge-base with HEAD (default: the PR/upstream base branch)").option("--runs <n>", "runs per side, interleaved base/head", "3").option("--install <cmd>", "install command for the base checkout (default: from the lockfile: npm ci, pnpm/yarn install --frozen-lockfile; '' skips)").option("-o, --out <dir>", "output directory: base-<i>/head-<i>.pb.gz, base/head.pb.gz, diff.json, comment.md, report.html", ".ciprof/compare").option("--interval-us <n>", "sampling interval in microseconds", "1000").option("--json", "print the diff report as JSON on stdout").option("--min-ms <ms>", "minimum speed-adjusted self-time change for a row", String(COMPARE_THRESHOLDS.minMs)).option("--min-pct <pct>", "minimum speed-adjusted self-time change for a row, %", String(COMPARE_THRESHOLDS.minPct)).option("--alpha <q>", "false discovery rate (Benjamini-Hochberg)", String(COMPARE_THRESHOLDS.alpha)).option("--min-samples <n>", "samples a function needs before it can be reported", String(COMPARE_THRESHOLDS.minSamples)).option("--fail-on-regression", `exit ${EXIT_REGRESSION} when a regression is reported (and no test failed)`).option("--job-key <key>", "job key written into the profiles (default: from CI env)").option("--from-runs <dir>", "run nothing: diff the base-<i>.pb.gz/head-<i>.pb.gz files already in <dir> (re-tune thresholds on saved runs)").passThroughOptions().action(async (command, flags) => {
    const thresholds = parseThresholds(flags);
    const runs = parsePositiveInt("--runs", flags.runs);
    const intervalUs = parsePositiveInt("--interval-us", flags.intervalUs);
    const env = flags.jobKey ? { ...process.env, CIPROF_JOB_KEY: flags.jobKey } : process.env;
    const git = localGitFacts(process.cwd());
    const ci = detectCi(env, { git });
    const outDir = path7.resolve(flags.out);
    const emit = (report) => {
      if (!report) return;
      if (flags.json) process.stdout.write(serializeDiffReport(report));
      else process.stderr.write(`${formatDiffText(report)}
`);
    };
    const regressed = (report) => Boolean(flags.failOnRegression && report?.diff?.verdict === "regression");
    if (flags.fromRuns) {
      let report;
      try {
        report = rediffSavedRuns({ dir: path7.resolve(flags.fromRuns), outDir, thresholds, ci, warn }).report;
      } catch (err) {
        fail(err.message);
      }
      emit(report);
      if (regressed(report)) process.exitCode = EXIT_REGRESSION;
      return;
    }
    if (command.length === 0) fail("no test command: ciprof compare --base <ref> -- <test command>", EXIT_USAGE);
    if (!git.root) fail("ciprof compare needs a git repository (it checks the base out in a git worktree)", EXIT_USAGE);
    const base = flags.base ?? (ci.provider === "local" ? ci.baseBranch : ci.baseBranch ? `origin/${ci.baseBranch}` : void 0) ?? ci.baseCommit;
    if (!base) fail("no --base given and no base branch known (no PR context, no upstream branch)", EXIT_USAGE);
    let result;
    try {
      result = await compare({ base, runs, install: flags.install, outDir, command, intervalUs, thresholds, ci, repoRoot: git.root, cwd: process.cwd(), env, warn, log });
    } catch (err) {
      fail(err.message, err instanceof CompareUsageError ? EXIT_USAGE : 1);
    }
    if (result.interrupted) {
      process.exitCode = 128 + signalNumber(result.interrupted);
      return;
    }
    emit(result.report);
    const failures = result.runs.filter((r) => r.exitCode !== 0);
    for (const r of failures) warn(`the test command failed in the ${r.side} run ${r.index} (${r.side === "base" ? result.baseCommit.slice(0, 12) : "working tree"}): exit code ${r.exitCode}`);
    if (result.outputs) log(`wrote ${path7.relative(process.cwd(), outDir) || "."}/{diff.json,comment.md${result.outputs.files.report ? ",report.html" : ""},base.pb.gz,head.pb.gz}`);
    if (result.failed) process.exitCode = result.failed.exitCode;
    else if (regressed(result.report)) process.exitCode = EXIT_REGRESSION;
  });
}

// src/cli/export.ts
import { writeFileSync as writeFileSync4 } from "node:fs";

// src/profile/collapsed.ts
var frameText = (s) => s.replace(/[;\n\r]/g, "_");
function toCollapsed(profile, valueIndex = timeValueIndex(profile)) {
  const lines = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const v = s.values[valueIndex] ?? 0;
    if (!v) continue;
    const key = s.stack.map((id) => frameText(formatFrame(profile.functions[id]))).reverse().join(";");
    lines.set(key, (lines.get(key) ?? 0) + v);
  }
  let out = "";
  for (const [k, v] of lines) out += `${k} ${Math.round(v)}
`;
  return out;
}

// src/profile/speedscope.ts
function toSpeedscope(profile, name = "ciprof") {
  const frames = profile.functions.map((f) => f.file ? { name: f.name, file: f.file, line: f.line } : { name: f.name });
  const samples = profile.samples.map((s) => [...s.stack].reverse());
  const profiles = profile.sampleTypes.map((t, i) => {
    const weights = profile.samples.map((s) => s.values[i] ?? 0);
    return {
      type: "sampled",
      name: `${name} ${t.type}`,
      unit: t.unit === "nanoseconds" ? "nanoseconds" : "none",
      startValue: 0,
      endValue: weights.reduce((a, b) => a + b, 0),
      samples,
      weights
    };
  });
  return { $schema: "https://www.speedscope.app/file-format-schema.json", shared: { frames }, profiles, name, exporter: "ciprof" };
}

// src/cli/export.ts
var FORMATS = ["pprof", "collapsed", "speedscope"];
function registerExport(program) {
  program.command("export").description("convert a profile to pprof, collapsed stacks or speedscope JSON").argument("<file>", "input profile (pprof or .cpuprofile)").requiredOption("-f, --format <format>", FORMATS.join("|")).option("-o, --output <file>", "output file (default: stdout; pprof needs a file or a pipe)").action((file, flags) => {
    if (!FORMATS.includes(flags.format)) fail(`--format must be one of ${FORMATS.join(", ")}`, EXIT_USAGE);
    const profile = loadProfileOrFail(file);
    let data;
    if (flags.format === "pprof") {
      if (!flags.output && process.stdout.isTTY) fail("pprof is binary: give -o FILE or pipe stdout", EXIT_USAGE);
      data = encodePprofGzip(profile);
    } else if (flags.format === "collapsed") data = toCollapsed(profile);
    else data = `${JSON.stringify(toSpeedscope(profile, file))}
`;
    if (flags.output) writeFileSync4(flags.output, data);
    else process.stdout.write(data);
  });
}

// src/cli/merge.ts
import { writeFileSync as writeFileSync5 } from "node:fs";

// src/profile/merge-files.ts
function mergeProfileFiles(files, repoRoot = process.cwd()) {
  const errors = [];
  const builder = new ProfileBuilder([]);
  let merged = 0;
  let start = Infinity;
  let end = 0;
  for (const file of files) {
    try {
      const parsed = readAndParseProfile(file);
      if (parsed.kind === "pprof") {
        if (merged === 0) {
          builder.period = parsed.profile.period;
        }
        appendProfiles(builder, [parsed.profile]);
      } else {
        builder.sampleTypeIndex(SAMPLES_COUNT);
        builder.sampleTypeIndex(CPU_NANOS);
        const stats = addCpuProfile(builder, parsed.cpu, { repoRoot });
        start = Math.min(start, stats.startUs);
        end = Math.max(end, stats.endUs);
      }
      merged++;
    } catch (err) {
      errors.push(err instanceof ProfileInputError ? err : new ProfileInputError(file, err.message));
    }
  }
  if (builder.sampleTypes.length === 0) {
    builder.sampleTypeIndex(SAMPLES_COUNT);
    builder.sampleTypeIndex(CPU_NANOS);
  }
  if (builder.durationNanos === 0 && start !== Infinity) builder.durationNanos = (end - start) * 1e3;
  return { profile: builder.build(), merged, errors };
}

// src/cli/merge.ts
function registerMerge(program) {
  program.command("merge").description("merge pprof and V8 .cpuprofile files (gzipped or not) into one gzipped pprof").argument("<files...>", "input profiles").requiredOption("-o, --output <file>", "output file (gzipped pprof)").option("--strict", "exit 1 if any input could not be read (default: skip it with a warning)").action((files, flags) => {
    const { profile, merged, errors } = mergeProfileFiles(files);
    for (const e of errors) warn(`skipped ${e.message}`);
    if (merged === 0) fail(`none of the ${files.length} input file(s) could be read`);
    writeFileSync5(flags.output, encodePprofGzip(profile));
    process.stderr.write(`ciprof: merged ${merged} profile(s) into ${flags.output}${errors.length ? `, skipped ${errors.length}` : ""}
`);
    if (errors.length && flags.strict) process.exitCode = 1;
  });
}

// src/cli/report.ts
function registerReport(program) {
  program.command("report").description("write a self-contained HTML report (flame graph, sandwich, tables; diff colours with --base)").argument("[profile]", "head profile (pprof or .cpuprofile)", ".ciprof/profile.pb.gz").option("--base <profile>", "base profile: colour frames slower/faster/within noise").option("-o, --output <file>", "output HTML file", "report.html").option("--title <text>", "page title").action((file, flags) => {
    const head = loadProfileOrFail(file);
    const base = flags.base ? loadProfileOrFail(flags.base) : void 0;
    try {
      const r = writeReport(head, base, { output: flags.output, title: flags.title });
      process.stderr.write(`ciprof: report written to ${r.path} (${(r.bytes / 1024).toFixed(0)} KB, ${r.nodes} frames)
`);
    } catch (err) {
      fail(`cannot write the report: ${err.message}`);
    }
  });
}

// src/cli/run.ts
import * as path8 from "node:path";
function registerRun(program) {
  const run = program.command("run").description("run a test command with every Node process and worker profiled; write one merged pprof profile").argument("<command...>", "the test command, after --").option("-o, --out <dir>", "output directory for profile.pb.gz and profile.json", ".ciprof").option("--interval-us <n>", "sampling interval in microseconds", "1000").option("--json", "print the run summary as JSON on stdout").option("--store-dir <dir>", "local store directory (default: <repo root>/.ciprof/store)").option("--no-store", "do not save the profile in the local store").option("--job-key <key>", "name under which profiles of this job are stored and compared (default: from CI env)").option("--keep-raw", "keep the raw V8 .cpuprofile files and print where").option("-q, --quiet", "no text summary on stderr").option("--no-report", "do not write the HTML report (report.html) beside the profile").passThroughOptions().action(async (command, flags) => {
    const intervalUs = parsePositiveInt("--interval-us", flags.intervalUs);
    const env = flags.jobKey ? { ...process.env, CIPROF_JOB_KEY: flags.jobKey } : process.env;
    const git = localGitFacts(process.cwd());
    const ci = detectCi(env, { git });
    const repoRoot = git.root ?? process.cwd();
    let pyroscope;
    if (flags.upload) {
      try {
        pyroscope = resolvePyroscopeSettings(flags, { repository: ci.repository, repoRoot, warn });
      } catch (err) {
        warn(`Pyroscope upload disabled: ${err.message}`);
      }
    }
    const storeDir = flags.store ? path8.resolve(flags.storeDir ?? process.env.CIPROF_STORE_DIR ?? path8.join(repoRoot, ".ciprof", "store")) : void 0;
    const { attribution, notice } = setupAttribution(command, { env: process.env, cwd: process.cwd(), repoRoot, warn });
    if (notice && !flags.quiet) process.stderr.write(`ciprof: ${notice}
`);
    const result = await profileCommand({
      command,
      attribution,
      outDir: path8.resolve(flags.out),
      intervalUs,
      ci,
      repoRoot,
      storeDir,
      keepRaw: flags.keepRaw,
      report: flags.report,
      warn
    });
    if (result.summary) {
      if (!flags.quiet) process.stderr.write(`${formatSummaryText(result.summary)}
`);
      if (flags.json) process.stdout.write(`${JSON.stringify(result.summary, null, 2)}
`);
    }
    if (pyroscope && result.profilePath) await uploadAfterRun(result.profilePath, pyroscope);
    process.exitCode = result.exitCode;
  });
  run.option("--upload", "after the run, send the profile to Grafana Pyroscope (fails open; see ciprof upload --help)");
  addPyroscopeUploadOptions(run);
}

// src/cli/top.ts
function registerTop(program) {
  program.command("top").description("print the functions with the most self time, like go tool pprof -top").argument("<file>", "profile (pprof or .cpuprofile)").option("-n, --nodes <n>", "how many functions", "20").option("--cum", "sort by cumulative (total) time").action((file, flags) => {
    const n = parsePositiveInt("--nodes", flags.nodes);
    const profile = loadProfileOrFail(file);
    const table = functionTable(profile, timeValueIndex(profile));
    const rows = [...table.stats].sort((a, b) => flags.cum ? b.total - a.total : b.self - a.self).slice(0, n);
    const pct2 = (v) => `${table.total ? (v / table.total * 100).toFixed(2) : "0.00"}%`;
    const msText = (v) => `${(v / 1e6).toFixed(2)}ms`;
    const out = [`Total: ${msText(table.total)} in ${table.totalSamples} samples (${profile.functions.length} functions)`];
    out.push(`${"flat".padStart(12)} ${"flat%".padStart(7)} ${"sum%".padStart(7)} ${"cum".padStart(12)} ${"cum%".padStart(7)}`);
    let sum = 0;
    for (const r of rows) {
      sum += r.self;
      out.push(`${msText(r.self).padStart(12)} ${pct2(r.self).padStart(7)} ${pct2(sum).padStart(7)} ${msText(r.total).padStart(12)} ${pct2(r.total).padStart(7)}  ${formatFrame(r.frame)}`);
    }
    process.stdout.write(`${out.join("\n")}
`);
  });
}

// src/cli/program.ts
function buildProgram() {
  const program = new Command("ciprof").description("Profile a Node test suite in CI and tell the pull request where the CPU time went").version(VERSION).enablePositionalOptions();
  registerRun(program);
  registerMerge(program);
  registerExport(program);
  registerTop(program);
  registerReport(program);
  registerUpload(program);
  registerDiff(program);
  registerComment(program);
  registerCompare(program);
  return program;
}

// src/cli/index.ts
buildProgram().parseAsync(process.argv).catch((err) => {
  process.stderr.write(`ciprof: error: ${err.message}
`);
  process.exitCode = 1;
});
