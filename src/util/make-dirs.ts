/**
 * `mkdir -p` that fails instead of spinning. Node's `mkdirSync(dir, { recursive: true })`
 * loops forever at 100% CPU when a parent exists but refuses children with ENOENT
 * (`/proc/1/x` as root, on Node 20 to 26): libuv retries the parent, which "exists", and
 * tries the child again. Here each missing component is made once, parents first, and the
 * first error is thrown with the path it concerns.
 */
import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(at).isDirectory();
    } catch {
      isDir = undefined;
    }
    if (isDir === true) break;
    if (isDir === false) throw new Error(`ENOTDIR: ${at} is not a directory`);
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new Error(`${code ?? (err as Error).message}: cannot create ${d}`);
    }
  }
}
