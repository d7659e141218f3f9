/**
 * What `ciprof run` does once its flags are read, by commander (run-options.ts) or by the
 * fast path (run-argv.ts). Only what starting the command needs is imported here: the
 * stages after it load while it runs.
 */
import * as path from 'node:path';
import { withAllocSampling } from '../agent/protocol.js';
import { collectWhileResolving } from '../pipeline/collect.js';
import { prepareOutDir } from '../pipeline/out-dir.js';
import { commandSettings } from '../pipeline/command-settings.js';
import type { ReportThread } from '../pipeline/report-thread.js';
import type { Settings, SettingsInput } from '../pipeline/settings.js';
import type { Profile } from '../profile/model.js';
import type { TestWall } from '../profile/tests.js';
import type { PyroscopeFlags } from '../pyroscope/settings.js';
import { cliLog, parsePositiveInt } from './io.js';

export interface RunFlags extends PyroscopeFlags {
  upload?: boolean;
  out: string;
  intervalUs: string;
  json?: boolean;
  store: boolean;
  storeDir?: string;
  jobKey?: string;
  keepRaw?: boolean;
  quiet?: boolean;
  report: boolean;
  alloc?: boolean;
}

export async function runTests(command: string[], flags: RunFlags): Promise<void> {
  const intervalUs = parsePositiveInt('--interval-us', flags.intervalUs);
  const input: SettingsInput = { cwd: process.cwd(), env: withAllocSampling(process.env, flags.alloc), jobKey: flags.jobKey, storeDir: flags.storeDir, outDir: flags.out, intervalUs, pyroscope: flags.upload ? { flags, upload: true } : undefined };
  const start = commandSettings(input);
  // Git is asked (and CI detection loaded) once the command has started; --upload checks its
  // settings first, so that a typo shows before the tests.
  const early = flags.upload ? (await import('../pipeline/settings.js')).resolveSettings(input, cliLog) : undefined;
  let settings: Promise<Settings> | undefined;
  const resolve = (): Promise<Settings> => (settings ??= early ? Promise.resolve(early) : import('../pipeline/settings.js').then((m) => m.resolveSettingsAsync(input, cliLog)));
  const profiling = prepareOutDir(start, cliLog);
  let reportThread: ReportThread | undefined;
  // Opt-in (CIPROF_REPORT_WORKER=1): report.html renders on a worker from the labelled profile
  // while this thread encodes and stores it. Off by default: on a busy 2-core machine the
  // worker's start-up and its cold copy of the report code cost +240 ms CPU per run and saved
  // no wall time (replayed one-process suite, 9 interleaved runs, load 4-7); on a quiet machine
  // it lost too (mocha, 1,500 tests, Node 24, 8 interleaved runs, load 0.5: 278 against 208 ms
  // after the command): the worker's cold copy of the report code costs more than it saves.
  const labelled = (profile: Profile, walls: ReadonlyMap<string, TestWall> | undefined): void => reportThread?.render({ profile, headWalls: walls, output: path.join(start.outDir, 'report.html') });
  // Under --json, stdout is one JSON document: the test output goes to stderr.
  const collecting = collectWhileResolving(start, resolve, { command, keepRaw: flags.keepRaw, quiet: flags.quiet, profile: profiling, commandStdout: flags.json ? 'stderr' : 'inherit', labelled, warmUp: { report: flags.report } }, cliLog);
  // The command has started: the stages after it load while it runs, not before it starts.
  const later = import('./run-outputs.js');
  later.catch(() => undefined);
  if (profiling && flags.report && process.env.CIPROF_REPORT_WORKER === '1') reportThread = await import('../pipeline/report-thread.js').then((m) => m.ReportThread.start(), () => undefined);
  else if (profiling && flags.report) import('../render/report.js').catch(() => undefined);
  try {
    const c = await collecting;
    const summary = c.profile ? await (await later).writeRunResults(await resolve(), c, { ...flags, reportThread }) : undefined;
    // Always one document under --json, even when no profile was written.
    if (flags.json) process.stdout.write(`${JSON.stringify(summary ?? { exitCode: c.exitCode, profile: null }, null, 2)}\n`);
    process.exitCode = c.exitCode;
  } finally {
    reportThread?.close();
  }
}
