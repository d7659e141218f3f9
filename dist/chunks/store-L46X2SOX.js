import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  freeArtifactName,
  isBaselineRun,
  openStore,
  openStoreOrLocal,
  storeRun,
  testsFailedLine,
  uploadRun,
  uploadToPyroscope,
  withRunMeta
} from "./chunk-3BZBFZ5A.js";
import "./chunk-4F3MHGM4.js";
import "./chunk-6MZMPYYD.js";
import "./chunk-CEA2Q2JC.js";
import "./chunk-QJ2RV7E4.js";
import "./chunk-MIHNHIUD.js";
import "./chunk-VYVC6F5W.js";
import "./chunk-2UXSF32T.js";
import "./chunk-ZHB73YNC.js";
export {
  freeArtifactName,
  isBaselineRun,
  openStore,
  openStoreOrLocal,
  storeRun,
  testsFailedLine,
  uploadRun,
  uploadToPyroscope,
  withRunMeta
};
