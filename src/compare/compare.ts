/**
 * `ciprof compare`: profile the base commit and the working tree on the same machine,
 * interleaved, N runs each, and diff them. Each run goes through profileCommand, the
 * same pipeline function as `ciprof run` (no store: these runs are not baselines).
 *
 * Invariant: the temporary worktree is removed whatever happens (finally, 'exit' hook,
 * signals). Profiling problems warn and fail open; the tests' exit codes are reported.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LocalGitHistory } from '../baseline/history.js';
import { wantedCommit } from '../baseline/resolve.js';
import type { CiContext } from '../ci/context.js';
import { setupAttribution } from '../collect/attribution.js';
import { profileCommand } from '../collect/profile-command.js';
import type { DiffReport } from '../diff/diff-report.js';
import type { DiffThresholds } from '../diff/function-diff.js';
import type { Profile } from '../profile/model.js';
import { readProfileFile } from '../profile/read.js';
import { RUNS_DIFF_METHOD } from './diff-runs.js';
import { runInstall } from './install.js';
import { firstFailure, interleavedOrder, type RunRecord, type Side } from './interleave.js';
import { writeCompareOutputs, type CompareOutputs } from './outputs.js';
import { planInstall } from './package-manager.js';
import { BaseWorktree, interruptOnSignals } from './worktree.js';

export interface CompareOptions {
  /** Commit, branch or tag; a ref is compared through its merge-base with HEAD. */
  base: string;
  runs: number;
  /** --install: undefined detects from the lockfile, '' skips. */
  install?: string;
  outDir: string;
  command: string[];
  intervalUs: number;
  thresholds: Partial<DiffThresholds>;
  ci: CiContext;
  repoRoot: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  warn: (line: string) => void;
  /** Progress lines (stderr). */
  log: (line: string) => void;
}

export interface CompareResult {
  baseCommit: string;
  headCommit?: string;
  runs: RunRecord[];
  /** First failing run (tests failed), in run order. */
  failed?: RunRecord;
  interrupted?: NodeJS.Signals;
  outputs?: CompareOutputs;
  report?: DiffReport;
}

/** A problem with the request itself (unknown ref, not a git repository): exit 2. */
export class CompareUsageError extends Error {}

const RUN_FILE = /^(base|head)-\d+\.pb\.gz$/;

export async function compare(opts: CompareOptions): Promise<CompareResult> {
  const history = new LocalGitHistory(opts.repoRoot);
  const headCommit = opts.ci.commit ?? history.resolve('HEAD');
  const wanted = wantedCommit({ history, base: opts.base, head: 'HEAD', fallbackCommit: opts.ci.baseCommit });
  if (!wanted.commit) throw new CompareUsageError(wanted.how);
  // The worktree needs the commit's objects, not just its id (a full id from CI may be absent).
  const baseCommit = history.resolve(wanted.commit);
  if (!baseCommit) throw new CompareUsageError(`${wanted.how}, but that commit is not in this clone (shallow checkout? fetch it, e.g. fetch-depth: 0)`);

  const relCwd = path.relative(opts.repoRoot, opts.cwd);
  if (relCwd.startsWith('..')) throw new CompareUsageError(`the working directory ${opts.cwd} is outside the repository ${opts.repoRoot}`);
  const install = planInstall(opts.cwd, opts.repoRoot, opts.install);

  mkdirSync(opts.outDir, { recursive: true });
  // Stale run files from an earlier compare with more runs would be merged in by a reader.
  for (const f of readdirSync(opts.outDir)) if (RUN_FILE.test(f)) rmSync(path.join(opts.outDir, f), { force: true });

  const result: CompareResult = { baseCommit, headCommit, runs: [] };
  let stopInstall: (() => void) | undefined;
  const unhook = interruptOnSignals((signal) => {
    result.interrupted = signal;
    opts.log(`${signal}: stopping after the current step, then removing the base worktree (again to stop at once)`);
    stopInstall?.();
  });
  let worktree: BaseWorktree | undefined;
  try {
    opts.log(`base: ${wanted.how}`);
    worktree = BaseWorktree.add(opts.repoRoot, baseCommit);
    const baseCwd = path.join(worktree.dir, relCwd);
    opts.log(`base checked out in ${worktree.dir}`);
    opts.log(`install: ${install.reason}`);
    if (install.command && !result.interrupted) {
      const run = runInstall(install.command, path.join(worktree.dir, install.dir), opts.env);
      stopInstall = () => run.child.kill('SIGTERM');
      const done = await run.done;
      stopInstall = undefined;
      if (done.exitCode !== 0 && !result.interrupted) {
        throw new Error(`installing the base's dependencies failed (${install.command} in ${install.dir || '.'} exited ${done.exitCode}${done.error ? `: ${done.error}` : ''}); pass --install "<cmd>" or --install '' to skip`);
      }
    }

    const order = interleavedOrder(opts.runs);
    for (const [n, planned] of order.entries()) {
      if (result.interrupted) break;
      const side = planned.side;
      opts.log(`run ${n + 1}/${order.length}: ${side} ${planned.index}/${opts.runs} (${side === 'base' ? baseCommit.slice(0, 12) : 'working tree'})`);
      const record = await profileRun(opts, {
        side,
        index: planned.index,
        cwd: side === 'base' ? baseCwd : opts.cwd,
        repoRoot: side === 'base' ? worktree.dir : opts.repoRoot,
        ci: side === 'base' ? { ...opts.ci, commit: baseCommit, branch: undefined, pr: undefined } : { ...opts.ci, commit: headCommit },
      });
      result.runs.push(record);
      opts.log(`${side} ${planned.index}: exit ${record.exitCode}${record.wallMs !== undefined ? `, ${(record.wallMs / 1000).toFixed(1)} s` : ''}${record.profile ? '' : ', no profile'}`);
    }
  } finally {
    worktree?.remove();
    unhook();
  }
  result.failed = firstFailure(result.runs);
  if (result.interrupted) return result;

  const load = (side: Side): Profile[] => {
    const out: Profile[] = [];
    for (const r of result.runs.filter((x) => x.side === side && x.profile)) {
      try {
        out.push(readProfileFile(r.profile!));
      } catch (err) {
        opts.warn(`${r.profile}: ${(err as Error).message}`);
      }
    }
    return out;
  };
  const baseRuns = load('base');
  const headRuns = load('head');
  if (baseRuns.length === 0 || headRuns.length === 0) {
    opts.warn(`no diff: ${baseRuns.length} base and ${headRuns.length} head profile(s) were written`);
  } else {
    try {
      result.outputs = writeCompareOutputs({
        outDir: opts.outDir,
        baseRuns,
        headRuns,
        thresholds: opts.thresholds,
        ci: { ...opts.ci, commit: headCommit },
        baseCommit,
        headCommit,
        reason: `${wanted.how}; base and head (working tree) profiled on this machine, ${baseRuns.length} + ${headRuns.length} interleaved runs`,
        warn: opts.warn,
      });
      result.report = result.outputs.report;
    } catch (err) {
      opts.warn(`diff not written: ${(err as Error).message}`);
    }
  }
  writeSummary(opts, result, install.reason);
  return result;
}

interface RunTarget {
  side: Side;
  index: number;
  cwd: string;
  repoRoot: string;
  ci: CiContext;
}

async function profileRun(opts: CompareOptions, t: RunTarget): Promise<RunRecord> {
  const runDir = path.join(opts.outDir, 'runs', `${t.side}-${t.index}`);
  rmSync(runDir, { recursive: true, force: true });
  // Same attribution as `ciprof run`, set up per run: its records are per checkout.
  const { attribution } = setupAttribution(opts.command, { env: opts.env, cwd: t.cwd, repoRoot: t.repoRoot, warn: opts.warn });
  const res = await profileCommand({
    command: opts.command,
    attribution,
    outDir: runDir,
    intervalUs: opts.intervalUs,
    ci: t.ci,
    repoRoot: t.repoRoot,
    env: opts.env,
    cwd: t.cwd,
    warn: opts.warn,
  });
  const record: RunRecord = { side: t.side, index: t.index, exitCode: res.exitCode, wallMs: res.summary?.wallMs };
  if (res.profilePath) {
    const file = path.join(opts.outDir, `${t.side}-${t.index}.pb.gz`);
    try {
      renameSync(res.profilePath, file);
      record.profile = file;
    } catch (err) {
      opts.warn(`${t.side} run ${t.index}: profile not kept: ${(err as Error).message}`);
    }
  }
  return record;
}

/** compare.json: the runs, their exit codes and how the diff was computed. */
function writeSummary(opts: CompareOptions, result: CompareResult, install: string): void {
  try {
    const summary = {
      base: { ref: opts.base, commit: result.baseCommit },
      head: { commit: result.headCommit, tree: 'working tree' },
      command: opts.command,
      runsPerSide: opts.runs,
      install,
      method: RUNS_DIFF_METHOD,
      runs: result.runs.map((r) => ({ ...r, profile: r.profile && path.basename(r.profile) })),
      failed: result.failed ? { side: result.failed.side, index: result.failed.index, exitCode: result.failed.exitCode } : undefined,
      verdict: result.report?.diff?.verdict,
    };
    writeFileSync(path.join(opts.outDir, 'compare.json'), `${JSON.stringify(summary, null, 2)}\n`);
  } catch (err) {
    opts.warn(`compare.json not written: ${(err as Error).message}`);
  }
}
