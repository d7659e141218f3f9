import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  writeJobSummary
} from "./chunk-TXLASEKR.js";
import "./chunk-CLEKI64P.js";
import "./chunk-ZHB73YNC.js";
export {
  writeJobSummary
};
