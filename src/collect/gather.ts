/**
 * Turns the agent's raw directory into one merged profile: every .cpuprofile converted
 * and merged, every thread that started but never wrote counted as lost, every bad file
 * named in a warning and skipped (the other profiles still count).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AgentThreadInfo } from '../agent/protocol.js';
import { addCpuProfile } from '../profile/cpuprofile.js';
import { ProfileBuilder, type Labels, type Profile } from '../profile/model.js';
import { parseProfileBytes } from '../profile/read.js';
import { FrameMapper } from '../sourcemap/apply.js';

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
}

export interface GatherResult {
  profile: Profile;
  threads: ThreadRecord[];
  processes: number;
  /** "<pid>-<tid>" of threads that started profiling and never wrote (SIGKILL, terminate timeout). */
  lost: string[];
  /** Processes Node ran without an inspector (the `node --test` parent): nothing to profile. */
  unprofilable: { pid: number; argv: string[] }[];
  warnings: string[];
}

export interface GatherOptions {
  repoRoot: string;
  /** Per-sample labels for a thread by V8 timestamp (per-test attribution plugs in here). */
  labelerFor?: (info: AgentThreadInfo) => ((timestampUs: number) => Labels | undefined) | undefined;
}

export function gatherRawProfiles(rawDir: string, options: GatherOptions): GatherResult {
  const builder = new ProfileBuilder();
  const frameMapper = new FrameMapper(options.repoRoot);
  const warnings: string[] = [];
  const started = new Set<string>();
  const threads = new Map<string, ThreadRecord>();
  const unprofilable: GatherResult['unprofilable'] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(rawDir).sort();
  } catch (err) {
    warnings.push(`${rawDir}: cannot read raw profiles (${(err as Error).message})`);
  }
  let wallStart = Infinity;
  let wallEnd = 0;
  for (const name of entries) {
    if (name.endsWith('.start')) {
      started.add(name.slice(0, -'.start'.length));
      continue;
    }
    if (name.endsWith('.noinspector')) {
      try {
        const info = JSON.parse(readFileSync(path.join(rawDir, name), 'utf8')) as { pid: number; argv: string[] };
        unprofilable.push({ pid: info.pid, argv: info.argv });
      } catch {
        unprofilable.push({ pid: Number(name.split('-')[0]), argv: [] });
      }
      continue;
    }
    if (!name.endsWith('.cpuprofile')) continue;
    const file = path.join(rawDir, name);
    try {
      const parsed = parseProfileBytes(file, readFileSync(file));
      if (parsed.kind !== 'cpuprofile') throw new Error(`${file}: expected a V8 .cpuprofile`);
      const info = parsed.cpu.$ciprof as AgentThreadInfo | undefined;
      const [pidText, tidText] = name.split('-');
      const pid = info?.pid ?? Number(pidText);
      const threadId = info?.threadId ?? Number(tidText);
      frameMapper.applyBeside(file, parsed.cpu, pid);
      const stats = addCpuProfile(builder, parsed.cpu, {
        repoRoot: options.repoRoot,
        labels: { pid, thread: threadId },
        labelAt: info ? options.labelerFor?.(info) : undefined,
      });
      const key = `${pid}-${threadId}`;
      const record = threads.get(key);
      if (record) {
        record.samples += stats.samples;
        record.cpuNs += stats.totalNs;
        record.segments += 1;
        record.startUs = Math.min(record.startUs, stats.startUs);
        record.endUs = Math.max(record.endUs, stats.endUs);
      } else {
        threads.set(key, {
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
        });
      }
      if (info) {
        wallStart = Math.min(wallStart, info.wallStartMs);
        wallEnd = Math.max(wallEnd, info.wallEndMs);
      }
    } catch (err) {
      warnings.push((err as Error).message);
    }
  }
  const lost = [...started].filter((k) => !threads.has(k));
  builder.meta = frameMapper.meta();
  warnings.push(...frameMapper.problems);
  if (wallStart !== Infinity) {
    builder.timeNanos = wallStart * 1e6;
    builder.durationNanos = Math.max(0, wallEnd - wallStart) * 1e6;
  }
  const records = [...threads.values()];
  return {
    profile: builder.build(),
    threads: records,
    processes: new Set(records.map((t) => t.pid)).size,
    lost,
    unprofilable,
    warnings,
  };
}
