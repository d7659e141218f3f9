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

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: { required?: string[] } }> };
}
type OpenApi = { paths: Record<string, Record<string, OpenApiOperation>> };

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
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}): void => {
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
        return send(200, onIssue.slice((page - 1) * perPage, page * perPage));
      }
      if (readOnly) return forbidden();
      const c = { id: this.nextId++, body: (body as { body: string }).body, created_at: new Date().toISOString(), user: this.userOf(token), issue: Number(m[1]) };
      this.comments.push(c);
      return send(201, c);
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname))) {
      const i = this.comments.findIndex((c) => c.id === Number(m![1]));
      if (i < 0) return send(404, { message: 'Not Found' });
      if (readOnly) return forbidden();
      if (method === 'PATCH') {
        this.comments[i]!.body = (body as { body: string }).body;
        return send(200, this.comments[i]);
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
