import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  Option
} from "./chunk-5RRSUTS2.js";

// src/cli/pyroscope-flags.ts
var collect = (value, previous = []) => [...previous, value];
function addPyroscopeConnectionOptions(cmd) {
  return cmd.option("--server <url>", "Pyroscope server URL (env CIPROF_PYROSCOPE_URL)").option("--app <name>", "application (service_name) in Pyroscope (default: the repository name)").option("--basic-auth <user:pass>", "HTTP basic auth (env CIPROF_PYROSCOPE_BASIC_AUTH)").option("--token <token>", "bearer token (env CIPROF_PYROSCOPE_TOKEN)").option("--tenant <id>", "X-Scope-OrgID tenant (env CIPROF_PYROSCOPE_TENANT)").option("--pyroscope-timeout <seconds>", "give up on Pyroscope after this long, retries included", "60");
}
function addPyroscopeUploadOptions(cmd) {
  return addPyroscopeConnectionOptions(cmd).addOption(new Option("--protocol <protocol>", "ingestion API").choices(["push", "ingest"]).default("push")).option("--label <k=v>", "extra series label (repeatable)", collect).option("--labels <names>", "pprof sample labels kept in the upload, comma-separated, or none (pid/thread are always dropped)", "test_file");
}

export {
  addPyroscopeConnectionOptions,
  addPyroscopeUploadOptions
};
