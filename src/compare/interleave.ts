/**
 * The run order of a compare: base and head alternate (B H B H …), so slow drifts of the
 * machine (thermal throttling, a neighbour job, a cache warming up) fall on both sides
 * alike instead of on whichever side ran second.
 */
export type Side = 'base' | 'head';

export interface PlannedRun {
  side: Side;
  /** 1-based index within its side. */
  index: number;
}

export function interleavedOrder(runs: number): PlannedRun[] {
  const order: PlannedRun[] = [];
  for (let i = 1; i <= runs; i++) order.push({ side: 'base', index: i }, { side: 'head', index: i });
  return order;
}

export interface RunRecord extends PlannedRun {
  exitCode: number;
  wallMs?: number;
  /** base-<i>.pb.gz / head-<i>.pb.gz in the output directory; absent when profiling failed. */
  profile?: string;
}

/** The first non-zero exit code in run order: failing tests are what the user must see first. */
export function firstFailure(records: readonly RunRecord[]): RunRecord | undefined {
  return records.find((r) => r.exitCode !== 0);
}
