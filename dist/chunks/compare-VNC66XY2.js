import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  printDiff
} from "./chunk-2X5IFOHZ.js";
import "./chunk-LVAURNUE.js";
import {
  LocalGitHistory,
  RUNS_DIFF_METHOD,
  buildDiffReport
} from "./chunk-GNKPCA27.js";
import {
  EXIT_REGRESSION,
  exitCodeFor
} from "./chunk-D3MM6P4K.js";
import {
  compareProfileFiles,
  writeCompareOutputs,
  writeRunOutputs
} from "./chunk-AO6GJWFI.js";
import "./chunk-XOH6V4IZ.js";
import "./chunk-XWCWDJFI.js";
import "./chunk-XDKVZJL5.js";
import "./chunk-KBBVG7QG.js";
import {
  collect,
  testCommandEnv
} from "./chunk-UGWUIB57.js";
import "./chunk-G7F6OYY4.js";
import {
  EXIT_USAGE,
  cliLog,
  fail,
  parsePositiveInt,
  parseThresholds,
  warn
} from "./chunk-GA3KEGGT.js";
import {
  redactCommand
} from "./chunk-PGUBC65E.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-UYWEAYXS.js";
import "./chunk-6B3EOHIS.js";
import {
  resolveSettings
} from "./chunk-BZ4FZAS6.js";
import {
  COMPARE_THRESHOLDS,
  wantedCommit
} from "./chunk-JG5O54ET.js";
import "./chunk-Q777HXUX.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-QM5PWYSE.js";
import "./chunk-UO43WOGP.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-H5YMVFQK.js";
import "./chunk-LF4N5MIR.js";
import "./chunk-E4RVWPFF.js";
import "./chunk-3VZZQNBZ.js";
import "./chunk-TOQZ6A4H.js";
import "./chunk-ZT4APMRY.js";
import "./chunk-4Q5ER2D7.js";
import "./chunk-EFHURMFM.js";
import "./chunk-LERJVIWU.js";
import {
  readProfileFile
} from "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
import {
  makeDirs
} from "./chunk-MIHNHIUD.js";
import {
  withAllocSampling
} from "./chunk-DWI46GCV.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/cli/compare.ts
import * as path5 from "node:path";

// src/compare/worktree.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import * as path from "node:path";
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
    const tmpDir = mkdtempSync(path.join(tmpdir(), "ciprof-base-"));
    const dir = path.join(tmpDir, "base");
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

// src/pipeline/compare.ts
import { renameSync, rmSync as rmSync3 } from "node:fs";
import * as path4 from "node:path";

// src/compare/install.ts
import { spawn } from "node:child_process";
function runInstall(command, cwd, env) {
  const child = spawn(command, { cwd, env, shell: true, stdio: ["ignore", 2, 2] });
  const done = new Promise((resolve3) => {
    child.on("error", (err) => resolve3({ exitCode: 127, error: err.message }));
    child.on("close", (code, signal) => resolve3({ exitCode: code ?? (signal ? 128 : 1) }));
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

// src/compare/run-files.ts
import { readdirSync, rmSync as rmSync2 } from "node:fs";
import * as path3 from "node:path";
var RUN_FILE = /^(base|head)-(\d+)\.pb\.gz$/;
function runFile(dir, side, index) {
  return path3.join(dir, `${side}-${index}.pb.gz`);
}
function savedRuns(dir) {
  const found = { base: [], head: [] };
  for (const f of readdirSync(dir)) {
    const m = RUN_FILE.exec(f);
    if (m) found[m[1]].push([Number(m[2]), path3.join(dir, f)]);
  }
  const sorted = (xs) => xs.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  return { base: sorted(found.base), head: sorted(found.head) };
}
function removeRunFiles(dir) {
  for (const f of readdirSync(dir)) if (RUN_FILE.test(f)) rmSync2(path3.join(dir, f), { force: true });
}

// src/pipeline/compare.ts
var CompareUsageError = class extends Error {
};
function plan(s, opts) {
  const history = new LocalGitHistory(s.repoRoot);
  const headCommit = s.ci.commit ?? history.resolve("HEAD");
  const wanted = wantedCommit({ history, base: opts.base, head: "HEAD", fallbackCommit: s.ci.baseCommit });
  if (!wanted.commit) throw new CompareUsageError(wanted.how);
  const baseCommit = history.resolve(wanted.commit);
  if (!baseCommit) throw new CompareUsageError(`${wanted.how}, but that commit is not in this clone (shallow checkout? fetch it, e.g. fetch-depth: 0)`);
  const relCwd = path4.relative(s.repoRoot, s.cwd);
  if (relCwd.startsWith("..")) throw new CompareUsageError(`the working directory ${s.cwd} is outside the repository ${s.repoRoot}`);
  return { baseCommit, headCommit, how: wanted.how, relCwd, install: planInstall(s.cwd, s.repoRoot, opts.install) };
}
async function compare(s, opts, log) {
  const p = plan(s, opts);
  makeDirs(s.outDir);
  removeRunFiles(s.outDir);
  const result = { baseCommit: p.baseCommit, headCommit: p.headCommit, runs: [] };
  const profiles = /* @__PURE__ */ new Map();
  await runInterleaved(s, opts, p, result, profiles, log);
  result.failed = firstFailure(result.runs);
  if (result.interrupted) return result;
  const side = (x) => result.runs.filter((r) => r.side === x && profiles.has(r)).map((r) => profiles.get(r));
  const baseRuns = side("base");
  const headRuns = side("head");
  if (baseRuns.length === 0 || headRuns.length === 0) {
    log.warn(`no diff: ${baseRuns.length} base and ${headRuns.length} head profile(s) were written`);
  } else {
    const reason = `${p.how}; base and head (working tree) profiled on this machine, ${baseRuns.length} + ${headRuns.length} interleaved runs`;
    try {
      Object.assign(result, await diffAndWrite(s, { ...s.ci, commit: p.headCommit }, baseRuns, headRuns, { baseCommit: p.baseCommit, headCommit: p.headCommit, reason }, log));
      if (opts.alloc && result.report && !result.report.alloc) log.warn("--alloc: no allocation diff (a side has no allocation samples: did the agent run in every process?)");
    } catch (err) {
      log.warn(`diff not written: ${err.message}`);
    }
  }
  writeSummary(s, opts, result, p.install.reason, log);
  return result;
}
async function runInterleaved(s, opts, p, result, profiles, log) {
  let stopInstall;
  const unhook = interruptOnSignals((signal) => {
    result.interrupted = signal;
    opts.progress(`${signal}: stopping after the current step, then removing the base worktree (again to stop at once)`);
    stopInstall?.();
  });
  let worktree;
  try {
    opts.progress(`base: ${p.how}`);
    worktree = BaseWorktree.add(s.repoRoot, p.baseCommit);
    opts.progress(`base checked out in ${worktree.dir}`);
    opts.progress(`install: ${p.install.reason}`);
    if (p.install.command && !result.interrupted) {
      const run = runInstall(p.install.command, path4.join(worktree.dir, p.install.dir), testCommandEnv(s.env));
      stopInstall = () => run.child.kill("SIGTERM");
      const done = await run.done;
      stopInstall = void 0;
      if (done.exitCode !== 0 && !result.interrupted) {
        throw new Error(`installing the base's dependencies failed (${p.install.command} in ${p.install.dir || "."} exited ${done.exitCode}${done.error ? `: ${done.error}` : ""}); pass --install "<cmd>" or --install '' to skip`);
      }
    }
    const base = { ...s, cwd: path4.join(worktree.dir, p.relCwd), repoRoot: worktree.dir, ci: { ...s.ci, commit: p.baseCommit, branch: void 0, pr: void 0 } };
    const head = { ...s, ci: { ...s.ci, commit: p.headCommit } };
    const order = interleavedOrder(opts.runs);
    for (const [n, planned] of order.entries()) {
      if (result.interrupted) break;
      const x = planned.side;
      opts.progress(`run ${n + 1}/${order.length}: ${x} ${planned.index}/${opts.runs} (${x === "base" ? p.baseCommit.slice(0, 12) : "working tree"})`);
      const record = await profileRun(x === "base" ? base : head, opts.command, planned.side, planned.index, profiles, log);
      result.runs.push(record);
      opts.progress(`${x} ${planned.index}: exit ${record.exitCode}${record.wallMs !== void 0 ? `, ${(record.wallMs / 1e3).toFixed(1)} s` : ""}${record.profile ? "" : ", no profile"}`);
    }
  } finally {
    worktree?.remove();
    unhook();
  }
}
async function profileRun(s, command, side, index, profiles, log) {
  const runDir = path4.join(s.outDir, "runs", `${side}-${index}`);
  rmSync3(runDir, { recursive: true, force: true });
  const run = { ...s, outDir: runDir };
  const c = await collect(run, { command, quiet: true, commandStdout: "stderr" }, log);
  const written = await writeRunOutputs(run, c, { report: false }, log);
  const record = { side, index, exitCode: c.exitCode, wallMs: c.summary?.wallMs };
  if (written && c.profile) {
    const file = runFile(s.outDir, side, index);
    try {
      renameSync(written.profile, file);
      record.profile = file;
      profiles.set(record, c.profile);
    } catch (err) {
      log.warn(`${side} run ${index}: profile not kept: ${err.message}`);
    }
  }
  return record;
}
async function diffAndWrite(s, ci, baseRuns, headRuns, sides, log) {
  const merged = compareProfileFiles(s.outDir);
  const result = buildDiffReport({
    ci,
    baseRuns,
    headRuns,
    repeated: true,
    // 'file' is the honest provenance: the base profile is the file this job just wrote.
    provenance: { source: "file", found: true, file: path4.relative(process.cwd(), merged.base) || merged.base, commit: sides.baseCommit, reason: sides.reason },
    head: { commit: sides.headCommit, profile: merged.head },
    thresholds: s.thresholds,
    includeLaunchers: s.includeLaunchers
  });
  const title = `ciprof compare \xB7 ${sides.baseCommit?.slice(0, 8) ?? "base"} \u2192 ${sides.headCommit?.slice(0, 8) ?? "head"}`;
  const { files } = await writeCompareOutputs(s.outDir, baseRuns, headRuns, result, title, log);
  return { files, report: result.report };
}
async function rediffSavedRuns(s, dir, log) {
  const files = savedRuns(dir);
  if (files.base.length === 0 || files.head.length === 0) throw new Error(`${dir}: needs base-<i>.pb.gz and head-<i>.pb.gz files (found ${files.base.length} base, ${files.head.length} head)`);
  const baseRuns = files.base.map((f) => readProfileFile(f));
  const headRuns = files.head.map((f) => readProfileFile(f));
  const sides = { baseCommit: baseRuns[0]?.meta.commit, headCommit: headRuns[0]?.meta.commit, reason: `saved runs in ${dir}: ${baseRuns.length} base, ${headRuns.length} head` };
  return diffAndWrite(s, s.ci, baseRuns, headRuns, sides, log);
}
function writeSummary(s, opts, result, install, log) {
  try {
    const summary = {
      base: { ref: opts.base, commit: result.baseCommit },
      head: { commit: result.headCommit, tree: "working tree" },
      command: redactCommand(opts.command),
      runsPerSide: opts.runs,
      install,
      method: RUNS_DIFF_METHOD,
      runs: result.runs.map((r) => ({ ...r, profile: r.profile && path4.basename(r.profile) })),
      failed: result.failed ? { side: result.failed.side, index: result.failed.index, exitCode: result.failed.exitCode } : void 0,
      verdict: result.report?.diff?.verdict,
      ...opts.alloc ? { alloc: true, allocVerdict: result.report?.alloc?.verdict } : {}
    };
    writeFileAtomic(path4.join(s.outDir, "compare.json"), `${JSON.stringify(summary, null, 2)}
`, { durable: false });
  } catch (err) {
    log.warn(`compare.json not written: ${err.message}`);
  }
}

// src/cli/compare.ts
var progress = (line) => {
  process.stderr.write(`ciprof: compare: ${line}
`);
};
function registerCompare(program) {
  program.command("compare").description("profile the base commit (temporary git worktree) and the working tree on this machine, interleaved N times each, and diff them").argument("[command...]", "the test command, after --").option("--base <ref>", "base commit, branch or tag; a branch is compared through its merge-base with HEAD (default: the PR/upstream base branch)").option("--runs <n>", "runs per side, interleaved base/head", "3").option("--install <cmd>", "install command for the base checkout (default: from the lockfile: npm ci, pnpm/yarn install --frozen-lockfile; '' skips)").option("-o, --out <dir>", "output directory: base-<i>/head-<i>.pb.gz, base/head.pb.gz, diff.json, comment.md, report.html", ".ciprof/compare").option("--interval-us <n>", "sampling interval in microseconds", "1000").option("--json", "print the diff report as JSON on stdout (the test runs' output goes to stderr)").option("--min-ms <ms>", "minimum speed-adjusted self-time change for a row", String(COMPARE_THRESHOLDS.minMs)).option("--min-pct <pct>", "minimum speed-adjusted self-time change for a row, %", String(COMPARE_THRESHOLDS.minPct)).option("--alpha <q>", "false discovery rate (Benjamini-Hochberg)", String(COMPARE_THRESHOLDS.alpha)).option("--min-samples <n>", "samples a function needs before it can be reported", String(COMPARE_THRESHOLDS.minSamples)).option("--alloc", "also sample allocations in every run (as ciprof run --alloc) and diff them: the Allocations section, report.alloc in --json").option("--fail-on-regression", `exit ${EXIT_REGRESSION} when a regression is reported (and no test failed)`).option("--gate <cpu|alloc>", "what --fail-on-regression looks at: CPU time, or allocations only (with --alloc)", "cpu").option("--job-key <key>", "job key written into the profiles (default: from CI env)").option("--include-launchers", "keep package-manager launcher processes (npm, npx, pnpm, yarn) in the rows and verdicts").option("--from-runs <dir>", "run nothing: diff the base-<i>.pb.gz/head-<i>.pb.gz files already in <dir> (re-tune thresholds on saved runs)").passThroughOptions().action(async (command, flags) => {
    if (flags.gate !== "cpu" && flags.gate !== "alloc") fail("--gate must be cpu or alloc", EXIT_USAGE);
    const gate = flags.gate;
    const thresholds = parseThresholds(flags);
    const runs = parsePositiveInt("--runs", flags.runs);
    const intervalUs = parsePositiveInt("--interval-us", flags.intervalUs);
    const s = resolveSettings({ cwd: process.cwd(), env: withAllocSampling(process.env, flags.alloc), jobKey: flags.jobKey, outDir: flags.out, base: flags.base, thresholds, intervalUs, includeLaunchers: flags.includeLaunchers }, cliLog);
    const failOnRegression = Boolean(flags.failOnRegression);
    if (flags.fromRuns) {
      let report;
      try {
        report = (await rediffSavedRuns(s, path5.resolve(flags.fromRuns), cliLog)).report;
      } catch (err) {
        fail(err.message);
      }
      printDiff(report, flags.json);
      process.exitCode = exitCodeFor(0, report, failOnRegression, gate);
      return;
    }
    if (command.length === 0) fail("no test command: ciprof compare --base <ref> -- <test command>", EXIT_USAGE);
    if (!s.inGit) fail("ciprof compare needs a git repository (it checks the base out in a git worktree)", EXIT_USAGE);
    if (!s.base) fail("no --base given and no base branch known (no PR context, no upstream branch)", EXIT_USAGE);
    let result;
    try {
      result = await compare(s, { base: s.base, runs, install: flags.install, command, progress, alloc: Boolean(flags.alloc) }, cliLog);
    } catch (err) {
      fail(err.message, err instanceof CompareUsageError ? EXIT_USAGE : 1);
    }
    if (result.interrupted) {
      process.exitCode = 128 + signalNumber(result.interrupted);
      return;
    }
    if (result.report) printDiff(result.report, flags.json);
    for (const r of result.runs.filter((x) => x.exitCode !== 0)) warn(`the test command failed in the ${r.side} run ${r.index} (${r.side === "base" ? result.baseCommit.slice(0, 12) : "working tree"}): exit code ${r.exitCode}`);
    if (result.files) progress(`wrote ${path5.relative(process.cwd(), s.outDir) || "."}/{diff.json,comment.md${result.files.report ? ",report.html" : ""},base.pb.gz,head.pb.gz}`);
    if (gate === "alloc" && failOnRegression && result.report && !result.report.alloc) warn("--gate alloc: no allocation diff (pass --alloc); nothing to gate on");
    process.exitCode = exitCodeFor(result.failed?.exitCode ?? 0, result.report, failOnRegression, gate);
  });
}
export {
  registerCompare
};
