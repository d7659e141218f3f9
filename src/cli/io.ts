/** Output conventions shared by every command: one-line warnings and errors on stderr. */

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
