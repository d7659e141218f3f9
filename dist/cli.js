#!/usr/bin/env node
import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  makeDirs
} from "./chunks/chunk-MIHNHIUD.js";
import "./chunks/chunk-ZHB73YNC.js";

// src/cli/compile-cache.ts
import * as nodeModule from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
function compileCacheDir() {
  return path.join(tmpdir(), "ciprof-compile-cache");
}
function enableCompileCache() {
  if (process.env.CI) return false;
  const api = nodeModule;
  const codes = api.constants?.compileCacheStatus;
  if (!api.enableCompileCache || !codes) return false;
  try {
    const dir = compileCacheDir();
    makeDirs(dir);
    const { status } = api.enableCompileCache(dir);
    return status === codes.ENABLED || status === codes.ALREADY_ENABLED;
  } catch {
    return false;
  }
}

// src/cli/run-argv.ts
var BOOLEAN = {
  "--alloc": (f) => f.alloc = true,
  "--json": (f) => f.json = true,
  "--keep-raw": (f) => f.keepRaw = true,
  "-q": (f) => f.quiet = true,
  "--quiet": (f) => f.quiet = true,
  "--no-store": (f) => f.store = false,
  "--no-report": (f) => f.report = false
};
var VALUED = { "-o": "out", "--out": "out", "--interval-us": "intervalUs", "--store-dir": "storeDir", "--job-key": "jobKey" };
function parseRunArgv(argv) {
  if (argv[2] !== "run") return void 0;
  const flags = { out: ".ciprof", intervalUs: "1000", store: true, report: true };
  for (let i = 3; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      const command = argv.slice(i + 1);
      return command.length > 0 ? { command, flags } : void 0;
    }
    const set = Object.hasOwn(BOOLEAN, arg) ? BOOLEAN[arg] : void 0;
    if (set) {
      set(flags);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = Object.hasOwn(VALUED, name) ? VALUED[name] : void 0;
    if (!key) return void 0;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === void 0 || value === "" || value.startsWith("-")) return void 0;
    flags[key] = value;
  }
  return void 0;
}

// src/cli/index.ts
enableCompileCache();
var fast = parseRunArgv(process.argv);
var main = fast ? import("./chunks/run-3G7YFE5X.js").then((m) => m.runTests(fast.command, fast.flags)) : import("./chunks/program-QDU4BVOQ.js").then(async ({ buildProgram }) => (await buildProgram(process.argv)).parseAsync(process.argv));
main.catch((err) => {
  process.stderr.write(`ciprof: error: ${err.message}
`);
  process.exitCode = 1;
});
