import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  SETUP_FILE,
  makeLabelerFor,
  readTestRecords,
  testWalls
} from "./chunk-CK6QLLWJ.js";
import {
  TEST_FILE_LABEL,
  TEST_NAME_LABEL
} from "./chunk-ZT4APMRY.js";
import "./chunk-WO6TBIDZ.js";
import "./chunk-DWI46GCV.js";
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
