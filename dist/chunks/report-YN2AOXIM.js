import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  renderReport,
  writeReport
} from "./chunk-7RNPVIBQ.js";
import "./chunk-ZHB73YNC.js";
export {
  renderReport,
  writeReport
};
