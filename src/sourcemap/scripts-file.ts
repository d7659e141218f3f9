/**
 * Reads the agent's `<pid>-<tid>-<seq>.scripts.json` beside a `.cpuprofile`.
 *
 * The agent writes it right after the profile (collecting maps takes time a pool's
 * terminate timeout may not grant, so the profile goes first). A process that outlived
 * the test command may still be writing it: wait, bounded, while that process exists.
 */
import { readFileSync } from 'node:fs';
import type { ScriptMapsFile } from '../agent/scripts.js';

const WAIT_STEP_MS = 20;
export const DEFAULT_WAIT_MS = 2000;

export function scriptMapsPath(cpuprofileFile: string): string {
  return cpuprofileFile.replace(/\.cpuprofile$/, '.scripts.json');
}

/**
 * The file's content; undefined when there is none (an older agent, collection off, or a
 * process killed before writing it). Throws a plain Error when it is not what the agent
 * writes, for the caller to name the file in a warning.
 */
export function readScriptMaps(file: string, writerPid: number | undefined, waitMs = DEFAULT_WAIT_MS): ScriptMapsFile | undefined {
  const deadline = Date.now() + waitMs;
  for (;;) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (writerPid === undefined || !isAlive(writerPid) || Date.now() >= deadline) return undefined;
      sleep(WAIT_STEP_MS);
      continue;
    }
    return checkScriptMaps(JSON.parse(text));
  }
}

function checkScriptMaps(value: unknown): ScriptMapsFile {
  const scripts = (value as Partial<ScriptMapsFile> | null)?.scripts;
  if (!Array.isArray(scripts)) throw new Error('no "scripts" array');
  for (const s of scripts) {
    if (!s || typeof s.url !== 'string' || typeof s.sourceMapURL !== 'string' || !Array.isArray(s.scriptIds)) {
      throw new Error('a script entry lacks url, sourceMapURL or scriptIds');
    }
    if (s.generatedSource !== undefined && typeof s.generatedSource !== 'string') throw new Error(`the script entry of ${s.url} has a generatedSource that is not text`);
  }
  const tsAsWritten = (value as Partial<ScriptMapsFile>).tsAsWritten;
  if (tsAsWritten !== undefined && tsAsWritten !== true) throw new Error('"tsAsWritten" is not true');
  const caches = (value as Partial<ScriptMapsFile>).jestCaches;
  if (caches !== undefined && !(Array.isArray(caches) && caches.every((c) => c && typeof c.directory === 'string' && c.directory !== '' && typeof c.configId === 'string' && c.configId !== ''))) {
    throw new Error('"jestCaches" is not a list of { directory, configId } strings');
  }
  return value as ScriptMapsFile;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Gathering is synchronous; a straggler is rare, and its wait is bounded. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
