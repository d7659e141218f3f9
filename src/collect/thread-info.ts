/**
 * The agent's `$ciprof` block, read back from a file the tests could have written:
 * checked field by field before gather trusts a pid, a thread id or an argv. Fields the
 * agent may add later are ignored; the two that identify the thread are required.
 */
import * as path from 'node:path';
import type { AgentThreadInfo } from '../agent/protocol.js';

const MAX_ARGV = 64;
const MAX_TEXT = 4096;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/** The validated block, or a short description of the first thing wrong with it. */
export function agentInfoOf(value: unknown): AgentThreadInfo | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const v = value as Record<string, unknown>;
  if (!isCount(v.pid)) return 'pid is not a non-negative integer';
  if (!isCount(v.threadId)) return 'threadId is not a non-negative integer';
  // argv only names the process: a long one is clipped, never a reason to drop the profile
  // (execa's suite passes an argument of 10,000 characters to a node child).
  const argvIn = v.argv ?? [];
  if (!Array.isArray(argvIn) || !argvIn.every((a) => typeof a === 'string')) return 'argv is not a list of strings';
  const argv = (argvIn as string[]).slice(0, MAX_ARGV).map((a) => (a.length > MAX_TEXT ? a.slice(0, MAX_TEXT) : a));
  for (const key of ['execPath', 'nodeVersion', 'hrtimeAtFlushNs'] as const) {
    if (v[key] !== undefined && !isText(v[key])) return `${key} is not a string`;
  }
  for (const key of ['ppid', 'segment', 'intervalUs'] as const) {
    if (v[key] !== undefined && !isCount(v[key])) return `${key} is not a non-negative integer`;
  }
  const wallStartMs = v.wallStartMs ?? 0;
  const wallEndMs = v.wallEndMs ?? wallStartMs;
  if (!isTime(wallStartMs) || !isTime(wallEndMs) || wallEndMs < wallStartMs) return 'wallStartMs/wallEndMs are not an ordered pair of times';
  if (v.isMainThread !== undefined && typeof v.isMainThread !== 'boolean') return 'isMainThread is not a boolean';
  const reason = v.reason === 'signal' || v.reason === 'terminate' ? v.reason : 'exit';
  // Spawn attribution: when the thread started (monotonic) and its process's ancestors.
  if (v.startUs !== undefined && !isTime(v.startUs)) return 'startUs is not a time';
  const ancestors = v.ancestors ?? [];
  if (!Array.isArray(ancestors) || ancestors.length > MAX_ARGV || !ancestors.every(isCount)) return `ancestors is not a list of at most ${MAX_ARGV} pids`;
  return {
    pid: v.pid,
    ppid: (v.ppid as number | undefined) ?? 0,
    threadId: v.threadId,
    isMainThread: (v.isMainThread as boolean | undefined) ?? v.threadId === 0,
    argv,
    execPath: (v.execPath as string | undefined) ?? '',
    nodeVersion: (v.nodeVersion as string | undefined) ?? '',
    segment: (v.segment as number | undefined) ?? 0,
    reason,
    wallStartMs,
    wallEndMs,
    hrtimeAtFlushNs: (v.hrtimeAtFlushNs as string | undefined) ?? '',
    intervalUs: (v.intervalUs as number | undefined) ?? 0,
    startUs: v.startUs as number | undefined,
    ancestors: ancestors as number[],
  };
}

/**
 * Package managers, by the script Node runs (argv[1], as invoked: often the bin symlink
 * /usr/bin/npm, or the resolved npm-cli.js) or by the executable itself (pnpm's binary).
 */
const LAUNCHER_SCRIPT = [
  /[\\/]node_modules[\\/](npm|pnpm|yarn|corepack)[\\/](bin|dist|lib)[\\/][^\\/]+$/,
  /[\\/]\.yarn[\\/]releases[\\/]yarn-[^\\/]+\.c?js$/,
];
const LAUNCHER_NAMES = new Set(['npm', 'npx', 'pnpm', 'pnpx', 'yarn', 'yarnpkg', 'corepack']);
const baseName = (file: string): string => path.basename(file).replace(/\.(exe|cmd|c?js)$/i, '');

/**
 * True for npm, npx, pnpm, yarn and corepack processes: they only start the test runner,
 * and their time (resolving the script, spawning, waiting) is no test's work.
 */
export function isLauncherProcess(argv: readonly string[], execPath: string): boolean {
  const script = argv[0] ?? '';
  if (LAUNCHER_SCRIPT.some((re) => re.test(script)) || LAUNCHER_NAMES.has(baseName(script))) return true;
  return LAUNCHER_NAMES.has(baseName(execPath));
}
