/**
 * A protocol-faithful stand-in for a Grafana Pyroscope server (v2.2.1), for tests: no
 * Pyroscope binary can be installed in this CI. It decodes what clients send with the real
 * message definitions (protobufjs loading the .proto files transcribed under
 * test/fixtures/pyroscope/), never with ciprof's own encoder, and answers as Pyroscope does:
 *
 *   POST /push.v1.PusherService/Push                   Connect unary, application/proto or json
 *   POST /ingest?name=app{k=v}&from&until&format=pprof  raw pprof body (legacy API)
 *   POST /querier.v1.QuerierService/SelectMergeProfile  Connect unary, google.v1.Profile back
 *
 * Behaviour modelled on the Pyroscope sources: label validation (pkg/validation/validate.go),
 * the /ingest label-set syntax (api/model/labelset), labels the /ingest path adds
 * (pkg/og/convert/pprof/profile.go), one series per distinct set of sample labels
 * (pkg/model/pprofsplit), merge by profile type `name:type:unit:period_type:period_unit`.
 * Connect errors are `{"code","message"}` JSON with the Connect HTTP status mapping.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/pyroscope');

function loadRoot(): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(FIXTURES, target.split('/').pop()!);
  root.loadSync(['push.proto', 'querier.proto', 'profile.proto', 'types.proto'], { keepCase: true });
  return root;
}

const root = loadRoot();
export const PushRequest = root.lookupType('push.v1.PushRequest');
export const SelectMergeProfileRequest = root.lookupType('querier.v1.SelectMergeProfileRequest');
export const PprofProfile = root.lookupType('google.v1.Profile');

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;
const toObj = (t: protobuf.Type, m: protobuf.Message): Obj => t.toObject(m, { longs: Number, defaults: true, arrays: true });

export interface StoredSeries {
  labels: Record<string, string>;
  /** Decoded google.v1.Profile holding only this series' samples. */
  profile: Obj;
  via: 'push' | 'ingest';
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

export interface ScriptedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface FakePyroscope {
  url: string;
  series: StoredSeries[];
  requests: RecordedRequest[];
  /** Answers given, in order, before normal handling resumes (503s, 429s, 400s). */
  script: ScriptedAnswer[];
  close(): Promise<void>;
}

const CONNECT_STATUS: Record<string, number> = { invalid_argument: 400, unauthenticated: 401, not_found: 404, internal: 500, unimplemented: 501 };

class ConnectError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LEGACY_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Series label checks of pkg/validation/validate.go ValidateLabels with default limits. */
function validateLabels(labels: Record<string, string>): void {
  const names = Object.keys(labels);
  if (names.length === 0) throw new ConnectError('invalid_argument', 'error at least one label pair is required per profile');
  if (names.length > 30) throw new ConnectError('invalid_argument', `profile series has ${names.length} label names; limit 30`);
  if (!labels.__name__) throw new ConnectError('invalid_argument', 'invalid labels: invalid metric name');
  if (!labels.service_name) throw new ConnectError('invalid_argument', 'invalid labels: service name is not provided');
  for (const [n, v] of Object.entries(labels)) {
    if (n.length > 1024) throw new ConnectError('invalid_argument', `label name too long: ${n}`);
    if (v.length > 2048) throw new ConnectError('invalid_argument', `label value too long: ${v.slice(0, 40)}`);
    if (!LEGACY_NAME.test(n)) throw new ConnectError('invalid_argument', `invalid labels: invalid label name '${n}'`);
  }
}

function decodeRawProfile(raw: Uint8Array): Obj {
  const bytes = raw.length > 1 && raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  try {
    return toObj(PprofProfile, PprofProfile.decode(bytes));
  } catch (err) {
    throw new ConnectError('invalid_argument', `failed to parse pprof: ${(err as Error).message}`);
  }
}

/** Splits a profile by its sample labels into series, as pkg/model/pprofsplit does. */
function split(profile: Obj, labels: Record<string, string>, via: 'push' | 'ingest'): StoredSeries[] {
  const groups = new Map<string, { labels: Record<string, string>; samples: Obj[] }>();
  for (const s of profile.sample as Obj[]) {
    const extra: Record<string, string> = {};
    for (const l of s.label as Obj[]) {
      const key = profile.string_table[l.key];
      extra[key] = l.str ? profile.string_table[l.str] : String(l.num);
    }
    const k = JSON.stringify(Object.entries(extra).sort());
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { labels: { ...labels, ...extra }, samples: [] }));
    g.samples.push({ ...s, label: [] });
  }
  return [...groups.values()].map((g) => {
    validateLabels(g.labels);
    return { labels: g.labels, profile: { ...profile, sample: g.samples }, via };
  });
}

/** The /ingest `name` syntax: `app{k=v,k2=v2}`; values end at ',' or '}' and are trimmed. */
function parseLabelSet(name: string): Record<string, string> {
  const m = /^([^{]*)(?:\{(.*)\})?$/.exec(name);
  if (!m || !m[1]!.trim()) throw new Error('service name is required');
  const out: Record<string, string> = { __name__: m[1]!.trim() };
  for (const part of (m[2] ?? '').split(',').filter((p) => p.trim())) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`invalid label pair: ${part}`);
    const k = part.slice(0, eq).trim();
    if (!/^[a-zA-Z0-9_.]+$/.test(k)) throw new Error(`invalid label name: ${k}`);
    out[k] = part.slice(eq + 1).trim();
  }
  return out;
}

/** `{a="x", b="y"}` equality matchers; anything else is rejected as Pyroscope would not be asked. */
function parseSelector(sel: string): Record<string, string> {
  const body = /^\s*\{(.*)\}\s*$/.exec(sel)?.[1];
  if (body === undefined) throw new ConnectError('invalid_argument', `parse error: ${sel}`);
  const out: Record<string, string> = {};
  const re = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < body.length && (m = re.exec(body))) out[m[1]!] = m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  if (re.lastIndex < body.length && body.trim()) throw new ConnectError('invalid_argument', `unsupported selector: ${sel}`);
  return out;
}

/** Merges the selected series' values of one sample type into a fresh single-type profile. */
function mergeProfiles(series: StoredSeries[], type: string[]): Obj {
  const [, sType, sUnit, pType, pUnit] = type;
  const strings = [''];
  const sid = (s: string): number => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const functions: Obj[] = [];
  const fnIds = new Map<string, number>();
  const stacks = new Map<string, { locs: number[]; value: number }>();
  let period = 0;
  let timeNanos = 0;
  for (const s of series) {
    const p = s.profile;
    const str = (i: number): string => p.string_table[i] ?? '';
    const idx = (p.sample_type as Obj[]).findIndex((t) => str(t.type) === sType && str(t.unit) === sUnit);
    if (idx < 0 || str(p.period_type?.type) !== pType || str(p.period_type?.unit) !== pUnit) continue;
    period ||= p.period;
    timeNanos = timeNanos ? Math.min(timeNanos, p.time_nanos) : p.time_nanos;
    const fnById = new Map((p.function as Obj[]).map((f) => [f.id, f]));
    const locById = new Map((p.location as Obj[]).map((l) => [l.id, l]));
    for (const sample of p.sample as Obj[]) {
      const locs = (sample.location_id as number[]).map((lid) => {
        const line = locById.get(lid)!.line[0];
        const f = fnById.get(line.function_id)!;
        const key = `${str(f.name)}\0${str(f.filename)}\0${f.start_line}`;
        let id = fnIds.get(key);
        if (id === undefined) {
          id = functions.length + 1;
          fnIds.set(key, id);
          functions.push({ id, name: sid(str(f.name)), system_name: sid(str(f.system_name)), filename: sid(str(f.filename)), start_line: f.start_line, line: line.line });
        }
        return id;
      });
      const k = locs.join(',');
      const entry = stacks.get(k) ?? { locs, value: 0 };
      entry.value += sample.value[idx];
      stacks.set(k, entry);
    }
  }
  const out = {
    sample_type: [{ type: sid(sType!), unit: sid(sUnit!) }],
    period_type: { type: sid(pType!), unit: sid(pUnit!) },
    period,
    time_nanos: timeNanos,
    function: functions.map(({ line: _line, ...f }) => f),
    location: functions.map((f) => ({ id: f.id, line: [{ function_id: f.id, line: f.line }] })),
    sample: [...stacks.values()].filter((s) => s.value !== 0).map((s) => ({ location_id: s.locs, value: [s.value] })),
    string_table: strings,
  };
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function metricName(profile: Obj): string {
  const types = (profile.sample_type as Obj[]).map((t) => profile.string_table[t.type] as string);
  if (types.includes('wall')) return 'wall';
  if (types.some((t) => t.includes('cpu'))) return 'process_cpu';
  return types.some((t) => t.includes('alloc_') || t.includes('inuse_')) ? 'memory' : types[types.length - 1]!;
}

export async function startFakePyroscope(): Promise<FakePyroscope> {
  const state = { series: [] as StoredSeries[], requests: [] as RecordedRequest[], script: [] as ScriptedAnswer[] };

  const connectDecode = (t: protobuf.Type, req: IncomingMessage, body: Buffer): Obj => {
    const ct = req.headers['content-type'] ?? '';
    if (ct.startsWith('application/proto')) return toObj(t, t.decode(body));
    if (ct.startsWith('application/json')) return toObj(t, t.fromObject(JSON.parse(body.toString('utf8'))));
    throw new ConnectError('unimplemented', `unsupported content type ${ct}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    const scripted = state.script.shift();
    if (scripted) {
      res.writeHead(scripted.status, { 'content-type': 'text/plain', ...scripted.headers }).end(scripted.body ?? '');
      return scripted.status;
    }
    const connectError = (err: unknown): number => {
      const e = err instanceof ConnectError ? err : new ConnectError('internal', (err as Error).message);
      const status = CONNECT_STATUS[e.code] ?? 500;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: e.code, message: e.message }));
      return status;
    };
    if (req.method !== 'POST') return res.writeHead(405).end(), 405;
    if (url.pathname === '/push.v1.PusherService/Push') {
      try {
        const msg = connectDecode(PushRequest, req, body);
        const added: StoredSeries[] = [];
        for (const s of msg.series as Obj[]) {
          const labels = Object.fromEntries((s.labels as Obj[]).map((l) => [l.name, l.value]));
          for (const sample of s.samples as Obj[]) added.push(...split(decodeRawProfile(sample.raw_profile), labels, 'push'));
        }
        if (added.length === 0) throw new ConnectError('invalid_argument', 'no profiles received');
        state.series.push(...added);
        res.writeHead(200, { 'content-type': 'application/proto' }).end();
        return 200;
      } catch (err) {
        return connectError(err);
      }
    }
    if (url.pathname === '/ingest') {
      let ls: Record<string, string>;
      try {
        ls = parseLabelSet(url.searchParams.get('name') ?? '');
      } catch (err) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(`name: ${(err as Error).message}`);
        return 400;
      }
      if (url.searchParams.get('format') !== 'pprof' || (req.headers['content-type'] ?? '').includes('multipart')) {
        res.writeHead(422, { 'content-type': 'text/plain' }).end('this fake only implements format=pprof with a raw body');
        return 422;
      }
      try {
        const profile = decodeRawProfile(body);
        const { __name__: app, ...rest } = ls;
        const labels = { __name__: metricName(profile), __delta__: 'false', pyroscope_spy: url.searchParams.get('spyName') ?? 'unknown', service_name: app!, ...rest };
        state.series.push(...split(profile, labels, 'ingest'));
        res.writeHead(200).end();
        return 200;
      } catch (err) {
        res.writeHead(422, { 'content-type': 'text/plain' }).end((err as Error).message);
        return 422;
      }
    }
    if (url.pathname === '/querier.v1.QuerierService/SelectMergeProfile') {
      try {
        const q = connectDecode(SelectMergeProfileRequest, req, body);
        const type = String(q.profile_typeID).split(':');
        if (type.length !== 5) throw new ConnectError('invalid_argument', `invalid profile type: ${q.profile_typeID}`);
        const matchers = parseSelector(q.label_selector);
        const selected = state.series.filter((s) => {
          const t = s.profile.time_nanos / 1e6;
          return s.labels.__name__ === type[0] && Object.entries(matchers).every(([k, v]) => s.labels[k] === v) && t >= q.start && t <= q.end;
        });
        const merged = PprofProfile.encode(PprofProfile.fromObject(mergeProfiles(selected, type))).finish();
        res.writeHead(200, { 'content-type': 'application/proto' }).end(Buffer.from(merged));
        return 200;
      } catch (err) {
        return connectError(err);
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
    return 404;
  };

  const server: Server = createServer((req, res) => {
    handle(req, res)
      .then((status) => state.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, status }))
      .catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ...state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
