/**
 * Which test runner's own process or thread is this? Decided by what the process runs
 * (its entry script, its node flags, its parent), never by inherited environment
 * variables: NODE_TEST_CONTEXT, NODE_OPTIONS and VITEST_* reach every process a test
 * spawns, and a CLI under test must see nothing of ciprof's hooks.
 *
 * Runner main processes leave a marker `<pid>.<runner>.runner` in the raw directory:
 * `node --test` children recognise their orchestrator by it (a grandchild's parent is
 * a test file, not the orchestrator), and on Node without module.registerHooks a worker
 * thread recognises a runner's process by it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtin } from '../../../agent/thread.js';

export type RunnerKind = 'jest' | 'mocha' | 'vitest' | 'node-test';

export interface RunnerRole {
  runner: RunnerKind;
  /** 'main': the runner's own entry process; 'worker': a process or thread it runs tests in. */
  role: 'main' | 'worker';
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
  ['mocha', 'mocha/lib/nodejs/worker\\.js'],
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

const marker = (rawDir: string, pid: number, runner: RunnerKind): string => join(rawDir, `${pid}.${runner}.runner`);

const match = (entries: EntryTable, file: string): RunnerKind | undefined =>
  (entries.compiled ??= entries.patterns.map(([runner, pattern]): [RunnerKind, RegExp] => [runner, entry(pattern)])).find(([, re]) => re.test(file))?.[0];

/** Every entry above names one of these: a script without any is nobody's runner, no pattern tested. */
const mayBeRunner = (file: string): boolean => file.includes('jest') || file.includes('vitest') || file.includes('mocha') || file.includes('tinypool');

/** The main thread's role, from argv and execArgv; marks runner main processes. */
export function mainThreadRole(rawDir: string): RunnerRole | undefined {
  const script = process.argv[1] ?? '';
  if (process.execArgv.includes('--test')) return markMain(rawDir, 'node-test');
  const candidate = mayBeRunner(script);
  const main = candidate && match(MAIN_ENTRIES, script);
  if (main) return markMain(rawDir, main);
  const worker = candidate && match(WORKER_PROCESS_ENTRIES, script);
  if (worker) return { runner: worker, role: 'worker' };
  // `node --test` runs each test file as a child of the orchestrator.
  if (script && existsSync(marker(rawDir, process.ppid, 'node-test'))) return { runner: 'node-test', role: 'worker' };
  return undefined;
}

function markMain(rawDir: string, runner: RunnerKind): RunnerRole {
  writeFileSync(marker(rawDir, process.pid, runner), '');
  return { runner, role: 'main' };
}

type RegisterHooks = (hooks: { resolve: (specifier: string, context: unknown, next: (s: string, c: unknown) => { url: string }) => { url: string } }) => { deregister: () => void };

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
  const registerHooks = builtin<{ registerHooks?: RegisterHooks }>('node:module').registerHooks;
  if (typeof registerHooks !== 'function') return then({ runner: candidate, role: 'worker' });
  let watching = true;
  const stop = (): void => {
    if (!watching) return;
    watching = false;
    clearImmediate(timeout);
    hooks.deregister();
  };
  const hooks = registerHooks({
    resolve(specifier, context, next) {
      const result = next(specifier, context);
      if (!watching || (context as { parentURL?: string }).parentURL !== undefined) return result;
      const runner = match(WORKER_THREAD_ENTRIES, result.url);
      if (runner) {
        stop();
        then({ runner, role: 'worker' });
      }
      return result;
    },
  });
  const timeout = setImmediate(stop);
  timeout.unref();
}
