/**
 * One temporary directory per `vitest run`, removed when it ends. The e2e tests make
 * hundreds of directories (ciprof's outputs, the raw directories some keep, fixture copies,
 * the preload mirror) and not each removes its own: runs on a developer's machine left
 * thousands in /tmp. TMPDIR, set here before the test workers start, is what os.tmpdir()
 * gives each worker and each process the tests spawn with the inherited environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'ciprof-tests-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
