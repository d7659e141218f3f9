/**
 * `ciprof compare`, a flow over the same stages: collect runs the base commit (a temporary
 * git worktree) and the working tree, interleaved, N times each; diff builds the one
 * DiffReport from the runs; outputs writes what `ciprof diff` writes plus the merged
 * profiles. No store: these runs are not baselines.
 *
 * Invariant: the temporary worktree is removed whatever happens (finally, 'exit' hook,
 * signals). Profiling problems warn and fail open; the tests' exit codes are reported.
 */
import { renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { LocalGitHistory } from '../baseline/history.js';
import { wantedCommit } from '../baseline/resolve.js';
import type { CiContext } from '../ci/context.js';
import { runInstall } from '../compare/install.js';
import { firstFailure, interleavedOrder, type RunRecord, type Side } from '../compare/interleave.js';
import { planInstall, type InstallPlan } from '../compare/package-manager.js';
import { removeRunFiles, runFile, savedRuns } from '../compare/run-files.js';
import { BaseWorktree, interruptOnSignals } from '../compare/worktree.js';
import { testCommandEnv } from '../collect/child-env.js';
import { redactCommand } from '../collect/redact.js';
import type { DiffReport } from '../diff/diff-report.js';
import { RUNS_DIFF_METHOD } from '../diff/runs.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { makeDirs } from '../util/make-dirs.js';
import type { Profile } from '../profile/model.js';
import { readProfileFile } from '../profile/read.js';
import { collect } from './collect.js';
import { buildDiffReport, type DiffResult } from './diff.js';
import { compareProfileFiles, writeCompareOutputs, writeRunOutputs, type CompareFiles } from './outputs.js';
import type { Log, Settings } from './settings.js';

export interface CompareOptions {
  /** Commit, branch or tag; a ref is compared through its merge-base with HEAD. */
  base: string;
  runs: number;
  /** --install: undefined detects from the lockfile, '' skips. */
  install?: string;
  command: string[];
  /** The runs sample allocations too (the settings' env carries the agent's switch); the diff then has its Allocations section. */
  alloc?: boolean;
  /** Progress lines (stderr). */
  progress: (line: string) => void;
}

export interface CompareResult {
  baseCommit: string;
  headCommit?: string;
  runs: RunRecord[];
  /** First failing run (tests failed), in run order. */
  failed?: RunRecord;
  interrupted?: NodeJS.Signals;
  files?: CompareFiles;
  report?: DiffReport;
}

/** A problem with the request itself (unknown ref, not a git repository): exit 2. */
export class CompareUsageError extends Error {}

interface Plan {
  baseCommit: string;
  headCommit?: string;
  how: string;
  /** The working directory relative to the repository root, the same in the base worktree. */
  relCwd: string;
  install: InstallPlan;
}

function plan(s: Settings, opts: CompareOptions): Plan {
  const history = new LocalGitHistory(s.repoRoot);
  const headCommit = s.ci.commit ?? history.resolve('HEAD');
  const wanted = wantedCommit({ history, base: opts.base, head: 'HEAD', fallbackCommit: s.ci.baseCommit });
  if (!wanted.commit) throw new CompareUsageError(wanted.how);
  // The worktree needs the commit's objects, not just its id (a full id from CI may be absent).
  const baseCommit = history.resolve(wanted.commit);
  if (!baseCommit) throw new CompareUsageError(`${wanted.how}, but that commit is not in this clone (shallow checkout? fetch it, e.g. fetch-depth: 0)`);
  const relCwd = path.relative(s.repoRoot, s.cwd);
  if (relCwd.startsWith('..')) throw new CompareUsageError(`the working directory ${s.cwd} is outside the repository ${s.repoRoot}`);
  return { baseCommit, headCommit, how: wanted.how, relCwd, install: planInstall(s.cwd, s.repoRoot, opts.install) };
}

export async function compare(s: Settings, opts: CompareOptions, log: Log): Promise<CompareResult> {
  const p = plan(s, opts);
  makeDirs(s.outDir);
  removeRunFiles(s.outDir);
  const result: CompareResult = { baseCommit: p.baseCommit, headCommit: p.headCommit, runs: [] };
  const profiles = new Map<RunRecord, Profile>();
  await runInterleaved(s, opts, p, result, profiles, log);
  result.failed = firstFailure(result.runs);
  if (result.interrupted) return result;

  const side = (x: Side): Profile[] => result.runs.filter((r) => r.side === x && profiles.has(r)).map((r) => profiles.get(r)!);
  const baseRuns = side('base');
  const headRuns = side('head');
  if (baseRuns.length === 0 || headRuns.length === 0) {
    log.warn(`no diff: ${baseRuns.length} base and ${headRuns.length} head profile(s) were written`);
  } else {
    const reason = `${p.how}; base and head (working tree) profiled on this machine, ${baseRuns.length} + ${headRuns.length} interleaved runs`;
    try {
      Object.assign(result, await diffAndWrite(s, { ...s.ci, commit: p.headCommit }, baseRuns, headRuns, { baseCommit: p.baseCommit, headCommit: p.headCommit, reason }, log));
      if (opts.alloc && result.report && !result.report.alloc) log.warn('--alloc: no allocation diff (a side has no allocation samples: did the agent run in every process?)');
    } catch (err) {
      log.warn(`diff not written: ${(err as Error).message}`);
    }
  }
  writeSummary(s, opts, result, p.install.reason, log);
  return result;
}

/** Checks the base out, installs it, and runs base and head alternately; stops early on a signal. */
async function runInterleaved(s: Settings, opts: CompareOptions, p: Plan, result: CompareResult, profiles: Map<RunRecord, Profile>, log: Log): Promise<void> {
  let stopInstall: (() => void) | undefined;
  const unhook = interruptOnSignals((signal) => {
    result.interrupted = signal;
    opts.progress(`${signal}: stopping after the current step, then removing the base worktree (again to stop at once)`);
    stopInstall?.();
  });
  let worktree: BaseWorktree | undefined;
  try {
    opts.progress(`base: ${p.how}`);
    worktree = BaseWorktree.add(s.repoRoot, p.baseCommit);
    opts.progress(`base checked out in ${worktree.dir}`);
    opts.progress(`install: ${p.install.reason}`);
    if (p.install.command && !result.interrupted) {
      // The install runs the base's lifecycle scripts: the same environment as its tests.
      const run = runInstall(p.install.command, path.join(worktree.dir, p.install.dir), testCommandEnv(s.env));
      stopInstall = () => run.child.kill('SIGTERM');
      const done = await run.done;
      stopInstall = undefined;
      if (done.exitCode !== 0 && !result.interrupted) {
        throw new Error(`installing the base's dependencies failed (${p.install.command} in ${p.install.dir || '.'} exited ${done.exitCode}${done.error ? `: ${done.error}` : ''}); pass --install "<cmd>" or --install '' to skip`);
      }
    }
    const base: Settings = { ...s, cwd: path.join(worktree.dir, p.relCwd), repoRoot: worktree.dir, ci: { ...s.ci, commit: p.baseCommit, branch: undefined, pr: undefined } };
    const head: Settings = { ...s, ci: { ...s.ci, commit: p.headCommit } };
    const order = interleavedOrder(opts.runs);
    for (const [n, planned] of order.entries()) {
      if (result.interrupted) break;
      const x = planned.side;
      opts.progress(`run ${n + 1}/${order.length}: ${x} ${planned.index}/${opts.runs} (${x === 'base' ? p.baseCommit.slice(0, 12) : 'working tree'})`);
      const record = await profileRun(x === 'base' ? base : head, opts.command, planned.side, planned.index, profiles, log);
      result.runs.push(record);
      opts.progress(`${x} ${planned.index}: exit ${record.exitCode}${record.wallMs !== undefined ? `, ${(record.wallMs / 1000).toFixed(1)} s` : ''}${record.profile ? '' : ', no profile'}`);
    }
  } finally {
    worktree?.remove();
    unhook();
  }
}

/** One run through the collect stage; its profile.json stays in runs/<side>-<i>/, its profile becomes <side>-<i>.pb.gz. */
async function profileRun(s: Settings, command: string[], side: Side, index: number, profiles: Map<RunRecord, Profile>, log: Log): Promise<RunRecord> {
  const runDir = path.join(s.outDir, 'runs', `${side}-${index}`);
  rmSync(runDir, { recursive: true, force: true });
  const run: Settings = { ...s, outDir: runDir };
  // The runs' test output is progress, not the product: stdout carries the diff only.
  const c = await collect(run, { command, quiet: true, commandStdout: 'stderr' }, log);
  const written = await writeRunOutputs(run, c, { report: false }, log);
  const record: RunRecord = { side, index, exitCode: c.exitCode, wallMs: c.summary?.wallMs };
  if (written && c.profile) {
    const file = runFile(s.outDir, side, index);
    try {
      renameSync(written.profile, file);
      record.profile = file;
      profiles.set(record, c.profile);
    } catch (err) {
      log.warn(`${side} run ${index}: profile not kept: ${(err as Error).message}`);
    }
  }
  return record;
}

interface Sides {
  baseCommit?: string;
  headCommit?: string;
  /** One sentence: how the base commit was chosen and how it was run. */
  reason: string;
}

/** The diff stage over the runs, then the outputs. */
async function diffAndWrite(s: Settings, ci: CiContext, baseRuns: Profile[], headRuns: Profile[], sides: Sides, log: Log): Promise<{ files: CompareFiles; report: DiffReport }> {
  const merged = compareProfileFiles(s.outDir);
  const result: DiffResult = buildDiffReport({
    ci,
    baseRuns,
    headRuns,
    repeated: true,
    // 'file' is the honest provenance: the base profile is the file this job just wrote.
    provenance: { source: 'file', found: true, file: path.relative(process.cwd(), merged.base) || merged.base, commit: sides.baseCommit, reason: sides.reason },
    head: { commit: sides.headCommit, profile: merged.head },
    thresholds: s.thresholds,
    includeLaunchers: s.includeLaunchers,
  });
  const title = `ciprof compare · ${sides.baseCommit?.slice(0, 8) ?? 'base'} → ${sides.headCommit?.slice(0, 8) ?? 'head'}`;
  const { files } = await writeCompareOutputs(s.outDir, baseRuns, headRuns, result, title, log);
  return { files, report: result.report };
}

/** `compare --from-runs`: diff the run files a compare (or the calibration bench) already wrote, running nothing. */
export async function rediffSavedRuns(s: Settings, dir: string, log: Log): Promise<{ files: CompareFiles; report: DiffReport }> {
  const files = savedRuns(dir);
  if (files.base.length === 0 || files.head.length === 0) throw new Error(`${dir}: needs base-<i>.pb.gz and head-<i>.pb.gz files (found ${files.base.length} base, ${files.head.length} head)`);
  const baseRuns = files.base.map((f) => readProfileFile(f));
  const headRuns = files.head.map((f) => readProfileFile(f));
  const sides = { baseCommit: baseRuns[0]?.meta.commit, headCommit: headRuns[0]?.meta.commit, reason: `saved runs in ${dir}: ${baseRuns.length} base, ${headRuns.length} head` };
  return diffAndWrite(s, s.ci, baseRuns, headRuns, sides, log);
}

/** compare.json: the runs, their exit codes and how the diff was computed. */
function writeSummary(s: Settings, opts: CompareOptions, result: CompareResult, install: string, log: Log): void {
  try {
    const summary = {
      base: { ref: opts.base, commit: result.baseCommit },
      head: { commit: result.headCommit, tree: 'working tree' },
      command: redactCommand(opts.command),
      runsPerSide: opts.runs,
      install,
      method: RUNS_DIFF_METHOD,
      runs: result.runs.map((r) => ({ ...r, profile: r.profile && path.basename(r.profile) })),
      failed: result.failed ? { side: result.failed.side, index: result.failed.index, exitCode: result.failed.exitCode } : undefined,
      verdict: result.report?.diff?.verdict,
      ...(opts.alloc ? { alloc: true, allocVerdict: result.report?.alloc?.verdict } : {}),
    };
    writeFileAtomic(path.join(s.outDir, 'compare.json'), `${JSON.stringify(summary, null, 2)}\n`, { durable: false });
  } catch (err) {
    log.warn(`compare.json not written: ${(err as Error).message}`);
  }
}
