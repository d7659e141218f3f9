import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  diffAllocations,
  diffForReport
} from "./chunk-OI6BI5VG.js";
import {
  writeHtmlReport
} from "./chunk-GLHYBSRW.js";
import "./chunk-WAAJENRA.js";
import "./chunk-QMKCOD2H.js";
import {
  loadProfileOrFail
} from "./chunk-ZV4DZ4I3.js";
import {
  fail
} from "./chunk-DTACXVEU.js";
import "./chunk-A5GYA5KY.js";
import "./chunk-EEBRXB3P.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-E4RVWPFF.js";
import "./chunk-4Q5ER2D7.js";
import "./chunk-3BZBFZ5A.js";
import "./chunk-4F3MHGM4.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-CEA2Q2JC.js";
import "./chunk-QJ2RV7E4.js";
import "./chunk-D3YEWEIK.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-2UXSF32T.js";
import "./chunk-ZHB73YNC.js";

// src/cli/report.ts
function registerReport(program) {
  program.command("report").description("write a self-contained HTML report (flame graph, sandwich, tables; diff colours with --base)").argument("[profile]", "head profile (pprof or .cpuprofile)", ".ciprof/profile.pb.gz").option("--base <profile>", "base profile: colour frames slower/faster/within noise").option("-o, --output <file>", "output HTML file", "report.html").option("--title <text>", "page title").action(async (file, flags) => {
    const head = loadProfileOrFail(file);
    const base = flags.base ? loadProfileOrFail(flags.base) : void 0;
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
