/**
 * Stage 1: run the test command profiled and return the merged, labelled profile in
 * memory with its run summary. The command gets the user's environment minus ciprof's
 * own secrets; the command line is recorded with inline secrets redacted. Nothing is
 * written here (outputs.ts and store.ts do that), and nothing here changes the exit code.
 */
import { setupAttribution } from '../collect/attribution.js';
import { testCommandEnv } from '../collect/child-env.js';
import type { ThreadRecord } from '../collect/gather.js';
import { runProfiled } from '../collect/profile-command.js';
import type { RunSummary } from '../collect/summary.js';
import type { Profile } from '../profile/model.js';
import type { TestWall } from '../profile/tests.js';
import type { Labelled } from './collect-label.js';
import type { CommandSettings } from './command-settings.js';
import type { Log, Settings } from './settings.js';
import type { WarmUp } from './warmup.js';
import { warmUpEnabled } from './warmup-switch.js';


export interface CollectOptions {
  command: string[];
  keepRaw?: boolean;
  /** No notice line when per-test attribution is off (`-q`, compare's many runs). */
  quiet?: boolean;
  /** false: run the command without profiling (nowhere to write the profile). */
  profile?: boolean;
  /** 'stderr' when ciprof's stdout must carry JSON only. */
  commandStdout?: 'inherit' | 'stderr';
  /** Called with the complete profile (metadata set) before it is encoded: report.html renders from it meanwhile. */
  labelled?: Labelled;
  /**
   * Warm the after-command code up while the command runs (pipeline/warmup.ts); `report`:
   * report.html will be rendered. Off unless asked (compare's runs warm each other).
   */
  warmUp?: { report: boolean };
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
  /** Every recorded test's wall and CPU clock, as the profile's metadata has them (per-test attribution). */
  walls?: ReadonlyMap<string, TestWall>;
}

export function collect(s: Settings, opts: CollectOptions, log: Log): Promise<Collected> {
  return collectWhileResolving(s, () => Promise.resolve(s), opts, log);
}

/**
 * collect, with the command started from `start` alone and the rest of the settings (git
 * facts, CI context) resolved by `resolve`, called once the command has started: even
 * starting git's processes costs milliseconds. Settings that fail to resolve cost the
 * profile (warned), never the command's exit code.
 */
export async function collectWhileResolving(start: CommandSettings, resolve: () => Promise<Settings>, opts: CollectOptions, log: Log): Promise<Collected> {
  const env = testCommandEnv(start.env);
  const warn = (line: string): void => log.warn(line);
  let settings: Promise<Settings> | undefined;
  const resolved = (): Promise<Settings> => (settings ??= resolve());
  // Per-test attribution: recognise the runner and add its hook; otherwise one notice.
  const { attribution, notice } = opts.profile === false ? {} : setupAttribution(opts.command, { env, cwd: start.cwd, warn });
  if (notice && !opts.quiet) log.info(notice);
  const warmUp = opts.warmUp && opts.profile !== false ? new WarmUpHandle(opts.warmUp.report, start.env) : undefined;
  const running = runProfiled({ command: opts.command, env, cwd: start.cwd, intervalUs: start.intervalUs, repoRoot: async () => (await resolved()).repoRoot, keepRaw: opts.keepRaw, profile: opts.profile, attribution, warn, stdout: opts.commandStdout, onCommandEnd: () => warmUp?.stop() });
  warmUp?.start();
  resolved().catch(() => undefined); // git starts now; awaited once the command has ended
  // The command has started: the labelling code loads while it runs.
  const labelling = opts.profile === false ? undefined : import('./collect-label.js');
  labelling?.catch(() => undefined);
  const run = await running;
  const done: Collected = { exitCode: run.exitCode, wallMs: run.wallMs, threads: [], lost: [] };
  if (!run.gathered) return done;
  try {
    const [{ labelRun }, s] = await Promise.all([labelling!, resolved()]);
    return { ...done, ...labelRun(s, opts.command, run, env, attribution, log, opts.labelled) };
  } catch (err) {
    log.warn(`profile not written: ${(err as Error).message}`);
    return done;
  }
}

/**
 * The warm-up's module loads once the command has started (like the labelling code), and
 * schedules itself from there; stop() at the command's end, loaded or not.
 */
class WarmUpHandle {
  private stopped = false;
  private warmUp: WarmUp | undefined;

  constructor(
    private readonly report: boolean,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    if (!warmUpEnabled(this.env)) return;
    import('./warmup.js').then(
      (m) => {
        if (!this.stopped) this.warmUp = m.scheduleWarmUp({ report: this.report, env: this.env, ...m.warmUpTestHooks(this.env) });
      },
      () => undefined,
    );
  }

  stop(): void {
    this.stopped = true;
    this.warmUp?.stop();
  }
}
