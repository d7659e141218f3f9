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

// src/cli/index.ts
enableCompileCache();
var { buildProgram } = await import("./chunks/program-MLCUNCDX.js");
buildProgram(process.argv).then((program) => program.parseAsync(process.argv)).catch((err) => {
  process.stderr.write(`ciprof: error: ${err.message}
`);
  process.exitCode = 1;
});
