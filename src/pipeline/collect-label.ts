/**
 * Stage 1, after the command: the gathered profile with the run's metadata, its summary
 * and the per-test table, encoded once as gzipped pprof. Apart from collect.ts so that
 * this code (and zlib, crypto) loads while the command runs, not before it starts.
 */
import { contextMeta } from '../ci/context.js';
import type { Attribution } from '../collect/attribution.js';
import type { ThreadRecord } from '../collect/gather.js';
import type { ProfiledRun } from '../collect/profile-command.js';
import { nodeOptionsOverride, overrideWarning } from '../collect/node-options-override.js';
import { redactCommand } from '../collect/redact.js';
import { summarize, type RunSummary } from '../collect/summary.js';
import { environmentFingerprint } from '../diff/environment.js';
import { encodePprofGzip } from '../profile/gzip.js';
import type { Profile } from '../profile/model.js';
import { testWallsMeta, type TestWall } from '../profile/tests.js';
import { VERSION } from '../version.js';
import type { Log, Settings } from './settings.js';

/** What collect returns besides the exit code and wall time (see Collected). */
export interface LabelledRun {
  profile: Profile;
  pprofGzip: Buffer;
  summary: RunSummary;
  threads: ThreadRecord[];
  lost: string[];
  walls?: ReadonlyMap<string, TestWall>;
}

/** See CollectOptions.labelled. */
export type Labelled = (profile: Profile, walls: ReadonlyMap<string, TestWall> | undefined) => void;

/** The gathered profile with the run's metadata, its summary and the per-test table. */
export function labelRun(s: Settings, command: string[], run: ProfiledRun, env: NodeJS.ProcessEnv, attribution: Attribution | undefined, log: Log, labelled?: Labelled): LabelledRun {
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
  if (gathered.threads.length === 0) log.warn("no Node.js process wrote a profile (was the command a Node program? Under Node's --permission it needs --allow-inspector and --allow-fs-write for the temp directory)");
  // Nothing profiled, or no test seen: a command that replaces NODE_OPTIONS is the likely cause, and can be named.
  if (gathered.threads.length === 0 || !walls || walls.size === 0) {
    const where = nodeOptionsOverride(command, s.cwd);
    if (where) log.warn(overrideWarning(where));
  }
  // Killed by SIGKILL (pools, tests that kill their children), by a SIGINT or SIGHUP from
  // another process that it had no handler for (the agent catches only SIGTERM, and any
  // signal a process sends itself), or crashed: nothing in-process can write then, and
  // saying so tells users this is not ciprof dropping data.
  // A worker thread is also lost when it is stopped (terminate(), its process's exit) while
  // blocked in Atomics.wait or busy in a loop: it never hears the request to write (piscina's
  // idle workers). There `node --cpu-prof`, native, still writes at the thread's teardown.
  const lostMain = gathered.lost.filter((id) => id.endsWith('-0'));
  const lostWorkers = gathered.lost.filter((id) => !id.endsWith('-0'));
  if (lostMain.length) {
    log.warn(`${lostMain.length} thread(s) ended before writing a profile (SIGKILL, an unhandled SIGINT/SIGHUP from another process, or a crash: no in-process profiler, node --cpu-prof included, can write those): ${lostMain.slice(0, 5).join(', ')}`);
  }
  if (lostWorkers.length) {
    log.warn(`${lostWorkers.length} worker thread(s) ended before writing a profile (stopped by terminate() or their process's exit while blocked in Atomics.wait or busy in a loop, they never heard the request to write it, which node --cpu-prof, native, does not need; or killed with their process): ${lostWorkers.slice(0, 5).join(', ')}`);
  }

  try {
    labelled?.(profile, walls);
  } catch {
    // the report is then rendered after, on this thread
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
  return { profile, pprofGzip, summary, threads, lost: gathered.lost, walls };
}
