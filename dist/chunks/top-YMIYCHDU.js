import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  loadProfileOrFail
} from "./chunk-ZV4DZ4I3.js";
import {
  formatTopTable,
  parsePositiveInt
} from "./chunk-DTACXVEU.js";
import "./chunk-A5GYA5KY.js";
import "./chunk-EEBRXB3P.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-CEA2Q2JC.js";
import "./chunk-QJ2RV7E4.js";
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
