import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  formatSummaryText,
  summarize
} from "./chunk-J2IZ5SN4.js";
import "./chunk-CCCDOF7G.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-H5YMVFQK.js";
import "./chunk-TOQZ6A4H.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  formatSummaryText,
  summarize
};
