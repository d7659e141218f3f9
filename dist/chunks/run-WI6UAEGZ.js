import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  addPyroscopeUploadOptions
} from "./chunk-EA4ZQIHN.js";
import {
  collectWhileResolving
} from "./chunk-7CZANWU6.js";
import "./chunk-5RRSUTS2.js";
import {
  prepareOutDir
} from "./chunk-G7F6OYY4.js";
import {
  cliLog,
  parsePositiveInt
} from "./chunk-GA3KEGGT.js";
import {
  withAllocSampling
} from "./chunk-EYIQDHJO.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-LERJVIWU.js";
import "./chunk-BCCUQZ3E.js";
import {
  commandSettings
} from "./chunk-ZW2XN2ZX.js";
import "./chunk-UVVV3U5G.js";
import "./chunk-SDL6QSBX.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/cli/run.ts
function registerRun(program) {
  const run = program.command("run").description("run a test command with every Node process and worker profiled; write one merged pprof profile").argument("<command...>", "the test command, after --").option("-o, --out <dir>", "output directory for profile.pb.gz and profile.json", ".ciprof").option("--interval-us <n>", "sampling interval in microseconds", "1000").option("--alloc", "also sample allocations (V8 sampling heap profiler, every process and worker): alloc_samples/alloc_space in the same profile").option("--json", "print the run summary as JSON on stdout, and nothing else there (the command's stdout goes to stderr)").option("--store-dir <dir>", "local store directory (default: <repo root>/.ciprof/store)").option("--no-store", "do not save the profile in the local store").option("--job-key <key>", "name under which profiles of this job are stored and compared (default: from CI env)").option("--keep-raw", "keep the raw V8 .cpuprofile files and print where").option("-q, --quiet", "no text summary on stderr").option("--no-report", "do not write the HTML report (report.html) beside the profile").passThroughOptions().action(async (command, flags) => {
    const intervalUs = parsePositiveInt("--interval-us", flags.intervalUs);
    const input = { cwd: process.cwd(), env: withAllocSampling(process.env, flags.alloc), jobKey: flags.jobKey, storeDir: flags.storeDir, outDir: flags.out, intervalUs, pyroscope: flags.upload ? { flags, upload: true } : void 0 };
    const start = commandSettings(input);
    const early = flags.upload ? (await import("./settings-GE7XFFQO.js")).resolveSettings(input, cliLog) : void 0;
    let settings;
    const resolve = () => settings ??= early ? Promise.resolve(early) : import("./settings-GE7XFFQO.js").then((m) => m.resolveSettingsAsync(input, cliLog));
    const profiling = prepareOutDir(start, cliLog);
    const collecting = collectWhileResolving(start, resolve, { command, keepRaw: flags.keepRaw, quiet: flags.quiet, profile: profiling, commandStdout: flags.json ? "stderr" : "inherit" }, cliLog);
    const later = import("./run-outputs-6OI5ZRWL.js");
    later.catch(() => void 0);
    if (profiling && flags.report) import("./report-PLYAKGAQ.js").catch(() => void 0);
    const c = await collecting;
    const summary = c.profile ? await (await later).writeRunResults(await resolve(), c, flags) : void 0;
    if (flags.json) process.stdout.write(`${JSON.stringify(summary ?? { exitCode: c.exitCode, profile: null }, null, 2)}
`);
    process.exitCode = c.exitCode;
  });
  run.option("--upload", "after the run, send the profile to Grafana Pyroscope (fails open; see ciprof upload --help)");
  addPyroscopeUploadOptions(run);
}
export {
  registerRun
};
