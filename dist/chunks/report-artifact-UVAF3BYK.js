import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  sanitizeJobKey
} from "./chunk-UO43WOGP.js";
import {
  DefaultArtifactClient
} from "./chunk-DF2NLE2A.js";
import "./chunk-IJ3PMYQX.js";
import "./chunk-CLEKI64P.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
import "./chunk-ZHB73YNC.js";

// src/publish/report-artifact.ts
import { readFileSync } from "node:fs";
import * as path from "node:path";
async function uploadReportArtifact(file, jobKey, env = process.env) {
  if (!env.ACTIONS_RUNTIME_TOKEN) return void 0;
  const name = `ciprof-report-${sanitizeJobKey(jobKey)}.html`;
  const staged = path.join(path.dirname(file), name);
  writeFileAtomic(staged, readFileSync(file));
  const res = await new DefaultArtifactClient().uploadArtifact(name, [staged], path.dirname(staged), { skipArchive: true });
  if (res.id === void 0) return void 0;
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const url = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${res.id}` : void 0;
  return { id: res.id, ...url ? { url } : {} };
}
export {
  uploadReportArtifact
};
