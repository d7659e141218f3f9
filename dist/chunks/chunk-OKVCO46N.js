import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  distFile
} from "./chunk-LERJVIWU.js";

// src/collect/agent-path.ts
var agentPath = () => distFile("agent.cjs");

export {
  agentPath
};
