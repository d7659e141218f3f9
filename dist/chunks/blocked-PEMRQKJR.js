import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  blockedClass,
  blockedLabel,
  foldBlockedCallees
} from "./chunk-TOQZ6A4H.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  blockedClass,
  blockedLabel,
  foldBlockedCallees
};
