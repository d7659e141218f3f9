import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  publishSavedReport
} from "./chunk-D3MM6P4K.js";
import "./chunk-XOH6V4IZ.js";
import "./chunk-XWCWDJFI.js";
import "./chunk-XDKVZJL5.js";
import "./chunk-KBBVG7QG.js";
import {
  EXIT_USAGE,
  cliLog,
  fail,
  parsePositiveInt
} from "./chunk-GA3KEGGT.js";
import "./chunk-PGUBC65E.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-UYWEAYXS.js";
import {
  resolveSettings
} from "./chunk-BZ4FZAS6.js";
import "./chunk-JG5O54ET.js";
import "./chunk-Q777HXUX.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-QM5PWYSE.js";
import "./chunk-UO43WOGP.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-H5YMVFQK.js";
import "./chunk-LF4N5MIR.js";
import "./chunk-3VZZQNBZ.js";
import "./chunk-TOQZ6A4H.js";
import "./chunk-ZT4APMRY.js";
import "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-76FLTAGO.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/cli/comment.ts
function registerComment(program) {
  program.command("comment").description("publish a saved diff report (diff.json from `ciprof diff`): PR comment / MR note and job summary. For a separate privileged workflow.").option("--report <file>", "the saved diff report", ".ciprof/diff.json").option("--pr <n>", "pull request / merge request number (default: from the workflow_run event, then from CI env; never from the report)").option("--head-sha <sha>", "the commit the report must be about; comment only while it is the PR's head (required outside workflow_run, where the event gives it)").option("--no-summary", "do not write the GitHub job summary").option("--no-comment", "do not comment, only write the job summary").action(async (flags) => {
    const pr = flags.pr ? parsePositiveInt("--pr", flags.pr) : void 0;
    if (flags.headSha && !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(flags.headSha)) fail("--head-sha must be a full commit id", EXIT_USAGE);
    const s = resolveSettings({ cwd: process.cwd(), env: process.env }, cliLog);
    try {
      await publishSavedReport(s, flags.report, { pr, headSha: flags.headSha, summary: flags.summary, comment: flags.comment }, cliLog);
    } catch (err) {
      fail(err.message);
    }
  });
}
export {
  registerComment
};
