/** What the preload agent and the collector agree on. No runtime imports: the agent is tiny. */

export const FLUSH_CHANNEL = 'ciprof:flush';

export type FlushMessage = { type: 'flush' | 'ack'; threadId: number };

/** The `$ciprof` block the agent adds to each .cpuprofile it writes. */
export interface AgentThreadInfo {
  pid: number;
  ppid: number;
  threadId: number;
  isMainThread: boolean;
  /** Script and first arguments: enough to tell a jest worker from the jest parent. */
  argv: string[];
  execPath: string;
  nodeVersion: string;
  /** 0 for the first file of a thread; a thread that survives a handled SIGTERM writes more. */
  segment: number;
  reason: 'exit' | 'signal' | 'terminate';
  wallStartMs: number;
  wallEndMs: number;
  /** process.hrtime at flush, to check V8's profile clock against Node's (per-test join). */
  hrtimeAtFlushNs: string;
  intervalUs: number;
}
