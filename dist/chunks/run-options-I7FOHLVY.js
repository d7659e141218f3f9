import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  addPyroscopeUploadOptions
} from "./chunk-EA4ZQIHN.js";
import "./chunk-5RRSUTS2.js";
import {
  runTests
} from "./chunk-ZUFY6M3I.js";
import "./chunk-UGWUIB57.js";
import "./chunk-G7F6OYY4.js";
import "./chunk-GA3KEGGT.js";
import "./chunk-6B3EOHIS.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-EFHURMFM.js";
import "./chunk-LERJVIWU.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-DWI46GCV.js";
import "./chunk-ZHB73YNC.js";

// src/cli/run-options.ts
function registerRun(program, action = runTests) {
  const run = program.command("run").description("run a test command with every Node process and worker profiled; write one merged pprof profile").argument("<command...>", "the test command, after --").option("-o, --out <dir>", "output directory for profile.pb.gz and profile.json", ".ciprof").option("--interval-us <n>", "sampling interval in microseconds", "1000").option("--alloc", "also sample allocations (V8 sampling heap profiler, every process and worker): alloc_samples/alloc_space in the same profile").option("--json", "print the run summary as JSON on stdout, and nothing else there (the command's stdout goes to stderr)").option("--store-dir <dir>", "local store directory (default: <repo root>/.ciprof/store)").option("--no-store", "do not save the profile in the local store").option("--job-key <key>", "name under which profiles of this job are stored and compared (default: from CI env)").option("--keep-raw", "keep the raw V8 .cpuprofile files and print where").option("-q, --quiet", "no text summary on stderr").option("--no-report", "do not write the HTML report (report.html) beside the profile").passThroughOptions().action((command, flags) => action(command, flags));
  run.option("--upload", "after the run, send the profile to Grafana Pyroscope (fails open; see ciprof upload --help)");
  addPyroscopeUploadOptions(run);
}
export {
  registerRun
};
