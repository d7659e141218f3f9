/**
 * Stage 2: keep the run's profile where later runs look for baselines (the local store,
 * the GitHub artifact store, Grafana Pyroscope), and open the store a lookup reads.
 * Fails open: a store that cannot take the profile is a warning, never an exit code.
 */
import * as path from 'node:path';
import { contextMeta } from '../ci/context.js';
import { redactText } from '../collect/redact.js';
import type { Profile } from '../profile/model.js';
import { PyroscopeError } from '../pyroscope/http.js';
import type { PyroscopeSettings } from '../pyroscope/settings.js';
import { uploadProfile, type UploadResult } from '../pyroscope/upload.js';
import { LocalStore } from '../store/local.js';
import { createPyroscopeStore } from '../store/pyroscope.js';
import type { ProfileStore } from '../store/store.js';
import type { Collected } from './collect.js';
import type { Log, Settings, StoreKind } from './settings.js';

export interface StoreRunOptions {
  /** The local store (`ciprof run` unless --no-store; the Action always). */
  local: boolean;
  /** The GitHub artifact store (the Action's upload-artifact). */
  artifact: boolean;
}

export interface StoredRun {
  /** The local store's file, relative to the current directory. */
  storedAs?: string;
}

/**
 * Whether a run may become a baseline: only when its tests passed. A failing suite's
 * profile (a crash, an early exit, a skipped half) would make every later PR look faster
 * or slower; it is kept in the output directory for a look, never stored or uploaded.
 */
export function isBaselineRun(c: Pick<Collected, 'exitCode'>): boolean {
  return c.exitCode === 0;
}

/** The one line every door prints when a failing run is not compared nor kept as a baseline. */
export function testsFailedLine(exitCode: number): string {
  return `tests failed (exit ${exitCode}): no comparison`;
}

export async function storeRun(s: Settings, c: Collected, opts: StoreRunOptions, log: Log): Promise<StoredRun> {
  const out: StoredRun = {};
  if (!c.pprofGzip || !s.ci.commit) return out;
  if (!isBaselineRun(c)) {
    log.info(`${testsFailedLine(c.exitCode)}; the profile is kept in ${path.relative(process.cwd(), s.outDir) || '.'} but not stored as a baseline`);
    return out;
  }
  const entry = { jobKey: s.ci.jobKey, commit: s.ci.commit, branch: s.ci.branch };
  if (opts.local && c.threads.length > 0) {
    try {
      const stored = await new LocalStore(s.storeDir).put(entry, c.pprofGzip);
      out.storedAs = path.relative(process.cwd(), stored.id) || stored.id;
    } catch (err) {
      log.warn(`local store: ${(err as Error).message}`);
    }
  }
  if (opts.artifact && s.ci.repository) {
    try {
      // The upload speaks the Actions runtime (its own token); the REST token is for lookups.
      const store = await githubStore(s, s.ci.repository);
      const { artifactName } = await import('../store/github-artifacts.js');
      await freeArtifactName(artifactName(entry.jobKey, entry.commit), s.env, log);
      const stored = await store.put(entry, c.pprofGzip);
      log.info(`profile uploaded as artifact ${stored.id} for ${s.ci.jobKey} @ ${s.ci.commit.slice(0, 12)}`);
    } catch (err) {
      // Outside a real runner (no ACTIONS_RUNTIME_TOKEN) or with artifacts disabled.
      log.warn(`could not upload the profile artifact: ${(err as Error).message}`);
    }
  }
  return out;
}

/**
 * "Re-run jobs" reuses the workflow run, whose artifact names are unique: the earlier
 * attempt's artifact of this name is deleted first, or the upload fails with a 409. Only
 * in a job (the Actions runtime); none of that name is the usual case and no error.
 */
export async function freeArtifactName(name: string, env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  if (!env.ACTIONS_RUNTIME_TOKEN) return;
  const { DefaultArtifactClient } = await import('@actions/artifact');
  try {
    await new DefaultArtifactClient().deleteArtifact(name);
    log.info(`replaced the artifact ${name} of an earlier attempt of this run`);
  } catch {
    // no artifact of that name in this run yet
  }
}

/**
 * The store baselines are read from. Async because the GitHub store pulls in the Actions
 * toolkit (megabytes of code): it is loaded only when asked for, so `ciprof run` and
 * local diffs start fast.
 */
export async function openStore(s: Settings, kind: StoreKind = s.store): Promise<ProfileStore> {
  if (kind === 'local') return new LocalStore(s.storeDir);
  if (kind === 'pyroscope') {
    if (!s.pyroscopeQuery) throw new Error('the pyroscope store needs --server (or CIPROF_PYROSCOPE_URL)');
    return createPyroscopeStore(s.pyroscopeQuery);
  }
  if (!s.githubToken) throw new Error('the github store needs a token (GITHUB_TOKEN or the github-token input)');
  if (!s.ci.repository) throw new Error('the github store needs the repository (GITHUB_REPOSITORY)');
  return githubStore(s, s.ci.repository);
}

async function githubStore(s: Settings, repository: string): Promise<ProfileStore> {
  const { GithubArtifactStore } = await import('../store/github-artifacts.js');
  return new GithubArtifactStore({ token: s.githubToken ?? '', repository, baseBranch: s.ci.baseBranch });
}

/** The Action's lookup store: GitHub artifacts when it can, else (and on any problem) the local store. */
export async function openStoreOrLocal(s: Settings, log: Log): Promise<ProfileStore> {
  try {
    return await openStore(s);
  } catch (err) {
    log.warn(`${(err as Error).message}; using the local store`);
    return openStore(s, 'local');
  }
}

export type UploadOutcome = { ok: true; result: UploadResult; line: string } | { ok: false; transient: boolean; message: string };

/**
 * Sends a profile to Pyroscope and never throws: the caller decides what a failure means
 * for its exit code. `where` names the profile's file for the "kept in" message.
 */
export async function uploadToPyroscope(profile: Profile, settings: PyroscopeSettings, where: string): Promise<UploadOutcome> {
  // A profile written before commands were redacted still must not carry an inline secret to the server.
  if (profile.meta.command) profile.meta = { ...profile.meta, command: redactText(profile.meta.command) };
  try {
    const result = await uploadProfile(profile, { ...settings, onRetry: () => undefined });
    return { ok: true, result, line: describeUpload(result, settings) };
  } catch (err) {
    const transient = err instanceof PyroscopeError ? err.transient : true;
    const msg = (err as Error).message;
    return { ok: false, transient, message: transient ? `Pyroscope upload failed, profile kept in ${where}: ${msg}` : `Pyroscope rejected the upload: ${msg}` };
  }
}

/** After a run whose tests passed: upload, say how it went, never touch the exit code. */
export async function uploadRun(s: Settings, c: Collected, where: string, log: Log): Promise<void> {
  if (!s.pyroscope || !c.profile) return;
  if (!isBaselineRun(c)) return void log.info(`${testsFailedLine(c.exitCode)}; not uploaded to Pyroscope`);
  const outcome = await uploadToPyroscope(c.profile, s.pyroscope, where);
  if (outcome.ok) log.info(outcome.line);
  else if (outcome.transient) log.warn(outcome.message);
  else log.info(`error: ${outcome.message}`);
}

/** Fills metadata a profile file lacks (an older profile, one from elsewhere) from this checkout's CI facts. */
export function withRunMeta(profile: Profile, s: Settings): Profile {
  profile.meta = { ...contextMeta(s.ci), ...profile.meta };
  return profile;
}

function describeUpload(r: UploadResult, settings: PyroscopeSettings): string {
  const commit = r.labels.find((l) => l.name === 'commit')?.value;
  return `uploaded to ${settings.server} (${r.protocol}, app ${settings.app}${commit ? `, commit ${commit.slice(0, 12)}` : ''}, ${r.bytes} bytes)`;
}
