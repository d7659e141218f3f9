/** For e2e tests of the preload agent: scripts in a temp directory, run with dist/'s two preloads. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** NODE_OPTIONS as `ciprof run` sets it: the agent and the runner hooks' preload, from dist/. */
export const AGENT_NODE_OPTIONS = `--require ${join(ROOT, 'dist/agent.cjs')} --require ${join(ROOT, 'dist/runners/preload.cjs')}`;

/** A fresh temp directory, and a function that writes a script into it and returns its path. */
export function scriptDir(prefix: string): { dir: string; script: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    script: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
  };
}
