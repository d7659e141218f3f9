import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  renderReport,
  writeReport
} from "./chunk-RWTCG6EL.js";
import "./chunk-3VZZQNBZ.js";
import "./chunk-XUAEFIIR.js";
import "./chunk-ZT4APMRY.js";
import "./chunk-76FLTAGO.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  renderReport,
  writeReport
};
