import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/pipeline/warmup-switch.ts
function warmUpEnabled(env = process.env) {
  return env.CIPROF_WARMUP === "1" || env.CIPROF_WARMUP === "auto";
}

export {
  warmUpEnabled
};
