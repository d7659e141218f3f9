/**
 * The GitLab MR note against a local server implementing the v4 notes and user
 * endpoints: created, then updated in place; a note by another user that carries the
 * marker is left alone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishGitlabNote } from '../../src/publish/gitlab-note.js';

interface Note {
  id: number;
  body: string;
  system: boolean;
  author: { id: number; username: string };
}
const BOT = { id: 77, username: 'project_5_bot' };
const MALLORY = { id: 666, username: 'mallory' };
const HIJACK: Note = { id: 2, body: '<!-- ciprof:test -->\nApproved by the perf team', system: false, author: MALLORY };
const notes: Note[] = [{ id: 1, body: 'assigned to @x', system: true, author: MALLORY }, { ...HIJACK }];
const seen: string[] = [];
let server: Server;
let api = '';

beforeAll(async () => {
  let next = 10;
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push(`${req.method} ${url.pathname}`);
      const json = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(data));
      };
      if (req.headers['private-token'] !== 'glpat-secret') return json(401, { message: '401 Unauthorized' });
      if (req.method === 'GET' && url.pathname === '/api/v4/user') return json(200, BOT);
      // /api/v4/projects/:id/merge_requests/:iid/notes[/:note_id]; the id is URL-encoded.
      const m = /^\/api\/v4\/projects\/(group%2Fshop)\/merge_requests\/5\/notes(?:\/(\d+))?$/.exec(url.pathname);
      if (!m) return json(404, { message: '404 Not found' });
      const body = raw ? (JSON.parse(raw) as { body?: string }) : {};
      if (req.method === 'GET' && !m[2]) return json(200, notes, { 'x-next-page': '' });
      if (req.method === 'POST' && !m[2]) {
        if (!body.body) return json(400, { message: 'body is missing' });
        const n = { id: next++, body: body.body, system: false, author: BOT };
        notes.push(n);
        return json(201, n);
      }
      const n = notes.find((x) => x.id === Number(m[2]));
      if (!n) return json(404, { message: '404 Not found' });
      if (req.method === 'PUT') {
        n.body = body.body ?? n.body;
        return json(200, n);
      }
      return json(405, { message: 'method' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('publishGitlabNote', () => {
  const opts = () => ({ apiUrl: api, projectId: 'group/shop', mergeRequestIid: 5, token: 'glpat-secret', marker: '<!-- ciprof:test -->' });

  it('creates the note, then updates it in place', async () => {
    const first = await publishGitlabNote({ ...opts(), body: '<!-- ciprof:test -->\nfirst' });
    expect(first.status).toBe('created');
    const second = await publishGitlabNote({ ...opts(), body: '<!-- ciprof:test -->\nsecond' });
    expect(second.status).toBe('updated');
    const marked = notes.filter((n) => n.body.includes('<!-- ciprof:test -->'));
    expect(marked).toEqual([HIJACK, expect.objectContaining({ author: BOT, body: '<!-- ciprof:test -->\nsecond' })]);
    expect(seen.filter((s) => s.startsWith('POST'))).toHaveLength(1);
    expect(seen.filter((s) => s.startsWith('PUT'))).toHaveLength(1);
    expect(first.message + second.message).not.toContain('glpat-secret');
  });

  it('a token that may not write is a skip, not a failure', async () => {
    const r = await publishGitlabNote({ ...opts(), token: 'wrong', body: 'x' });
    expect(r.status).toBe('skipped');
  });
});
