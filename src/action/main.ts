/**
 * The Action: a thin door over the same pipeline as the CLI.
 *   collect: run the tests profiled, store the profile (artifact), write outputs
 *   report:  diff the profile against the baseline (or load a saved diff.json), publish
 *   all:     both
 * The exit code is the test command's; `fail-on-regression` adds exit code 3 when the
 * tests passed. Publishing fails open: a warning or a notice, never a failed step.
 */
import * as core from '@actions/core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LocalGitHistory } from '../baseline/history.js';
import type { CiContext } from '../ci/context.js';
import { detectCi } from '../ci/detect.js';
import { localGitFacts } from '../ci/git.js';
import { profileCommand } from '../collect/profile-command.js';
import { formatSummaryText } from '../collect/summary.js';
import { readDiffReport, serializeDiffReport, type DiffReport } from '../diff/diff-report.js';
import { diffStage } from '../pipeline/diff.js';
import { defaultStoreDir, openStore } from '../pipeline/stores.js';
import { publishReport } from '../publish/publish.js';
import { renderComment } from '../render/markdown.js';
import { writeReport } from '../render/report.js';
import { setupAttribution } from '../collect/attribution.js';
import type { Profile } from '../profile/model.js';
import { resolvePyroscopeSettings } from '../pyroscope/settings.js';
import { pyroscopeDiffUrl } from '../pyroscope/ui.js';
import { defaultAppName } from '../pyroscope/labels.js';
import { uploadAfterRun } from '../cli/upload.js';
import { uploadReportArtifact } from '../publish/report-artifact.js';
import { GithubArtifactStore } from '../store/github-artifacts.js';
import type { ProfileStore } from '../store/store.js';
import type { ActionSettings } from './inputs.js';

export const EXIT_REGRESSION = 3;

interface Collected {
  exitCode: number;
  profilePath?: string;
}

async function collect(s: ActionSettings, ci: CiContext, repoRoot: string, cwd: string): Promise<Collected> {
  const command = [s.run];
  const { attribution, notice } = setupAttribution(command, { env: process.env, cwd, repoRoot, warn: (l) => core.warning(l) });
  if (notice) core.info(`ciprof: ${notice}`);
  const result = await profileCommand({
    command,
    attribution,
    outDir: path.resolve(cwd, s.outDir),
    intervalUs: 1000,
    ci,
    repoRoot,
    storeDir: defaultStoreDir(repoRoot),
    cwd,
    warn: (l) => core.warning(l),
  });
  if (result.summary) core.info(formatSummaryText(result.summary));
  if (result.profilePath && s.pyroscope.server) {
    try {
      const settings = resolvePyroscopeSettings(s.pyroscope, { repository: ci.repository, repoRoot, warn: (l) => core.warning(l) });
      await uploadAfterRun(result.profilePath, settings);
    } catch (err) {
      core.warning(`ciprof: Pyroscope upload skipped: ${(err as Error).message}`);
    }
  }
  if (result.profilePath && s.uploadArtifact && ci.commit && ci.repository) {
    try {
      const store = new GithubArtifactStore({ token: s.githubToken, repository: ci.repository, baseBranch: ci.baseBranch });
      const stored = await store.put({ jobKey: ci.jobKey, commit: ci.commit, branch: ci.branch }, readFileSync(result.profilePath));
      core.info(`ciprof: profile uploaded as artifact ${stored.id} for ${ci.jobKey} @ ${ci.commit.slice(0, 12)}`);
    } catch (err) {
      // Outside a real runner (no ACTIONS_RUNTIME_TOKEN) or with artifacts disabled.
      core.warning(`ciprof: could not upload the profile artifact: ${(err as Error).message}`);
    }
  }
  return { exitCode: result.exitCode, profilePath: result.profilePath };
}

function baseSpec(s: ActionSettings, ci: CiContext): string | undefined {
  if (s.base) return s.base;
  if (ci.baseBranch) return `origin/${ci.baseBranch}`;
  return ci.baseCommit;
}

async function report(s: ActionSettings, ci: CiContext, cwd: string, profilePath: string): Promise<DiffReport | undefined> {
  if (s.reportFile) return readDiffReport(path.resolve(cwd, s.reportFile));
  const base = baseSpec(s, ci);
  if (!base) {
    core.info('ciprof: not a pull request and no base input: nothing to compare with (this run\'s profile is the baseline for later PRs)');
    return undefined;
  }
  let store: ProfileStore;
  try {
    store = await openStore({ kind: s.githubToken && ci.repository ? 'github' : 'local', ci, storeDir: defaultStoreDir(cwd), githubToken: s.githubToken });
  } catch (err) {
    core.warning(`ciprof: ${(err as Error).message}; using the local store`);
    store = await openStore({ kind: 'local', ci, storeDir: defaultStoreDir(cwd) });
  }
  const outDir = path.resolve(cwd, s.outDir);
  const reportPath = path.join(outDir, 'report.html');
  const result = await diffStage({ headFile: profilePath, base, ci, store, history: new LocalGitHistory(cwd), thresholds: s.thresholds });
  try {
    writeReport(result.head, result.base, { output: reportPath, diff: result.report.diff });
    core.setOutput('report', reportPath);
  } catch (err) {
    core.warning(`ciprof: HTML report not written: ${(err as Error).message}`);
  }
  if (s.pyroscope.server && result.base) {
    result.report.links.pyroscope = pyroscopeLink(s, ci, result.base, result.head);
  }
  if (s.uploadArtifact && existsSync(reportPath)) {
    try {
      const uploaded = await uploadReportArtifact(reportPath, ci.jobKey);
      if (uploaded?.url) result.report.links.report = uploaded.url;
    } catch (err) {
      core.warning(`ciprof: HTML report not uploaded: ${(err as Error).message}`);
    }
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'diff.json'), serializeDiffReport(result.report));
  writeFileSync(path.join(outDir, 'comment.md'), renderComment(result.report));
  core.setOutput('diff', path.join(outDir, 'diff.json'));
  return result.report;
}

/** Pyroscope's diff view of the two commits, each over a window around its profile. */
function pyroscopeLink(s: ActionSettings, ci: CiContext, base: Profile, head: Profile): string | undefined {
  const side = (p: Profile) => {
    const commit = p.meta.commit;
    if (!commit || !p.timeNanos) return undefined;
    const start = Math.floor(p.timeNanos / 1e6);
    return { commit, from: start - 60_000, until: start + Math.ceil(p.durationNanos / 1e6) + 60_000 };
  };
  const b = side(base);
  const h = side(head);
  if (!b || !h || !s.pyroscope.server) return undefined;
  const app = s.pyroscope.app ?? defaultAppName(ci.repository, process.cwd());
  return pyroscopeDiffUrl({ server: s.pyroscope.server, app, jobKey: ci.jobKey, base: b, head: h });
}

export async function runAction(s: ActionSettings, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const cwd = path.resolve(s.workingDirectory);
  const git = localGitFacts(cwd);
  const ci = detectCi(s.jobKey ? { ...env, CIPROF_JOB_KEY: s.jobKey } : env, { git, cwd });
  const repoRoot = git.root ?? cwd;
  let exitCode = 0;
  let profilePath = path.resolve(cwd, s.outDir, 'profile.pb.gz');

  if (s.mode !== 'report') {
    const c = await collect(s, ci, repoRoot, cwd);
    exitCode = c.exitCode;
    if (c.profilePath) {
      profilePath = c.profilePath;
      core.setOutput('profile', c.profilePath);
    }
    if (s.mode === 'collect' || !c.profilePath) return exitCode;
  }

  try {
    const r = await report(s, ci, cwd, profilePath);
    if (!r) return exitCode;
    const verdict = r.diff ? r.diff.verdict : 'no-baseline';
    core.setOutput('verdict', verdict);
    core.setOutput('regressions', String(r.diff?.regressions.length ?? 0));
    const outcomes = await publishReport({ report: r, ci: { ...ci, jobKey: r.jobKey }, env, comment: s.comment, githubToken: s.githubToken });
    for (const o of outcomes) {
      if (o.status === 'failed') core.warning(`ciprof: ${o.message}`);
      else if (o.status === 'skipped' && o.target === 'github-comment') core.notice(`ciprof: ${o.message}`);
      else core.info(`ciprof: ${o.message}`);
    }
    if (s.failOnRegression && verdict === 'regression' && exitCode === 0) {
      core.error(`ciprof: ${r.diff?.regressions.length} function(s) got slower (fail-on-regression is set)`);
      exitCode = EXIT_REGRESSION;
    }
  } catch (err) {
    core.warning(`ciprof: report step failed: ${(err as Error).message}`);
  }
  return exitCode;
}
