/**
 * Facts about the current process and thread, taken once when the agent starts, that
 * let the collector join a process to the test that spawned it.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isMainThread } from './thread.js';

const MAX_ANCESTORS = 8;

/** Captured at load: a test that fakes timers must not move the agent's clock. */
const hrtimeBigint = process.hrtime.bigint;

export function hrtimeNs(): bigint {
  return hrtimeBigint();
}

export function hrtimeUs(): number {
  return Number(hrtimeBigint() / 1000n);
}

/**
 * When this thread started, on process.hrtime's clock (CLOCK_MONOTONIC, as V8's samples).
 * In the main thread process.uptime() counts from the process's start on that clock (Node
 * takes uv_hrtime() as it starts, 1.6-3 ms after performance.timeOrigin, before any
 * JavaScript runs); in a worker it counts from the process's start too, so a worker's
 * start is now: the agent is preloaded as the worker boots.
 */
export function threadStartUs(): number {
  // Called once, as the agent loads (before any test can fake timers). Not
  // performance.now(): touching `performance` loads perf_hooks, 1-2 ms of a process's CPU.
  return Math.round(isMainThread ? hrtimeUs() - process.uptime() * 1e6 : hrtimeUs());
}

/**
 * The parent pid chain, nearest first. On Linux it follows /proc/<pid>/stat upwards so
 * that a node started by a test through a shell (`exec('node cli.js')`, npx) still
 * reaches the test's process; elsewhere only the direct parent is known.
 */
export function parentChain(): number[] {
  const chain = [process.ppid];
  if (process.platform !== 'linux') return chain;
  const buf = Buffer.allocUnsafe(1024);
  try {
    while (chain.length < MAX_ANCESTORS) {
      const stat = readStat(chain[chain.length - 1]!, buf);
      // "pid (comm) state ppid …": comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ', 2)[1]);
      if (!(ppid > 1)) break;
      chain.push(ppid);
    }
  } catch {
    // the parent already exited, or /proc is not mounted: keep what we have
  }
  return chain;
}

/** /proc/<pid>/stat in one read (it reports size 0: readFileSync would stat it and read twice). */
function readStat(pid: number, buf: Buffer): string {
  const fd = openSync(`/proc/${pid}/stat`, 'r');
  try {
    return buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, null));
  } finally {
    closeSync(fd);
  }
}
