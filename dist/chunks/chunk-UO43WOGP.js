import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/ci/context.ts
var MAX_JOB_KEY = 120;
var tidy = (key) => key.replace(/^[_.]+|_+$/g, "");
function sanitizeJobKey(raw) {
  const name = raw.trim().normalize("NFC");
  const cleaned = tidy(name.replace(/[^A-Za-z0-9._-]+/g, "_"));
  if (!new RegExp("\\P{ASCII}", "u").test(name)) return tidy(cleaned.slice(0, MAX_JOB_KEY)) || "default";
  const hash = process.getBuiltinModule("node:crypto").createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${tidy(cleaned.slice(0, MAX_JOB_KEY - hash.length - 1)) || "job"}-${hash}`;
}
function contextMeta(ctx) {
  const meta = {};
  const put = (k, v) => {
    if (v !== void 0 && v !== "") meta[k] = String(v);
  };
  put("ci.provider", ctx.provider);
  put("commit", ctx.commit);
  put("branch", ctx.branch);
  put("base_branch", ctx.baseBranch);
  put("base_commit", ctx.baseCommit);
  put("pr", ctx.pr);
  put("repository", ctx.repository);
  put("ci.workflow", ctx.workflow);
  put("ci.job", ctx.job);
  put("ci.matrix", ctx.matrix);
  put("ci.run_id", ctx.runId);
  put("ci.run_url", ctx.runUrl);
  put("runner.os", ctx.runnerOs);
  put("runner.name", ctx.runnerName);
  put("job_key", ctx.jobKey);
  return meta;
}

export {
  sanitizeJobKey,
  contextMeta
};
