/** Output of the commands that diff (diff, compare); apart from io.ts so that `ciprof run` never loads the diff's code. */
import { serializeDiffReport, type DiffReport } from '../diff/diff-report.js';
import { formatDiffText } from '../render/text.js';

/** Prints a diff: the JSON report on stdout with --json, else a few lines on stderr. */
export function printDiff(report: DiffReport, json: boolean | undefined): void {
  if (json) process.stdout.write(serializeDiffReport(report));
  else process.stderr.write(`${formatDiffText(report)}\n`);
}
