import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  runTests
} from "./chunk-ZUFY6M3I.js";
import "./chunk-UGWUIB57.js";
import "./chunk-G7F6OYY4.js";
import "./chunk-GA3KEGGT.js";
import "./chunk-6B3EOHIS.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-EFHURMFM.js";
import "./chunk-LERJVIWU.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-DWI46GCV.js";
import "./chunk-ZHB73YNC.js";
export {
  runTests
};
