import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  publishReport
} from "./chunk-5KREGAPE.js";
import "./chunk-LO576U3G.js";
import "./chunk-ANBTO27B.js";
import "./chunk-ZHB73YNC.js";
export {
  publishReport
};
