import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  Command
} from "./chunk-5RRSUTS2.js";
import {
  VERSION
} from "./chunk-3TBHKCVM.js";
import "./chunk-ZHB73YNC.js";

// src/cli/program.ts
var COMMANDS = {
  run: async () => (await import("./run-options-S7OQDW4M.js")).registerRun,
  merge: async () => (await import("./merge-2RILQM6L.js")).registerMerge,
  export: async () => (await import("./export-XAMFU6EQ.js")).registerExport,
  top: async () => (await import("./top-NAO5D34C.js")).registerTop,
  report: async () => (await import("./report-Q5X2SQXO.js")).registerReport,
  upload: async () => (await import("./upload-2T3EVZUB.js")).registerUpload,
  diff: async () => (await import("./diff-55N2FSQN.js")).registerDiff,
  comment: async () => (await import("./comment-BDCS4C6C.js")).registerComment,
  compare: async () => (await import("./compare-25PEIGI2.js")).registerCompare
};
async function buildProgram(argv) {
  const program = new Command("ciprof").description("Profile a Node test suite in CI and tell the pull request where the CPU time went").version(VERSION).enablePositionalOptions();
  const named = argv[2];
  const names = named !== void 0 && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]()));
  for (const register of registers) register(program);
  return program;
}
export {
  buildProgram
};
