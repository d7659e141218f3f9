/**
 * The `run` pipeline: run the command under the agent, gather, label, write, store.
 * The command's exit code is the result; everything after the command ran fails open:
 * a problem becomes a warning line and the exit code is untouched.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { contextMeta, type CiContext } from '../ci/context.js';
import { environmentFingerprint } from '../diff/environment.js';
import { encodePprofGzip } from '../profile/gzip.js';
import type { Profile } from '../profile/model.js';
import { testWallsMeta, type TestStat, type TestWall } from '../profile/tests.js';
import { LocalStore } from '../store/local.js';
import { VERSION } from '../version.js';
import { agentPath } from './agent-path.js';
import { gatherRawProfiles, type GatherOptions } from './gather.js';
import { withPreload } from './node-options.js';
import { settleRawDir } from './settle.js';
import { runCommand } from './spawn.js';
import { summarize, type RunSummary } from './summary.js';

export interface ProfileCommandOptions {
  command: string[];
  outDir: string;
  intervalUs: number;
  ci: CiContext;
  repoRoot: string;
  /** Local store root; undefined disables storing. */
  storeDir?: string;
  keepRaw?: boolean;
  /** Also write the self-contained HTML report (report.html) beside the profile. */
  report?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  warn: (line: string) => void;
  /** Extra environment and labeling for per-test attribution. */
  attribution?: {
    env: NodeJS.ProcessEnv;
    labelerFor: GatherOptions['labelerFor'];
    finish?: () => void;
    /** The command with the runner's hook added (mocha's --require); defaults to `command`. */
    command?: string[];
    /** Reads the hooks' records from the raw directory before gathering. */
    prepare?: (rawDir: string) => void;
    /** Per-test table for profile.json and the summary. */
    tests?: (profile: Profile) => TestStat[];
    walls?: () => ReadonlyMap<string, TestWall> | undefined;
  };
}

export interface ProfileCommandResult {
  exitCode: number;
  summary?: RunSummary;
  profilePath?: string;
}

export async function profileCommand(opts: ProfileCommandOptions): Promise<ProfileCommandResult> {
  const baseEnv = opts.env ?? process.env;
  let rawDir: string | undefined;
  let env: NodeJS.ProcessEnv = baseEnv;
  try {
    rawDir = mkdtempSync(path.join(tmpdir(), 'ciprof-raw-'));
    env = {
      ...baseEnv,
      ...opts.attribution?.env,
      // The runner hook (if any) already sits in attribution.env's NODE_OPTIONS.
      NODE_OPTIONS: withPreload(opts.attribution?.env.NODE_OPTIONS ?? baseEnv.NODE_OPTIONS, agentPath()),
      CIPROF_RAW_DIR: rawDir,
      CIPROF_INTERVAL_US: String(opts.intervalUs),
    };
  } catch (err) {
    opts.warn(`profiling disabled: ${(err as Error).message}`);
    rawDir = undefined;
    env = baseEnv;
  }

  const result = await runCommand((rawDir && opts.attribution?.command) || opts.command, { env, cwd: opts.cwd });
  if (result.spawnError) {
    opts.warn(result.spawnError);
    return { exitCode: result.exitCode };
  }
  if (!rawDir) return { exitCode: result.exitCode };

  try {
    await settleRawDir(rawDir);
    try {
      opts.attribution?.prepare?.(rawDir);
    } catch (err) {
      opts.warn(`per-test attribution off: ${(err as Error).message}`);
    }
    const gathered = gatherRawProfiles(rawDir, { repoRoot: opts.repoRoot, labelerFor: opts.attribution?.labelerFor });
    opts.attribution?.finish?.();
    for (const w of gathered.warnings) opts.warn(w);
    const profile = gathered.profile;
    const nodeVersions = [...new Set(gathered.threads.map((t) => t.nodeVersion).filter(Boolean))];
    profile.meta = {
      ...profile.meta,
      ...contextMeta(opts.ci),
      'ciprof.version': VERSION,
      command: opts.command.join(' '),
      exit_code: String(result.exitCode),
      interval_us: String(opts.intervalUs),
      'node.version': nodeVersions.join(',') || process.version,
      processes: String(gathered.processes),
      threads: String(gathered.threads.length),
      lost_threads: String(gathered.lost.length),
      wall_ms: String(Math.round(result.wallMs)),
      ...environmentFingerprint(baseEnv),
    };
    const walls = opts.attribution?.walls?.();
    if (walls) Object.assign(profile.meta, testWallsMeta(walls));
    profile.period = opts.intervalUs * 1000;
    if (gathered.threads.length === 0) {
      opts.warn('no Node.js process wrote a profile (was the command a Node program?)');
    }
    if (gathered.lost.length) {
      opts.warn(`${gathered.lost.length} thread(s) started but were killed before writing a profile: ${gathered.lost.slice(0, 5).join(', ')}`);
    }

    mkdirSync(opts.outDir, { recursive: true });
    const gz = encodePprofGzip(profile);
    const profilePath = path.join(opts.outDir, 'profile.pb.gz');
    writeFileSync(profilePath, gz);
    const summary = summarize(profile, gathered, {
      ciprofVersion: VERSION,
      command: opts.command,
      exitCode: result.exitCode,
      wallMs: Math.round(result.wallMs),
      intervalUs: opts.intervalUs,
      warnings: gathered.warnings,
    });
    summary.profile = profilePath;
    if (opts.attribution?.tests) {
      try {
        summary.tests = opts.attribution.tests(profile);
      } catch (err) {
        opts.warn(`per-test table not computed: ${(err as Error).message}`);
      }
    }
    if (opts.storeDir && opts.ci.commit && gathered.threads.length > 0) {
      try {
        const stored = await new LocalStore(opts.storeDir).put({ jobKey: opts.ci.jobKey, commit: opts.ci.commit, branch: opts.ci.branch }, gz);
        summary.storedAs = path.relative(process.cwd(), stored.id) || stored.id;
      } catch (err) {
        opts.warn(`local store: ${(err as Error).message}`);
      }
    }
    if (opts.report) {
      try {
        // Loaded on demand: the report's page script is the largest part of the bundle.
        const { writeReport } = await import('../render/report.js');
        summary.report = writeReport(profile, undefined, { output: path.join(opts.outDir, 'report.html') }).path;
      } catch (err) {
        opts.warn(`report not written: ${(err as Error).message}`);
      }
    }
    writeFileSync(path.join(opts.outDir, 'profile.json'), `${JSON.stringify({ ...summary, threadsDetail: gathered.threads, lost: gathered.lost }, null, 2)}\n`);
    return { exitCode: result.exitCode, summary, profilePath };
  } catch (err) {
    opts.warn(`profile not written: ${(err as Error).message}`);
    return { exitCode: result.exitCode };
  } finally {
    if (!opts.keepRaw) rmSync(rawDir, { recursive: true, force: true });
    else opts.warn(`raw V8 profiles kept in ${rawDir}`);
  }
}
