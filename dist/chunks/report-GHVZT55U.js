import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  alignMovedFunctions,
  diffAllocations,
  diffForReport
} from "./chunk-GNKPCA27.js";
import {
  writeHtmlReport
} from "./chunk-AO6GJWFI.js";
import "./chunk-XOH6V4IZ.js";
import "./chunk-XWCWDJFI.js";
import "./chunk-XDKVZJL5.js";
import "./chunk-KBBVG7QG.js";
import "./chunk-G7F6OYY4.js";
import {
  loadProfileOrFail
} from "./chunk-E6JJL3G3.js";
import {
  fail
} from "./chunk-GA3KEGGT.js";
import "./chunk-PGUBC65E.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-UYWEAYXS.js";
import "./chunk-JG5O54ET.js";
import "./chunk-Q777HXUX.js";
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

// src/cli/report.ts
function registerReport(program) {
  program.command("report").description("write a self-contained HTML report (flame graph, sandwich, tables; diff colours with --base)").argument("[profile]", "head profile (pprof or .cpuprofile)", ".ciprof/profile.pb.gz").option("--base <profile>", "base profile: colour frames slower/faster/within noise").option("-o, --output <file>", "output HTML file", "report.html").option("--title <text>", "page title").action(async (file, flags) => {
    const head = loadProfileOrFail(file);
    const loadedBase = flags.base ? loadProfileOrFail(flags.base) : void 0;
    const base = loadedBase && alignMovedFunctions([loadedBase], [head])[0];
    try {
      const r = await writeHtmlReport(flags.output, head, base, base ? diffForReport(base, head) : void 0, flags.title, base ? diffAllocations(base, head) : void 0);
      process.stderr.write(`ciprof: report written to ${r.path} (${(r.bytes / 1024).toFixed(0)} KB, ${r.nodes} frames)
`);
    } catch (err) {
      fail(`cannot write the report: ${err.message}`);
    }
  });
}
export {
  registerReport
};
