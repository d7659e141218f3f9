/**
 * Stage 0: one settings object from the front door's flags or inputs and the CI
 * environment (actions/checkout's input-helper -> settings pattern). Every decision the
 * later stages share is made here once: the repository root, the CI facts and job key,
 * the store directory (for storing and for looking up), the base, tokens, thresholds and
 * Pyroscope. The doors only translate their flags into SettingsInput.
 */
import * as path from 'node:path';
import type { CiContext } from '../ci/context.js';
import { detectCi } from '../ci/detect.js';
import { localGitFacts, localGitFactsAsync, type LocalGitFacts } from '../ci/git.js';
import { commandSettings } from './command-settings.js';
import { DEFAULT_MAX_WALK } from '../baseline/resolve.js';
import { DEFAULT_THRESHOLDS, type DiffThresholds } from '../diff/function-diff.js';
import { resolvePyroscopeQuerySettings, resolvePyroscopeSettings, type PyroscopeFlags, type PyroscopeQuerySettings, type PyroscopeSettings } from '../pyroscope/settings.js';

/** Where a stage's messages go: stderr lines for the CLI, workflow commands for the Action. */
export interface Log {
  info(line: string): void;
  warn(line: string): void;
  /** A notice worth seeing in the run's annotations (the Action); info elsewhere. */
  notice(line: string): void;
}

/** Where baselines are looked up. */
export type StoreKind = 'local' | 'github' | 'pyroscope';

export interface SettingsInput {
  /** The working directory: where the command runs and relative paths start. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Overrides the job key detected from the CI environment. */
  jobKey?: string;
  /** Overrides the local store directory (`--store-dir`). */
  storeDir?: string;
  /** Output directory, relative to cwd. */
  outDir?: string;
  /** Base profile file, commit or ref; default: the PR's or upstream base branch. */
  base?: string;
  githubToken?: string;
  thresholds?: Partial<DiffThresholds>;
  maxWalk?: number;
  intervalUs?: number;
  /** 'auto': GitHub artifacts when there is a token and a repository, else local (the Action). */
  store?: StoreKind | 'auto';
  /** Keep launcher processes (npm, npx, pnpm, yarn) in the diff's rows and verdicts. */
  includeLaunchers?: boolean;
  /** Pyroscope flags or inputs; `upload` and `query` say which parts are wanted. */
  pyroscope?: { flags: PyroscopeFlags & { window?: string }; upload?: boolean; query?: boolean };
}

export interface Settings {
  cwd: string;
  /** The git checkout's root, or cwd outside git (see inGit). */
  repoRoot: string;
  inGit: boolean;
  /** The user's environment, unchanged (collect takes ciprof's own secrets out for the tests). */
  env: NodeJS.ProcessEnv;
  ci: CiContext;
  storeDir: string;
  outDir: string;
  base?: string;
  githubToken?: string;
  thresholds: DiffThresholds;
  /** Launcher processes stay in the diff (default: left out, see profile/roles.ts). */
  includeLaunchers: boolean;
  maxWalk: number;
  intervalUs: number;
  store: StoreKind;
  /** Upload settings; absent when no upload was asked for or its settings were bad (warned). */
  pyroscope?: PyroscopeSettings;
  /** Baseline query settings (`--store pyroscope`). */
  pyroscopeQuery?: PyroscopeQuerySettings;
}

/**
 * The local store directory, the one place that decides it: `--store-dir`, else
 * CIPROF_STORE_DIR, else `<repository root>/.ciprof/store`. The root, not the working
 * directory: a run in packages/x and a lookup from packages/x (or from the root) meet.
 */
export function storeDirFor(repoRoot: string, cwd: string, env: NodeJS.ProcessEnv, override?: string): string {
  return path.resolve(cwd, override ?? env.CIPROF_STORE_DIR ?? path.join(repoRoot, '.ciprof', 'store'));
}

/** The base to compare with when none is given: the PR's base branch (its merge-base), or the upstream branch locally. */
function defaultBase(ci: CiContext): string | undefined {
  if (ci.provider === 'local') return ci.baseBranch ?? ci.baseCommit;
  return (ci.baseBranch ? `origin/${ci.baseBranch}` : undefined) ?? ci.baseCommit;
}

/** Throws an Error with a one-line message on a bad setting the door cannot run without. */
export function resolveSettings(input: SettingsInput, log: Log): Settings {
  return settingsWith(input, localGitFacts(path.resolve(input.cwd)), log);
}

/**
 * resolveSettings without blocking on git: `ciprof run` starts the test command first and
 * asks git meanwhile (its few processes cost 10-20 ms of wall time before the spawn).
 */
export async function resolveSettingsAsync(input: SettingsInput, log: Log): Promise<Settings> {
  return settingsWith(input, await localGitFactsAsync(path.resolve(input.cwd)), log);
}

function settingsWith(input: SettingsInput, git: LocalGitFacts, log: Log): Settings {
  const { cwd, outDir, intervalUs } = commandSettings(input);
  const ci = detectCi(input.jobKey ? { ...input.env, CIPROF_JOB_KEY: input.jobKey } : input.env, { git, cwd });
  const repoRoot = git.root ?? cwd;
  const githubToken = input.githubToken || input.env.CIPROF_GITHUB_TOKEN || input.env.GITHUB_TOKEN || undefined;
  const settings: Settings = {
    cwd,
    repoRoot,
    inGit: git.root !== undefined,
    env: input.env,
    ci,
    storeDir: storeDirFor(repoRoot, cwd, input.env, input.storeDir),
    outDir,
    base: input.base || defaultBase(ci),
    githubToken,
    thresholds: { ...DEFAULT_THRESHOLDS, ...input.thresholds },
    includeLaunchers: input.includeLaunchers ?? false,
    maxWalk: input.maxWalk ?? DEFAULT_MAX_WALK,
    intervalUs,
    store: input.store === 'auto' ? (githubToken && ci.repository ? 'github' : 'local') : (input.store ?? 'local'),
  };
  const pyro = input.pyroscope;
  if (pyro) {
    if (pyro.upload) {
      // Checked before the tests run so a typo is seen early; a bad setting only skips the upload.
      try {
        settings.pyroscope = pyroscopeUploadSettings(pyro.flags, settings, log);
      } catch (err) {
        log.warn(`Pyroscope upload disabled: ${(err as Error).message}`);
      }
    }
    if (pyro.query) settings.pyroscopeQuery = resolvePyroscopeQuerySettings(pyro.flags, { repository: ci.repository, repoRoot, env: input.env, warn: (l) => log.warn(l) });
  }
  return settings;
}

/**
 * Upload settings from Pyroscope flags or inputs; throws on a bad one. `repository` names
 * the default application (a profile file's own repository, for `ciprof upload`).
 */
export function pyroscopeUploadSettings(flags: PyroscopeFlags, s: Settings, log: Log, repository = s.ci.repository): PyroscopeSettings {
  return resolvePyroscopeSettings(flags, { repository, repoRoot: s.repoRoot, env: s.env, warn: (l) => log.warn(l) });
}
