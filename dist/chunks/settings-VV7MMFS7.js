import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  pyroscopeUploadSettings,
  resolveSettings,
  resolveSettingsAsync,
  storeDirFor
} from "./chunk-HJ4YMMTV.js";
import "./chunk-BBVTF63N.js";
import "./chunk-MNTD6WVR.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-QM5PWYSE.js";
import "./chunk-LF4N5MIR.js";
import "./chunk-UO43WOGP.js";
import "./chunk-3VZZQNBZ.js";
import "./chunk-XUAEFIIR.js";
import "./chunk-ZT4APMRY.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-Z6RYFHUJ.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  pyroscopeUploadSettings,
  resolveSettings,
  resolveSettingsAsync,
  storeDirFor
};
