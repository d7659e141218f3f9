import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  fail
} from "./chunk-GA3KEGGT.js";
import {
  ProfileInputError,
  readProfileFile
} from "./chunk-KOVH6LPN.js";

// src/cli/load.ts
function loadProfileOrFail(file) {
  try {
    return readProfileFile(file);
  } catch (err) {
    fail(err instanceof ProfileInputError ? err.message : `${file}: ${err.message}`);
  }
}

export {
  loadProfileOrFail
};
