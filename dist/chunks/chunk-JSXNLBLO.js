import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/profile/limits.ts
var DEFAULT_LIMITS = Object.freeze({
  maxBytes: 128 * 1024 * 1024,
  maxStringBytes: 64 * 1024,
  maxStrings: 1e6,
  maxFunctions: 25e4,
  maxLocations: 25e4,
  maxNodes: 1e6,
  maxSamples: 1e6,
  maxTicks: 8e6,
  maxCallPaths: 2e6,
  maxDepth: 4096,
  maxStackEntries: 16e6,
  maxLabelsPerSample: 64,
  maxSampleTypes: 16,
  maxJsonDepth: 64,
  maxSpanUs: 7 * 24 * 3600 * 1e6
});

export {
  DEFAULT_LIMITS
};
