import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  pyroscopeUploadSettings,
  resolveSettings,
  resolveSettingsAsync,
  storeDirFor
} from "./chunk-YMRTAULT.js";
import "./chunk-VQ5EG66Z.js";
import "./chunk-Q777HXUX.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-3VZZQNBZ.js";
import "./chunk-UVVV3U5G.js";
import "./chunk-QM5PWYSE.js";
import "./chunk-Z6RYFHUJ.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-UO43WOGP.js";
import "./chunk-SDL6QSBX.js";
import "./chunk-JSXNLBLO.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  pyroscopeUploadSettings,
  resolveSettings,
  resolveSettingsAsync,
  storeDirFor
};
