import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  makeDirs
} from "./chunk-MIHNHIUD.js";

// src/pipeline/out-dir.ts
function prepareOutDir(s, log) {
  try {
    makeDirs(s.outDir);
    return true;
  } catch (err) {
    log.warn(`profile not written: cannot write to ${s.outDir} (${err.message}); the command runs without profiling`);
    return false;
  }
}

export {
  prepareOutDir
};
