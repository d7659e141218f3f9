/**
 * Diff the run files a compare (or the calibration bench) already wrote, without running
 * anything: for choosing thresholds on saved runs, and for driving the multi-run diff from
 * runs made some other way (the calibration varies an env var, not a commit).
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { CiContext } from '../ci/context.js';
import type { DiffThresholds } from '../diff/function-diff.js';
import type { Profile } from '../profile/model.js';
import { readProfileFile } from '../profile/read.js';
import { writeCompareOutputs, type CompareOutputs } from './outputs.js';

const RUN = /^(base|head)-(\d+)\.pb\.gz$/;

export function savedRuns(dir: string): { base: string[]; head: string[] } {
  const found = { base: [] as Array<[number, string]>, head: [] as Array<[number, string]> };
  for (const f of readdirSync(dir)) {
    const m = RUN.exec(f);
    if (m) found[m[1] as 'base' | 'head'].push([Number(m[2]), path.join(dir, f)]);
  }
  const sorted = (xs: Array<[number, string]>): string[] => xs.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  return { base: sorted(found.base), head: sorted(found.head) };
}

export function rediffSavedRuns(opts: { dir: string; outDir: string; thresholds: Partial<DiffThresholds>; ci: CiContext; warn: (line: string) => void }): CompareOutputs {
  const files = savedRuns(opts.dir);
  if (files.base.length === 0 || files.head.length === 0) throw new Error(`${opts.dir}: needs base-<i>.pb.gz and head-<i>.pb.gz files (found ${files.base.length} base, ${files.head.length} head)`);
  const read = (fs: string[]): Profile[] => fs.map((f) => readProfileFile(f));
  const baseRuns = read(files.base);
  const headRuns = read(files.head);
  return writeCompareOutputs({
    outDir: opts.outDir,
    baseRuns,
    headRuns,
    thresholds: opts.thresholds,
    ci: opts.ci,
    baseCommit: baseRuns[0]?.meta.commit,
    headCommit: headRuns[0]?.meta.commit,
    reason: `saved runs in ${opts.dir}: ${baseRuns.length} base, ${headRuns.length} head`,
    warn: opts.warn,
  });
}
