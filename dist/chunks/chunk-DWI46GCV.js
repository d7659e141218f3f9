import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/agent/protocol.ts
var inRawDir = (rawDir, name) => `${rawDir}/${name}`;
var WARNINGS_SUFFIX = ".warnings";
var ALLOC_ENV = "CIPROF_ALLOC_BYTES";
var ALLOC_SUFFIX = ".allocprofile";
var DEFAULT_ALLOC_INTERVAL_BYTES = 4 * 1024;
function withAllocSampling(env, on) {
  return on ? { ...env, [ALLOC_ENV]: String(DEFAULT_ALLOC_INTERVAL_BYTES) } : env;
}
var MARKER_RESIDUES = 16;
var MARKER_STEP = 16;
var OUTER_NODE_TEST_CONTEXT = "node-test-context.outer";

export {
  inRawDir,
  WARNINGS_SUFFIX,
  ALLOC_ENV,
  ALLOC_SUFFIX,
  withAllocSampling,
  MARKER_RESIDUES,
  MARKER_STEP,
  OUTER_NODE_TEST_CONTEXT
};
