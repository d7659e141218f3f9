import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  printDiff
} from "./chunk-2X5IFOHZ.js";
import "./chunk-LVAURNUE.js";
import {
  diffWithBaseline
} from "./chunk-GNKPCA27.js";
import {
  EXIT_REGRESSION,
  exitCodeFor,
  publish
} from "./chunk-D3MM6P4K.js";
import {
  writeDiffOutputs
} from "./chunk-AO6GJWFI.js";
import {
  openStore
} from "./chunk-XOH6V4IZ.js";
import "./chunk-XWCWDJFI.js";
import "./chunk-XDKVZJL5.js";
import "./chunk-KBBVG7QG.js";
import {
  addPyroscopeConnectionOptions
} from "./chunk-EA4ZQIHN.js";
import "./chunk-5RRSUTS2.js";
import "./chunk-G7F6OYY4.js";
import {
  loadProfileOrFail
} from "./chunk-E6JJL3G3.js";
import {
  EXIT_USAGE,
  cliLog,
  fail,
  parsePositiveInt,
  parseThresholds
} from "./chunk-GA3KEGGT.js";
import "./chunk-PGUBC65E.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-UYWEAYXS.js";
import {
  resolveSettings
} from "./chunk-BZ4FZAS6.js";
import {
  DEFAULT_MAX_WALK,
  DEFAULT_THRESHOLDS
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
import "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-76FLTAGO.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/cli/diff.ts
import * as path from "node:path";
function settingsOf(flags) {
  const thresholds = parseThresholds(flags);
  const maxWalk = parsePositiveInt("--max-walk", flags.maxWalk);
  if (flags.store !== "local" && flags.store !== "github" && flags.store !== "pyroscope") fail("--store must be local, github or pyroscope", EXIT_USAGE);
  const store = flags.store;
  try {
    return resolveSettings(
      { cwd: process.cwd(), env: process.env, jobKey: flags.jobKey, storeDir: flags.storeDir, base: flags.base, thresholds, maxWalk, store, includeLaunchers: flags.includeLaunchers, pyroscope: store === "pyroscope" ? { flags, query: true } : void 0 },
      cliLog
    );
  } catch (err) {
    fail(err.message);
  }
}
function registerDiff(program) {
  const diff = program.command("diff").description("compare this run with a base profile (a file, a commit, or a ref via its merge-base) and report what got slower").option("--base <file|commit|ref>", "base profile file, commit, or ref (default: the PR/upstream base branch)").option("--head <file>", "head profile", ".ciprof/profile.pb.gz").option("--json", "print the diff report as JSON on stdout").option("-o, --out <dir>", "where to write diff.json and comment.md (default: the head profile's directory)").option("--min-ms <ms>", "minimum absolute self-time change for a row", String(DEFAULT_THRESHOLDS.minMs)).option("--min-pct <pct>", "minimum relative self-time change for a row, %", String(DEFAULT_THRESHOLDS.minPct)).option("--alpha <q>", "false discovery rate (Benjamini-Hochberg)", String(DEFAULT_THRESHOLDS.alpha)).option("--min-samples <n>", "samples a function needs before it can be reported", String(DEFAULT_THRESHOLDS.minSamples)).option("--max-walk <n>", "how many first-parent commits to walk back for a stored baseline", String(DEFAULT_MAX_WALK)).option("--fail-on-regression", `exit ${EXIT_REGRESSION} when a regression is reported`).option("--gate <cpu|alloc>", "what --fail-on-regression looks at: CPU time, or allocations only (both runs with --alloc)", "cpu").option("--store <kind>", "where baselines are stored: local | github | pyroscope", "local").option("--store-dir <dir>", "local store directory (default: <repo root>/.ciprof/store)").option("--job-key <key>", "job key to look up (default: from CI env)").option("--publish", "also publish: job summary, PR comment / MR note (fails open)").option("--include-launchers", "keep package-manager launcher processes (npm, npx, pnpm, yarn) in the rows and verdicts").action(async (flags) => {
    if (flags.gate !== "cpu" && flags.gate !== "alloc") fail("--gate must be cpu or alloc", EXIT_USAGE);
    const s = settingsOf(flags);
    if (!s.base) fail("no --base given and no base branch known (no PR context, no upstream branch)", EXIT_USAGE);
    const head = { profile: loadProfileOrFail(flags.head), file: flags.head };
    let result;
    try {
      result = await diffWithBaseline(s, head, await openStore(s));
    } catch (err) {
      fail(err.message);
    }
    const { rendered } = await writeDiffOutputs(s, result, { dir: path.resolve(flags.out ?? path.dirname(flags.head)), html: false, uploadReport: false }, cliLog);
    printDiff(result.report, flags.json);
    if (flags.publish) await publish(s, rendered, {}, cliLog);
    if (flags.gate === "alloc" && flags.failOnRegression && !result.report.alloc) cliLog.warn("--gate alloc: no allocation diff (run both sides with ciprof run --alloc); nothing to gate on");
    process.exitCode = exitCodeFor(0, result.report, Boolean(flags.failOnRegression), flags.gate);
  });
  addPyroscopeConnectionOptions(diff).option("--window <duration>", "with --store pyroscope: how far back to look for the base profile", "30d");
}
export {
  registerDiff
};
