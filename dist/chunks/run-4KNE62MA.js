import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  runTests
} from "./chunk-I4ZDYOQR.js";
import "./chunk-ZUCSLUPA.js";
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
import "./chunk-BSOQ74O2.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  runTests
};
