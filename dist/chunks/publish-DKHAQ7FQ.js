import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  publishReport
} from "./chunk-5YT42YLP.js";
import "./chunk-XP3OXSP2.js";
import "./chunk-ANBTO27B.js";
import "./chunk-ZHB73YNC.js";
export {
  publishReport
};
