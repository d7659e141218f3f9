import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  githubToken,
  publishReport
} from "./chunk-TQ36FX65.js";
import "./chunk-WAAJENRA.js";
import "./chunk-EEBRXB3P.js";
import "./chunk-TXLASEKR.js";
import "./chunk-3TBHKCVM.js";
import "./chunk-IJ3PMYQX.js";
import "./chunk-CLEKI64P.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-ZHB73YNC.js";
export {
  githubToken,
  publishReport
};
