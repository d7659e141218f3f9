import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  loadProfileOrFail
} from "./chunk-E6JJL3G3.js";
import {
  EXIT_USAGE,
  fail
} from "./chunk-GA3KEGGT.js";
import {
  encodePprofGzip
} from "./chunk-UYWEAYXS.js";
import {
  formatFrame
} from "./chunk-H5YMVFQK.js";
import "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
import "./chunk-BCCUQZ3E.js";
import {
  timeValueIndex
} from "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/profile/collapsed.ts
var frameText = (s) => s.replace(/[;\n\r]/g, "_");
function toCollapsed(profile, valueIndex = timeValueIndex(profile)) {
  const lines = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const v = s.values[valueIndex] ?? 0;
    if (!v) continue;
    const key = s.stack.map((id) => frameText(formatFrame(profile.functions[id]))).reverse().join(";");
    lines.set(key, (lines.get(key) ?? 0) + v);
  }
  let out = "";
  for (const [k, v] of lines) out += `${k} ${Math.round(v)}
`;
  return out;
}

// src/profile/speedscope.ts
function toSpeedscope(profile, name = "ciprof") {
  const frames = profile.functions.map((f) => f.file ? { name: f.name, file: f.file, line: f.line } : { name: f.name });
  const samples = profile.samples.map((s) => [...s.stack].reverse());
  const profiles = profile.sampleTypes.map((t, i) => {
    const weights = profile.samples.map((s) => s.values[i] ?? 0);
    return {
      type: "sampled",
      name: `${name} ${t.type}`,
      unit: t.unit === "nanoseconds" ? "nanoseconds" : "none",
      startValue: 0,
      endValue: weights.reduce((a, b) => a + b, 0),
      samples,
      weights
    };
  });
  return { $schema: "https://www.speedscope.app/file-format-schema.json", shared: { frames }, profiles, name, exporter: "ciprof" };
}

// src/cli/export.ts
var FORMATS = ["pprof", "collapsed", "speedscope"];
function registerExport(program) {
  program.command("export").description("convert a profile to pprof, collapsed stacks or speedscope JSON").argument("<file>", "input profile (pprof or .cpuprofile)").requiredOption("-f, --format <format>", FORMATS.join("|")).option("-o, --output <file>", "output file (default: stdout; pprof needs a file or a pipe)").action((file, flags) => {
    if (!FORMATS.includes(flags.format)) fail(`--format must be one of ${FORMATS.join(", ")}`, EXIT_USAGE);
    const profile = loadProfileOrFail(file);
    let data;
    if (flags.format === "pprof") {
      if (!flags.output && process.stdout.isTTY) fail("pprof is binary: give -o FILE or pipe stdout", EXIT_USAGE);
      data = encodePprofGzip(profile);
    } else if (flags.format === "collapsed") data = toCollapsed(profile);
    else data = `${JSON.stringify(toSpeedscope(profile, file))}
`;
    if (!flags.output) return void process.stdout.write(data);
    try {
      writeFileAtomic(flags.output, data);
    } catch (err) {
      fail(`cannot write ${flags.output}: ${err.message}`);
    }
  });
}
export {
  registerExport
};
