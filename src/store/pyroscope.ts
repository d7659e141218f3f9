/**
 * Pyroscope as a ProfileStore: profiles go in through the push API and come back merged
 * through /querier.v1.QuerierService/SelectMergeProfile (grafana/pyroscope v2.2.1,
 * api/querier/v1/querier.proto; Connect unary, binary proto both ways, pprof back).
 *
 * Pyroscope keeps one series per profile type (`__name__:type:unit:period_type:period_unit`),
 * so the two value types of our profiles (samples/count, cpu/nanoseconds) are fetched as
 * two queries and joined again by function key. What Pyroscope does not keep: pprof
 * comments (our metadata) and the sample labels it turned into series labels; the profile
 * returned carries commit/job_key from the query instead. A commit's several runs come back
 * merged into one profile (Pyroscope sums matching series), the honest baseline anyway.
 */
import { gzipSync } from 'node:zlib';
import type { PyroscopeAuth } from '../pyroscope/auth.js';
import { pyroscopeRequest, type RetryPolicy } from '../pyroscope/http.js';
import type { PyroscopeQuerySettings } from '../pyroscope/settings.js';
import { CPU_SAMPLES_TYPE, CPU_TIME_TYPE, labelSelector, sanitizeAppName, sanitizeLabelValue } from '../pyroscope/labels.js';
import { encodeSelectMergeProfileRequest } from '../pyroscope/messages.js';
import { uploadProfile, type PyroscopeProtocol } from '../pyroscope/upload.js';
import { ProfileInputError } from '../profile/errors.js';
import { encodePprof } from '../profile/pprof.js';
import { CPU_NANOS, ProfileBuilder, SAMPLES_COUNT, type Profile } from '../profile/model.js';
import { parseProfileBytes } from '../profile/read.js';
import type { ProfileStore, StoredProfile, StoreCapabilities } from './store.js';

export interface PyroscopeStoreOptions extends Omit<PyroscopeQuerySettings, 'retry'> {
  protocol?: PyroscopeProtocol;
  retry?: Partial<RetryPolicy>;
  onRetry?: (line: string) => void;
  now?: () => number;
}

export class PyroscopeStore implements ProfileStore {
  readonly name = 'pyroscope';
  // A query returns every run in the time window merged into one profile.
  readonly capabilities: StoreCapabilities = { separateRuns: false, runsByCommit: false };
  private readonly fetched = new Map<string, Buffer>();

  constructor(readonly opts: PyroscopeStoreOptions) {}

  /** The selector a stored profile is found by: app, job key, commit. */
  selector(jobKey: string, commit: string): string {
    return labelSelector([
      { name: 'service_name', value: sanitizeAppName(this.opts.app) },
      { name: 'job_key', value: sanitizeLabelValue(jobKey) },
      { name: 'commit', value: sanitizeLabelValue(commit) },
    ]);
  }

  async put(entry: Omit<StoredProfile, 'id' | 'createdAt'>, pprofGzip: Buffer): Promise<StoredProfile> {
    const parsed = parseProfileBytes('profile', pprofGzip);
    if (parsed.kind !== 'pprof') throw new Error('pyroscope store: expected a pprof profile');
    const profile = parsed.profile;
    profile.meta = { ...profile.meta, commit: entry.commit, job_key: entry.jobKey, ...(entry.branch ? { branch: entry.branch } : {}) };
    await uploadProfile(profile, { ...this.common(), app: this.opts.app, protocol: this.opts.protocol ?? 'push' });
    return { id: this.selector(entry.jobKey, entry.commit), jobKey: entry.jobKey, commit: entry.commit, createdAt: new Date(this.now()).toISOString(), ...(entry.branch ? { branch: entry.branch } : {}) };
  }

  /** One entry (all runs of the commit, merged by Pyroscope) or none. */
  async find(jobKey: string, commit: string): Promise<StoredProfile[]> {
    const id = this.selector(jobKey, commit);
    const profile = await this.fetchMerged(id, commit, jobKey);
    if (profile.samples.length === 0) return [];
    this.fetched.set(id, gzipSync(encodePprof(profile)));
    const createdAt = new Date(profile.timeNanos ? profile.timeNanos / 1e6 : this.now()).toISOString();
    return [{ id, jobKey, commit, createdAt }];
  }

  async get(entry: StoredProfile): Promise<Buffer> {
    const cached = this.fetched.get(entry.id);
    if (cached) return cached;
    const profile = await this.fetchMerged(entry.id, entry.commit, entry.jobKey);
    if (profile.samples.length === 0) throw new Error(`pyroscope: no profile for ${entry.id} in the last ${Math.round(this.opts.windowMs / 86_400_000)} days`);
    return gzipSync(encodePprof(profile));
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private common(): { server: string; auth: PyroscopeAuth; retry?: Partial<RetryPolicy>; onRetry?: (line: string) => void } {
    return { server: this.opts.server, auth: this.opts.auth, retry: this.opts.retry, onRetry: this.opts.onRetry };
  }

  private async selectMerge(profileTypeId: string, selector: string): Promise<Profile> {
    const end = this.now();
    const res = await pyroscopeRequest({
      ...this.common(),
      path: '/querier.v1.QuerierService/SelectMergeProfile',
      body: encodeSelectMergeProfileRequest({ profileTypeId, labelSelector: selector, start: end - this.opts.windowMs, end }),
      contentType: 'application/proto',
      extraHeaders: { 'Connect-Protocol-Version': '1' },
    });
    // An empty body is a valid empty google.v1.Profile (proto3 omits defaults).
    if (res.body.length === 0) return new ProfileBuilder([{ type: 'cpu', unit: 'nanoseconds' }], CPU_NANOS, 0).build();
    // The same capped decoder as any profile file (element counts, string sizes, depth,
    // gzip bombs), its error one line naming the query instead of a file.
    const source = `pyroscope SelectMergeProfile answer (${profileTypeId} ${selector})`;
    const parsed = parseProfileBytes(source, res.body);
    if (parsed.kind !== 'pprof') throw new ProfileInputError(source, 'JSON, not a pprof profile');
    return parsed.profile;
  }

  /** Both value types for a selector, joined into one profile in our two-type shape. */
  private async fetchMerged(selector: string, commit: string, jobKey: string): Promise<Profile> {
    const time = await this.selectMerge(CPU_TIME_TYPE, selector);
    const counts = time.samples.length ? await this.selectMerge(CPU_SAMPLES_TYPE, selector) : time;
    const out = new ProfileBuilder([SAMPLES_COUNT, CPU_NANOS], CPU_NANOS, time.period);
    const add = (part: Profile, slot: 0 | 1): void => {
      for (const s of part.samples) {
        const stack = s.stack.map((i) => {
          const f = part.functions[i]!;
          return out.functionId(f.name, f.file, f.line);
        });
        const v = s.values[0] ?? 0;
        out.addSample(stack, slot === 0 ? [v, 0] : [0, v], s.labels);
      }
    };
    if (time.samples.length) {
      add(time, 1);
      if (counts !== time && counts.samples.length) add(counts, 0);
    }
    out.timeNanos = time.timeNanos;
    out.durationNanos = time.durationNanos;
    out.meta = { commit, job_key: jobKey, source: 'pyroscope', 'pyroscope.selector': selector };
    const profile = out.build();
    const totalNs = profile.samples.reduce((a, s) => a + s.values[1]!, 0);
    const totalCount = profile.samples.reduce((a, s) => a + s.values[0]!, 0);
    // Period: as returned; else estimated from the two totals; else V8's default 1 ms.
    if (!profile.period) profile.period = totalCount > 0 ? Math.round(totalNs / totalCount) : 1_000_000;
    if (totalCount === 0) for (const s of profile.samples) s.values[0] = Math.round(s.values[1]! / profile.period);
    return profile;
  }
}

export function createPyroscopeStore(opts: PyroscopeStoreOptions): PyroscopeStore {
  return new PyroscopeStore(opts);
}
