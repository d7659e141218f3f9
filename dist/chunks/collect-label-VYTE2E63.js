import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  redactCommand
} from "./chunk-PGUBC65E.js";
import {
  VERSION
} from "./chunk-3TBHKCVM.js";
import {
  summarize
} from "./chunk-J2IZ5SN4.js";
import "./chunk-CCCDOF7G.js";
import {
  encodePprofGzip
} from "./chunk-UYWEAYXS.js";
import {
  environmentFingerprint
} from "./chunk-QM5PWYSE.js";
import {
  contextMeta
} from "./chunk-UO43WOGP.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-H5YMVFQK.js";
import "./chunk-TOQZ6A4H.js";
import {
  testWallsMeta
} from "./chunk-ZT4APMRY.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/collect/node-options-override.ts
import { readFileSync } from "node:fs";
import * as path from "node:path";
var ASSIGNMENT = /(?:^|[\s;&|(])(?:export\s+)?NODE_OPTIONS=("[^"]*"|'[^']*'|[^\s;&|)]*)/g;
var keepsInherited = (value) => /\$\{?NODE_OPTIONS\b/.test(value);
function droppingAssignment(text) {
  for (const m of text.matchAll(ASSIGNMENT)) if (!keepsInherited(m[1])) return `NODE_OPTIONS=${m[1]}`;
  return void 0;
}
function scriptName(words) {
  const [tool, verb, name] = words.map((w) => path.basename(w));
  if (!tool || !["npm", "pnpm", "yarn"].includes(tool)) return void 0;
  if (verb === "test" || verb === "t") return "test";
  if ((verb === "run" || verb === "run-script") && name) return words[2];
  if (tool !== "npm" && verb && !verb.startsWith("-")) return words[1];
  return void 0;
}
function nodeOptionsOverride(command, cwd) {
  const line = command.join(" ");
  const inLine = droppingAssignment(line);
  if (inLine) return `the command sets ${inLine}`;
  const words = command.length === 1 ? command[0].trim().split(/\s+/) : [...command];
  const name = scriptName(words);
  if (!name) return void 0;
  let script;
  try {
    script = JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")).scripts?.[name];
  } catch {
    return void 0;
  }
  const inScript = typeof script === "string" ? droppingAssignment(script) : void 0;
  return inScript ? `package.json's "${name}" script sets ${inScript}` : void 0;
}
function overrideWarning(where) {
  return `${where}, which replaces the NODE_OPTIONS that carries ciprof's agent, so the processes it starts were not profiled: write NODE_OPTIONS="$NODE_OPTIONS \u2026" to keep both`;
}

// src/pipeline/collect-label.ts
function labelRun(s, command, run, env, attribution, log, labelled) {
  const gathered = run.gathered;
  for (const w of gathered.warnings) log.warn(w);
  const recorded = redactCommand(command);
  const profile = gathered.profile;
  const nodeVersions = [...new Set(gathered.threads.map((t) => t.nodeVersion).filter(Boolean))];
  profile.meta = {
    ...profile.meta,
    // what gathering found (source maps)
    ...contextMeta(s.ci),
    "ciprof.version": VERSION,
    command: recorded.join(" "),
    exit_code: String(run.exitCode),
    interval_us: String(s.intervalUs),
    "node.version": nodeVersions.join(",") || process.version,
    processes: String(gathered.processes),
    threads: String(gathered.threads.length),
    lost_threads: String(gathered.lost.length),
    wall_ms: String(Math.round(run.wallMs)),
    ...environmentFingerprint(s.env)
  };
  const walls = attribution?.walls();
  if (walls) Object.assign(profile.meta, testWallsMeta(walls));
  profile.period = s.intervalUs * 1e3;
  if (gathered.threads.length === 0) log.warn("no Node.js process wrote a profile (was the command a Node program? Under Node's --permission it needs --allow-inspector and --allow-fs-write for the temp directory)");
  if (gathered.threads.length === 0 || !walls || walls.size === 0) {
    const where = nodeOptionsOverride(command, s.cwd);
    if (where) log.warn(overrideWarning(where));
  }
  const lostMain = gathered.lost.filter((id) => id.endsWith("-0"));
  const lostWorkers = gathered.lost.filter((id) => !id.endsWith("-0"));
  if (lostMain.length) {
    log.warn(`${lostMain.length} thread(s) ended before writing a profile (SIGKILL, an unhandled SIGINT/SIGHUP from another process, or a crash: no in-process profiler, node --cpu-prof included, can write those): ${lostMain.slice(0, 5).join(", ")}`);
  }
  if (lostWorkers.length) {
    log.warn(`${lostWorkers.length} worker thread(s) ended before writing a profile (stopped by terminate() or their process's exit while blocked in Atomics.wait or busy in a loop, they never heard the request to write it, which node --cpu-prof, native, does not need; or killed with their process): ${lostWorkers.slice(0, 5).join(", ")}`);
  }
  try {
    labelled?.(profile, walls);
  } catch {
  }
  const pprofGzip = encodePprofGzip(profile);
  const summary = summarize(profile, gathered, {
    ciprofVersion: VERSION,
    command: recorded,
    exitCode: run.exitCode,
    wallMs: Math.round(run.wallMs),
    intervalUs: s.intervalUs,
    warnings: gathered.warnings
  });
  if (attribution) {
    try {
      summary.tests = attribution.tests(profile);
    } catch (err) {
      log.warn(`per-test table not computed: ${err.message}`);
    }
  }
  const threads = gathered.threads.map((t) => ({ ...t, argv: redactCommand(t.argv) }));
  return { profile, pprofGzip, summary, threads, lost: gathered.lost, walls };
}
export {
  labelRun
};
