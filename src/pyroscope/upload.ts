/**
 * Sends one profile to Pyroscope through either ingestion path of grafana/pyroscope v2.2.1:
 *
 * - push (default): Connect unary POST /push.v1.PusherService/Push with a binary
 *   PushRequest (api/push/v1/push.proto); series labels carry `__name__` (profile type)
 *   and `service_name`; the raw sample is our gzipped pprof (pkg/distributor/distributor.go
 *   Push -> pprof.RawFromBytesWithLimit accepts gzip).
 * - ingest (legacy): POST /ingest?name=<app>{k=v,...}&from&until&format=pprof&spyName=...
 *   with the pprof as the raw body (pkg/ingester/pyroscope/ingest_handler.go: format=pprof
 *   without a multipart Content-Type keeps the body as the profile; from/until parsed by
 *   pkg/og/util/attime as Unix seconds). The handler then adds `__name__` from the sample
 *   types, `__delta__="false"`, `pyroscope_spy` and `service_name`
 *   (pkg/og/convert/pprof/profile.go createLabels).
 *
 * Both paths are made to store the same series labels, so a baseline query finds a
 * profile whichever way it was sent.
 */
import { randomUUID } from 'node:crypto';
import { encodePprofGzip } from '../profile/gzip.js';
import type { Profile } from '../profile/model.js';
import { splitAllocations } from '../profile/sample-types.js';
import type { PyroscopeAuth } from './auth.js';
import { pyroscopeRequest, type RetryPolicy } from './http.js';
import { profileTypeName, seriesLabels, stripSampleLabels, DEFAULT_KEPT_SAMPLE_LABELS } from './labels.js';
import { encodePushRequest, type LabelPair } from './messages.js';

export type PyroscopeProtocol = 'push' | 'ingest';
/** The spy name Pyroscope maps to language "nodejs" (pkg/distributor/model/push.go). */
export const SPY_NAME = 'nodespy';

export interface UploadOptions {
  server: string;
  app: string;
  protocol: PyroscopeProtocol;
  auth: PyroscopeAuth;
  /** Extra series labels (`--label k=v`), already parsed. */
  userLabels?: Record<string, string>;
  /** pprof sample labels to keep (default: test_file). */
  keepSampleLabels?: readonly string[];
  retry?: Partial<RetryPolicy>;
  onRetry?: (line: string) => void;
}

export interface UploadResult {
  protocol: PyroscopeProtocol;
  /** Every series label as stored, `__name__` included. */
  labels: LabelPair[];
  bytes: number;
  attempts: number;
  /** With allocations: the series labels of the `memory` profile sent beside the CPU one. */
  allocLabels?: LabelPair[];
}

/** Series labels for a profile exactly as Pyroscope stores them from either path. */
export function uploadLabels(profile: Profile, app: string, userLabels: Record<string, string> = {}): LabelPair[] {
  const base = seriesLabels(app, profile.meta, userLabels);
  return [
    { name: '__name__', value: profileTypeName(profile) },
    { name: '__delta__', value: 'false' },
    { name: 'pyroscope_spy', value: SPY_NAME },
    ...base,
  ];
}

/** `app{k=v,...}` for /ingest; service_name is the part before the braces. */
export function ingestName(labels: readonly LabelPair[]): string {
  const app = labels.find((l) => l.name === 'service_name')?.value ?? 'ciprof';
  const rest = labels.filter((l) => !l.name.startsWith('__') && l.name !== 'service_name' && l.name !== 'pyroscope_spy');
  return `${app}{${rest.map((l) => `${l.name}=${l.value}`).join(',')}}`;
}

/**
 * With `--alloc` the profile goes as two: the CPU part as before, and the allocations as
 * Pyroscope's own `memory` profile type (sample types alloc_samples/count and
 * alloc_space/bytes, period space/bytes), each under the same series labels.
 */
export async function uploadProfile(profile: Profile, opts: UploadOptions): Promise<UploadResult> {
  const { cpu, alloc } = splitAllocations(profile);
  const result = await sendOne(cpu, opts);
  if (!alloc) return result;
  const memory = await sendOne(alloc, opts);
  return { ...result, bytes: result.bytes + memory.bytes, attempts: result.attempts + memory.attempts, allocLabels: memory.labels };
}

async function sendOne(profile: Profile, opts: UploadOptions): Promise<UploadResult> {
  const slim = stripSampleLabels(profile, opts.keepSampleLabels ?? DEFAULT_KEPT_SAMPLE_LABELS);
  const gz = encodePprofGzip(slim);
  const labels = uploadLabels(profile, opts.app, opts.userLabels);
  const common = { server: opts.server, auth: opts.auth, retry: opts.retry, onRetry: opts.onRetry };
  let attempts: number;
  if (opts.protocol === 'push') {
    const body = encodePushRequest([{ labels, samples: [{ rawProfile: gz, id: randomUUID() }] }]);
    const res = await pyroscopeRequest({
      ...common,
      path: '/push.v1.PusherService/Push',
      body,
      contentType: 'application/proto',
      extraHeaders: { 'Connect-Protocol-Version': '1' },
    });
    attempts = res.attempts;
  } else {
    const fromS = Math.floor((profile.timeNanos || Date.now() * 1e6) / 1e9);
    const untilS = Math.max(fromS + 1, Math.ceil(((profile.timeNanos || Date.now() * 1e6) + profile.durationNanos) / 1e9));
    const q = new URLSearchParams({ name: ingestName(labels), from: String(fromS), until: String(untilS), format: 'pprof', spyName: SPY_NAME });
    const res = await pyroscopeRequest({ ...common, path: `/ingest?${q}`, body: gz, contentType: 'application/octet-stream' });
    attempts = res.attempts;
  }
  return { protocol: opts.protocol, labels, bytes: gz.length, attempts };
}
