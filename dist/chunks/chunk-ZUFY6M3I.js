import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  collectWhileResolving
} from "./chunk-UGWUIB57.js";
import {
  prepareOutDir
} from "./chunk-G7F6OYY4.js";
import {
  cliLog,
  parsePositiveInt
} from "./chunk-GA3KEGGT.js";
import {
  commandSettings
} from "./chunk-ZW2XN2ZX.js";
import {
  withAllocSampling
} from "./chunk-DWI46GCV.js";

// src/cli/run.ts
import * as path from "node:path";
async function runTests(command, flags) {
  const intervalUs = parsePositiveInt("--interval-us", flags.intervalUs);
  const input = { cwd: process.cwd(), env: withAllocSampling(process.env, flags.alloc), jobKey: flags.jobKey, storeDir: flags.storeDir, outDir: flags.out, intervalUs, pyroscope: flags.upload ? { flags, upload: true } : void 0 };
  const start = commandSettings(input);
  const early = flags.upload ? (await import("./settings-I3DVBXMA.js")).resolveSettings(input, cliLog) : void 0;
  let settings;
  const resolve = () => settings ??= early ? Promise.resolve(early) : import("./settings-I3DVBXMA.js").then((m) => m.resolveSettingsAsync(input, cliLog));
  const profiling = prepareOutDir(start, cliLog);
  let reportThread;
  const labelled = (profile, walls) => reportThread?.render({ profile, headWalls: walls, output: path.join(start.outDir, "report.html") });
  const collecting = collectWhileResolving(start, resolve, { command, keepRaw: flags.keepRaw, quiet: flags.quiet, profile: profiling, commandStdout: flags.json ? "stderr" : "inherit", labelled, warmUp: { report: flags.report } }, cliLog);
  const later = import("./run-outputs-N3YOLXZ2.js");
  later.catch(() => void 0);
  if (profiling && flags.report && process.env.CIPROF_REPORT_WORKER === "1") reportThread = await import("./report-thread-FMR2LPLU.js").then((m) => m.ReportThread.start(), () => void 0);
  else if (profiling && flags.report) import("./report-6YAJTLC6.js").catch(() => void 0);
  try {
    const c = await collecting;
    const summary = c.profile ? await (await later).writeRunResults(await resolve(), c, { ...flags, reportThread }) : void 0;
    if (flags.json) process.stdout.write(`${JSON.stringify(summary ?? { exitCode: c.exitCode, profile: null }, null, 2)}
`);
    process.exitCode = c.exitCode;
  } finally {
    reportThread?.close();
  }
}

export {
  runTests
};
