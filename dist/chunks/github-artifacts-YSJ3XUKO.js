import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  GithubArtifactStore,
  artifactName
} from "./chunk-6WWYYW7Y.js";
import "./chunk-JMR3DNJM.js";
import "./chunk-ANBTO27B.js";
import "./chunk-ZHB73YNC.js";
export {
  GithubArtifactStore,
  artifactName
};
