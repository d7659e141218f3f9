import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  SETUP_FILE,
  makeLabelerFor,
  readTestRecords,
  testWalls
} from "./chunk-FFNQB74B.js";
import {
  TEST_FILE_LABEL,
  TEST_NAME_LABEL
} from "./chunk-ZT4APMRY.js";
import "./chunk-VJM7W4UG.js";
import "./chunk-74OC37R2.js";
import "./chunk-BCCUQZ3E.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  SETUP_FILE,
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  makeLabelerFor,
  readTestRecords,
  testWalls
};
