import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  pyroscopeUploadSettings,
  resolveSettings,
  resolveSettingsAsync,
  storeDirFor
} from "./chunk-BZ4FZAS6.js";
import "./chunk-JG5O54ET.js";
import "./chunk-Q777HXUX.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-QM5PWYSE.js";
import "./chunk-UO43WOGP.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-H5YMVFQK.js";
import "./chunk-LF4N5MIR.js";
import "./chunk-3VZZQNBZ.js";
import "./chunk-TOQZ6A4H.js";
import "./chunk-ZT4APMRY.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  pyroscopeUploadSettings,
  resolveSettings,
  resolveSettingsAsync,
  storeDirFor
};
