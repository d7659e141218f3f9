/**
 * How much one input file may ask of us. Profiles come from places we do not control (a
 * store, an artifact of another run, a Pyroscope server, a raw directory the tests can
 * write into), so every decoder counts what it is asked to build and refuses beyond
 * these caps, instead of letting a small file expand into gigabytes of objects.
 *
 * The caps sit far above what real suites produce (a jest worker's profile holds ~4k
 * nodes, a 175-process suite's merged profile ~6k sample rows; 8M ticks is two hours of
 * one thread at 1 ms) and low enough that a file at every cap at once stays within the
 * memory bound that test/profile/limits.test.ts measures.
 */
export interface DecodeLimits {
  /** Decompressed bytes of one file. */
  maxBytes: number;
  /** Bytes of one string (function name, file, label value, comment). */
  maxStringBytes: number;
  /** pprof string table entries. */
  maxStrings: number;
  /** pprof functions and locations; V8 call-tree nodes, and distinct functions new in one V8 file. */
  maxFunctions: number;
  maxLocations: number;
  maxNodes: number;
  /** pprof sample rows (one per distinct stack and label set). */
  maxSamples: number;
  /** V8 samples (one per profiler tick). */
  maxTicks: number;
  /** Distinct call paths (stack prefixes) of one pprof file. */
  maxCallPaths: number;
  /** Frames in one stack (pprof sample) or levels of one call tree (V8). */
  maxDepth: number;
  /** Stack entries summed over all samples of one pprof file. */
  maxStackEntries: number;
  /** Labels on one pprof sample; sample types of one profile. */
  maxLabelsPerSample: number;
  maxSampleTypes: number;
  /** Nesting of JSON values we skip or keep (the `$ciprof` block, unknown fields). */
  maxJsonDepth: number;
  /** Span between a V8 profile's startTime and endTime, µs. */
  maxSpanUs: number;
}

export const DEFAULT_LIMITS: Readonly<DecodeLimits> = Object.freeze({
  maxBytes: 128 * 1024 * 1024,
  maxStringBytes: 64 * 1024,
  maxStrings: 1_000_000,
  maxFunctions: 250_000,
  maxLocations: 250_000,
  maxNodes: 1_000_000,
  maxSamples: 1_000_000,
  maxTicks: 8_000_000,
  maxCallPaths: 2_000_000,
  maxDepth: 4096,
  maxStackEntries: 16_000_000,
  maxLabelsPerSample: 64,
  maxSampleTypes: 16,
  maxJsonDepth: 64,
  maxSpanUs: 7 * 24 * 3600 * 1e6,
});
