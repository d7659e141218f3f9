/**
 * What `ciprof run` does once the command has ended and its profile is labelled: store it,
 * write profile.pb.gz, report.html and profile.json, print the summary, upload. Apart from
 * run.ts so that this code loads while the command runs, not before it starts.
 */
import { formatSummaryText, type RunSummary } from '../collect/summary.js';
import type { Collected } from '../pipeline/collect.js';
import { writeRunOutputs } from '../pipeline/outputs.js';
import type { ReportThread } from '../pipeline/report-thread.js';
import type { Settings } from '../pipeline/settings.js';
import { storeRun, uploadRun } from '../pipeline/store.js';
import { cliLog } from './io.js';

export interface RunOutputFlags {
  store: boolean;
  report: boolean;
  quiet?: boolean;
  /** Rendering report.html already (see pipeline/report-thread.ts). */
  reportThread?: ReportThread;
}

/** The run's summary as profile.json has it, or undefined when no profile was written. */
export async function writeRunResults(s: Settings, c: Collected, flags: RunOutputFlags): Promise<RunSummary | undefined> {
  const stored = await storeRun(s, c, { local: flags.store, artifact: false }, cliLog);
  const files = await writeRunOutputs(s, c, { report: flags.report, stored, reportThread: flags.reportThread }, cliLog);
  if (!files || !c.summary) return undefined;
  if (!flags.quiet) process.stderr.write(`${formatSummaryText(c.summary)}\n`);
  await uploadRun(s, c, files.profile, cliLog);
  return c.summary;
}
