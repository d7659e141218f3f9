/**
 * One diff, as written to disk (diff.json) and read back by `ciprof comment`: the
 * function deltas, the baseline's provenance, the changed call paths and the links the
 * comment needs. The renderers and publishers consume only this, so a privileged
 * workflow can publish a report computed elsewhere without touching profiles.
 */
import { readFileSync, statSync } from 'node:fs';
import { redact } from '../ci/mask.js';
import { DIFF_REPORT_LIMITS, ReportSchemaError, validateDiffReport } from './report-schema.js';
import type { DiffReport } from './report-types.js';

export { DIFF_REPORT_SCHEMA, type BaselineProvenance, type DiffReport } from './report-types.js';

/** Rows kept in diff.json besides the reported ones: enough for "what else moved". */
const KEPT_NOISE_ROWS = 200;

/** A copy fit for JSON: fewer rows, Infinity (a new function) as null, known secrets and URL credentials redacted. */
export function serializeDiffReport(report: DiffReport): string {
  const diff = report.diff
    ? { ...report.diff, functions: report.diff.functions.filter((r, i) => r.status === 'regression' || r.status === 'improvement' || i < KEPT_NOISE_ROWS) }
    : undefined;
  return `${JSON.stringify({ ...report, diff }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : typeof v === 'string' ? redact(v) : v), 2)}\n`;
}

/**
 * Parses and validates diff.json (report-schema.ts): a file a fork's job may have
 * written is refused unless it has exactly the shape ciprof writes. Errors are one line
 * naming the file, the field and the problem.
 */
export function parseDiffReport(text: string, file = 'diff report'): DiffReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // V8 quotes a piece of the input: keep the message to one printable line.
    throw new Error(`${file}: invalid JSON (${(err as Error).message.replace(/[^\x20-\x7e]/g, '?').slice(0, 200)})`);
  }
  try {
    return validateDiffReport(data);
  } catch (err) {
    if (err instanceof ReportSchemaError) throw new Error(`${file}: ${err.message}`);
    throw err;
  }
}

export function readDiffReport(file: string): DiffReport {
  const bytes = statSync(file).size;
  if (bytes > DIFF_REPORT_LIMITS.fileBytes) throw new Error(`${file}: ${bytes} bytes, more than a diff report may have (${DIFF_REPORT_LIMITS.fileBytes})`);
  return parseDiffReport(readFileSync(file, 'utf8'), file);
}
