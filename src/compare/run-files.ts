/**
 * A compare's run files, `base-<i>.pb.gz` and `head-<i>.pb.gz` in its output directory:
 * written one per run, read back by `compare --from-runs` (and the calibration bench).
 */
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Side } from './interleave.js';

const RUN_FILE = /^(base|head)-(\d+)\.pb\.gz$/;

export function runFile(dir: string, side: Side, index: number): string {
  return path.join(dir, `${side}-${index}.pb.gz`);
}

/** The run files in `dir`, per side, in run order. */
export function savedRuns(dir: string): { base: string[]; head: string[] } {
  const found = { base: [] as Array<[number, string]>, head: [] as Array<[number, string]> };
  for (const f of readdirSync(dir)) {
    const m = RUN_FILE.exec(f);
    if (m) found[m[1] as Side].push([Number(m[2]), path.join(dir, f)]);
  }
  const sorted = (xs: Array<[number, string]>): string[] => xs.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  return { base: sorted(found.base), head: sorted(found.head) };
}

/** Stale run files from an earlier compare with more runs would be merged in by a reader. */
export function removeRunFiles(dir: string): void {
  for (const f of readdirSync(dir)) if (RUN_FILE.test(f)) rmSync(path.join(dir, f), { force: true });
}
