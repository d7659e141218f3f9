/**
 * V8's compile cache for ciprof's own code (Node 22.1+): parsing and compiling the CLI's
 * modules is a good part of what `ciprof run` costs before the test command starts and
 * after it ends. The cache is ciprof's alone: children do not inherit it (no environment
 * variable is set), so the test command runs exactly as it would without ciprof.
 */
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { makeDirs } from '../util/make-dirs.js';

/** What @types/node 20 does not declare yet (Node 22.1+). */
interface CompileCacheApi {
  enableCompileCache?: (dir?: string) => { status: number };
  constants?: { compileCacheStatus?: { ENABLED: number; ALREADY_ENABLED: number } };
}

/** Where the cache goes: the temp directory, beside Node's own default (`node-compile-cache`). */
export function compileCacheDir(): string {
  return path.join(tmpdir(), 'ciprof-compile-cache');
}

/**
 * Turns the cache on when this Node has it; a missing, read-only or odd directory only
 * leaves it off. The directory is made first with makeDirs: Node's own recursive mkdir spins
 * forever under /proc (`/proc/1/x`), and a user's TMPDIR could point anywhere.
 */
export function enableCompileCache(): boolean {
  // A CI job starts with an empty temp directory, so its cache is always cold, and a cold
  // cache costs more than it saves: `ciprof run -- node -e 1`, 8 interleaved runs, Node 24:
  // CPU median 310 ms without it, 395 ms cold, 290 ms warm (Node 22: within noise).
  // Locally, where it stays warm, it helps.
  if (process.env.CI) return false;
  const api = nodeModule as CompileCacheApi;
  const codes = api.constants?.compileCacheStatus;
  // NODE_DISABLE_COMPILE_CACHE is Node's to read: it answers DISABLED.
  if (!api.enableCompileCache || !codes) return false;
  try {
    const dir = compileCacheDir();
    makeDirs(dir);
    const { status } = api.enableCompileCache(dir);
    return status === codes.ENABLED || status === codes.ALREADY_ENABLED;
  } catch {
    return false;
  }
}
