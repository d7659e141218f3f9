/**
 * Per-test attribution for `ciprof run`: recognise the test runner from the command,
 * inject its hook module through the runner's own extension point (NODE_OPTIONS
 * preload, or an extra `--require` for mocha), and after the run turn the hooks'
 * records into per-thread sample labelers and a per-test table.
 *
 * Everything here fails open: an unrecognised runner or unreadable records cost the
 * per-test view, never the profile or the exit code.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AgentThreadInfo } from '../agent/protocol.js';
import type { Profile } from '../profile/model.js';
import { testStats, type TestStat, type TestWall } from '../profile/tests.js';
import { distFile } from './agent-path.js';
import { withPreload } from './node-options.js';
import { makeLabelerFor, readTestRecords, testWalls, type ThreadLabeler } from './test-labeler.js';

export type RunnerKind = 'jest' | 'mocha' | 'vitest' | 'node-test';

export interface RecognizedRunner {
  runner: RunnerKind;
  /** Index of the runner's executable token in the command, for command rewriting; -1 when found through a package.json script. */
  index: number;
}

const isNode = (token: string): boolean => /^node(\.exe)?$/.test(path.basename(token));

function runnerOfToken(token: string): RunnerKind | undefined {
  const base = path.basename(token);
  if (base === 'jest' || /[\\/]jest(-cli)?[\\/]bin[\\/]jest(\.js)?$/.test(token)) return 'jest';
  if (base === 'mocha' || base === '_mocha' || /[\\/]mocha[\\/]bin[\\/]_?mocha(\.js)?$/.test(token)) return 'mocha';
  if (base === 'vitest' || /[\\/]vitest[\\/]vitest\.mjs$/.test(token)) return 'vitest';
  return undefined;
}

/** Finds the runner in argv: `jest …`, `npx mocha …`, `node node_modules/vitest/vitest.mjs …`, `node --test …`. */
export function recognizeRunner(command: readonly string[]): RecognizedRunner | undefined {
  for (let i = 0; i < command.length; i++) {
    const token = command[i]!;
    const runner = runnerOfToken(token);
    if (runner) return { runner, index: i };
    if ((token === '--test' || token.startsWith('--test=')) && command.slice(0, i).some(isNode)) return { runner: 'node-test', index: i };
  }
  return undefined;
}

/** `npm test`, `npm run test:unit`, `yarn test`, `pnpm test`: look the script up in package.json. */
export function recognizeFromPackageScript(command: readonly string[], cwd: string): RecognizedRunner | undefined {
  const [tool, ...rest] = command;
  if (!tool || !['npm', 'yarn', 'pnpm'].includes(path.basename(tool))) return undefined;
  const args = rest[0] === 'run' || rest[0] === 'run-script' ? rest.slice(1) : rest;
  const script = args[0] === 't' ? 'test' : args[0];
  if (!script) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    const body = pkg.scripts?.[script];
    const found = body ? recognizeRunner(body.split(/\s+/)) : undefined;
    return found ? { runner: found.runner, index: -1 } : undefined;
  } catch {
    return undefined;
  }
}

export interface Attribution {
  runner: RunnerKind;
  command: string[];
  env: NodeJS.ProcessEnv;
  prepare: (rawDir: string) => void;
  labelerFor: (info: AgentThreadInfo) => ThreadLabeler | undefined;
  tests: (profile: Profile) => TestStat[];
  /** Every recorded test's wall time, embedded in the profile so it is self-contained. */
  walls: () => ReadonlyMap<string, TestWall> | undefined;
  finish: () => void;
}

export interface AttributionSetup {
  attribution?: Attribution;
  /** One line for stderr when attribution is off (unrecognised runner, missing hook file). */
  notice?: string;
}

export function setupAttribution(command: string[], opts: { env: NodeJS.ProcessEnv; cwd: string; repoRoot: string; warn: (line: string) => void }): AttributionSetup {
  // A shell command line as one string (the Action's `run:` input): recognise on its words.
  const shellLine = command.length === 1 && /\s/.test(command[0]!) ? command[0]! : undefined;
  const tokens = shellLine ? shellLine.trim().split(/\s+/) : command;
  const found = recognizeRunner(tokens) ?? recognizeFromPackageScript(tokens, opts.cwd);
  if (!found) {
    return { notice: 'per-test attribution off: test runner not recognised (jest, mocha, vitest, node --test); whole-suite profile only' };
  }
  let hook: string;
  try {
    hook = distFile(`runners/${found.runner}.cjs`);
  } catch (err) {
    return { notice: `per-test attribution off: ${(err as Error).message}` };
  }
  let runCommand = command;
  const env: NodeJS.ProcessEnv = {};
  if (found.runner === 'mocha') {
    if (found.index < 0) return { notice: 'per-test attribution off: mocha needs to be on the ciprof command line (not behind a package script) to add its root hooks' };
    // Root hook plugin right after mocha's executable: mocha accepts options anywhere.
    if (shellLine) {
      const word = tokens[found.index]!;
      const at = shellLine.search(new RegExp(`(^|\\s)${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`));
      const end = shellLine.indexOf(word, at) + word.length;
      runCommand = [`${shellLine.slice(0, end)} --require ${JSON.stringify(hook)}${shellLine.slice(end)}`];
    } else runCommand = [...command.slice(0, found.index + 1), '--require', hook, ...command.slice(found.index + 1)];
  } else {
    env.NODE_OPTIONS = withPreload(opts.env.NODE_OPTIONS, hook);
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
      runner: found.runner,
      command: runCommand,
      env,
      prepare: (rawDir) => {
        try {
          const records = readTestRecords(rawDir, opts.repoRoot);
          for (const w of records.warnings) warnOnce(w);
          if (records.byThread.size === 0) warnOnce(`per-test attribution: no ${found.runner} test was recorded; samples are labelled "(setup)"`);
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
      tests: (profile) => testStats(profile, { walls }),
      walls: () => walls,
      finish: () => {
        labeler = undefined;
      },
    },
  };
}
