/**
 * JIT warm-up of the work `ciprof run` does after the test command, done while the
 * command runs (the CLI only waits then).
 *
 * Why: on a one-process suite the after-command work is short and nearly all cold code.
 * Measured by the lead (Node 24, mocha, 1,500 tests, a 634 kB .cpuprofile): read + scan +
 * label + per-test table + encode + report in one process, five times over the same raw
 * directory: 237, 169, 115, 71, 75 ms. The first pass is the one `ciprof run` pays; the
 * later ones are the same work on code V8 has compiled and optimized. So this runs the
 * same functions (RawGatherer, readTestRecords, makeLabelerFor, testWalls, testStats,
 * summarize, encodePprofGzip, renderReport, profile.json's JSON) on a small synthetic
 * input (pipeline/warmup-input.ts: the agent's and hooks' exact file layout, so the
 * optimized code sees the real shapes) in a private temp directory.
 *
 * Measured (2026-11-26, 2-core VM at load 3-4 from other work, so wide intervals): the
 * after-command pipeline alone, in one process, on the real 593 kB profile of that suite,
 * CPU medians of 12 runs: Node 24 440 -> 316 ms, Node 22 407 -> 347 ms after this
 * warm-up, which itself costs ~290-300 ms of CPU (2 passes; 1 pass saved little, 3 no
 * more than 2). `ciprof run` forced on (CIPROF_WARMUP=1) vs off, 9 interleaved runs: time
 * outside the command x0.84 on Node 24, x1.02 on Node 22, and +13% CPU of the whole tree,
 * which on that saturated machine also slowed the command; hence the idle-core rule below
 * (bench/results/warmup.md).
 *
 * Rules it keeps: it starts only once the command has run DELAY_MS (short commands pay
 * nothing); it runs in slices, one stage per turn of the event loop, and stops at the
 * first slice boundary after stop() (the command ended); it writes nothing to the
 * command's stdout/stderr, the user's project or --out; every error is swallowed; it
 * runs only when the machine has an idle core (MIN_IDLE_CORES).
 *
 * Off by default since 2026-11-27: it shortened the time outside the command but
 * lengthened the command by more, so the run's wall time grew (warmup-switch.ts has the
 * numbers). CIPROF_WARMUP=auto runs it under the rules above, =1 whatever the load (for
 * measuring).
 */
import { appendFileSync, mkdtempSync, rm } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { writeWarmUpInput, type WarmUpInputSize } from './warmup-input.js';
import { warmUpEnabled } from './warmup-switch.js';

/** How long the command must have run before the warm-up starts. */
export const DELAY_MS = 400;
/**
 * The synthetic input and how many passes over it. Passes after the first run on warmer
 * code and cost less; sized by measurement (bench/warmup.mjs, and the numbers above).
 */
export const SIZE: WarmUpInputSize = { files: 6, testsPerFile: 40, nodes: 1200, samples: 900 };
export const ROUNDS = 2;

export type WarmUpEvent = 'start' | `stage:${string}` | 'stopped' | 'done' | 'error' | 'busy';

export interface WarmUpOptions {
  delayMs?: number;
  rounds?: number;
  size?: WarmUpInputSize;
  /** Also warm report.html's rendering (off under --no-report). */
  report?: boolean;
  /** The environment that decides CIPROF_WARMUP (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Each step, in order (tests). */
  onEvent?: (event: WarmUpEvent, detail?: string) => void;
  /** For tests: throws inside a stage to show an error is swallowed. */
  faultAt?: string;
  /** Idle cores since the previous call (default: idleCoresMeter(), started at scheduling). */
  idleCores?: () => number;
}

export interface WarmUp {
  /** The command has ended: no stage starts after this call. */
  stop(): void;
  /** Resolves (never rejects) when the warm-up has stopped, finished or failed, and cleaned up. */
  readonly finished: Promise<void>;
}

/**
 * For the tests of `ciprof run` as a process: CIPROF_WARMUP_TRACE=<file> appends each
 * event as a line to that file (never stdout/stderr); CIPROF_WARMUP_FAULT=<stage> throws
 * in that stage.
 */
export function warmUpTestHooks(env: NodeJS.ProcessEnv): Pick<WarmUpOptions, 'onEvent' | 'faultAt'> {
  const trace = env.CIPROF_WARMUP_TRACE;
  return {
    onEvent: trace ? (e, detail) => appendFileSync(trace, `${e}${detail ? ` ${detail}` : ''}\n`) : undefined,
    faultAt: env.CIPROF_WARMUP_FAULT || undefined,
  };
}

export { warmUpEnabled } from './warmup-switch.js';

/**
 * The warm-up is for a machine with a core to spare (a one-process suite on a 2+ core
 * runner): its CPU is then free. On a busy machine (a multi-process suite filling the
 * cores, neighbours) it would take CPU from the tests themselves, so it runs only when the
 * machine's idle time since the previous look was at least MIN_IDLE_CORES cores' worth.
 * Measured on a machine at load 4 on 2 cores: the warm-up's ~300 ms of CPU then showed in
 * the command's wall. Half a core: a one-process mocha suite on this quiet 2-core VM leaves
 * 0.72-0.85 of a core idle by this meter (sampled every 400 ms), so 0.8 let it run in no
 * round. CIPROF_WARMUP=1 runs it whatever the load (tests, measuring).
 */
export const MIN_IDLE_CORES = 0.5;

/**
 * Cores left idle between two calls, counting this process's own CPU as idle (without the
 * warm-up it would be): os.cpus()' idle ticks (ms summed over cores) per wall ms, plus
 * process.cpuUsage() per wall ms.
 */
export function idleCoresMeter(): () => number {
  const read = (): { idleMs: number; ownMs: number; at: number } => {
    let idleMs = 0;
    for (const c of cpus()) idleMs += c.times.idle;
    const own = process.cpuUsage();
    return { idleMs, ownMs: (own.user + own.system) / 1000, at: performance.now() };
  };
  let last = read();
  return () => {
    const now = read();
    const wall = now.at - last.at;
    const idle = wall > 0 ? (now.idleMs - last.idleMs + now.ownMs - last.ownMs) / wall : 0;
    last = now;
    return idle;
  };
}

/** Schedules the warm-up DELAY_MS from now; stop() before then and nothing runs at all. */
export function scheduleWarmUp(opts: WarmUpOptions = {}): WarmUp {
  let stopped = false;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const event = (e: WarmUpEvent, detail?: string): void => {
    try {
      opts.onEvent?.(e, detail);
    } catch {
      // a listener's fault is not the warm-up's
    }
  };
  if (!warmUpEnabled(opts.env)) {
    finish();
    return { stop: () => undefined, finished };
  }
  let running: Promise<void> | undefined;
  const forced = opts.env?.CIPROF_WARMUP === '1';
  let idleCores: (() => number) | undefined;
  try {
    idleCores = forced ? () => Infinity : (opts.idleCores ?? idleCoresMeter());
  } catch {
    idleCores = undefined; // no CPU statistics: no warm-up
  }
  const spare = (): boolean => {
    try {
      return idleCores !== undefined && idleCores() >= MIN_IDLE_CORES;
    } catch {
      return false;
    }
  };
  const timer = setTimeout(() => {
    running = run(() => stopped, spare, opts, event).then(finish, finish);
  }, opts.delayMs ?? DELAY_MS);
  // Never what keeps the CLI alive.
  timer.unref();
  return {
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      // Not started: nothing to wait for.
      if (!running) finish();
    },
    finished,
  };
}

async function run(isStopped: () => boolean, spare: () => boolean, opts: WarmUpOptions, event: (e: WarmUpEvent, detail?: string) => void): Promise<void> {
  if (isStopped()) return;
  if (!spare()) {
    event('busy');
    return;
  }
  const scratch: { dir?: string } = {};
  event('start');
  try {
    if (await passes(isStopped, spare, opts, event, scratch)) event('done');
  } catch (err) {
    event('error', (err as Error).message);
  }
  if (isStopped()) event('stopped');
  // Removed on libuv's threads: never in the way of the work after the command.
  const dir = scratch.dir;
  if (dir) await new Promise<void>((r) => rm(dir, { recursive: true, force: true }, () => r()));
}

/** The passes over the synthetic input; false when stopped before the end. */
async function passes(isStopped: () => boolean, spare: () => boolean, opts: WarmUpOptions, event: (e: WarmUpEvent, detail?: string) => void, scratch: { dir?: string }): Promise<boolean> {
  // Each await is a turn of the event loop: the command's exit, a signal to forward, are
  // handled between stages, and a stop() then ends it.
  const step = async (name: string, work: () => void): Promise<boolean> => {
    await nextTurn();
    if (isStopped()) return false;
    event(`stage:${name}`);
    if (opts.faultAt === name) throw new Error(`warm-up fault injected at ${name}`);
    work();
    return true;
  };
  const [{ RawGatherer }, labeler, { testStats, testWallsMeta }, { blockedClass }, { summarize }, { encodePprofGzip }] = await Promise.all([
    import('../collect/gather.js'),
    import('../collect/test-labeler.js'),
    import('../profile/tests.js'),
    import('../profile/blocked.js'),
    import('../collect/summary.js'),
    import('../profile/gzip.js'),
  ]);
  const report = opts.report === false ? undefined : await import('../render/report.js');
  let input!: ReturnType<typeof writeWarmUpInput>;
  const made = await step('input', () => {
    scratch.dir = mkdtempSync(path.join(tmpdir(), 'ciprof-warmup-'));
    input = writeWarmUpInput(scratch.dir, opts.size ?? SIZE, Number(process.hrtime.bigint()) / 1000, process.pid);
  });
  if (!made) return false;
  const rounds = opts.rounds ?? ROUNDS;
  for (let round = 0; round < rounds; round++) {
    // The machine got busy meanwhile (the suite started more processes): no further pass.
    if (round > 0 && !spare()) {
      event('busy');
      return false;
    }
    let walls!: ReturnType<typeof labeler.testWalls>;
    let labelerFor!: ReturnType<typeof labeler.makeLabelerFor>;
    let gatherer!: InstanceType<typeof RawGatherer>;
    let gathered!: ReturnType<InstanceType<typeof RawGatherer>['gather']>;
    let summary!: ReturnType<typeof summarize>;
    const records = (): void => {
      const r = labeler.readTestRecords(input.rawDir, input.repoRoot);
      labelerFor = labeler.makeLabelerFor(r);
      walls = labeler.testWalls(r);
    };
    const scan = (): void => {
      gatherer = new RawGatherer(input.rawDir, { repoRoot: input.repoRoot, labelerFor: (info) => labelerFor(info) });
      gatherer.prefetch(input.profileName);
    };
    if (!(await step('records', records)) || !(await step('scan', scan)) || !(await step('gather', () => void (gathered = gatherer.gather())))) return false;
    const profile = gathered.profile;
    const summed = (): void => {
      Object.assign(profile.meta, testWallsMeta(walls));
      profile.period = 1e6;
      summary = summarize(profile, gathered, { ciprofVersion: '0', command: ['mocha'], exitCode: 0, wallMs: 1, intervalUs: 1000, warnings: gathered.warnings });
    };
    if (!(await step('summarize', summed)) || !(await step('tests', () => void (summary.tests = testStats(profile, { walls, blockedOf: blockedClass }))))) return false;
    if (!(await step('encode', () => void encodePprofGzip(profile)))) return false;
    if (!(await step('json', () => void JSON.stringify({ ...summary, threadsDetail: gathered.threads, lost: gathered.lost }, null, 2)))) return false;
    if (report && !(await step('report', () => void report.renderReport(profile, undefined, { headWalls: walls })))) return false;
  }
  return true;
}
