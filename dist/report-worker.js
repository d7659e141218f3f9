import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  unpackProfile
} from "./chunks/chunk-QEJHLRH6.js";
import {
  writeReport
} from "./chunks/chunk-SP63E6GL.js";
import "./chunks/chunk-3VZZQNBZ.js";
import "./chunks/chunk-TOQZ6A4H.js";
import "./chunks/chunk-ZT4APMRY.js";
import "./chunks/chunk-76FLTAGO.js";
import "./chunks/chunk-MIHNHIUD.js";
import "./chunks/chunk-VYVC6F5W.js";
import "./chunks/chunk-ZHB73YNC.js";

// src/render/report-worker.ts
import { parentPort } from "node:worker_threads";
parentPort?.once("message", (req) => {
  let reply;
  try {
    reply = { ok: true, path: writeReport(unpackProfile(req.profile), void 0, { output: req.output, headWalls: req.headWalls }).path };
  } catch (err) {
    reply = { ok: false, message: err.message };
  }
  parentPort.postMessage(reply);
});
