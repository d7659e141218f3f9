/** The Pyroscope flags shared by `upload`, `run --upload` and `diff --store pyroscope`. */
import { Option, type Command } from 'commander';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Connection and auth flags (enough for the store). */
export function addPyroscopeConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--server <url>', 'Pyroscope server URL (env CIPROF_PYROSCOPE_URL)')
    .option('--app <name>', 'application (service_name) in Pyroscope (default: the repository name)')
    .option('--basic-auth <user:pass>', 'HTTP basic auth (env CIPROF_PYROSCOPE_BASIC_AUTH)')
    .option('--token <token>', 'bearer token (env CIPROF_PYROSCOPE_TOKEN)')
    .option('--tenant <id>', 'X-Scope-OrgID tenant (env CIPROF_PYROSCOPE_TENANT)')
    .option('--pyroscope-timeout <seconds>', 'give up on Pyroscope after this long, retries included', '60');
}

/** Everything an upload needs. */
export function addPyroscopeUploadOptions(cmd: Command): Command {
  return addPyroscopeConnectionOptions(cmd)
    .addOption(new Option('--protocol <protocol>', 'ingestion API').choices(['push', 'ingest']).default('push'))
    .option('--label <k=v>', 'extra series label (repeatable)', collect)
    .option('--labels <names>', 'pprof sample labels kept in the upload, comma-separated, or none (pid/thread are always dropped)', 'test_file');
}
