import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/cli/io.ts
function warn(line) {
  process.stderr.write(`ciprof: warning: ${line}
`);
}
function fail(line, code = 1) {
  process.stderr.write(`ciprof: error: ${line}
`);
  process.exit(code);
}
var EXIT_USAGE = 2;
function parsePositiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${name} must be a positive whole number, got "${value}"`, EXIT_USAGE);
  return n;
}
var cliLog = {
  info: (line) => process.stderr.write(`ciprof: ${line}
`),
  warn,
  notice: (line) => process.stderr.write(`ciprof: ${line}
`)
};
function nonNegative(name, v) {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`${name} must be a number >= 0, got "${v}"`, EXIT_USAGE);
  return n;
}
function parseThresholds(flags) {
  const alpha = nonNegative("--alpha", flags.alpha);
  if (alpha <= 0 || alpha >= 1) fail(`--alpha must be between 0 and 1, got "${flags.alpha}"`, EXIT_USAGE);
  return { minMs: nonNegative("--min-ms", flags.minMs), minPct: nonNegative("--min-pct", flags.minPct), alpha, minSamples: nonNegative("--min-samples", flags.minSamples) };
}

export {
  warn,
  fail,
  EXIT_USAGE,
  parsePositiveInt,
  cliLog,
  parseThresholds
};
