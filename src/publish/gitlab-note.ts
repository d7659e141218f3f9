/**
 * The sticky merge-request note on GitLab, over the REST API v4 (CI_API_V4_URL) with a
 * project or personal access token: the job token (CI_JOB_TOKEN) may not write notes.
 */
import { redact } from '../ci/mask.js';
import { isPermissionStatus, type PublishOutcome } from './outcome.js';
import { upsertSticky, type CommentApi, type StickyComment } from './sticky.js';

export interface GitlabNoteOptions {
  apiUrl: string;
  projectId: string;
  mergeRequestIid: number;
  token: string;
  marker: string;
  body: string;
  fetchImpl?: typeof fetch;
}

class GitlabHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface GitlabUser {
  id: number;
  username?: string;
}

function notesApi(opts: GitlabNoteOptions): CommentApi {
  const f = opts.fetchImpl ?? fetch;
  const api = opts.apiUrl.replace(/\/$/, '');
  const base = `${api}/projects/${encodeURIComponent(opts.projectId)}/merge_requests/${opts.mergeRequestIid}/notes`;
  const author = (u: GitlabUser | undefined) => (u ? { author: { id: u.id, login: u.username } } : {});
  const call = async (method: string, url: string, body?: unknown): Promise<Response> => {
    const res = await f(url, {
      method,
      headers: { 'PRIVATE-TOKEN': opts.token, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new GitlabHttpError(res.status, `${method} ${new URL(url).pathname}: HTTP ${res.status}`);
    return res;
  };
  return {
    // Project and group access tokens have a bot user of their own; /user answers for them too.
    whoAmI: async () => {
      const me = (await (await call('GET', `${api}/user`)).json()) as GitlabUser;
      return { id: me.id, login: me.username };
    },
    list: async () => {
      const all: StickyComment[] = [];
      // GitLab paginates with x-next-page; 100 per page is its maximum.
      for (let page = 1; page > 0 && page <= 100; ) {
        const res = await call('GET', `${base}?per_page=100&page=${page}&sort=asc&order_by=created_at`);
        const rows = (await res.json()) as { id: number; body?: string; system?: boolean; author?: GitlabUser }[];
        for (const n of rows) if (!n.system) all.push({ id: n.id, body: n.body ?? '', ...author(n.author) });
        page = Number(res.headers.get('x-next-page') || 0);
      }
      return all;
    },
    create: async (body) => {
      const n = (await (await call('POST', base, { body })).json()) as { id: number; body?: string };
      return { id: n.id, body: n.body ?? body };
    },
    update: async (id, body) => {
      await call('PUT', `${base}/${id}`, { body });
    },
    remove: async (id) => {
      await call('DELETE', `${base}/${id}`);
    },
  };
}

export async function publishGitlabNote(opts: GitlabNoteOptions): Promise<PublishOutcome> {
  const where = `merge request !${opts.mergeRequestIid}`;
  try {
    const res = await upsertSticky(notesApi(opts), opts.marker, opts.body);
    return { target: 'gitlab-note', status: res.action, message: `${res.action} the ciprof note on ${where}` };
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (isPermissionStatus(status)) {
      return { target: 'gitlab-note', status: 'skipped', message: `not commenting on ${where}: the token may not write notes (HTTP ${status})` };
    }
    return { target: 'gitlab-note', status: 'failed', message: `could not comment on ${where}: ${redact((err as Error).message)}` };
  }
}
