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
  run: async () => (await import("./run-options-CRO72D2R.js")).registerRun,
  merge: async () => (await import("./merge-IMGMTAFY.js")).registerMerge,
  export: async () => (await import("./export-Q65KHKY3.js")).registerExport,
  top: async () => (await import("./top-RI6RX6PI.js")).registerTop,
  report: async () => (await import("./report-23MHGRRI.js")).registerReport,
  upload: async () => (await import("./upload-Y2HLBJTR.js")).registerUpload,
  diff: async () => (await import("./diff-7EF22736.js")).registerDiff,
  comment: async () => (await import("./comment-EFN4BKUQ.js")).registerComment,
  compare: async () => (await import("./compare-AXI5DYZ3.js")).registerCompare
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
