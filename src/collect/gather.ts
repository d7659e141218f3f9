/**
 * Turns the agent's raw directory into one merged profile: every .cpuprofile converted
 * and merged, every thread that started but never wrote counted as lost, every bad file
 * named in a one-line warning and skipped (the other profiles still count). The raw
 * directory is writable by the tests, so its files are input like any other.
 *
 * ciprof's own frames (agent, runner hooks) are folded into `(ciprof)` by the importer;
 * package-manager processes (npm, npx, pnpm, yarn, corepack) get `process_role=launcher`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOC_SUFFIX, WARNINGS_SUFFIX, type AgentThreadInfo } from '../agent/protocol.js';
import { CpuProfileImporter } from '../profile/cpuprofile.js';
import type { ScannedCpuProfile } from '../profile/cpuprofile-scan.js';
import type { DecodeLimits } from '../profile/limits.js';
import { ProfileBuilder, type Labels, type Profile } from '../profile/model.js';
import { asInputError, ProfileFileReader } from '../profile/read.js';
import { LAUNCHER_ROLE, PROCESS_ROLE_LABEL } from '../profile/roles.js';
import { FrameMapper } from '../sourcemap/apply.js';
import { preloadDirs } from './preload-files.js';
import { AllocGatherer, type AllocTotals } from './gather-alloc.js';
import { agentInfoOf, isLauncherProcess } from './thread-info.js';

export interface ThreadRecord {
  pid: number;
  threadId: number;
  isMainThread: boolean;
  argv: string[];
  nodeVersion: string;
  samples: number;
  cpuNs: number;
  segments: number;
  /** The span of V8's clock (µs) the thread's profile covers. */
  startUs: number;
  endUs: number;
  /** 'launcher' for package-manager processes (npm, npx, pnpm, yarn): their samples carry process_role=launcher. */
  role?: typeof LAUNCHER_ROLE;
}

export interface GatherResult {
  profile: Profile;
  threads: ThreadRecord[];
  processes: number;
  /** "<pid>-<tid>" of threads that started profiling and never wrote (SIGKILL, terminate timeout). */
  lost: string[];
  /** Processes Node ran without an inspector (the `node --test` parent), or whose permission model refused it: nothing to profile. */
  unprofilable: Unprofilable[];
  warnings: string[];
  /** ciprof's own work in the profiled processes, folded into the `(ciprof)` frame. */
  own: { samples: number; cpuNs: number };
  /** With `--alloc`: what the allocation profiles held. */
  alloc?: AllocTotals;
  /** Profiles read while the command ran (RawGatherer.prefetch), bad ones included. */
  readEarly: number;
}

export interface GatherOptions {
  repoRoot: string;
  /** Per-sample labels for a thread by V8 timestamp (per-test attribution plugs in here). */
  labelerFor?: (info: AgentThreadInfo) => ((timestampUs: number) => Labels | undefined) | undefined;
  /** True for the URL of ciprof's own scripts; defaults to the built agent and runner hooks. */
  isOwnScript?: (url: string) => boolean;
  limits?: DecodeLimits;
}

/** A process with no inspector for the agent; `reason: 'permission'` when Node's permission model refused it. */
export interface Unprofilable {
  pid: number;
  argv: string[];
  reason?: 'permission';
}

/** The `.noinspector` marker: a pid and a few argv words. */
const MAX_MARKER_BYTES = 64 * 1024;
/** Largest profile mapped through source maps (see RawGatherer.load). */
const MAX_MAPPED_BYTES = 32 * 1024 * 1024;
/**
 * Scans held for gather() past which profiles are left to be read then: a scan holds 12
 * bytes per node and per sample, and a long suite's threads may have millions of samples.
 */
const MAX_PREFETCHED_BYTES = 256 * 1024 * 1024;

export function gatherRawProfiles(rawDir: string, options: GatherOptions): GatherResult {
  return new RawGatherer(rawDir, options).gather();
}

/** A thread's profile read ahead (RawGatherer.prefetch): scanned, or what was wrong with it. */
type Prefetched = { scanned: ScannedCpuProfile; unmapped: boolean } | { error: Error };

/**
 * gatherRawProfiles in two steps, for `ciprof run`: prefetch() reads, maps and scans a
 * thread's finished profile while the test command still runs (the expensive part),
 * gather() adds everything to the profile once the command has ended, in the order of
 * the file names, so the result is the same whichever files were read ahead and when.
 */
export class RawGatherer {
  private readonly builder = new ProfileBuilder();
  private readonly importer: CpuProfileImporter;
  private readonly reader: ProfileFileReader;
  private readonly frameMapper: FrameMapper;
  private readonly isOwnScript: (url: string) => boolean;
  private readonly prefetched = new Map<string, Prefetched>();
  private gathered = false;
  /** Bytes held by the prefetched scans (see MAX_PREFETCHED_BYTES). */
  private heldBytes = 0;

  constructor(
    private readonly rawDir: string,
    private readonly options: GatherOptions,
  ) {
    this.isOwnScript = options.isOwnScript ?? ownScriptMatcher();
    this.importer = new CpuProfileImporter(this.builder, { repoRoot: options.repoRoot, isOwnScript: this.isOwnScript, limits: options.limits });
    this.reader = new ProfileFileReader(options.limits);
    this.frameMapper = new FrameMapper(options.repoRoot);
  }

  /**
   * Reads the .cpuprofile `name` ahead of gather(), once its writer is done with it (its
   * `.scripts.json` is written after it). A bad file's problem is kept for gather() to
   * report in its place. Left to gather(): a jest worker's profile (its maps are read
   * from jest's cache, which fills while the run goes on), and any past the memory bound.
   */
  prefetch(name: string): void {
    if (this.gathered || this.prefetched.has(name) || this.heldBytes > MAX_PREFETCHED_BYTES) return;
    const file = path.join(this.rawDir, name);
    try {
      const loaded = this.load(file, false);
      if (!loaded) return;
      const { scanned } = loaded;
      this.heldBytes += scanned.frameOf.byteLength * 3 + scanned.tickNode.byteLength + scanned.tickTime.byteLength;
      this.prefetched.set(name, loaded);
    } catch (err) {
      this.prefetched.set(name, { error: asInputError(file, err) });
    }
  }

  gather(): GatherResult {
    this.gathered = true;
    const { builder, options, rawDir } = this;
    const result: GatherResult = { profile: builder.build(), threads: [], processes: 0, lost: [], unprofilable: [], warnings: [], own: { samples: 0, cpuNs: 0 }, readEarly: this.prefetched.size };
    const started = new Set<string>();
    const threads = new Map<string, ThreadRecord>();
    let entries: string[] = [];
    try {
      entries = readdirSync(rawDir).sort();
    } catch (err) {
      result.warnings.push(`${rawDir}: cannot read raw profiles (${(err as Error).message})`);
    }
    const wall = { start: Infinity, end: 0 };
    const unmapped: string[] = [];
    const allocs = new AllocGatherer({ builder, repoRoot: options.repoRoot, isOwnScript: this.isOwnScript, frameMapper: this.frameMapper, maxMappedBytes: MAX_MAPPED_BYTES, labelerFor: options.labelerFor, limits: options.limits });
    const state: GatherState = { threads, wall, own: result.own };
    const threadWarnings = new ThreadWarnings();
    for (const name of entries) {
      const file = path.join(rawDir, name);
      if (name.endsWith('.start')) started.add(name.slice(0, -'.start'.length));
      else if (name.endsWith('.noinspector')) result.unprofilable.push(readNoInspector(file, name));
      else if (name.endsWith(WARNINGS_SUFFIX)) threadWarnings.add(name.slice(0, -WARNINGS_SUFFIX.length), readMarker(file));
      else if (name.endsWith('.cpuprofile')) {
        try {
          const loaded = this.prefetched.get(name) ?? this.load(file, true)!;
          if ('error' in loaded) throw loaded.error;
          if (loaded.unmapped) unmapped.push(file);
          addThreadProfile(this.importer, loaded.scanned, name, options, state);
        } catch (err) {
          result.warnings.push(asInputError(file, err).message);
        }
      } else if (name.endsWith(ALLOC_SUFFIX)) {
        try {
          allocs.add(file, name);
        } catch (err) {
          result.warnings.push(asInputError(file, err).message);
        }
      }
    }
    this.prefetched.clear();
    result.warnings.push(...threadWarnings.lines());
    builder.meta = this.frameMapper.meta();
    allocs.finish(builder.meta, result.warnings);
    if (allocs.totals) result.alloc = allocs.totals;
    // Sorted: files read ahead are mapped in the order they were written, not by name.
    result.warnings.push(...[...this.frameMapper.problems].sort());
    if (unmapped.length) result.warnings.push(`${unmapped[0]}${unmapped.length > 1 ? ` and ${unmapped.length - 1} more` : ''}: larger than ${MAX_MAPPED_BYTES} bytes, source maps not applied`);
    if (wall.start !== Infinity) {
      builder.timeNanos = wall.start * 1e6;
      builder.durationNanos = Math.max(0, wall.end - wall.start) * 1e6;
    }
    result.threads = [...threads.values()];
    result.lost = [...started].filter((k) => !threads.has(k));
    // A main thread with more than one segment is as many processes that had the same pid
    // (each thread writes one profile; freeProfileBase numbers a reused pid's apart).
    const reused = result.threads.filter((t) => t.isMainThread && t.segments > 1).reduce((n, t) => n + t.segments - 1, 0);
    result.processes = new Set(result.threads.map((t) => t.pid)).size + reused;
    if (reused > 0) result.warnings.push(`${reused} process(es) had the pid of an earlier process of this run (the kernel reuses pids: kernel.pid_max); their samples are kept, merged under that pid and thread`);
    result.profile = builder.build();
    return result;
  }

  /** Read, mapped through source maps and scanned; undefined only when `jestCache` is false and the profile needs it. */
  private load(file: string, jestCache: boolean): { scanned: ScannedCpuProfile; unmapped: boolean } | undefined {
    const parsed = this.reader.parse(file);
    if (parsed.kind !== 'cpuprofile') throw new Error('expected a V8 .cpuprofile');
    // Mapping parses and rewrites the whole JSON (an object per node): past this size the
    // profile keeps its generated positions rather than break the decoders' memory bound.
    if (parsed.bytes.length > MAX_MAPPED_BYTES) return { scanned: this.importer.scan(parsed.bytes), unmapped: true };
    const bytes = jestCache ? this.frameMapper.mapBytes(file, parsed.bytes) : this.frameMapper.mapBytes(file, parsed.bytes, { jestCache: false });
    return bytes && { scanned: this.importer.scan(bytes), unmapped: false };
  }
}

interface GatherState {
  threads: Map<string, ThreadRecord>;
  wall: { start: number; end: number };
  own: GatherResult['own'];
}

function addThreadProfile(importer: CpuProfileImporter, scanned: ScannedCpuProfile, name: string, options: GatherOptions, state: GatherState): void {
  let info: AgentThreadInfo | undefined;
  let launcher = false;
  let pid = 0;
  let threadId = 0;
  const stats = importer.addScanned(scanned, (block) => {
    const checked = block === undefined ? undefined : agentInfoOf(block);
    if (typeof checked === 'string') throw new Error(`bad "$ciprof" block (${checked})`);
    info = checked;
    const [pidText, tidText] = name.split('-');
    pid = info?.pid ?? Number(pidText);
    threadId = info?.threadId ?? Number(tidText);
    launcher = info ? isLauncherProcess(info.argv, info.execPath) : false;
    const labels: Labels = launcher ? { pid, thread: threadId, [PROCESS_ROLE_LABEL]: LAUNCHER_ROLE } : { pid, thread: threadId };
    return { labels, labelAt: info && !launcher ? options.labelerFor?.(info) : undefined };
  });
  state.own.samples += stats.ownSamples;
  state.own.cpuNs += stats.ownNs;
  const key = `${pid}-${threadId}`;
  const record = state.threads.get(key);
  if (record) {
    record.samples += stats.samples;
    record.cpuNs += stats.totalNs;
    record.segments += 1;
    record.startUs = Math.min(record.startUs, stats.startUs);
    record.endUs = Math.max(record.endUs, stats.endUs);
  } else {
    state.threads.set(key, {
      pid,
      threadId,
      isMainThread: info?.isMainThread ?? threadId === 0,
      argv: info?.argv ?? [],
      nodeVersion: info?.nodeVersion ?? '',
      samples: stats.samples,
      cpuNs: stats.totalNs,
      segments: 1,
      startUs: stats.startUs,
      endUs: stats.endUs,
      ...(launcher ? { role: LAUNCHER_ROLE } : {}),
    });
  }
  if (info) {
    state.wall.start = Math.min(state.wall.start, info.wallStartMs);
    state.wall.end = Math.max(state.wall.end, info.wallEndMs);
  }
}

/** A small file's text, or '' when it is missing or larger than a marker may be. */
function readMarker(file: string): string {
  try {
    return statSync(file).size > MAX_MARKER_BYTES ? '' : readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * What the agent and the hooks could not do inside the command's processes (agent/run-warnings.ts),
 * one line per distinct message with the threads that said it, at most MAX_THREAD_WARNINGS.
 */
const MAX_THREAD_WARNINGS = 10;

class ThreadWarnings {
  private readonly byMessage = new Map<string, string[]>();

  add(threadKey: string, text: string): void {
    for (const message of text.split('\n')) {
      if (!message.trim()) continue;
      const threads = this.byMessage.get(message) ?? [];
      threads.push(threadKey);
      this.byMessage.set(message, threads);
    }
  }

  lines(): string[] {
    const all = [...this.byMessage].map(([message, threads]) => `${message} (${threads.length === 1 ? `thread ${threads[0]}` : `${threads.length} threads, e.g. ${threads[0]}`})`);
    if (all.length <= MAX_THREAD_WARNINGS) return all;
    return [...all.slice(0, MAX_THREAD_WARNINGS), `and ${all.length - MAX_THREAD_WARNINGS} more warnings from the command's processes`];
  }
}

function readNoInspector(file: string, name: string): Unprofilable {
  const fallback = { pid: Number(name.split('-')[0]), argv: [] };
  try {
    // An unreadable or oversized marker reads as '', which JSON.parse refuses: the fallback.
    const info = JSON.parse(readMarker(file)) as { pid?: unknown; argv?: unknown; reason?: unknown };
    const argv = Array.isArray(info.argv) ? info.argv.filter((a): a is string => typeof a === 'string').slice(0, 16) : [];
    return { pid: Number.isSafeInteger(info.pid) ? (info.pid as number) : fallback.pid, argv, ...(info.reason === 'permission' ? { reason: 'permission' as const } : {}) };
  } catch {
    return fallback;
  }
}

/**
 * ciprof's own scripts in the profiled processes: the agent (agent.cjs) and the runner
 * hooks (runners/*.cjs), by real path, in dist/ or in the node_modules mirror the run
 * loaded them from (preload-files.ts). The CLI and the rest of dist/ are not included:
 * when ciprof's own test suite runs under ciprof, they are the code under test.
 */
export function ownScriptMatcher(dirs: readonly string[] = preloadDirs()): (url: string) => boolean {
  if (dirs.length === 0) return () => false;
  const agents = new Set(dirs.map((d) => path.join(d, 'agent.cjs')));
  const runners = dirs.map((d) => path.join(d, 'runners') + path.sep);
  return (url) => {
    let file = url;
    if (url.startsWith('file:')) {
      try {
        file = fileURLToPath(url);
      } catch {
        return false;
      }
    }
    return agents.has(file) || (file.endsWith('.cjs') && runners.some((r) => file.startsWith(r)));
  };
}
