/**
 * report.html rendered on a worker thread (render/report-worker.ts) while the main thread
 * encodes, stores and summarizes the same profile. After a one-process suite ciprof's work
 * is all on the critical path (the profile is written at exit), and rendering is about a
 * third of it; the test command is over, so the second core is free.
 *
 * Started while the command runs (its code loads then). Fails open: a worker that cannot
 * start, crashes or exits gives no reply, and the caller renders on its own thread, as
 * before. A report that fails to render (its own error) is a reply like any other.
 */
import { Worker } from 'node:worker_threads';
import type { Profile } from '../profile/model.js';
import { packedBuffers, packProfile } from '../profile/packed.js';
import type { TestWall } from '../profile/tests.js';
import type { ReportReply } from '../render/report-worker.js';
import { distFile } from '../util/dist-file.js';

export class ReportThread {
  private reply: Promise<ReportReply | undefined> | undefined;
  private failed = false;

  private constructor(private readonly worker: Worker) {
    // Never keeps the CLI alive while idle; ref'd while a report is being rendered.
    worker.unref();
    worker.on('error', () => (this.failed = true));
  }

  /** A worker loading the report code now, or undefined when it cannot start. */
  static start(): ReportThread | undefined {
    try {
      return new ReportThread(new Worker(distFile('report-worker.js')));
    } catch {
      return undefined;
    }
  }

  /** Posts the profile (copied now: later changes to it do not reach the report). Once. */
  render(req: { profile: Profile; headWalls?: ReadonlyMap<string, TestWall>; output: string }): void {
    if (this.reply || this.failed) return;
    const { worker } = this;
    this.reply = new Promise((resolve) => {
      const done = (reply: ReportReply | undefined): void => {
        worker.off('message', done);
        worker.off('error', gone);
        worker.off('exit', gone);
        worker.unref();
        resolve(reply);
      };
      const gone = (): void => done(undefined);
      worker.on('message', done);
      worker.on('error', gone);
      worker.on('exit', gone);
    });
    try {
      worker.ref();
      const profile = packProfile(req.profile);
      worker.postMessage({ ...req, profile }, packedBuffers(profile));
    } catch {
      // a profile that cannot be copied (the structured clone refuses it): no reply, the caller renders
      this.failed = true;
      worker.unref();
      this.reply = Promise.resolve(undefined);
    }
  }

  /** The worker's reply, or undefined when nothing was posted or the worker failed (render it yourself then). */
  async result(): Promise<ReportReply | undefined> {
    return this.reply ? await this.reply : undefined;
  }

  /** Ends the worker; its reply, if any, has been taken. */
  close(): void {
    this.worker.terminate().catch(() => undefined);
  }
}
