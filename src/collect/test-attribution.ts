/**
 * The post-command half of per-test attribution: the hooks' records read from the raw
 * directory become per-thread sample labelers, the per-test table and every test's wall
 * time. Loaded once the command has started (attribution.ts), never before: `ciprof run`
 * spawns the command first.
 *
 * Everything here fails open: unreadable records cost the per-test view, never the
 * profile or the exit code.
 */
import { blockedClass } from '../profile/blocked.js';
import type { AgentThreadInfo } from '../agent/protocol.js';
import type { Profile } from '../profile/model.js';
import { testStats, type TestStat, type TestWall } from '../profile/tests.js';
import { makeLabelerFor, readTestRecords, testWalls, type ThreadLabeler } from './test-labeler.js';
import { TestRecordPrefetch } from './test-record-prefetch.js';

const NO_RUNNER = 'per-test attribution off: no test ran under jest, mocha, vitest or node --test; whole-suite profile only';

export class TestAttribution {
  private labeler: ((info: AgentThreadInfo) => ThreadLabeler) | undefined;
  private testWalls: ReadonlyMap<string, TestWall> | undefined;
  private readonly readAhead = new TestRecordPrefetch();

  /** `warnOnce`: the first problem is told, one line; the rest would repeat it. */
  constructor(private readonly warnOnce: (line: string) => void) {}

  /** Reads a thread's records while the command runs, once its profile is written (prepare uses them if unchanged). */
  prefetch(rawDir: string, threadKey: string): void {
    this.readAhead.prefetch(rawDir, threadKey);
  }

  /** Reads the hooks' records; `repoRoot` makes their test files relative. */
  prepare(rawDir: string, repoRoot: string): void {
    try {
      const records = readTestRecords(rawDir, repoRoot, this.readAhead.read);
      for (const w of records.warnings) this.warnOnce(w);
      if (records.byThread.size === 0) {
        this.warnOnce(NO_RUNNER);
        return;
      }
      this.labeler = makeLabelerFor(records);
      this.testWalls = testWalls(records);
    } catch (err) {
      this.warnOnce(`per-test attribution off: ${(err as Error).message}`);
    }
  }

  labelerFor(info: AgentThreadInfo): ThreadLabeler | undefined {
    try {
      return this.labeler?.(info);
    } catch (err) {
      this.warnOnce(`per-test attribution off: ${(err as Error).message}`);
      return undefined;
    }
  }

  tests(profile: Profile): TestStat[] {
    return testStats(profile, { walls: this.testWalls, blockedOf: blockedClass });
  }

  walls(): ReadonlyMap<string, TestWall> | undefined {
    return this.testWalls;
  }

  finish(): void {
    this.labeler = undefined;
  }
}
