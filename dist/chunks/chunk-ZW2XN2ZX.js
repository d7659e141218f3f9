import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/pipeline/command-settings.ts
import * as path from "node:path";
function commandSettings(input) {
  const cwd = path.resolve(input.cwd);
  return { cwd, env: input.env, outDir: path.resolve(cwd, input.outDir ?? ".ciprof"), intervalUs: input.intervalUs ?? 1e3 };
}

export {
  commandSettings
};
