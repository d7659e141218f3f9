/**
 * Runs the test command with the agent preloaded in every Node process, waits for the
 * profiles, and gathers them into one labelled profile in memory. Nothing here writes
 * outside its temporary raw directory: storing and rendering are later stages
 * (pipeline/). The command's exit code is the result; a profiling problem is a warning.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inRawDir, OUTER_NODE_TEST_CONTEXT } from '../agent/protocol.js';
import { pathThroughRawDir, RAW_DIR_PREFIX, RUN_ENV_FILE, RUN_ENV_KEYS } from '../agent/run-env.js';
import type { Profile } from '../profile/model.js';
import type { TestStat, TestWall } from '../profile/tests.js';
import { npmNodeOptionsEnv } from './npm-node-options.js';
import { preloadFiles } from './preload-files.js';
import { EarlyGather } from './early-gather.js';
import type { GatherOptions, GatherResult, RawGatherer } from './gather.js';
import { withPreload } from './node-options.js';
import { removeRawDirInBackground } from './remove-raw-dir.js';
import { settleRawDir } from './settle.js';
import { runCommand } from './spawn.js';

/** Extra environment and labelling for per-test attribution (collect/attribution.ts). */
export interface RunAttribution {
  /** A NODE_OPTIONS value with the runner hooks' preload added. */
  addPreload: (nodeOptions: string | undefined) => string;
  /** Loads what prepare, labelerFor and tests need: called once the command has started, awaited before prepare. */
  load?: () => Promise<void>;
  labelerFor: GatherOptions['labelerFor'];
  finish?: () => void;
  /** The command with the runner's hook added (mocha's --require); defaults to `command`. */
  command?: string[];
  /** Reads one thread's records ("<pid>-<tid>") while the command runs, once its profile is written. */
  prefetch?: (rawDir: string, threadKey: string) => void;
  /** Reads the hooks' records from the raw directory before gathering. */
  prepare?: (rawDir: string, repoRoot: string) => void;
  /** Per-test table for profile.json and the summary. */
  tests?: (profile: Profile) => TestStat[];
  walls?: () => ReadonlyMap<string, TestWall> | undefined;
}

export interface ProfiledRunOptions {
  command: string[];
  /** The environment the command gets (already without ciprof's own secrets). */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  intervalUs: number;
  /** A function when it is still to be found (git) as the command starts: called once the command has ended. */
  repoRoot: string | (() => Promise<string>);
  keepRaw?: boolean;
  /** false: run the command plainly (nowhere to write a profile). */
  profile?: boolean;
  attribution?: RunAttribution;
  warn: (line: string) => void;
  /** Where the command's stdout goes (spawn.ts): 'stderr' under `--json`. */
  stdout?: 'inherit' | 'stderr';
  /** Called once the command has ended, before anything is read (pipeline/warmup.ts stops then). */
  onCommandEnd?: () => void;
}

export interface ProfiledRun {
  exitCode: number;
  wallMs: number;
  /** Absent when the command could not start or profiling was off or failed. */
  gathered?: GatherResult;
}

export async function runProfiled(opts: ProfiledRunOptions): Promise<ProfiledRun> {
  let rawDir: string | undefined;
  let env: NodeJS.ProcessEnv = opts.env;
  if (opts.profile !== false) {
    try {
      const preloads = preloadFiles();
      if (preloads.warning) opts.warn(preloads.warning);
      rawDir = mkdtempSync(path.join(tmpdir(), RAW_DIR_PREFIX));
      // The agent's path goes through the raw directory, for task runners that keep
      // NODE_OPTIONS but drop CIPROF_* (turbo): see agent/run-env.ts.
      const agent = pathThroughRawDir(rawDir, preloads.agent);
      const addPreloads = (nodeOptions: string | undefined): string => withPreload(opts.attribution ? opts.attribution.addPreload(nodeOptions) : nodeOptions, agent);
      // npm's node-options would replace NODE_OPTIONS for its scripts: it gets them too.
      const npm = npmNodeOptionsEnv(opts.cwd ?? process.cwd(), opts.env, addPreloads);
      env = {
        ...opts.env,
        NODE_OPTIONS: addPreloads(opts.env.NODE_OPTIONS),
        ...npm.set,
        CIPROF_RAW_DIR: rawDir,
        CIPROF_INTERVAL_US: String(opts.intervalUs),
      };
      for (const key of npm.unset) delete env[key];
      const runEnv = Object.fromEntries(RUN_ENV_KEYS.filter((key) => env[key] !== undefined).map((key) => [key, env[key]]));
      writeFileSync(inRawDir(rawDir, RUN_ENV_FILE), JSON.stringify(runEnv));
      if (opts.env.NODE_TEST_CONTEXT) writeFileSync(path.join(rawDir, OUTER_NODE_TEST_CONTEXT), '');
    } catch (err) {
      opts.warn(`profiling disabled: ${(err as Error).message}`);
      rawDir = undefined;
    }
  }

  const running = runCommand((rawDir && opts.attribution?.command) || opts.command, { env, cwd: opts.cwd, stdout: opts.stdout });
  // The gathering code (V8 import, source maps) and the per-test records' code load while the
  // command runs, not before it starts.
  const gatherModule = rawDir ? import('./gather.js') : undefined;
  gatherModule?.catch(() => undefined);
  const attributionLoaded = rawDir ? opts.attribution?.load?.() : undefined;
  const repoRoot = (): Promise<string> => (typeof opts.repoRoot === 'string' ? Promise.resolve(opts.repoRoot) : opts.repoRoot());
  const gatherOptions = async (): Promise<GatherOptions> => ({ repoRoot: await repoRoot(), labelerFor: opts.attribution?.labelerFor });
  const gatherer = rawDir ? Promise.all([gatherModule!, gatherOptions()]).then(([m, o]) => new m.RawGatherer(rawDir!, o)) : undefined;
  // A thread's records are read beside its profile: the agent writes them first.
  const early = rawDir ? new EarlyGather(rawDir, gatherer!, (threadKey) => opts.attribution?.prefetch?.(rawDir!, threadKey)) : undefined;
  const result = await running;
  try {
    opts.onCommandEnd?.();
  } catch {
    // the caller's hook never costs the profile
  }
  if (result.spawnError) opts.warn(result.spawnError);
  if (result.spawnError || !rawDir) {
    early?.finish();
    if (rawDir) rmSync(rawDir, { recursive: true, force: true });
    return { exitCode: result.exitCode, wallMs: result.wallMs };
  }

  try {
    await settleRawDir(rawDir);
    const options = await gatherOptions();
    await attributionLoaded;
    try {
      opts.attribution?.prepare?.(rawDir, options.repoRoot);
    } catch (err) {
      opts.warn(`per-test attribution off: ${(err as Error).message}`);
    }
    const gathered = gatherProfiles(await gatherModule!, rawDir, options, early?.finish());
    opts.attribution?.finish?.();
    return { exitCode: result.exitCode, wallMs: result.wallMs, gathered };
  } catch (err) {
    opts.warn(`profile not written: ${(err as Error).message}`);
    return { exitCode: result.exitCode, wallMs: result.wallMs };
  } finally {
    if (!opts.keepRaw) removeRawDirInBackground(rawDir, opts.warn);
    else opts.warn(`raw V8 profiles kept in ${rawDir}`);
  }
}

/** What was read ahead, completed; or, when that fails, everything read now (the same profile). */
function gatherProfiles(gather: typeof import('./gather.js'), rawDir: string, options: GatherOptions, early: RawGatherer | undefined): GatherResult {
  if (early) {
    try {
      return early.gather();
    } catch {
      // a fault in reading ahead: the plain path below
    }
  }
  return gather.gatherRawProfiles(rawDir, options);
}
