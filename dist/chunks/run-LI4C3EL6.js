import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  runTests
} from "./chunk-2Z65XOAY.js";
import "./chunk-5EBHMGDM.js";
import "./chunk-G7F6OYY4.js";
import "./chunk-GA3KEGGT.js";
import "./chunk-7ADZIJC2.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-XUAEFIIR.js";
import "./chunk-FFNQB74B.js";
import "./chunk-ZT4APMRY.js";
import "./chunk-OKVCO46N.js";
import "./chunk-LERJVIWU.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-SJCY5MSP.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  runTests
};
