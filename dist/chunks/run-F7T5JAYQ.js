import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  collect,
  formatSummaryText
} from "./chunk-OPVUU5RB.js";
import {
  prepareOutDir,
  writeRunOutputs
} from "./chunk-GLHYBSRW.js";
import "./chunk-WAAJENRA.js";
import {
  addPyroscopeUploadOptions
} from "./chunk-EA4ZQIHN.js";
import {
  resolveSettings
} from "./chunk-SJUP67PT.js";
import "./chunk-QMKCOD2H.js";
import {
  cliLog,
  parsePositiveInt
} from "./chunk-DTACXVEU.js";
import "./chunk-A5GYA5KY.js";
import "./chunk-EEBRXB3P.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-5RRSUTS2.js";
import "./chunk-E4RVWPFF.js";
import {
  withAllocSampling
} from "./chunk-EYIQDHJO.js";
import "./chunk-LERJVIWU.js";
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

// src/cli/run.ts
function registerRun(program) {
  const run = program.command("run").description("run a test command with every Node process and worker profiled; write one merged pprof profile").argument("<command...>", "the test command, after --").option("-o, --out <dir>", "output directory for profile.pb.gz and profile.json", ".ciprof").option("--interval-us <n>", "sampling interval in microseconds", "1000").option("--alloc", "also sample allocations (V8 sampling heap profiler, every process and worker): alloc_samples/alloc_space in the same profile").option("--json", "print the run summary as JSON on stdout, and nothing else there (the command's stdout goes to stderr)").option("--store-dir <dir>", "local store directory (default: <repo root>/.ciprof/store)").option("--no-store", "do not save the profile in the local store").option("--job-key <key>", "name under which profiles of this job are stored and compared (default: from CI env)").option("--keep-raw", "keep the raw V8 .cpuprofile files and print where").option("-q, --quiet", "no text summary on stderr").option("--no-report", "do not write the HTML report (report.html) beside the profile").passThroughOptions().action(async (command, flags) => {
    const intervalUs = parsePositiveInt("--interval-us", flags.intervalUs);
    const s = resolveSettings(
      { cwd: process.cwd(), env: withAllocSampling(process.env, flags.alloc), jobKey: flags.jobKey, storeDir: flags.storeDir, outDir: flags.out, intervalUs, pyroscope: flags.upload ? { flags, upload: true } : void 0 },
      cliLog
    );
    const profiling = prepareOutDir(s, cliLog);
    const c = await collect(s, { command, keepRaw: flags.keepRaw, quiet: flags.quiet, profile: profiling, commandStdout: flags.json ? "stderr" : "inherit" }, cliLog);
    const { storeRun, uploadRun } = await import("./store-L46X2SOX.js");
    const stored = await storeRun(s, c, { local: flags.store, artifact: false }, cliLog);
    const files = await writeRunOutputs(s, c, { report: flags.report, stored }, cliLog);
    if (files && c.summary) {
      if (!flags.quiet) process.stderr.write(`${formatSummaryText(c.summary)}
`);
      await uploadRun(s, c, files.profile, cliLog);
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(files && c.summary ? c.summary : { exitCode: c.exitCode, profile: null }, null, 2)}
`);
    process.exitCode = c.exitCode;
  });
  run.option("--upload", "after the run, send the profile to Grafana Pyroscope (fails open; see ciprof upload --help)");
  addPyroscopeUploadOptions(run);
}
export {
  registerRun
};
