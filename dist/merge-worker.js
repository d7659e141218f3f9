import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  claimer,
  importShare
} from "./chunks/chunk-42TAQ6FB.js";
import "./chunks/chunk-E4RVWPFF.js";
import "./chunks/chunk-LERJVIWU.js";
import "./chunks/chunk-KOVH6LPN.js";
import "./chunks/chunk-AOSAKR6D.js";
import "./chunks/chunk-JSXNLBLO.js";
import "./chunks/chunk-BCCUQZ3E.js";
import "./chunks/chunk-VYVC6F5W.js";
import "./chunks/chunk-ZHB73YNC.js";

// src/profile/merge-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { files, repoRoot, claims, who } = workerData;
parentPort?.postMessage(importShare(files, repoRoot, claimer(claims, who)));
