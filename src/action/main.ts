/**
 * The Action: inputs -> settings -> the pipeline's stages, the same ones the CLI calls.
 *   collect: run the tests profiled, store the profile (local, artifact, Pyroscope)
 *   report:  diff against the baseline (or take a saved diff.json), write and publish
 *   all:     both
 * The exit code is the test command's; fail-on-regression adds exit code 3 when the tests
 * passed. Publishing fails open: a warning or a notice, never a failed step.
 */
import * as core from '@actions/core';
import * as path from 'node:path';
import { formatSummaryText, type RunSummary } from '../collect/summary.js';
import type { DiffReport } from '../diff/diff-report.js';
import { collect } from '../pipeline/collect.js';
import { diffWithBaseline, readHead, type DiffHead } from '../pipeline/diff.js';
import { prepareOutDir, uploadHtmlReport, writeDiffOutputs, writeRunOutputs } from '../pipeline/outputs.js';
import { EXIT_REGRESSION, exitCodeFor, publish, publishRunSummary, publishSavedReport, testsFailedReport } from '../pipeline/publish.js';
import { resolveSettings, type Log, type Settings } from '../pipeline/settings.js';
import { isBaselineRun, openStoreOrLocal, storeRun, testsFailedLine, uploadRun } from '../pipeline/store.js';
import { readInputs, settingsInput, type ActionInputs } from './inputs.js';

const log: Log = { info: (l) => core.info(`ciprof: ${l}`), warn: (l) => core.warning(`ciprof: ${l}`), notice: (l) => core.notice(`ciprof: ${l}`) };

export async function run(): Promise<void> {
  let a: ActionInputs;
  let s: Settings;
  try {
    a = readInputs();
    s = resolveSettings(settingsInput(a, process.env), log);
  } catch (err) {
    core.setFailed(`ciprof: ${(err as Error).message}`);
    return;
  }
  let exitCode = 0;
  let head: DiffHead | undefined;
  if (a.mode !== 'report') {
    // The warm-up (pipeline/warmup.ts) as under `ciprof run`: the Action runs on node24, where it pays.
    const c = await collect(s, { command: [a.run], profile: prepareOutDir(s, log), warmUp: { report: true } }, log);
    // The diff writes its own report and summary; every other run (a push making the baseline) writes the run's.
    const diffFollows = a.mode === 'all' && isBaselineRun(c) && Boolean(s.base) && !a.reportFile;
    const files = await writeRunOutputs(s, c, { report: !diffFollows, stored: await storeRun(s, c, { local: true, artifact: a.uploadArtifact }, log) }, log);
    if (c.summary) core.info(formatSummaryText(c.summary));
    if (files && c.profile) {
      core.setOutput('profile', files.profile);
      await uploadRun(s, c, files.profile, log);
      head = { profile: c.profile, file: files.profile };
    }
    if (!diffFollows && c.summary) await publishRun(a, s, c.summary, files?.report);
    exitCode = c.exitCode;
  }
  if (a.mode === 'all' && exitCode !== 0) await publishTestsFailed(a, s, exitCode);
  else if (a.mode === 'report' || (a.mode === 'all' && head)) {
    try {
      const r = await report(a, s, head);
      if (r) exitCode = exitCodeFor(exitCode, r, regressionFailsStep(a), a.gate);
      if (exitCode === EXIT_REGRESSION) core.error(a.gate === 'alloc' ? `ciprof: ${r?.alloc?.regressions} allocation row(s) grew (fail-on-regression, gate alloc)` : `ciprof: ${r?.diff?.regressions.length} function(s) got slower (fail-on-regression is set)`);
    } catch (err) {
      log.warn(`report step failed: ${(err as Error).message}`);
    }
  }
  if (exitCode === 0) return;
  // The test command's code (or 3 for fail-on-regression), as the step's result.
  core.setFailed(exitCode === EXIT_REGRESSION ? 'ciprof: performance regression (fail-on-regression)' : `ciprof: the test command exited with code ${exitCode}`);
  process.exitCode = exitCode;
}

/** The head commit of this pull_request job's event (GitHub writes it, the PR cannot), or undefined. */
function pullRequestHead(s: Settings): string | undefined {
  const event = s.env.GITHUB_EVENT_NAME;
  return (event === 'pull_request' || event === 'pull_request_target') && s.ci.pr ? s.ci.commit : undefined;
}

/**
 * Whether a regression fails this step. Not for a report-file: another run computed it,
 * maybe a fork's, whose numbers this job cannot check, so it may comment but never decide
 * this job's result (the run that profiles the PR enforces fail-on-regression itself).
 */
function regressionFailsStep(a: ActionInputs): boolean {
  if (!a.failOnRegression || !a.reportFile) return a.failOnRegression;
  log.notice("fail-on-regression does not apply to a report-file: it was computed by another run (maybe a fork's) and cannot fail this job; set fail-on-regression on the job that profiles the pull request");
  return false;
}

/** A run not compared in this step: its report (written, uploaded) and its job summary. */
async function publishRun(a: ActionInputs, s: Settings, summary: RunSummary, reportFile: string | undefined): Promise<void> {
  if (reportFile) core.setOutput('report', reportFile);
  const url = reportFile && a.uploadArtifact ? await uploadHtmlReport(s, reportFile, log) : undefined;
  await publishRunSummary(s, summary, url, log);
}

/** Failing tests: the comment and summary say so, with no verdict; no diff is computed. */
async function publishTestsFailed(a: ActionInputs, s: Settings, exitCode: number, headCommit?: string): Promise<void> {
  log.info(testsFailedLine(exitCode));
  await publish(s, testsFailedReport(s, exitCode, headCommit), { comment: a.comment }, log);
  core.setOutput('verdict', 'tests-failed');
  core.setOutput('regressions', '0');
}

/** The diff and its outputs, then publishing; or a saved diff.json from another job (workflow_run). */
async function report(a: ActionInputs, s: Settings, head: DiffHead | undefined): Promise<DiffReport | undefined> {
  let report: DiffReport;
  if (a.reportFile) {
    const inWorkflowRun = s.env.GITHUB_EVENT_NAME === 'workflow_run';
    const headSha = inWorkflowRun ? undefined : pullRequestHead(s);
    if (!inWorkflowRun && !headSha) return void log.warn('report-file is published only in a workflow_run or pull_request job, whose event names the commit it must be about: not published');
    // Checked and bound to the event's head commit and PR; its verdict recomputed from its rows.
    report = (await publishSavedReport(s, path.resolve(s.cwd, a.reportFile), { comment: a.comment, headSha }, log)).report;
  } else if (!s.base) return void log.info("not a pull request and no base input: nothing to compare with (this run's profile is the baseline for later PRs)");
  else {
    const headRun = head ?? readHead(path.join(s.outDir, 'profile.pb.gz'));
    // A collect step (another step or job) whose tests failed recorded their exit code in the profile.
    const failed = Number(headRun.profile.meta.exit_code ?? 0);
    if (failed) return void (await publishTestsFailed(a, s, failed, headRun.profile.meta.commit));
    const result = await diffWithBaseline(s, headRun, await openStoreOrLocal(s, log));
    const out = await writeDiffOutputs(s, result, { dir: s.outDir, html: true, uploadReport: a.uploadArtifact }, log);
    if (out.files.report) core.setOutput('report', out.files.report);
    if (out.files.diff) core.setOutput('diff', out.files.diff);
    await publish(s, out.rendered, { comment: a.comment }, log);
    report = out.rendered.report;
  }
  core.setOutput('verdict', report.diff ? report.diff.verdict : 'no-baseline');
  core.setOutput('regressions', String(report.diff?.regressions.length ?? 0));
  return report;
}
