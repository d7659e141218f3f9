/**
 * Per-test attribution for `ciprof run`: one preload (dist/runners/preload.cjs) goes
 * into NODE_OPTIONS beside the agent and installs the right hook in whichever test
 * runner's processes turn out to run (jest, mocha, vitest, node --test), whatever the
 * command line looks like: a package script, a shell line, npx, a wrapper. No command
 * is rewritten. After the run, the hooks' records become per-thread sample labelers
 * and a per-test table.
 *
 * Everything here fails open: no runner, or unreadable records, cost the per-test view,
 * never the profile or the exit code.
 */
import { blockedClass } from '../profile/blocked.js';
import type { AgentThreadInfo } from '../agent/protocol.js';
import type { Profile } from '../profile/model.js';
import { testStats, type TestStat, type TestWall } from '../profile/tests.js';
import { distFile } from './agent-path.js';
import { withPreload } from './node-options.js';
import { makeLabelerFor, readTestRecords, testWalls, type ThreadLabeler } from './test-labeler.js';

export interface Attribution {
  /** Added to the command's environment: the hooks' preload in NODE_OPTIONS. */
  env: NodeJS.ProcessEnv;
  /** Reads the hooks' records; `repoRoot` makes their test files relative. */
  prepare: (rawDir: string, repoRoot: string) => void;
  labelerFor: (info: AgentThreadInfo) => ThreadLabeler | undefined;
  tests: (profile: Profile) => TestStat[];
  /** Every recorded test's wall time, embedded in the profile so it is self-contained. */
  walls: () => ReadonlyMap<string, TestWall> | undefined;
  finish: () => void;
}

export interface AttributionSetup {
  attribution?: Attribution;
  /** One line for stderr when attribution is off (missing hook file). */
  notice?: string;
}

const NO_RUNNER = 'per-test attribution off: no test ran under jest, mocha, vitest or node --test; whole-suite profile only';

export function setupAttribution(_command: readonly string[], opts: { env: NodeJS.ProcessEnv; cwd: string; warn: (line: string) => void }): AttributionSetup {
  let preload: string;
  try {
    preload = distFile('runners/preload.cjs');
  } catch (err) {
    return { notice: `per-test attribution off: ${(err as Error).message}` };
  }
  let labeler: ((info: AgentThreadInfo) => ThreadLabeler) | undefined;
  let walls: ReturnType<typeof testWalls> | undefined;
  let warned = false;
  const warnOnce = (line: string): void => {
    if (warned) return;
    warned = true;
    opts.warn(line);
  };
  return {
    attribution: {
      env: { NODE_OPTIONS: withPreload(opts.env.NODE_OPTIONS, preload) },
      prepare: (rawDir, repoRoot) => {
        try {
          const records = readTestRecords(rawDir, repoRoot);
          for (const w of records.warnings) warnOnce(w);
          if (records.byThread.size === 0) {
            warnOnce(NO_RUNNER);
            return;
          }
          labeler = makeLabelerFor(records);
          walls = testWalls(records);
        } catch (err) {
          warnOnce(`per-test attribution off: ${(err as Error).message}`);
        }
      },
      labelerFor: (info) => {
        try {
          return labeler?.(info);
        } catch (err) {
          warnOnce(`per-test attribution off: ${(err as Error).message}`);
          return undefined;
        }
      },
      tests: (profile) => testStats(profile, { walls, blockedOf: blockedClass }),
      walls: () => walls,
      finish: () => {
        labeler = undefined;
      },
    },
  };
}
