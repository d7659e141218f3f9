import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  fail,
  warn
} from "./chunk-GA3KEGGT.js";
import {
  encodePprofGzip
} from "./chunk-UYWEAYXS.js";
import {
  mergeProfileFiles
} from "./chunk-42TAQ6FB.js";
import "./chunk-E4RVWPFF.js";
import "./chunk-LERJVIWU.js";
import "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/cli/merge.ts
function registerMerge(program) {
  program.command("merge").description("merge pprof and V8 .cpuprofile files (gzipped or not) into one gzipped pprof").argument("<files...>", "input profiles").requiredOption("-o, --output <file>", "output file (gzipped pprof)").option("--strict", "exit 1 if any input could not be read (default: skip it with a warning)").action((files, flags) => {
    const { profile, merged, errors } = mergeProfileFiles(files);
    for (const e of errors) warn(`skipped ${e.message}`);
    if (merged === 0) fail(`none of the ${files.length} input file(s) could be read`);
    try {
      writeFileAtomic(flags.output, encodePprofGzip(profile));
    } catch (err) {
      fail(`cannot write ${flags.output}: ${err.message}`);
    }
    process.stderr.write(`ciprof: merged ${merged} profile(s) into ${flags.output}${errors.length ? `, skipped ${errors.length}` : ""}
`);
    if (errors.length && flags.strict) process.exitCode = 1;
  });
}
export {
  registerMerge
};
