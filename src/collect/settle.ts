/**
 * The command's own process has exited, but processes it started may still be alive and
 * writing their profile (jest's workers outlive the jest parent by a few milliseconds; a
 * pool's worker may be mid-flush). Wait, bounded, while a thread that started profiling
 * has not written yet and its process still exists, so it is merged, not counted lost.
 */
import { readdirSync } from 'node:fs';

function pendingPids(rawDir: string): number[] {
  const names = readdirSync(rawDir);
  const written = new Set(names.filter((n) => n.endsWith('.cpuprofile')).map((n) => n.split('-').slice(0, 2).join('-')));
  const pids = new Set<number>();
  for (const n of names) {
    if (!n.endsWith('.start')) continue;
    const key = n.slice(0, -'.start'.length);
    const pid = Number(key.split('-')[0]);
    // The raw directory is writable by the tests: a marker naming init (1), the process group (0)
    // or nothing at all would hold the wait to its timeout for nothing.
    if (!written.has(key) && Number.isSafeInteger(pid) && pid > 1 && pid !== process.pid) pids.add(pid);
  }
  return [...pids];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function settleRawDir(rawDir: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let pending: number[];
    try {
      pending = pendingPids(rawDir).filter(alive);
    } catch {
      return;
    }
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}
