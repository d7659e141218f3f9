/**
 * `ciprof upload [file] --server <url>`: send a profile to Grafana Pyroscope.
 * Also `uploadAfterRun` for `ciprof run --upload`. Fails open: a server that cannot be
 * reached is a one-line warning and the profile stays on disk; a 4xx (wrong URL, auth,
 * rejected labels) is a one-line error naming the status and the server's message.
 */
import type { Command } from 'commander';
import { contextMeta } from '../ci/context.js';
import { detectCi } from '../ci/detect.js';
import { localGitFacts } from '../ci/git.js';
import type { Profile } from '../profile/model.js';
import { readProfileFile } from '../profile/read.js';
import { PyroscopeError } from '../pyroscope/http.js';
import { resolvePyroscopeSettings, type PyroscopeFlags, type PyroscopeSettings } from '../pyroscope/settings.js';
import { uploadProfile, type UploadResult } from '../pyroscope/upload.js';
import { EXIT_USAGE, fail, warn } from './io.js';
import { loadProfileOrFail } from './load.js';
import { addPyroscopeUploadOptions } from './pyroscope-flags.js';

export type UploadOutcome = { ok: true; result: UploadResult } | { ok: false; transient: boolean; message: string };

/** Uploads and never throws: the caller decides what a failure means for its exit code. */
export async function uploadWithOutcome(profile: Profile, settings: PyroscopeSettings, file: string): Promise<UploadOutcome> {
  try {
    const result = await uploadProfile(profile, { ...settings, onRetry: () => undefined });
    return { ok: true, result };
  } catch (err) {
    const transient = err instanceof PyroscopeError ? err.transient : true;
    const msg = (err as Error).message;
    return {
      ok: false,
      transient,
      message: transient ? `Pyroscope upload failed, profile kept in ${file}: ${msg}` : `Pyroscope rejected the upload: ${msg}`,
    };
  }
}

/** Fills metadata the file lacks (an older profile, a profile from elsewhere) from this checkout's CI facts. */
function withContextMeta(profile: Profile, cwd: string): { profile: Profile; repository?: string; repoRoot?: string } {
  const git = localGitFacts(cwd);
  const ci = detectCi(process.env, { git });
  profile.meta = { ...contextMeta(ci), ...profile.meta };
  return { profile, repository: profile.meta.repository ?? ci.repository, repoRoot: git.root };
}

function describe(r: UploadResult, settings: PyroscopeSettings): string {
  const commit = r.labels.find((l) => l.name === 'commit')?.value;
  return `uploaded to ${settings.server} (${r.protocol}, app ${settings.app}${commit ? `, commit ${commit.slice(0, 12)}` : ''}, ${r.bytes} bytes)`;
}

export function registerUpload(program: Command): void {
  const cmd = program
    .command('upload')
    .description('send a profile to Grafana Pyroscope (push API or legacy /ingest)')
    .argument('[file]', 'profile to upload', '.ciprof/profile.pb.gz')
    .option('--json', 'print the result as JSON on stdout')
    .option('--strict', 'exit 1 when the upload fails (default: warn and exit 0, like run --upload)');
  addPyroscopeUploadOptions(cmd).action(async (file: string, flags: PyroscopeFlags & { json?: boolean; strict?: boolean }) => {
    const loaded = withContextMeta(loadProfileOrFail(file), process.cwd());
    let settings: PyroscopeSettings;
    try {
      settings = resolvePyroscopeSettings(flags, { repository: loaded.repository, repoRoot: loaded.repoRoot, warn });
    } catch (err) {
      fail((err as Error).message, EXIT_USAGE);
    }
    const outcome = await uploadWithOutcome(loaded.profile, settings, file);
    if (outcome.ok) {
      process.stderr.write(`ciprof: ${describe(outcome.result, settings)}\n`);
      if (flags.json) process.stdout.write(`${JSON.stringify({ server: settings.server, app: settings.app, ...outcome.result }, null, 2)}\n`);
      return;
    }
    if (outcome.transient && !flags.strict) {
      warn(outcome.message);
      return;
    }
    fail(outcome.message);
  });
}

/**
 * After `run` wrote its profile: upload it, warn on failure, never touch the exit code
 * (the caller ignores what this returns and nothing here throws).
 */
export async function uploadAfterRun(file: string, settings: PyroscopeSettings): Promise<void> {
  let profile: Profile;
  try {
    profile = readProfileFile(file);
  } catch (err) {
    warn(`Pyroscope upload skipped: ${(err as Error).message}`);
    return;
  }
  const outcome = await uploadWithOutcome(profile, settings, file);
  if (outcome.ok) process.stderr.write(`ciprof: ${describe(outcome.result, settings)}\n`);
  else if (outcome.transient) warn(outcome.message);
  else process.stderr.write(`ciprof: error: ${outcome.message}\n`);
}
