import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  githubToken,
  publishReport
} from "./chunk-5PYQQUT5.js";
import "./chunk-5DUPCRU6.js";
import "./chunk-IJ3PMYQX.js";
import "./chunk-TXLASEKR.js";
import "./chunk-CLEKI64P.js";
import "./chunk-ZHB73YNC.js";
export {
  githubToken,
  publishReport
};
