import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  uploadToPyroscope,
  withRunMeta
} from "./chunk-XOH6V4IZ.js";
import {
  addPyroscopeUploadOptions
} from "./chunk-EA4ZQIHN.js";
import "./chunk-5RRSUTS2.js";
import {
  loadProfileOrFail
} from "./chunk-E6JJL3G3.js";
import {
  EXIT_USAGE,
  cliLog,
  fail,
  warn
} from "./chunk-GA3KEGGT.js";
import "./chunk-PGUBC65E.js";
import "./chunk-UYWEAYXS.js";
import {
  pyroscopeUploadSettings,
  resolveSettings
} from "./chunk-BZ4FZAS6.js";
import "./chunk-JG5O54ET.js";
import "./chunk-Q777HXUX.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-QM5PWYSE.js";
import "./chunk-UO43WOGP.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-H5YMVFQK.js";
import "./chunk-LF4N5MIR.js";
import "./chunk-3VZZQNBZ.js";
import "./chunk-TOQZ6A4H.js";
import "./chunk-ZT4APMRY.js";
import "./chunk-KOVH6LPN.js";
import "./chunk-AOSAKR6D.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-76FLTAGO.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";

// src/cli/upload.ts
function registerUpload(program) {
  const cmd = program.command("upload").description("send a profile to Grafana Pyroscope (push API or legacy /ingest)").argument("[file]", "profile to upload", ".ciprof/profile.pb.gz").option("--json", "print the result as JSON on stdout").option("--strict", "exit 1 when the upload fails (default: warn and exit 0, like run --upload)");
  addPyroscopeUploadOptions(cmd).action(async (file, flags) => {
    const s = resolveSettings({ cwd: process.cwd(), env: process.env }, cliLog);
    const profile = withRunMeta(loadProfileOrFail(file), s);
    let settings;
    try {
      settings = pyroscopeUploadSettings(flags, s, cliLog, profile.meta.repository);
    } catch (err) {
      fail(err.message, EXIT_USAGE);
    }
    const outcome = await uploadToPyroscope(profile, settings, file);
    if (outcome.ok) {
      process.stderr.write(`ciprof: ${outcome.line}
`);
      if (flags.json) process.stdout.write(`${JSON.stringify({ server: settings.server, app: settings.app, ...outcome.result }, null, 2)}
`);
      return;
    }
    if (outcome.transient && !flags.strict) {
      warn(outcome.message);
      return;
    }
    fail(outcome.message);
  });
}
export {
  registerUpload
};
