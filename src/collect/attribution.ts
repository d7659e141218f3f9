/**
 * Per-test attribution for `ciprof run`: one preload (dist/runners/preload.cjs) goes
 * into NODE_OPTIONS beside the agent and installs the right hook in whichever test
 * runner's processes turn out to run (jest, mocha, vitest, node --test), whatever the
 * command line looks like: a package script, a shell line, npx, a wrapper. No command
 * is rewritten. After the run, the hooks' records become per-thread sample labelers
 * and a per-test table (test-attribution.ts).
 *
 * Only the preload's path is needed to start the command, so that is all this module
 * loads: the record reading, labelling and per-test table code (a dozen modules) loads
 * once the command has started (`load`), while it runs. With it on the start path, the
 * command's first line of JavaScript came 7 ms later (compile cache on) and 11 ms later
 * (off, as in CI): Node 24, 30 paired runs (test/cli/run-start-imports.test.ts keeps it off).
 *
 * Everything here fails open: no runner, or unreadable records, cost the per-test view,
 * never the profile or the exit code.
 */
import type { AgentThreadInfo } from '../agent/protocol.js';
import type { Profile } from '../profile/model.js';
import type { TestStat, TestWall } from '../profile/tests.js';
import { withPreload } from './node-options.js';
import { preloadFiles } from './preload-files.js';
import type { ThreadLabeler } from './test-labeler.js';
import type { TestAttribution } from './test-attribution.js';

export interface Attribution {
  /** A NODE_OPTIONS value with the hooks' preload added (the command's, and npm's node-options). */
  addPreload: (nodeOptions: string | undefined) => string;
  /** Loads the code the methods below need; call it once the command has started, await it before them. */
  load: () => Promise<void>;
  /** Reads thread `threadKey`'s records while the command runs, once its profile is written. */
  prefetch: (rawDir: string, threadKey: string) => void;
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

export function setupAttribution(_command: readonly string[], opts: { env: NodeJS.ProcessEnv; cwd: string; warn: (line: string) => void }): AttributionSetup {
  let preload: string;
  try {
    preload = preloadFiles().runnersPreload;
  } catch (err) {
    return { notice: `per-test attribution off: ${(err as Error).message}` };
  }
  let warned = false;
  const warnOnce = (line: string): void => {
    if (warned) return;
    warned = true;
    opts.warn(line);
  };
  let records: TestAttribution | undefined;
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> =>
    (loading ??= import('./test-attribution.js').then(
      (m) => {
        records = new m.TestAttribution(warnOnce);
      },
      (err: unknown) => warnOnce(`per-test attribution off: ${(err as Error).message}`),
    ));
  return {
    attribution: {
      addPreload: (nodeOptions) => withPreload(nodeOptions, preload),
      load,
      // Until loaded (or when loading failed): no records, no labels, no per-test table.
      prefetch: (rawDir, threadKey) => records?.prefetch(rawDir, threadKey),
      prepare: (rawDir, repoRoot) => records?.prepare(rawDir, repoRoot),
      labelerFor: (info) => records?.labelerFor(info),
      tests: (profile) => records?.tests(profile) ?? [],
      walls: () => records?.walls(),
      finish: () => records?.finish(),
    },
  };
}
