/**
 * `ciprof upload [file] --server <url>`: send a profile to Grafana Pyroscope. Fails open:
 * a server that cannot be reached is a one-line warning and the profile stays on disk; a
 * 4xx (wrong URL, auth, rejected labels) is a one-line error naming the status and the
 * server's message.
 */
import type { Command } from 'commander';
import { pyroscopeUploadSettings, resolveSettings } from '../pipeline/settings.js';
import { uploadToPyroscope, withRunMeta } from '../pipeline/store.js';
import type { PyroscopeFlags, PyroscopeSettings } from '../pyroscope/settings.js';
import { cliLog, EXIT_USAGE, fail, warn } from './io.js';
import { loadProfileOrFail } from './load.js';
import { addPyroscopeUploadOptions } from './pyroscope-flags.js';

export function registerUpload(program: Command): void {
  const cmd = program
    .command('upload')
    .description('send a profile to Grafana Pyroscope (push API or legacy /ingest)')
    .argument('[file]', 'profile to upload', '.ciprof/profile.pb.gz')
    .option('--json', 'print the result as JSON on stdout')
    .option('--strict', 'exit 1 when the upload fails (default: warn and exit 0, like run --upload)');
  addPyroscopeUploadOptions(cmd).action(async (file: string, flags: PyroscopeFlags & { json?: boolean; strict?: boolean }) => {
    const s = resolveSettings({ cwd: process.cwd(), env: process.env }, cliLog);
    // Metadata the file lacks (an older profile, one from elsewhere) comes from this checkout.
    const profile = withRunMeta(loadProfileOrFail(file), s);
    let settings: PyroscopeSettings;
    try {
      settings = pyroscopeUploadSettings(flags, s, cliLog, profile.meta.repository);
    } catch (err) {
      fail((err as Error).message, EXIT_USAGE);
    }
    const outcome = await uploadToPyroscope(profile, settings, file);
    if (outcome.ok) {
      process.stderr.write(`ciprof: ${outcome.line}\n`);
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
