/** Output conventions shared by every command: one-line warnings and errors on stderr. */
import type { DiffThresholds } from '../diff/function-diff.js';
import type { Log } from '../pipeline/settings.js';

export function warn(line: string): void {
  process.stderr.write(`ciprof: warning: ${line}\n`);
}

export function fail(line: string, code = 1): never {
  process.stderr.write(`ciprof: error: ${line}\n`);
  process.exit(code);
}

/** Exit code for wrong usage (commander also uses 1 for its own; we keep 2 for ours). */
export const EXIT_USAGE = 2;

export function parsePositiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${name} must be a positive whole number, got "${value}"`, EXIT_USAGE);
  return n;
}

/** The pipeline's log on stderr: `ciprof: <line>`, warnings as `ciprof: warning: <line>`. */
export const cliLog: Log = {
  info: (line) => process.stderr.write(`ciprof: ${line}\n`),
  warn,
  notice: (line) => process.stderr.write(`ciprof: ${line}\n`),
};

function nonNegative(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a number >= 0, got "${v}"`, EXIT_USAGE);
  return n;
}

/** The threshold flags `diff` and `compare` share. */
export function parseThresholds(flags: { minMs: string; minPct: string; alpha: string; minSamples: string }): Omit<DiffThresholds, 'minUnits'> {
  const alpha = nonNegative('--alpha', flags.alpha);
  if (alpha <= 0 || alpha >= 1) fail(`--alpha must be between 0 and 1, got "${flags.alpha}"`, EXIT_USAGE);
  return { minMs: nonNegative('--min-ms', flags.minMs), minPct: nonNegative('--min-pct', flags.minPct), alpha, minSamples: nonNegative('--min-samples', flags.minSamples) };
}
