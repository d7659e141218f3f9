import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  writeRunOutputs
} from "./chunk-AO6GJWFI.js";
import {
  storeRun,
  uploadRun
} from "./chunk-XOH6V4IZ.js";
import "./chunk-XWCWDJFI.js";
import "./chunk-XDKVZJL5.js";
import "./chunk-KBBVG7QG.js";
import "./chunk-G7F6OYY4.js";
import {
  cliLog
} from "./chunk-GA3KEGGT.js";
import "./chunk-PGUBC65E.js";
import "./chunk-3TBHKCVM.js";
import {
  formatSummaryText
} from "./chunk-J2IZ5SN4.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-UYWEAYXS.js";
import "./chunk-Q777HXUX.js";
import "./chunk-UO43WOGP.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-H5YMVFQK.js";
import "./chunk-E4RVWPFF.js";
import "./chunk-TOQZ6A4H.js";
import "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-76FLTAGO.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/cli/run-outputs.ts
async function writeRunResults(s, c, flags) {
  const stored = await storeRun(s, c, { local: flags.store, artifact: false }, cliLog);
  const files = await writeRunOutputs(s, c, { report: flags.report, stored, reportThread: flags.reportThread }, cliLog);
  if (!files || !c.summary) return void 0;
  if (!flags.quiet) process.stderr.write(`${formatSummaryText(c.summary)}
`);
  await uploadRun(s, c, files.profile, cliLog);
  return c.summary;
}
export {
  writeRunResults
};
