/**
 * How a profiled process finds its run. `ciprof run` gives the test command two channels:
 * environment variables (CIPROF_RAW_DIR, CIPROF_INTERVAL_US, CIPROF_ALLOC_BYTES) and
 * NODE_OPTIONS (the agent's `--require`). Task runners that hand their tasks only a list
 * of variables keep the second and drop the first: turbo's strict env mode, its default,
 * passes NODE_OPTIONS but no CIPROF_*, so every process under `turbo run test` loaded the
 * agent and stayed unprofiled.
 *
 * So the agent's `--require` path carries the raw directory as a detour,
 * `<rawDir>/../../<agent path>`: Node resolves a `--require` path lexically, without
 * looking at the directories it walks back out of, so the require still works once the
 * raw directory is gone (a process that outlives the run). The other settings sit in
 * `<rawDir>/run-env.json`. A process whose CIPROF_RAW_DIR is missing, but whose
 * NODE_OPTIONS carries a raw directory that still holds that file, gets the settings back
 * into its environment, as it would have had them; anywhere else nothing is read.
 */
import { readFileSync } from 'node:fs';
import { ALLOC_ENV, inRawDir } from './protocol.js';

export const RAW_DIR_ENV = 'CIPROF_RAW_DIR';
export const INTERVAL_ENV = 'CIPROF_INTERVAL_US';
/** Written by `ciprof run` into the raw directory: the settings besides the directory itself. */
export const RUN_ENV_FILE = 'run-env.json';
/** The variables run-env.json holds (those that are set for the run). */
export const RUN_ENV_KEYS = [INTERVAL_ENV, ALLOC_ENV] as const;

/** mkdtemp's prefix for raw directories (collect/profile-command.ts). */
export const RAW_DIR_PREFIX = 'ciprof-raw-';

/**
 * `file` (absolute) reached through `rawDir` (absolute): `/tmp/ciprof-raw-x/../../work/dist/agent.cjs`.
 * POSIX paths only; elsewhere `file` as it is (the environment variable is then the only channel).
 */
export function pathThroughRawDir(rawDir: string, file: string): string {
  if (!rawDir.startsWith('/') || !file.startsWith('/')) return file;
  const depth = rawDir.split('/').filter(Boolean).length;
  return `${rawDir}${'/..'.repeat(depth)}${file}`;
}

const DETOUR = new RegExp(`(/[^\\s"]*/${RAW_DIR_PREFIX}[^\\s"/]+)(?:/\\.\\.)+/`);

/** The raw directory a NODE_OPTIONS string carries (pathThroughRawDir), if any. */
export function rawDirInNodeOptions(nodeOptions: string | undefined): string | undefined {
  return nodeOptions ? DETOUR.exec(nodeOptions)?.[1] : undefined;
}

/**
 * This process's raw directory: CIPROF_RAW_DIR, or else the one its NODE_OPTIONS carries,
 * whose settings are then put back into process.env. Undefined outside a run (or once the
 * run is over and its raw directory removed).
 */
export function runRawDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env[RAW_DIR_ENV];
  if (fromEnv) return fromEnv;
  const rawDir = rawDirInNodeOptions(env.NODE_OPTIONS);
  if (!rawDir) return undefined;
  let saved: Record<string, unknown>;
  try {
    saved = JSON.parse(readFileSync(inRawDir(rawDir, RUN_ENV_FILE), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const key of RUN_ENV_KEYS) if (typeof saved[key] === 'string' && env[key] === undefined) env[key] = saved[key];
  env[RAW_DIR_ENV] = rawDir;
  return rawDir;
}
