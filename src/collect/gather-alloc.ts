/**
 * gather's part for `--alloc`: one thread's `.allocprofile` into the same builder as the
 * CPU profiles, with the thread's labels and per-test labeler, its frames mapped through
 * the same source maps as the thread's `.cpuprofile`.
 */
import { ALLOC_SUFFIX, type AgentThreadInfo } from '../agent/protocol.js';
import { AllocProfileImporter, parseAllocProfile } from '../profile/alloc-import.js';
import type { DecodeLimits } from '../profile/limits.js';
import type { Labels, ProfileBuilder } from '../profile/model.js';
import { readProfileBytes } from '../profile/read.js';
import { LAUNCHER_ROLE, PROCESS_ROLE_LABEL } from '../profile/roles.js';
import type { FrameMapper } from '../sourcemap/apply.js';
import { agentInfoOf, isLauncherProcess } from './thread-info.js';

/** What the run's allocation profiles held (GatherResult.alloc). */
export interface AllocTotals {
  intervalBytes: number;
  threads: number;
  samples: number;
  bytes: number;
  /** ciprof's own allocations, folded into `(ciprof)`. */
  ownBytes: number;
  marks: number;
  marksFound: number;
}

export interface AllocGatherContext {
  builder: ProfileBuilder;
  repoRoot: string;
  isOwnScript: (url: string) => boolean;
  frameMapper: FrameMapper;
  maxMappedBytes: number;
  labelerFor?: (info: AgentThreadInfo) => ((timestampUs: number) => Labels | undefined) | undefined;
  limits?: DecodeLimits;
}

export class AllocGatherer {
  private importer: AllocProfileImporter | undefined;
  totals: AllocTotals | undefined;

  constructor(private readonly ctx: AllocGatherContext) {}

  /** Throws a plain Error naming the problem; nothing of a bad file reaches the builder. */
  add(file: string, name: string): void {
    const raw = readProfileBytes(file, this.ctx.limits);
    const bytes = raw.length <= this.ctx.maxMappedBytes ? this.ctx.frameMapper.mapBytes(file.slice(0, -ALLOC_SUFFIX.length) + '.cpuprofile', raw) : raw;
    const parsed = parseAllocProfile(bytes, this.ctx.limits);
    const info = parsed.info === undefined ? undefined : agentInfoOf(parsed.info);
    if (typeof info === 'string') throw new Error(`bad "$ciprof" block (${info})`);
    const [pidText, tidText] = name.split('-');
    const pid = info?.pid ?? Number(pidText);
    const thread = info?.threadId ?? Number(tidText);
    const launcher = info ? isLauncherProcess(info.argv, info.execPath) : false;
    const labels: Labels = launcher ? { pid, thread, [PROCESS_ROLE_LABEL]: LAUNCHER_ROLE } : { pid, thread };
    this.importer ??= new AllocProfileImporter(this.ctx.builder, { repoRoot: this.ctx.repoRoot, isOwnScript: this.ctx.isOwnScript, limits: this.ctx.limits });
    const stats = this.importer.add(parsed, { labels, labelAt: info && !launcher ? this.ctx.labelerFor?.(info) : undefined });
    const t = (this.totals ??= { intervalBytes: parsed.alloc.intervalBytes, threads: 0, samples: 0, bytes: 0, ownBytes: 0, marks: 0, marksFound: 0 });
    t.threads++;
    t.samples += stats.samples;
    t.bytes += stats.bytes;
    t.ownBytes += stats.ownBytes;
    t.marks += stats.marks;
    t.marksFound += stats.marksFound;
  }

  /** Profile metadata and warnings once every file is read. */
  finish(meta: Record<string, string>, warnings: string[]): void {
    const t = this.totals;
    if (!t) return;
    meta['alloc.interval_bytes'] = String(t.intervalBytes);
    meta['alloc.threads'] = String(t.threads);
    if (t.marksFound < t.marks) {
      warnings.push(`allocations: ${t.marks - t.marksFound} of ${t.marks} test boundaries not found among the heap samples; allocations next to them may be charged to the neighbouring test`);
    }
  }
}
