/**
 * Warnings from inside the command's processes go to the run, never to the process's own
 * stderr. A CLI under test whose stderr a test asserts, a server whose log is compared: a
 * line of ours there would change the user's outcome. Each thread appends its lines to
 * `<raw dir>/<pid>-<tid>.warnings`; `ciprof run` prints them with its own output
 * (collect/gather.ts). Where even that file cannot be written, the warning is dropped: the
 * collector still counts the thread's missing profile as lost.
 */
import { appendFileSync } from 'node:fs';
import { inRawDir, WARNINGS_SUFFIX } from './protocol.js';
import { pid, threadId } from './thread.js';

export function warnRun(rawDir: string | undefined, message: string): void {
  if (!rawDir) return;
  try {
    appendFileSync(inRawDir(rawDir, `${pid}-${threadId}${WARNINGS_SUFFIX}`), `${message.replace(/\n/g, ' ')}\n`);
  } catch {
    // the run cannot be told; the process's own output stays untouched
  }
}
