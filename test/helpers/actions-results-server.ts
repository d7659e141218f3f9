/**
 * A local stand-in for the Actions runtime's artifact upload, the path @actions/artifact
 * takes inside a job: the results service's Twirp JSON API (ACTIONS_RESULTS_URL,
 * `/twirp/github.actions.results.api.v1.ArtifactService/<Method>`, bearer
 * ACTIONS_RUNTIME_TOKEN, a JWT whose `scp` names the run's and job's backend ids) and the
 * signed blob URL it hands out (Azure Blob's Put Block / Put Block List, path-style as
 * Azurite serves it). A finalized artifact joins the FakeGithub's list, as the run that
 * uploaded it, so the REST lookup of a later run finds and downloads it.
 *
 * Twirp is not in GitHub's REST OpenAPI description: requests are checked against the
 * message fields of @actions/artifact's generated protobuf types instead (unknown fields
 * and missing backend ids are violations).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGithub } from './github-server.js';

/** The workflow run the next uploads belong to (what GitHub knows from the job's token). */
export interface ResultsRun {
  runId: number;
  headSha: string;
  headBranch: string;
  event: string;
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
/** Request fields per method (proto names; protobuf-ts also accepts the lowerCamel JSON names). */
const FIELDS: Record<string, string[]> = {
  CreateArtifact: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'expires_at', 'version', 'mime_type'],
  FinalizeArtifact: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'size', 'hash'],
  ListArtifacts: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name_filter', 'id_filter'],
  DeleteArtifact: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name'],
};

const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** An unsigned JWT with the Actions.Results scope @actions/artifact reads the backend ids from. */
export function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead:x Actions.Results:${runBackendId}:${jobBackendId}` })}.`;
}

export class FakeActionsResults {
  run?: ResultsRun;
  readonly violations: string[] = [];
  readonly calls: { method: string; name?: string }[] = [];
  private readonly blocks = new Map<string, Map<string, Buffer>>();
  private readonly blobs = new Map<string, Buffer>();
  private pending = new Map<string, { name: string; run: ResultsRun }>();
  private nextId = 9000;
  private server?: Server;
  url = '';

  constructor(private readonly gh: FakeGithub) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname.startsWith(SERVICE) && req.method === 'POST') return this.twirp(url.pathname.slice(SERVICE.length), req, raw, res);
    if (url.pathname.startsWith('/devstoreaccount1/artifacts/') && req.method === 'PUT') return this.blob(url, raw, res);
    this.violations.push(`${req.method} ${url.pathname}: not a results-service or blob request`);
    res.writeHead(404).end();
  }

  private twirp(method: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const send = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const fields = FIELDS[method];
    if (!fields) {
      this.violations.push(`twirp ${method}: not an ArtifactService method`);
      return send(404, { code: 'bad_route', msg: `no method ${method}` });
    }
    if (!/^Bearer [\w-]+\.[\w-]+\./.test(req.headers.authorization ?? '')) this.violations.push(`twirp ${method}: no bearer runtime token`);
    const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    const known = new Set([...fields, ...fields.map(camel)]);
    for (const k of Object.keys(body)) if (!known.has(k)) this.violations.push(`twirp ${method}: unknown field ${k}`);
    const get = (f: string): unknown => body[f] ?? body[camel(f)];
    if (!get('workflow_run_backend_id') || !get('workflow_job_run_backend_id')) this.violations.push(`twirp ${method}: backend ids missing`);
    const name = get('name') as string | undefined;
    this.calls.push({ method, name });
    const run = this.run;
    if (!run) return send(500, { code: 'internal', msg: 'the test set no run' });
    if (method === 'CreateArtifact') {
      const key = `${run.runId}/${name}`;
      this.pending.set(key, { name: name!, run });
      return send(200, { ok: true, signed_upload_url: `${this.url}/devstoreaccount1/artifacts/${encodeURIComponent(key)}?sv=2023-11-03&se=2099-01-01&sp=cw&sig=fake-signature` });
    }
    if (method === 'FinalizeArtifact') {
      const key = `${run.runId}/${name}`;
      const bytes = this.blobs.get(key);
      if (!this.pending.has(key) || !bytes) return send(404, { code: 'not_found', msg: 'artifact not uploaded' });
      if (Number(get('size')) !== bytes.length) this.violations.push(`twirp FinalizeArtifact: size ${String(get('size'))} but ${bytes.length} bytes uploaded`);
      const id = this.nextId++;
      this.pending.delete(key);
      this.gh.artifacts.push({ id, name: name!, runId: run.runId, headBranch: run.headBranch, headSha: run.headSha, event: run.event, bytes });
      return send(200, { ok: true, artifact_id: String(id) });
    }
    if (method === 'ListArtifacts') {
      const filter = (get('name_filter') as string | undefined) ?? undefined;
      const rows = this.gh.artifacts.filter((a) => a.runId === run.runId && (!filter || a.name === filter));
      return send(200, { artifacts: rows.map((a) => ({ workflow_run_backend_id: 'run', workflow_job_run_backend_id: 'job', database_id: String(a.id), name: a.name, size: String(a.bytes.length) })) });
    }
    // DeleteArtifact
    const i = this.gh.artifacts.findIndex((a) => a.runId === run.runId && a.name === name);
    if (i < 0) return send(404, { code: 'not_found', msg: 'artifact not found' });
    const [gone] = this.gh.artifacts.splice(i, 1);
    return send(200, { ok: true, artifact_id: String(gone!.id) });
  }

  /** Azure Blob: Put Block (comp=block&blockid), Put Block List (comp=blocklist), or a one-shot Put Blob. */
  private blob(url: URL, raw: Buffer, res: ServerResponse): void {
    const key = decodeURIComponent(url.pathname.slice('/devstoreaccount1/artifacts/'.length));
    if (url.searchParams.get('sig') !== 'fake-signature') this.violations.push(`blob PUT ${key}: not the signed URL handed out`);
    const headers = { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-id': 'r', 'x-ms-version': '2023-11-03', 'x-ms-request-server-encrypted': 'true' };
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blocks = this.blocks.get(key) ?? new Map<string, Buffer>();
      blocks.set(url.searchParams.get('blockid') ?? '', raw);
      this.blocks.set(key, blocks);
      return void res.writeHead(201, headers).end();
    }
    if (comp === 'blocklist') {
      const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) => m[1]!);
      const blocks = this.blocks.get(key) ?? new Map<string, Buffer>();
      const missing = ids.filter((id) => !blocks.has(id));
      if (missing.length) this.violations.push(`blob PUT ${key}: block list names unknown blocks ${missing.join(',')}`);
      this.blobs.set(key, Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0))));
      return void res.writeHead(201, headers).end();
    }
    this.blobs.set(key, raw);
    return void res.writeHead(201, headers).end();
  }
}
