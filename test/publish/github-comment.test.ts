/**
 * The sticky PR comment against the local GitHub REST server (every request checked
 * against GitHub's OpenAPI description): a comment by anybody else that carries the
 * marker is never edited; the token's own identity is GET /user for a personal access
 * token and the Actions bot for GITHUB_TOKEN (which GET /user refuses).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishGithubComment } from '../../src/publish/github-comment.js';
import { ACTIONS_BOT, FakeGithub, type FakeUser } from '../helpers/github-server.js';

const MARKER = '<!-- ciprof:ci_test -->';
const MALLORY: FakeUser = { login: 'mallory', id: 666, type: 'User' };
const ALICE: FakeUser = { login: 'alice', id: 42, type: 'User' };
let gh: FakeGithub;

beforeAll(async () => {
  gh = new FakeGithub();
  await gh.start();
  gh.users.set('alice-pat', ALICE);
});
afterAll(() => gh.stop());
beforeEach(() => {
  gh.comments.length = 0;
  gh.requests.length = 0;
});

const publish = (token: string, body: string) =>
  publishGithubComment({ token, apiUrl: gh.url, pr: { owner: 'acme', repo: 'shop', number: 7 }, marker: MARKER, body: `${MARKER}\n${body}` });

describe('publishGithubComment', () => {
  it('with GITHUB_TOKEN: a marked comment by another user is left alone, ours is created and then updated', async () => {
    const hijack = { id: 1, body: `${MARKER}\nLGTM, merging. cc @acme/admins`, created_at: '2026-01-01T00:00:00Z', user: MALLORY, issue: 7 };
    gh.comments.push({ ...hijack });
    const first = await publish('ghs_installation', 'first');
    expect(first.status).toBe('created');
    const second = await publish('ghs_installation', 'second');
    expect(second.status).toBe('updated');
    expect(gh.violations).toEqual([]);
    expect(gh.comments).toHaveLength(2);
    expect(gh.comments[0]).toEqual(hijack);
    expect(gh.comments[1]).toMatchObject({ user: ACTIONS_BOT, body: `${MARKER}\nsecond` });
    // The identity question was asked and answered "not a user token".
    expect(gh.requests.some((r) => r.template === '/user')).toBe(true);
    expect(gh.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/repos/acme/shop/issues/comments/${gh.comments[1]!.id}`]);
    expect(gh.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('with a personal access token: its user\'s marked comment is updated, the bot\'s is not', async () => {
    gh.comments.push({ id: 1, body: `${MARKER}\nby the bot`, created_at: '2026-01-01T00:00:00Z', user: ACTIONS_BOT, issue: 7 });
    gh.comments.push({ id: 2, body: `${MARKER}\nby alice`, created_at: '2026-01-01T00:00:00Z', user: ALICE, issue: 7 });
    const r = await publish('alice-pat', 'new');
    expect(r.status).toBe('updated');
    expect(gh.comments.map((c) => c.body)).toEqual([`${MARKER}\nby the bot`, `${MARKER}\nnew`]);
    expect(gh.violations).toEqual([]);
  });

  it('a failed call is reported without the token or URL credentials', async () => {
    const r = await publishGithubComment({ token: 'ghs_secret_value', apiUrl: 'http://user:hunter2@127.0.0.1:1', pr: { owner: 'acme', repo: 'shop', number: 7 }, marker: MARKER, body: 'x' });
    expect(r.status).toBe('failed');
    expect(r.message).not.toMatch(/hunter2|ghs_secret_value/);
  });
});
