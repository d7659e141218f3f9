/**
 * Worker thread that writes `ciprof run`'s report.html (report-thread.ts starts it). Built
 * as dist/report-worker.js beside the CLI. It loads the report code while the test command
 * runs, then renders while the main thread encodes, stores and summarizes the same profile:
 * rendering is a third of ciprof's work after a one-process suite.
 */
import { parentPort } from 'node:worker_threads';
import { unpackProfile, type PackedProfile } from '../profile/packed.js';
import type { TestWall } from '../profile/tests.js';
import { writeReport } from './report.js';

/** One request: the profile (packed: profile/packed.ts), its recorded tests, and where to write. */
export interface ReportRequest {
  profile: PackedProfile;
  headWalls?: ReadonlyMap<string, TestWall>;
  output: string;
}

export type ReportReply = { ok: true; path: string } | { ok: false; message: string };

parentPort?.once('message', (req: ReportRequest) => {
  let reply: ReportReply;
  try {
    reply = { ok: true, path: writeReport(unpackProfile(req.profile), undefined, { output: req.output, headWalls: req.headWalls }).path };
  } catch (err) {
    reply = { ok: false, message: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
