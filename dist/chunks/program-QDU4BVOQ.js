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
  run: async () => (await import("./run-options-I7FOHLVY.js")).registerRun,
  merge: async () => (await import("./merge-PH6EJXPS.js")).registerMerge,
  export: async () => (await import("./export-CG22IYJD.js")).registerExport,
  top: async () => (await import("./top-UNNGG5BA.js")).registerTop,
  report: async () => (await import("./report-GHVZT55U.js")).registerReport,
  upload: async () => (await import("./upload-SOXDIMPY.js")).registerUpload,
  diff: async () => (await import("./diff-MWGTZ2FJ.js")).registerDiff,
  comment: async () => (await import("./comment-RX6SY77Q.js")).registerComment,
  compare: async () => (await import("./compare-VNC66XY2.js")).registerCompare
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
