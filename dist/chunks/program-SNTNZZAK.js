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
  run: async () => (await import("./run-7RSOTF4F.js")).registerRun,
  merge: async () => (await import("./merge-VCNGYEGU.js")).registerMerge,
  export: async () => (await import("./export-7BMVW5ZE.js")).registerExport,
  top: async () => (await import("./top-W2DT7QEK.js")).registerTop,
  report: async () => (await import("./report-XSVPPSY3.js")).registerReport,
  upload: async () => (await import("./upload-YVWMS4JC.js")).registerUpload,
  diff: async () => (await import("./diff-7UFE7UBF.js")).registerDiff,
  comment: async () => (await import("./comment-VB4XXF2R.js")).registerComment,
  compare: async () => (await import("./compare-LRWEYKL4.js")).registerCompare
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
