import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_WALK,
  DEFAULT_THRESHOLDS,
  localGitFacts,
  localGitFactsAsync
} from "./chunk-JG5O54ET.js";
import {
  DEFAULT_KEPT_SAMPLE_LABELS,
  DEFAULT_RETRY,
  defaultAppName,
  parseUserLabels,
  resolveAuth,
  sanitizeAppName,
  splitServerUrl
} from "./chunk-Q777HXUX.js";
import {
  commandSettings
} from "./chunk-ZW2XN2ZX.js";
import {
  sanitizeJobKey
} from "./chunk-UO43WOGP.js";

// src/pipeline/settings.ts
import * as path from "node:path";

// src/ci/detect.ts
import { readFileSync } from "node:fs";

// src/ci/web-url.ts
var nonEmpty = (v) => v && v.trim() !== "" ? v.trim() : void 0;
function parseCloneUrl(url) {
  const text = nonEmpty(url);
  if (!text) return void 0;
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(text);
  let host;
  let path2;
  if (scp) {
    host = scp[1];
    path2 = scp[2];
  } else {
    let parsed;
    try {
      parsed = new URL(text);
    } catch {
      return void 0;
    }
    if (!["https:", "http:", "ssh:", "git+ssh:"].includes(parsed.protocol)) return void 0;
    host = parsed.protocol.startsWith("http") ? parsed.host : parsed.hostname;
    path2 = decodeURIComponent(parsed.pathname);
  }
  const repository = path2.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
  if (!/^[^/]+\/[^/].*$/.test(repository) || repository.includes("..")) return void 0;
  const scheme = !scp && text.startsWith("http:") ? "http" : "https";
  return { serverUrl: `${scheme}://${host}`, repository };
}
function githubPullRequest(url) {
  const m = /^(https?:\/\/[^/]+)\/([^/]+\/[^/]+)\/pull\/\d+\/?$/.exec(nonEmpty(url) ?? "");
  return m ? { serverUrl: m[1], repository: m[2] } : void 0;
}
function circleciRepositoryWeb(env) {
  const fromPr = githubPullRequest(env.CIRCLE_PULL_REQUEST);
  const clone = parseCloneUrl(env.CIRCLE_REPOSITORY_URL);
  const user = nonEmpty(env.CIRCLE_PROJECT_USERNAME);
  const name = nonEmpty(env.CIRCLE_PROJECT_REPONAME);
  const repository = user && name ? `${user}/${name}` : clone?.repository ?? fromPr?.repository;
  if (!repository) return void 0;
  if (fromPr) return { serverUrl: fromPr.serverUrl, repository };
  const githubBuild = /^https?:\/\/[^/]+\/(gh|pipelines\/(gh|github))\//.test(nonEmpty(env.CIRCLE_BUILD_URL) ?? "");
  if (clone && (clone.serverUrl === "https://github.com" || githubBuild)) return { serverUrl: clone.serverUrl, repository };
  return void 0;
}
function gitlabRepositoryWeb(env) {
  const repository = nonEmpty(env.CI_PROJECT_PATH);
  if (!repository) return void 0;
  const projectUrl = nonEmpty(env.CI_PROJECT_URL)?.replace(/\/+$/, "");
  if (projectUrl?.endsWith(`/${repository}`)) return { serverUrl: projectUrl.slice(0, -repository.length - 1), repository };
  const server = nonEmpty(env.CI_SERVER_URL)?.replace(/\/+$/, "");
  return server ? { serverUrl: server, repository } : void 0;
}

// src/ci/detect.ts
var nonEmpty2 = (v) => v && v.trim() !== "" ? v : void 0;
var int = (v) => {
  const n = v ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : void 0;
};
function github(env, opts) {
  let event = {};
  const eventPath = nonEmpty2(env.GITHUB_EVENT_PATH);
  if (eventPath) {
    try {
      event = (opts.readEvent ?? ((p) => JSON.parse(readFileSync(p, "utf8"))))(eventPath);
    } catch {
      event = {};
    }
  }
  const pr = event.pull_request;
  const prFromRef = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "")?.[1];
  const server = nonEmpty2(env.GITHUB_SERVER_URL) ?? "https://github.com";
  const repo = nonEmpty2(env.GITHUB_REPOSITORY);
  const runId = nonEmpty2(env.GITHUB_RUN_ID);
  return {
    provider: "github",
    // On pull_request events GITHUB_SHA is a synthetic merge commit nobody else knows;
    // the PR head is the commit people talk about and later runs can find.
    commit: pr?.head?.sha ?? nonEmpty2(env.GITHUB_SHA),
    branch: nonEmpty2(env.GITHUB_HEAD_REF) ?? nonEmpty2(env.GITHUB_REF_NAME),
    baseBranch: nonEmpty2(env.GITHUB_BASE_REF) ?? pr?.base?.ref,
    baseCommit: pr?.base?.sha,
    pr: pr?.number ?? event.number ?? int(prFromRef),
    repository: repo,
    serverUrl: server,
    workflow: nonEmpty2(env.GITHUB_WORKFLOW),
    job: nonEmpty2(env.GITHUB_JOB),
    matrix: nonEmpty2(env.CIPROF_MATRIX),
    runId,
    runUrl: repo && runId ? `${server}/${repo}/actions/runs/${runId}` : void 0,
    runnerOs: nonEmpty2(env.RUNNER_OS),
    runnerName: nonEmpty2(env.RUNNER_NAME),
    jobKeyParts: [env.GITHUB_WORKFLOW ?? "", env.GITHUB_JOB ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function gitlab(env) {
  const web = gitlabRepositoryWeb(env);
  return {
    provider: "gitlab",
    commit: nonEmpty2(env.CI_COMMIT_SHA),
    branch: nonEmpty2(env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME) ?? nonEmpty2(env.CI_COMMIT_BRANCH) ?? nonEmpty2(env.CI_COMMIT_REF_NAME),
    baseBranch: nonEmpty2(env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) ?? nonEmpty2(env.CI_DEFAULT_BRANCH),
    baseCommit: nonEmpty2(env.CI_MERGE_REQUEST_DIFF_BASE_SHA),
    pr: int(env.CI_MERGE_REQUEST_IID),
    repository: nonEmpty2(env.CI_PROJECT_PATH),
    serverUrl: web?.serverUrl ?? nonEmpty2(env.CI_SERVER_URL),
    workflow: nonEmpty2(env.CI_PIPELINE_NAME) ?? nonEmpty2(env.CI_PIPELINE_SOURCE),
    // parallel:matrix jobs carry their matrix values in the job name ("test: [20, linux]").
    job: nonEmpty2(env.CI_JOB_NAME),
    matrix: nonEmpty2(env.CIPROF_MATRIX),
    runId: nonEmpty2(env.CI_PIPELINE_ID),
    runUrl: nonEmpty2(env.CI_JOB_URL) ?? nonEmpty2(env.CI_PIPELINE_URL),
    runnerOs: nonEmpty2(env.CI_RUNNER_EXECUTABLE_ARCH),
    runnerName: nonEmpty2(env.CI_RUNNER_DESCRIPTION),
    jobKeyParts: [env.CI_JOB_NAME ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function circleci(env) {
  const prUrl = nonEmpty2(env.CIRCLE_PULL_REQUEST);
  const web = circleciRepositoryWeb(env);
  const user = nonEmpty2(env.CIRCLE_PROJECT_USERNAME);
  const name = nonEmpty2(env.CIRCLE_PROJECT_REPONAME);
  return {
    provider: "circleci",
    commit: nonEmpty2(env.CIRCLE_SHA1),
    branch: nonEmpty2(env.CIRCLE_BRANCH),
    baseBranch: nonEmpty2(env.CIPROF_BASE_BRANCH),
    pr: int(/\/pull\/(\d+)/.exec(prUrl ?? "")?.[1]) ?? int(env.CIRCLE_PR_NUMBER),
    repository: user && name ? `${user}/${name}` : web?.repository,
    serverUrl: web?.serverUrl,
    workflow: nonEmpty2(env.CIRCLE_WORKFLOW_ID),
    job: nonEmpty2(env.CIRCLE_JOB),
    matrix: nonEmpty2(env.CIPROF_MATRIX) ?? (int(env.CIRCLE_NODE_TOTAL) && env.CIRCLE_NODE_TOTAL !== "1" ? `node${env.CIRCLE_NODE_INDEX}` : void 0),
    runId: nonEmpty2(env.CIRCLE_BUILD_NUM),
    runUrl: nonEmpty2(env.CIRCLE_BUILD_URL),
    runnerName: nonEmpty2(env.CIRCLE_NODE_INDEX) ? `node ${env.CIRCLE_NODE_INDEX}` : void 0,
    // The workflow id changes per run; the job name (and parallel index) does not.
    jobKeyParts: [env.CIRCLE_JOB ?? "", env.CIPROF_MATRIX ?? "", int(env.CIRCLE_NODE_TOTAL) && env.CIRCLE_NODE_TOTAL !== "1" ? `node${env.CIRCLE_NODE_INDEX}` : ""]
  };
}
function buildkite(env) {
  const prRaw = env.BUILDKITE_PULL_REQUEST;
  return {
    provider: "buildkite",
    commit: nonEmpty2(env.BUILDKITE_COMMIT),
    branch: nonEmpty2(env.BUILDKITE_BRANCH),
    baseBranch: nonEmpty2(env.BUILDKITE_PULL_REQUEST_BASE_BRANCH) ?? nonEmpty2(env.BUILDKITE_PIPELINE_DEFAULT_BRANCH),
    pr: prRaw && prRaw !== "false" ? int(prRaw) : void 0,
    repository: nonEmpty2(env.BUILDKITE_REPO),
    workflow: nonEmpty2(env.BUILDKITE_PIPELINE_SLUG),
    job: nonEmpty2(env.BUILDKITE_STEP_KEY) ?? nonEmpty2(env.BUILDKITE_LABEL),
    matrix: nonEmpty2(env.CIPROF_MATRIX),
    runId: nonEmpty2(env.BUILDKITE_BUILD_NUMBER),
    runUrl: nonEmpty2(env.BUILDKITE_BUILD_URL),
    runnerName: nonEmpty2(env.BUILDKITE_AGENT_NAME),
    jobKeyParts: [env.BUILDKITE_PIPELINE_SLUG ?? "", env.BUILDKITE_STEP_KEY ?? env.BUILDKITE_LABEL ?? "", env.CIPROF_MATRIX ?? ""]
  };
}
function detectCi(env = process.env, opts = {}) {
  let found;
  if (env.GITHUB_ACTIONS === "true") found = github(env, opts);
  else if (env.GITLAB_CI === "true") found = gitlab(env);
  else if (env.CIRCLECI === "true") found = circleci(env);
  else if (env.BUILDKITE === "true") found = buildkite(env);
  else found = { provider: "local", jobKeyParts: ["local"] };
  const facts = opts.git ?? localGitFacts(opts.cwd ?? process.cwd());
  found.commit ??= facts.commit;
  found.branch ??= facts.branch;
  if (found.provider === "local") {
    found.baseBranch ??= facts.upstream;
    found.baseCommit ??= facts.mergeBase;
  }
  if (!found.runnerOs && found.provider === "local") found.runnerOs = process.platform;
  const { jobKeyParts, ...ctx } = found;
  const explicit = nonEmpty2(env.CIPROF_JOB_KEY);
  const jobKey = sanitizeJobKey(explicit ?? jobKeyParts.filter(Boolean).join("/"));
  return { ...ctx, jobKey };
}

// src/pyroscope/settings.ts
function resolvePyroscopeSettings(flags, ctx) {
  const env = ctx.env ?? process.env;
  const rawServer = flags.server ?? env.CIPROF_PYROSCOPE_URL;
  if (!rawServer) throw new Error("no Pyroscope server: pass --server <url> or set CIPROF_PYROSCOPE_URL");
  const { server, auth } = splitServerUrl(rawServer, resolveAuth(flags, env));
  const protocol = (flags.protocol ?? "push").toLowerCase();
  if (protocol !== "push" && protocol !== "ingest") throw new Error(`--protocol must be push or ingest, got "${flags.protocol}"`);
  const keep = flags.labels === void 0 ? DEFAULT_KEPT_SAMPLE_LABELS : flags.labels.split(",").map((s) => s.trim()).filter((s) => s && s !== "none" && s !== "pid" && s !== "thread");
  let deadlineMs = DEFAULT_RETRY.deadlineMs;
  if (flags.pyroscopeTimeout !== void 0) {
    const s = Number(flags.pyroscopeTimeout);
    if (!Number.isFinite(s) || s <= 0) throw new Error(`--pyroscope-timeout must be a positive number of seconds, got "${flags.pyroscopeTimeout}"`);
    deadlineMs = s * 1e3;
  }
  return {
    server,
    app: flags.app ? sanitizeAppName(flags.app) : defaultAppName(ctx.repository, ctx.repoRoot),
    protocol,
    auth,
    userLabels: parseUserLabels(flags.label ?? [], ctx.warn),
    keepSampleLabels: keep,
    retry: { ...DEFAULT_RETRY, deadlineMs, attemptTimeoutMs: Math.min(DEFAULT_RETRY.attemptTimeoutMs, deadlineMs) }
  };
}
var UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseWindow(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(text);
  const ms = m ? Number(m[1]) * UNITS[m[2]] : NaN;
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`--window "${text}" is not a duration like 30d, 12h or 90m`);
  return ms;
}
function resolvePyroscopeQuerySettings(flags, ctx) {
  const s = resolvePyroscopeSettings(flags, ctx);
  return { server: s.server, app: s.app, auth: s.auth, windowMs: parseWindow(flags.window ?? "30d"), retry: s.retry };
}

// src/pipeline/settings.ts
function storeDirFor(repoRoot, cwd, env, override) {
  return path.resolve(cwd, override ?? env.CIPROF_STORE_DIR ?? path.join(repoRoot, ".ciprof", "store"));
}
function defaultBase(ci) {
  if (ci.provider === "local") return ci.baseBranch ?? ci.baseCommit;
  return (ci.baseBranch ? `origin/${ci.baseBranch}` : void 0) ?? ci.baseCommit;
}
function resolveSettings(input, log) {
  return settingsWith(input, localGitFacts(path.resolve(input.cwd)), log);
}
async function resolveSettingsAsync(input, log) {
  return settingsWith(input, await localGitFactsAsync(path.resolve(input.cwd)), log);
}
function settingsWith(input, git, log) {
  const { cwd, outDir, intervalUs } = commandSettings(input);
  const ci = detectCi(input.jobKey ? { ...input.env, CIPROF_JOB_KEY: input.jobKey } : input.env, { git, cwd });
  const repoRoot = git.root ?? cwd;
  const githubToken = input.githubToken || input.env.CIPROF_GITHUB_TOKEN || input.env.GITHUB_TOKEN || void 0;
  const settings = {
    cwd,
    repoRoot,
    inGit: git.root !== void 0,
    env: input.env,
    ci,
    storeDir: storeDirFor(repoRoot, cwd, input.env, input.storeDir),
    outDir,
    base: input.base || defaultBase(ci),
    githubToken,
    thresholds: { ...DEFAULT_THRESHOLDS, ...input.thresholds },
    includeLaunchers: input.includeLaunchers ?? false,
    maxWalk: input.maxWalk ?? DEFAULT_MAX_WALK,
    intervalUs,
    store: input.store === "auto" ? githubToken && ci.repository ? "github" : "local" : input.store ?? "local"
  };
  const pyro = input.pyroscope;
  if (pyro) {
    if (pyro.upload) {
      try {
        settings.pyroscope = pyroscopeUploadSettings(pyro.flags, settings, log);
      } catch (err) {
        log.warn(`Pyroscope upload disabled: ${err.message}`);
      }
    }
    if (pyro.query) settings.pyroscopeQuery = resolvePyroscopeQuerySettings(pyro.flags, { repository: ci.repository, repoRoot, env: input.env, warn: (l) => log.warn(l) });
  }
  return settings;
}
function pyroscopeUploadSettings(flags, s, log, repository = s.ci.repository) {
  return resolvePyroscopeSettings(flags, { repository, repoRoot: s.repoRoot, env: s.env, warn: (l) => log.warn(l) });
}

export {
  storeDirFor,
  resolveSettings,
  resolveSettingsAsync,
  pyroscopeUploadSettings
};
