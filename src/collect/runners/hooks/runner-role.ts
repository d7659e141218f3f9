/**
 * Which test runner's own process or thread is this? Decided by what the process runs
 * (its entry script, its node flags, its parent), never by inherited environment
 * variables: NODE_TEST_CONTEXT, NODE_OPTIONS and VITEST_* reach every process a test
 * spawns, and a CLI under test must see nothing of ciprof's hooks.
 *
 * Runner main processes leave a marker `<pid>.<runner>.runner` in the raw directory:
 * `node --test` children recognise their orchestrator by it (a grandchild's parent is
 * a test file, not the orchestrator), and on Node without module.registerHooks a worker
 * thread recognises a runner's process by it. A process that runs node:test files leaves
 * `<pid>.node-test.tests`: what it spawns is a test's, never a test file of its own.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parentChain } from '../../../agent/process-facts.js';
import { inRawDir, OUTER_NODE_TEST_CONTEXT } from '../../../agent/protocol.js';
import { watchLoading } from './load-watch.js';

export type RunnerKind = 'jest' | 'mocha' | 'vitest' | 'node-test';

export interface RunnerRole {
  runner: RunnerKind;
  /** 'main': the runner's own entry process; 'worker': a process or thread it runs tests in. */
  role: 'main' | 'worker';
  /**
   * node:test only: the process runs the tests of many files (`--test-isolation=none`),
   * so each test's file is the one node:test gives it, not the process's script.
   */
  manyFiles?: boolean;
  /**
   * node:test only: a script that may run node:test in its own process, without --test
   * (`node test/all.test.js`): a test process only once node:test's own harness makes
   * its root there (hooks/node-test-plain.ts).
   */
  plain?: boolean;
}

const sep = String.raw`[\\/]`;
const entry = (pattern: string): RegExp => new RegExp(`${sep}${pattern.replaceAll('/', sep)}$`);

/** Patterns, compiled at the first match: a process that is nobody's runner compiles none. */
interface EntryTable {
  patterns: [RunnerKind, string][];
  compiled?: [RunnerKind, RegExp][];
}
const table = (patterns: [RunnerKind, string][]): EntryTable => ({ patterns });

const MAIN_ENTRIES = table([
  ['jest', '(?:jest|jest-cli)/bin/jest(?:\\.js)?'],
  ['jest', '\\.bin/jest'],
  ['vitest', 'vitest/vitest\\.mjs'],
  ['vitest', '\\.bin/vitest'],
  ['mocha', 'mocha/(?:bin/_?mocha(?:\\.js)?|lib/cli/cli\\.js)'],
  ['mocha', '\\.bin/_?mocha'],
]);
const WORKER_PROCESS_ENTRIES = table([
  ['jest', 'jest-worker/build/(?:workers/)?processChild\\.js'],
  ['vitest', 'vitest/dist/workers/(?:forks|vmForks)\\.js'],
  ['vitest', 'tinypool/dist/entry/process\\.js'],
  // worker.js up to mocha 11, worker.cjs from mocha 12
  ['mocha', 'mocha/lib/nodejs/worker\\.c?js'],
]);
const WORKER_THREAD_ENTRIES = table([
  ['jest', 'jest-worker/build/(?:workers/)?threadChild\\.js'],
  ['vitest', 'vitest/dist/workers/(?:threads|vmThreads)\\.js'],
  ['vitest', 'tinypool/dist/entry/worker\\.js'],
]);

/**
 * Whether a role records anything. vitest's main process and `node --test`'s orchestrator
 * run no test themselves (their workers and children do): there the hooks' bundle is not
 * even loaded (~2 ms of CPU, once per run for the orchestrator).
 */
export function recordsTests(role: RunnerRole): boolean {
  return role.role === 'worker' || role.runner === 'jest' || role.runner === 'mocha';
}

const marker = (rawDir: string, pid: number, runner: RunnerKind): string => inRawDir(rawDir, `${pid}.${runner}.runner`);

const match = (entries: EntryTable, file: string): RunnerKind | undefined =>
  (entries.compiled ??= entries.patterns.map(([runner, pattern]): [RunnerKind, RegExp] => [runner, entry(pattern)])).find(([, re]) => re.test(file))?.[0];

/** Every entry above names one of these: a script without any is nobody's runner, no pattern tested. */
const mayBeRunner = (file: string): boolean => file.includes('jest') || file.includes('vitest') || file.includes('mocha') || file.includes('tinypool');

/** The main thread's role, from argv and execArgv; marks runner main processes. */
export function mainThreadRole(rawDir: string): RunnerRole | undefined {
  const script = process.argv[1] ?? '';
  if (process.execArgv.includes('--test')) {
    // With isolation 'none' the orchestrator imports every file and runs the tests itself:
    // it records them, and the processes it starts are its tests' (no file children).
    if (!isolationNone(process.execArgv)) return markMain(rawDir, 'node-test');
    markTests(rawDir);
    return { runner: 'node-test', role: 'worker', manyFiles: true };
  }
  const candidate = mayBeRunner(script);
  const main = candidate && match(MAIN_ENTRIES, script);
  if (main) return markMain(rawDir, main);
  const worker = candidate && match(WORKER_PROCESS_ENTRIES, script);
  if (worker) return { runner: worker, role: 'worker' };
  if (script && nodeTestFileProcess(rawDir)) {
    markTests(rawDir);
    return { runner: 'node-test', role: 'worker' };
  }
  if (script && TEST_SCRIPT.test(projectPath(script)) && !runnerAbove(rawDir)) return { runner: 'node-test', role: 'worker', plain: true };
  return undefined;
}

/** The script's path inside the working directory, or its name: a checkout under /builds/test/ makes no script a test. */
function projectPath(script: string): string {
  const cwd = process.cwd();
  return script.startsWith(cwd) && (script[cwd.length] === '/' || script[cwd.length] === '\\') ? script.slice(cwd.length + 1) : script.slice(Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\')) + 1);
}

/**
 * A script that looks like a test (in a test/, tests/, __tests__/ or spec/ directory, or
 * named test.js, x.test.js, x.spec.ts, x_test.mjs...): `node test/all.test.js` (zx),
 * `node --conditions development test/index.js` (the unified packages), node:test run
 * in the script's own process. Only these pay for the watch (hooks/node-test-plain.ts); the
 * other scripts a suite starts (its CLIs, servers, build tools) pay nothing.
 */
const TEST_SCRIPT = /(?:^|[\\/])(?:tests?|__tests__|specs?)(?:[\\/]|\.[cm]?[jt]sx?$)|[._-](?:test|spec)s?\.[cm]?[jt]sx?$/i;

function markMain(rawDir: string, runner: RunnerKind): RunnerRole {
  writeFileSync(marker(rawDir, process.pid, runner), '');
  return { runner, role: 'main' };
}

const testsMarker = (rawDir: string, pid: number): string => inRawDir(rawDir, `${pid}.node-test.tests`);
/** This process runs node:test tests: the processes it starts are its tests', never test files of their own. */
export const markTests = (rawDir: string): void => writeFileSync(testsMarker(rawDir, process.pid), '');

const RUNNERS: readonly RunnerKind[] = ['node-test', 'jest', 'vitest', 'mocha'];

/** Whether an ancestor runs tests (a runner's main process, or a process that ran node:test files): then this process is one of its tests'. */
function runnerAbove(rawDir: string): boolean {
  return parentChain().some((pid) => existsSync(testsMarker(rawDir, pid)) || RUNNERS.some((runner) => existsSync(marker(rawDir, pid, runner))));
}

/** `--test-isolation=none` (Node 22.8+ as --experimental-test-isolation), as one argument or two. */
function isolationNone(execArgv: readonly string[]): boolean {
  return execArgv.some((arg, i) => {
    const flag = arg.replace(/^--experimental-test-isolation/, '--test-isolation');
    return flag === '--test-isolation=none' || (flag === '--test-isolation' && execArgv[i + 1] === 'none');
  });
}

/**
 * Is this process one node:test file of a test run? Two runners start such processes:
 *
 * - `node --test`, whose orchestrator is marked (it has the --test flag);
 * - node:test's run() API, behind borp and custom runner scripts, whose orchestrator is an
 *   ordinary script. Its file processes are known by NODE_TEST_CONTEXT=child-v8, which
 *   node:test sets for them; but every process a test spawns inherits that variable. So
 *   it counts only when no ancestor of this process runs node:test files (marked): the
 *   CLI a test spawns has its test file's process above it, however many shells between.
 */
function nodeTestFileProcess(rawDir: string): boolean {
  if (existsSync(marker(rawDir, process.ppid, 'node-test'))) return true;
  if (process.env.NODE_TEST_CONTEXT !== 'child-v8' || existsSync(inRawDir(rawDir, OUTER_NODE_TEST_CONTEXT))) return false;
  // Linux follows /proc upwards; elsewhere only the parent is known, so a node process a
  // test starts behind a shell that forks (not one that execs it) is taken for a file's.
  for (const pid of parentChain()) if (existsSync(testsMarker(rawDir, pid)) || existsSync(marker(rawDir, pid, 'node-test'))) return false;
  return true;
}

/**
 * A worker thread's role comes from its entry script, which the preload cannot see. Only
 * threads of a jest or vitest main process (marked) are candidates. With
 * module.registerHooks (Node 22.15+, 23.5+) a resolve hook looks at the top-level
 * resolutions (no parent: the --require preloads, then the entry) and is removed at a
 * runner's worker entry, or at the first turn of the event loop, by which time the entry
 * has been resolved. Without registerHooks, every thread of such a process counts.
 */
export function onWorkerThreadRole(rawDir: string, then: (role: RunnerRole) => void): void {
  const candidate = (['vitest', 'jest'] as const).find((runner) => existsSync(marker(rawDir, process.pid, runner)));
  if (!candidate) return;
  const watched = watchLoading((url, parentURL) => {
    const runner = parentURL === undefined ? match(WORKER_THREAD_ENTRIES, url) : undefined;
    return runner && (() => then({ runner, role: 'worker' }));
  });
  if (!watched) then({ runner: candidate, role: 'worker' });
}
