import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  formatTopTable
} from "./chunk-LVAURNUE.js";
import "./chunk-KBBVG7QG.js";
import {
  loadProfileOrFail
} from "./chunk-E6JJL3G3.js";
import {
  parsePositiveInt
} from "./chunk-GA3KEGGT.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-H5YMVFQK.js";
import "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/cli/top.ts
function registerTop(program) {
  program.command("top").description("print the functions with the most self time, like go tool pprof -top").argument("<file>", "profile (pprof or .cpuprofile)").option("-n, --nodes <n>", "how many functions", "20").option("--cum", "sort by cumulative (total) time").action((file, flags) => {
    const n = parsePositiveInt("--nodes", flags.nodes);
    process.stdout.write(`${formatTopTable(loadProfileOrFail(file), n, Boolean(flags.cum))}
`);
  });
}
export {
  registerTop
};
