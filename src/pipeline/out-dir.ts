/**
 * The output directory, made before the tests run. Apart from outputs.ts, which renders and
 * stores: `ciprof run` loads this before the command starts, and that code while it runs.
 */
import { makeDirs } from '../util/make-dirs.js';
import type { Log, Settings } from './settings.js';

/**
 * Makes the output directory before the tests run. When it cannot be made, the tests run
 * unprofiled: one warning now instead of a profile nobody can write later.
 */
export function prepareOutDir(s: Pick<Settings, 'outDir'>, log: Log): boolean {
  try {
    makeDirs(s.outDir);
    return true;
  } catch (err) {
    log.warn(`profile not written: cannot write to ${s.outDir} (${(err as Error).message}); the command runs without profiling`);
    return false;
  }
}
