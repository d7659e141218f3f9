import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/pipeline/warmup-switch.ts
var MIN_NODE_MAJOR = 24;
var thisNodeMajor = () => Number(process.versions.node.split(".")[0]);
function warmUpEnabled(env = process.env, nodeMajor = thisNodeMajor()) {
  if (env.CIPROF_WARMUP === "1") return true;
  return env.CIPROF_WARMUP !== "0" && nodeMajor >= MIN_NODE_MAJOR;
}

export {
  MIN_NODE_MAJOR,
  warmUpEnabled
};
