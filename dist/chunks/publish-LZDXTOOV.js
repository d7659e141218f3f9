import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  publishReport
} from "./chunk-G7TV3G64.js";
import "./chunk-GHW3IQLB.js";
import "./chunk-ANBTO27B.js";
import "./chunk-ZHB73YNC.js";
export {
  publishReport
};
