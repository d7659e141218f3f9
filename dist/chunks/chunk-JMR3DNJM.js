import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/ci/context.ts
function sanitizeJobKey(raw) {
  const cleaned = raw.trim().replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[_.]+|_+$/g, "");
  return cleaned.slice(0, 120) || "default";
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
