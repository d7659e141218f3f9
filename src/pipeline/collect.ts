/**
 * Stage 1: run the test command profiled and return the merged, labelled profile in
 * memory with its run summary. The command gets the user's environment minus ciprof's
 * own secrets; the command line is recorded with inline secrets redacted. Nothing is
 * written here (outputs.ts and store.ts do that), and nothing here changes the exit code.
 */
import { contextMeta } from '../ci/context.js';
import { setupAttribution } from '../collect/attribution.js';
import { testCommandEnv } from '../collect/child-env.js';
import type { ThreadRecord } from '../collect/gather.js';
import { runProfiled, type ProfiledRun } from '../collect/profile-command.js';
import { redactCommand } from '../collect/redact.js';
import { summarize, type RunSummary } from '../collect/summary.js';
import { environmentFingerprint } from '../diff/environment.js';
import { encodePprofGzip } from '../profile/gzip.js';
import type { Profile } from '../profile/model.js';
import { testWallsMeta } from '../profile/tests.js';
import { VERSION } from '../version.js';
import type { Log, Settings } from './settings.js';

export interface CollectOptions {
  command: string[];
  keepRaw?: boolean;
  /** No notice line when per-test attribution is off (`-q`, compare's many runs). */
  quiet?: boolean;
  /** false: run the command without profiling (nowhere to write the profile). */
  profile?: boolean;
  /** 'stderr' when ciprof's stdout must carry JSON only. */
  commandStdout?: 'inherit' | 'stderr';
}

export interface Collected {
  exitCode: number;
  wallMs: number;
  /** Absent when the command did not start or profiling was off or failed. */
  profile?: Profile;
  /** The profile as gzipped pprof, encoded once for the files and the stores. */
  pprofGzip?: Buffer;
  summary?: RunSummary;
  /** Per-thread detail for profile.json (argv redacted). */
  threads: ThreadRecord[];
  lost: string[];
}

export async function collect(s: Settings, opts: CollectOptions, log: Log): Promise<Collected> {
  const env = testCommandEnv(s.env);
  const warn = (line: string): void => log.warn(line);
  // Per-test attribution: recognise the runner and add its hook; otherwise one notice.
  const { attribution, notice } = opts.profile === false ? {} : setupAttribution(opts.command, { env, cwd: s.cwd, repoRoot: s.repoRoot, warn });
  if (notice && !opts.quiet) log.info(notice);
  const run = await runProfiled({ command: opts.command, env, cwd: s.cwd, intervalUs: s.intervalUs, repoRoot: s.repoRoot, keepRaw: opts.keepRaw, profile: opts.profile, attribution, warn, stdout: opts.commandStdout });
  const done: Collected = { exitCode: run.exitCode, wallMs: run.wallMs, threads: [], lost: [] };
  if (!run.gathered) return done;
  try {
    return { ...done, ...labelRun(s, opts.command, run, env, attribution, log) };
  } catch (err) {
    log.warn(`profile not written: ${(err as Error).message}`);
    return done;
  }
}

type Attribution = ReturnType<typeof setupAttribution>['attribution'];

/** The gathered profile with the run's metadata, its summary and the per-test table. */
function labelRun(s: Settings, command: string[], run: ProfiledRun, env: NodeJS.ProcessEnv, attribution: Attribution, log: Log): Omit<Collected, 'exitCode' | 'wallMs'> {
  const gathered = run.gathered!;
  for (const w of gathered.warnings) log.warn(w);
  const recorded = redactCommand(command);
  const profile = gathered.profile;
  const nodeVersions = [...new Set(gathered.threads.map((t) => t.nodeVersion).filter(Boolean))];
  profile.meta = {
    ...profile.meta, // what gathering found (source maps)
    ...contextMeta(s.ci),
    'ciprof.version': VERSION,
    command: recorded.join(' '),
    exit_code: String(run.exitCode),
    interval_us: String(s.intervalUs),
    'node.version': nodeVersions.join(',') || process.version,
    processes: String(gathered.processes),
    threads: String(gathered.threads.length),
    lost_threads: String(gathered.lost.length),
    wall_ms: String(Math.round(run.wallMs)),
    ...environmentFingerprint(s.env),
  };
  const walls = attribution?.walls();
  if (walls) Object.assign(profile.meta, testWallsMeta(walls));
  profile.period = s.intervalUs * 1000;
  if (gathered.threads.length === 0) log.warn('no Node.js process wrote a profile (was the command a Node program?)');
  // Killed by SIGKILL (pools, tests that kill their children) or crashed: nothing in-process
  // can write then, and saying so tells users this is not ciprof dropping data.
  if (gathered.lost.length) {
    log.warn(`${gathered.lost.length} thread(s) ended before writing a profile (SIGKILL or a crash: no in-process profiler, node --cpu-prof included, can write those): ${gathered.lost.slice(0, 5).join(', ')}`);
  }

  const pprofGzip = encodePprofGzip(profile);
  const summary = summarize(profile, gathered, {
    ciprofVersion: VERSION,
    command: recorded,
    exitCode: run.exitCode,
    wallMs: Math.round(run.wallMs),
    intervalUs: s.intervalUs,
    warnings: gathered.warnings,
  });
  if (attribution) {
    try {
      summary.tests = attribution.tests(profile);
    } catch (err) {
      log.warn(`per-test table not computed: ${(err as Error).message}`);
    }
  }
  const threads = gathered.threads.map((t) => ({ ...t, argv: redactCommand(t.argv) }));
  return { profile, pprofGzip, summary, threads, lost: gathered.lost };
}
