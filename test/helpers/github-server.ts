/**
 * A local stand-in for the GitHub REST endpoints ciprof uses (issue comments and their
 * authors, the token's user, pulls, repository artifacts, the workflow runs that made
 * them, and their download), with every request checked against
 * GitHub's published OpenAPI description (@octokit/openapi): the method and path must
 * exist there and required JSON body fields must be present. Off-spec requests are
 * recorded as violations and answered 400, so a test sees them.
 */
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface OpenApiResponse {
  $ref?: string;
  content?: Record<string, { schema?: Schema }>;
}
interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: { required?: string[] } }> };
  responses?: Record<string, OpenApiResponse>;
}
type OpenApi = { paths: Record<string, Record<string, OpenApiOperation>>; components: { schemas: Record<string, Schema>; responses: Record<string, OpenApiResponse> } };

let spec: { templates: { re: RegExp; path: string }[]; doc: OpenApi } | undefined;
function openApi(): NonNullable<typeof spec> {
  if (!spec) {
    const doc = createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json') as OpenApi;
    const templates = Object.keys(doc.paths).map((p) => ({ path: p, re: new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`) }));
    spec = { templates, doc };
  }
  return spec;
}

/** Checks one request against the spec; returns the problem, or undefined when it conforms. */
export function checkAgainstOpenApi(method: string, pathname: string, body: unknown): { template?: string; problem?: string } {
  const { templates, doc } = openApi();
  // Prefer the most literal template (fewest parameters) when several match.
  const matches = templates.filter((t) => t.re.test(pathname)).sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  const m = matches.find((t) => doc.paths[t.path]![method.toLowerCase()]);
  if (!m) return { problem: `${method} ${pathname}: no such operation in GitHub's OpenAPI description` };
  const op = doc.paths[m.path]![method.toLowerCase()]!;
  const required = op.requestBody?.content?.['application/json']?.schema?.required ?? [];
  if (op.requestBody?.required && (body === undefined || body === null)) return { template: m.path, problem: `${method} ${m.path}: body required` };
  for (const field of required) {
    if (!body || typeof body !== 'object' || !(field in body)) return { template: m.path, problem: `${method} ${m.path}: required body field "${field}" missing` };
  }
  return { template: m.path };
}

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

/** A schema with its $ref followed and allOf/anyOf/oneOf members' properties gathered. */
function resolved(doc: OpenApi, schema: Schema): Schema {
  const s = schema.$ref ? doc.components.schemas[refName(schema.$ref)]! : schema;
  const members = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].map((m) => resolved(doc, m));
  if (members.length === 0) return s;
  const properties = Object.assign({}, s.properties, ...members.map((m) => m.properties ?? {})) as Record<string, Schema>;
  const type = s.type ?? members.find((m) => m.type)?.type;
  const open = s.additionalProperties ?? members.find((m) => m.additionalProperties)?.additionalProperties;
  return { ...s, type, properties, additionalProperties: open, items: s.items ?? members.find((m) => m.items)?.items };
}

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

/** Property names and JSON types of `value` against `schema`; problems are pushed as "where: what". */
function conforms(doc: OpenApi, schema: Schema, value: unknown, where: string, problems: string[], depth = 0): void {
  const s = resolved(doc, schema);
  const t = jsonType(value);
  if (t === 'null') {
    if (!s.nullable && s.type !== undefined) problems.push(`${where}: null where ${s.type} is documented`);
    return;
  }
  if (s.type && s.type !== t && !(s.type === 'number' && t === 'integer')) return void problems.push(`${where}: ${t} where ${s.type} is documented`);
  if (depth > 8) return;
  if (t === 'array' && s.items) (value as unknown[]).forEach((x, i) => conforms(doc, s.items!, x, `${where}[${i}]`, problems, depth + 1));
  if (t === 'object' && s.properties) {
    for (const [k, x] of Object.entries(value as Record<string, unknown>)) {
      const prop = s.properties[k];
      if (prop) conforms(doc, prop, x, `${where}.${k}`, problems, depth + 1);
      else if (!s.additionalProperties) problems.push(`${where}.${k}: not a documented property`);
    }
  }
}

/** A response the fake sends: its status documented for the operation, its JSON body's property names and types documented. */
export function checkResponseAgainstOpenApi(method: string, template: string, status: number, body: unknown): string | undefined {
  const { doc } = openApi();
  const op = doc.paths[template]?.[method.toLowerCase()];
  let response = op?.responses?.[String(status)];
  // Errors any endpoint can answer (403 for a read-only token, 404, 5xx) are often left out per operation: GitHub's basic error shape.
  if (!response && status >= 400) response = { content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } } };
  if (!response) return `${method} ${template}: status ${status} is not documented`;
  if (response.$ref) response = doc.components.responses[refName(response.$ref)]!;
  const schema = response.content?.['application/json']?.schema;
  if (body === undefined) return schema && status !== 204 ? `${method} ${template}: ${status} without the documented body` : undefined;
  if (!schema) return `${method} ${template}: ${status} has no documented JSON body`;
  const problems: string[] = [];
  conforms(doc, schema, body, `${method} ${template} ${status}`, problems);
  return problems[0];
}

/** A comment as GitHub sends it: the fake's own bookkeeping (which issue) stays out. */
const commentJson = ({ issue: _issue, ...c }: FakeComment): Omit<FakeComment, 'issue'> => c;

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** Who GITHUB_TOKEN acts as: the GitHub Actions app's bot user. */
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface FakeComment {
  id: number;
  body: string;
  created_at: string;
  user?: FakeUser;
  /** The issue or PR it is on (comments added by a test without one show on every PR). */
  issue?: number;
}

export interface FakeArtifact {
  id: number;
  name: string;
  runId: number;
  headBranch: string;
  headSha: string;
  bytes: Buffer;
  /** The event of the run that uploaded it (default push). */
  event?: string;
  /** The repository the run's code came from (default this repository; a fork's id for fork PRs). */
  headRepositoryId?: number;
  createdAt?: string;
}

export interface FakePull {
  headSha: string;
  /** `owner:branch` of the PR's head, as the pulls list filters it. */
  head?: string;
  state?: 'open' | 'closed';
}

export interface RecordedRequest {
  method: string;
  path: string;
  template?: string;
  body?: unknown;
  authorization?: string;
}

export class FakeGithub {
  readonly comments: FakeComment[] = [];
  readonly artifacts: FakeArtifact[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  /** Also check each response sent against the description (status documented, property names and types); opt-in. */
  checkResponses = false;
  /** Tokens that may read but not write (a fork PR's GITHUB_TOKEN). */
  readonly readOnlyTokens = new Set<string>();
  /**
   * Personal access tokens and the user each acts as. Any other token is an installation
   * token acting as the Actions bot: GET /user refuses it, as GitHub does.
   */
  readonly users = new Map<string, FakeUser>();
  readonly repositoryId = 1296269;
  defaultBranch = 'main';
  pulls = new Map<number, FakePull>();
  private nextId = 1000;
  private server?: Server;
  url = '';

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
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    // The operation the request matched, once checked: responses are checked against it.
    const operation: { template?: string } = {};
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}): void => {
      if (this.checkResponses && operation.template) {
        const problem = checkResponseAgainstOpenApi(method, operation.template, status, data);
        if (problem) this.violations.push(`response: ${problem}`);
      }
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };

    // The artifact blob is not a GitHub API URL: it stands for the storage the API redirects to.
    const blob = /^\/blob\/(\d+)$/.exec(url.pathname);
    if (blob) {
      const a = this.artifacts.find((x) => x.id === Number(blob[1]));
      if (!a) return send(404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename=${a.name}` });
      res.end(a.bytes);
      return;
    }

    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const auth = req.headers.authorization;
    const checked = checkAgainstOpenApi(method, url.pathname, body);
    this.requests.push({ method, path: url.pathname + url.search, template: checked.template, body, authorization: auth });
    operation.template = checked.template;
    if (checked.problem) {
      this.violations.push(checked.problem);
      return send(400, { message: checked.problem });
    }
    const token = auth?.replace(/^(token|bearer)\s+/i, '');
    const readOnly = token !== undefined && this.readOnlyTokens.has(token);
    const forbidden = (): void => send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });

    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      if (method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const onIssue = this.comments.filter((c) => c.issue === undefined || c.issue === Number(m![1]));
        return send(200, onIssue.slice((page - 1) * perPage, page * perPage).map(commentJson));
      }
      if (readOnly) return forbidden();
      const c = { id: this.nextId++, body: (body as { body: string }).body, created_at: new Date().toISOString(), user: this.userOf(token), issue: Number(m[1]) };
      this.comments.push(c);
      return send(201, commentJson(c));
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname))) {
      const i = this.comments.findIndex((c) => c.id === Number(m![1]));
      if (i < 0) return send(404, { message: 'Not Found' });
      if (readOnly) return forbidden();
      if (method === 'PATCH') {
        this.comments[i]!.body = (body as { body: string }).body;
        return send(200, commentJson(this.comments[i]!));
      }
      if (method === 'DELETE') {
        this.comments.splice(i, 1);
        return send(204);
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(url.pathname)) && method === 'GET') {
      const pr = this.pulls.get(Number(m[1]));
      return pr ? send(200, this.pullJson(Number(m[1]), pr)) : send(404, { message: 'Not Found' });
    }
    if (/^\/repos\/[^/]+\/[^/]+\/pulls$/.test(url.pathname) && method === 'GET') {
      const head = url.searchParams.get('head');
      const state = url.searchParams.get('state') ?? 'open';
      const rows = [...this.pulls].filter(([, p]) => (!head || p.head === head) && (state === 'all' || (p.state ?? 'open') === state));
      return send(200, rows.map(([n, p]) => this.pullJson(n, p)));
    }
    if (url.pathname === '/user' && method === 'GET') {
      const user = token === undefined ? undefined : this.users.get(token);
      return user ? send(200, user) : send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' });
    }
    if (/^\/repos\/[^/]+\/[^/]+$/.test(url.pathname) && method === 'GET') {
      return send(200, { id: this.repositoryId, full_name: url.pathname.slice('/repos/'.length), default_branch: this.defaultBranch });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)$/.exec(url.pathname)) && method === 'GET') {
      const a = this.artifacts.find((x) => x.runId === Number(m![1]));
      if (!a) return send(404, { message: 'Not Found' });
      return send(200, {
        id: a.runId,
        event: a.event ?? 'push',
        head_branch: a.headBranch,
        head_sha: a.headSha,
        html_url: `https://github.com/acme/shop/actions/runs/${a.runId}`,
        repository: { id: this.repositoryId },
        head_repository: { id: a.headRepositoryId ?? this.repositoryId },
      });
    }
    if (url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/actions\/artifacts$/) && method === 'GET') {
      const name = url.searchParams.get('name');
      const rows = this.artifacts
        .filter((a) => !name || a.name === name)
        .map((a) => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.bytes.length,
          expired: false,
          created_at: a.createdAt ?? new Date().toISOString(),
          workflow_run: { id: a.runId, repository_id: this.repositoryId, head_repository_id: a.headRepositoryId ?? this.repositoryId, head_branch: a.headBranch, head_sha: a.headSha },
        }));
      return send(200, { total_count: rows.length, artifacts: rows });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname)) && method === 'GET') {
      const a = this.artifacts.find((x) => x.id === Number(m![1]));
      if (!a) return send(404, { message: 'Not Found' });
      return send(302, undefined, { location: `${this.url}/blob/${a.id}` });
    }
    this.violations.push(`${method} ${url.pathname}: in the spec but not implemented by the fake`);
    return send(501, { message: 'not implemented in the fake' });
  }

  private userOf(token: string | undefined): FakeUser {
    return (token !== undefined && this.users.get(token)) || ACTIONS_BOT;
  }

  private pullJson(number: number, pr: FakePull): unknown {
    const [owner, ref] = (pr.head ?? 'acme:feature').split(':');
    return { number, state: pr.state ?? 'open', head: { sha: pr.headSha, ref, label: pr.head, repo: { owner: { login: owner } } } };
  }
}
