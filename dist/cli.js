#!/usr/bin/env node
import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunks/chunk-3TBHKCVM.js";
import {
  Command
} from "./chunks/chunk-5RRSUTS2.js";
import "./chunks/chunk-ZHB73YNC.js";

// src/cli/program.ts
var COMMANDS = {
  run: async () => (await import("./chunks/run-F7T5JAYQ.js")).registerRun,
  merge: async () => (await import("./chunks/merge-6C4YGE6K.js")).registerMerge,
  export: async () => (await import("./chunks/export-BTGZWI3Y.js")).registerExport,
  top: async () => (await import("./chunks/top-YMIYCHDU.js")).registerTop,
  report: async () => (await import("./chunks/report-CPLEN55Z.js")).registerReport,
  upload: async () => (await import("./chunks/upload-OG2WCMOM.js")).registerUpload,
  diff: async () => (await import("./chunks/diff-I3VGUZGP.js")).registerDiff,
  comment: async () => (await import("./chunks/comment-JD2QPRAG.js")).registerComment,
  compare: async () => (await import("./chunks/compare-HRRBZZEN.js")).registerCompare
};
async function buildProgram(argv) {
  const program = new Command("ciprof").description("Profile a Node test suite in CI and tell the pull request where the CPU time went").version(VERSION).enablePositionalOptions();
  const named = argv[2];
  const names = named !== void 0 && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]()));
  for (const register of registers) register(program);
  return program;
}

// src/cli/index.ts
buildProgram(process.argv).then((program) => program.parseAsync(process.argv)).catch((err) => {
  process.stderr.write(`ciprof: error: ${err.message}
`);
  process.exitCode = 1;
});
