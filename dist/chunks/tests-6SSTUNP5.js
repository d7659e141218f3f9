import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  readTestWalls,
  samplesByTest,
  selfByFunction,
  testKey,
  testStats,
  testWallsMeta
} from "./chunk-ZT4APMRY.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-ZHB73YNC.js";
export {
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  readTestWalls,
  samplesByTest,
  selfByFunction,
  testKey,
  testStats,
  testWallsMeta
};
