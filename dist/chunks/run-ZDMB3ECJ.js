import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  runTests
} from "./chunk-KP3Y5Y3K.js";
import "./chunk-2OWWQPKG.js";
import "./chunk-G7F6OYY4.js";
import "./chunk-GA3KEGGT.js";
import "./chunk-6B3EOHIS.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-EFHURMFM.js";
import "./chunk-LERJVIWU.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-CENUM73K.js";
import "./chunk-ZHB73YNC.js";
export {
  runTests
};
