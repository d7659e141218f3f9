import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  CPU_TIME_TYPE,
  LocalGitHistory,
  defaultAppName,
  defaultStoreDir,
  detectCi,
  diffStage,
  formatSummaryText,
  labelSelector,
  localGitFacts,
  openStore,
  profileCommand,
  readDiffReport,
  resolvePyroscopeSettings,
  sanitizeAppName,
  sanitizeLabelValue,
  serializeDiffReport,
  setupAttribution,
  uploadAfterRun
} from "./chunks/chunk-UHFL7TPS.js";
import {
  publishReport
} from "./chunks/chunk-5KREGAPE.js";
import {
  renderComment
} from "./chunks/chunk-LO576U3G.js";
import {
  DEFAULT_THRESHOLDS,
  writeReport
} from "./chunks/chunk-7RNPVIBQ.js";
import {
  DefaultArtifactClient,
  GithubArtifactStore
} from "./chunks/chunk-6WWYYW7Y.js";
import {
  sanitizeJobKey
} from "./chunks/chunk-JMR3DNJM.js";
import {
  error,
  getInput,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  warning
} from "./chunks/chunk-ANBTO27B.js";
import "./chunks/chunk-ZHB73YNC.js";

// src/action/inputs.ts
function bool(name, fallback) {
  const raw = getInput(name).trim().toLowerCase();
  if (raw === "") return fallback;
  if (["true", "yes", "1", "on"].includes(raw)) return true;
  if (["false", "no", "0", "off"].includes(raw)) return false;
  throw new Error(`input ${name} must be true or false, got "${raw}"`);
}
function num(name, fallback, check) {
  const raw = getInput(name).trim();
  if (raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new Error(`input ${name} is not valid: "${raw}"`);
  return n;
}
function readSettings() {
  const mode = getInput("mode").trim() || "all";
  if (!["collect", "report", "all"].includes(mode)) throw new Error(`input mode must be collect, report or all, got "${mode}"`);
  const run = getInput("run");
  const reportFile = getInput("report-file").trim();
  if (mode !== "report" && !run.trim()) throw new Error(`input run (the test command) is required in mode ${mode}`);
  const settings = {
    mode,
    run,
    workingDirectory: getInput("working-directory").trim() || ".",
    githubToken: getInput("github-token").trim(),
    comment: bool("comment", true),
    base: getInput("base").trim(),
    failOnRegression: bool("fail-on-regression", false),
    thresholds: {
      minMs: num("min-ms", DEFAULT_THRESHOLDS.minMs, (n) => n >= 0),
      minPct: num("min-pct", DEFAULT_THRESHOLDS.minPct, (n) => n >= 0),
      alpha: num("alpha", DEFAULT_THRESHOLDS.alpha, (n) => n > 0 && n < 1),
      minSamples: num("min-samples", DEFAULT_THRESHOLDS.minSamples, (n) => n >= 0),
      minUnits: DEFAULT_THRESHOLDS.minUnits
    },
    uploadArtifact: bool("upload-artifact", true),
    jobKey: getInput("job-key").trim(),
    reportFile,
    outDir: getInput("out-dir").trim() || ".ciprof",
    pyroscope: {
      server: getInput("pyroscope-url").trim() || void 0,
      app: getInput("pyroscope-app").trim() || void 0,
      token: getInput("pyroscope-token").trim() || void 0,
      basicAuth: getInput("pyroscope-basic-auth").trim() || void 0,
      tenant: getInput("pyroscope-tenant").trim() || void 0,
      labels: getInput("pyroscope-labels").trim() || void 0
    }
  };
  if (settings.githubToken) setSecret(settings.githubToken);
  for (const secret of [settings.pyroscope.token, settings.pyroscope.basicAuth]) if (secret) setSecret(secret);
  return settings;
}

// src/action/main.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path2 from "node:path";

// src/pyroscope/ui.ts
function pyroscopeDiffUrl(o) {
  const type = o.profileTypeId ?? CPU_TIME_TYPE;
  const query = (commit) => type + labelSelector([
    { name: "service_name", value: sanitizeAppName(o.app) },
    { name: "job_key", value: sanitizeLabelValue(o.jobKey) },
    { name: "commit", value: sanitizeLabelValue(commit) }
  ]);
  const params = new URLSearchParams({
    query: type + labelSelector([{ name: "service_name", value: sanitizeAppName(o.app) }]),
    from: String(Math.min(o.base.from, o.head.from)),
    until: String(Math.max(o.base.until, o.head.until)),
    leftQuery: query(o.base.commit),
    leftFrom: String(o.base.from),
    leftUntil: String(o.base.until),
    rightQuery: query(o.head.commit),
    rightFrom: String(o.head.from),
    rightUntil: String(o.head.until)
  });
  return `${o.server.replace(/\/+$/, "")}/comparison-diff?${params}`;
}

// src/publish/report-artifact.ts
import { copyFileSync } from "node:fs";
import * as path from "node:path";
async function uploadReportArtifact(file, jobKey, env = process.env) {
  if (!env.ACTIONS_RUNTIME_TOKEN) return void 0;
  const name = `ciprof-report-${sanitizeJobKey(jobKey)}.html`;
  const staged = path.join(path.dirname(file), name);
  copyFileSync(file, staged);
  const res = await new DefaultArtifactClient().uploadArtifact(name, [staged], path.dirname(staged), { skipArchive: true });
  if (res.id === void 0) return void 0;
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const url = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${res.id}` : void 0;
  return { id: res.id, ...url ? { url } : {} };
}

// src/action/main.ts
var EXIT_REGRESSION = 3;
async function collect(s, ci, repoRoot, cwd) {
  const command = [s.run];
  const { attribution, notice: notice2 } = setupAttribution(command, { env: process.env, cwd, repoRoot, warn: (l) => warning(l) });
  if (notice2) info(`ciprof: ${notice2}`);
  const result = await profileCommand({
    command,
    attribution,
    outDir: path2.resolve(cwd, s.outDir),
    intervalUs: 1e3,
    ci,
    repoRoot,
    storeDir: defaultStoreDir(repoRoot),
    cwd,
    warn: (l) => warning(l)
  });
  if (result.summary) info(formatSummaryText(result.summary));
  if (result.profilePath && s.pyroscope.server) {
    try {
      const settings = resolvePyroscopeSettings(s.pyroscope, { repository: ci.repository, repoRoot, warn: (l) => warning(l) });
      await uploadAfterRun(result.profilePath, settings);
    } catch (err) {
      warning(`ciprof: Pyroscope upload skipped: ${err.message}`);
    }
  }
  if (result.profilePath && s.uploadArtifact && ci.commit && ci.repository) {
    try {
      const store = new GithubArtifactStore({ token: s.githubToken, repository: ci.repository, baseBranch: ci.baseBranch });
      const stored = await store.put({ jobKey: ci.jobKey, commit: ci.commit, branch: ci.branch }, readFileSync(result.profilePath));
      info(`ciprof: profile uploaded as artifact ${stored.id} for ${ci.jobKey} @ ${ci.commit.slice(0, 12)}`);
    } catch (err) {
      warning(`ciprof: could not upload the profile artifact: ${err.message}`);
    }
  }
  return { exitCode: result.exitCode, profilePath: result.profilePath };
}
function baseSpec(s, ci) {
  if (s.base) return s.base;
  if (ci.baseBranch) return `origin/${ci.baseBranch}`;
  return ci.baseCommit;
}
async function report(s, ci, cwd, profilePath) {
  if (s.reportFile) return readDiffReport(path2.resolve(cwd, s.reportFile));
  const base = baseSpec(s, ci);
  if (!base) {
    info("ciprof: not a pull request and no base input: nothing to compare with (this run's profile is the baseline for later PRs)");
    return void 0;
  }
  let store;
  try {
    store = await openStore({ kind: s.githubToken && ci.repository ? "github" : "local", ci, storeDir: defaultStoreDir(cwd), githubToken: s.githubToken });
  } catch (err) {
    warning(`ciprof: ${err.message}; using the local store`);
    store = await openStore({ kind: "local", ci, storeDir: defaultStoreDir(cwd) });
  }
  const outDir = path2.resolve(cwd, s.outDir);
  const reportPath = path2.join(outDir, "report.html");
  const result = await diffStage({ headFile: profilePath, base, ci, store, history: new LocalGitHistory(cwd), thresholds: s.thresholds });
  try {
    writeReport(result.head, result.base, { output: reportPath, diff: result.report.diff });
    setOutput("report", reportPath);
  } catch (err) {
    warning(`ciprof: HTML report not written: ${err.message}`);
  }
  if (s.pyroscope.server && result.base) {
    result.report.links.pyroscope = pyroscopeLink(s, ci, result.base, result.head);
  }
  if (s.uploadArtifact && existsSync(reportPath)) {
    try {
      const uploaded = await uploadReportArtifact(reportPath, ci.jobKey);
      if (uploaded?.url) result.report.links.report = uploaded.url;
    } catch (err) {
      warning(`ciprof: HTML report not uploaded: ${err.message}`);
    }
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path2.join(outDir, "diff.json"), serializeDiffReport(result.report));
  writeFileSync(path2.join(outDir, "comment.md"), renderComment(result.report));
  setOutput("diff", path2.join(outDir, "diff.json"));
  return result.report;
}
function pyroscopeLink(s, ci, base, head) {
  const side = (p) => {
    const commit = p.meta.commit;
    if (!commit || !p.timeNanos) return void 0;
    const start = Math.floor(p.timeNanos / 1e6);
    return { commit, from: start - 6e4, until: start + Math.ceil(p.durationNanos / 1e6) + 6e4 };
  };
  const b = side(base);
  const h = side(head);
  if (!b || !h || !s.pyroscope.server) return void 0;
  const app = s.pyroscope.app ?? defaultAppName(ci.repository, process.cwd());
  return pyroscopeDiffUrl({ server: s.pyroscope.server, app, jobKey: ci.jobKey, base: b, head: h });
}
async function runAction(s, env = process.env) {
  const cwd = path2.resolve(s.workingDirectory);
  const git = localGitFacts(cwd);
  const ci = detectCi(s.jobKey ? { ...env, CIPROF_JOB_KEY: s.jobKey } : env, { git, cwd });
  const repoRoot = git.root ?? cwd;
  let exitCode = 0;
  let profilePath = path2.resolve(cwd, s.outDir, "profile.pb.gz");
  if (s.mode !== "report") {
    const c = await collect(s, ci, repoRoot, cwd);
    exitCode = c.exitCode;
    if (c.profilePath) {
      profilePath = c.profilePath;
      setOutput("profile", c.profilePath);
    }
    if (s.mode === "collect" || !c.profilePath) return exitCode;
  }
  try {
    const r = await report(s, ci, cwd, profilePath);
    if (!r) return exitCode;
    const verdict = r.diff ? r.diff.verdict : "no-baseline";
    setOutput("verdict", verdict);
    setOutput("regressions", String(r.diff?.regressions.length ?? 0));
    const outcomes = await publishReport({ report: r, ci: { ...ci, jobKey: r.jobKey }, env, comment: s.comment, githubToken: s.githubToken });
    for (const o of outcomes) {
      if (o.status === "failed") warning(`ciprof: ${o.message}`);
      else if (o.status === "skipped" && o.target === "github-comment") notice(`ciprof: ${o.message}`);
      else info(`ciprof: ${o.message}`);
    }
    if (s.failOnRegression && verdict === "regression" && exitCode === 0) {
      error(`ciprof: ${r.diff?.regressions.length} function(s) got slower (fail-on-regression is set)`);
      exitCode = EXIT_REGRESSION;
    }
  } catch (err) {
    warning(`ciprof: report step failed: ${err.message}`);
  }
  return exitCode;
}

// src/action/index.ts
async function main() {
  let settings;
  try {
    settings = readSettings();
  } catch (err) {
    setFailed(`ciprof: ${err.message}`);
    return;
  }
  const code = await runAction(settings);
  if (code !== 0) {
    setFailed(code === 3 ? "ciprof: performance regression (fail-on-regression)" : `ciprof: the test command exited with code ${code}`);
    process.exitCode = code;
  }
}
void main();
