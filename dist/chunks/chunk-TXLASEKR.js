import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  summary
} from "./chunk-CLEKI64P.js";

// src/publish/job-summary.ts
async function writeJobSummary(markdown, env = process.env) {
  if (!env.GITHUB_STEP_SUMMARY) return { target: "job-summary", status: "skipped", message: "no job summary here (GITHUB_STEP_SUMMARY is not set)" };
  try {
    await summary.addRaw(markdown, true).write();
    summary.emptyBuffer();
    return { target: "job-summary", status: "written", message: "wrote the job summary" };
  } catch (err) {
    return { target: "job-summary", status: "failed", message: `could not write the job summary: ${err.message}` };
  }
}

export {
  writeJobSummary
};
