import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  githubToken,
  publishReport
} from "./chunk-ITIC7PK7.js";
import "./chunk-TXLASEKR.js";
import "./chunk-XDKVZJL5.js";
import "./chunk-KBBVG7QG.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-IJ3PMYQX.js";
import "./chunk-CLEKI64P.js";
import "./chunk-ZHB73YNC.js";
export {
  githubToken,
  publishReport
};
