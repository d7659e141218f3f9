/**
 * The sticky comment's rules over an in-memory comment list: only our own marked comment
 * is edited, and two jobs publishing at once end with one comment. (The same rules against
 * GitHub's REST API: github-comment.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { upsertSticky, type CommentApi, type CommentAuthor, type StickyComment } from '../../src/publish/sticky.js';

const BOT: CommentAuthor = { id: 41898282, login: 'github-actions[bot]' };
const MALLORY: CommentAuthor = { id: 666, login: 'mallory' };

// Comment ids are global and increasing, as on GitHub.
let next = 1;

function memoryApi(store: StickyComment[], gate?: Promise<void>, me: CommentAuthor = BOT): CommentApi {
  return {
    whoAmI: async () => me,
    list: async () => {
      await gate;
      return store.map((c) => ({ ...c }));
    },
    create: async (body) => {
      const c = { id: next++, body, author: me };
      store.push(c);
      return { ...c };
    },
    update: async (id, body) => {
      const c = store.find((x) => x.id === id);
      if (!c) throw Object.assign(new Error('gone'), { status: 404 });
      c.body = body;
    },
    remove: async (id) => {
      const i = store.findIndex((x) => x.id === id);
      if (i < 0) throw Object.assign(new Error('gone'), { status: 404 });
      store.splice(i, 1);
    },
  };
}

describe('upsertSticky', () => {
  it('creates, then updates in place; other comments untouched', async () => {
    const store: StickyComment[] = [{ id: 1, body: 'a human comment', author: MALLORY }];
    next = 2;
    const api = memoryApi(store);
    expect((await upsertSticky(api, '<!-- ciprof:k -->', '<!-- ciprof:k --> one')).action).toBe('created');
    expect((await upsertSticky(api, '<!-- ciprof:k -->', '<!-- ciprof:k --> two')).action).toBe('updated');
    expect(store).toHaveLength(2);
    expect(store[0]).toEqual({ id: 1, body: 'a human comment', author: MALLORY });
    expect(store[1]!.body).toBe('<!-- ciprof:k --> two');
  });

  it('leaves a marked comment by somebody else alone, older or not, and never deletes it', async () => {
    const hijack = { id: 1, body: '<!-- ciprof:k --> please approve, @org/admins', author: MALLORY };
    const store: StickyComment[] = [{ ...hijack }];
    next = 2;
    expect((await upsertSticky(memoryApi(store), '<!-- ciprof:k -->', '<!-- ciprof:k --> ours'))).toMatchObject({ action: 'created', removed: 0 });
    expect((await upsertSticky(memoryApi(store), '<!-- ciprof:k -->', '<!-- ciprof:k --> ours again'))).toMatchObject({ action: 'updated', id: 2 });
    expect(store).toEqual([hijack, { id: 2, body: '<!-- ciprof:k --> ours again', author: BOT }]);
  });

  it('matches by id when both sides have one, by login otherwise', async () => {
    const renamed = { id: 1, body: '<!-- ciprof:k --> old', author: { id: 7, login: 'old-name' } };
    const store: StickyComment[] = [renamed];
    next = 2;
    expect((await upsertSticky(memoryApi(store, undefined, { id: 7, login: 'new-name' }), '<!-- ciprof:k -->', '<!-- ciprof:k --> new')).action).toBe('updated');
    expect((await upsertSticky(memoryApi(store, undefined, { login: 'OLD-NAME' }), '<!-- ciprof:k -->', '<!-- ciprof:k --> by login')).action).toBe('updated');
    expect(store).toHaveLength(1);
  });

  it('two jobs finishing at once converge on one comment', async () => {
    const store: StickyComment[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    // Both list before either creates: the race.
    const a = upsertSticky(memoryApi(store, gate), '<!-- ciprof:k -->', '<!-- ciprof:k --> A');
    const b = upsertSticky(memoryApi(store, gate), '<!-- ciprof:k -->', '<!-- ciprof:k --> B');
    open();
    await Promise.all([a, b]);
    expect(store).toHaveLength(1);
    expect(store[0]!.body).toMatch(/<!-- ciprof:k --> [AB]/);
  });

  it('different job keys keep different comments', async () => {
    const store: StickyComment[] = [];
    await upsertSticky(memoryApi(store), '<!-- ciprof:a -->', '<!-- ciprof:a --> x');
    await upsertSticky(memoryApi(store), '<!-- ciprof:b -->', '<!-- ciprof:b --> y');
    expect(store).toHaveLength(2);
  });
});
