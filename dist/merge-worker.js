import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  claimer,
  importShare
} from "./chunks/chunk-Q32NPO7D.js";
import "./chunks/chunk-VYVC6F5W.js";
import "./chunks/chunk-ZHB73YNC.js";

// src/profile/merge-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { files, repoRoot, claims, who } = workerData;
parentPort?.postMessage(importShare(files, repoRoot, claimer(claims, who)));
