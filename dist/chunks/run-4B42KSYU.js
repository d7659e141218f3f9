import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  runTests
} from "./chunk-LXRXLBJK.js";
import "./chunk-XUVS5QJF.js";
import "./chunk-G7F6OYY4.js";
import "./chunk-GA3KEGGT.js";
import "./chunk-EYIQDHJO.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-LERJVIWU.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-ZW2XN2ZX.js";
import "./chunk-UVVV3U5G.js";
import "./chunk-SDL6QSBX.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  runTests
};
