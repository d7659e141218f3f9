import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  renderReport,
  writeReport
} from "./chunk-44AX2CJA.js";
import "./chunk-7ALAG7TC.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-3VZZQNBZ.js";
import "./chunk-UVVV3U5G.js";
import "./chunk-SDL6QSBX.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  renderReport,
  writeReport
};
