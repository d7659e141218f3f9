import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  packProfile,
  packedBuffers
} from "./chunk-QEJHLRH6.js";
import {
  distFile
} from "./chunk-LERJVIWU.js";
import "./chunk-ZHB73YNC.js";

// src/pipeline/report-thread.ts
import { Worker } from "node:worker_threads";
var ReportThread = class _ReportThread {
  constructor(worker) {
    this.worker = worker;
    worker.unref();
    worker.on("error", () => this.failed = true);
  }
  worker;
  reply;
  failed = false;
  /** A worker loading the report code now, or undefined when it cannot start. */
  static start() {
    try {
      return new _ReportThread(new Worker(distFile("report-worker.js")));
    } catch {
      return void 0;
    }
  }
  /** Posts the profile (copied now: later changes to it do not reach the report). Once. */
  render(req) {
    if (this.reply || this.failed) return;
    const { worker } = this;
    this.reply = new Promise((resolve) => {
      const done = (reply) => {
        worker.off("message", done);
        worker.off("error", gone);
        worker.off("exit", gone);
        worker.unref();
        resolve(reply);
      };
      const gone = () => done(void 0);
      worker.on("message", done);
      worker.on("error", gone);
      worker.on("exit", gone);
    });
    try {
      worker.ref();
      const profile = packProfile(req.profile);
      worker.postMessage({ ...req, profile }, packedBuffers(profile));
    } catch {
      this.failed = true;
      worker.unref();
      this.reply = Promise.resolve(void 0);
    }
  }
  /** The worker's reply, or undefined when nothing was posted or the worker failed (render it yourself then). */
  async result() {
    return this.reply ? await this.reply : void 0;
  }
  /** Ends the worker; its reply, if any, has been taken. */
  close() {
    this.worker.terminate().catch(() => void 0);
  }
};
export {
  ReportThread
};
