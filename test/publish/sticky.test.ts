/** The sticky comment's race: two jobs publishing at once end with one comment. */
import { describe, expect, it } from 'vitest';
import { upsertSticky, type CommentApi, type StickyComment } from '../../src/publish/sticky.js';

// Comment ids are global and increasing, as on GitHub.
let next = 1;

function memoryApi(store: StickyComment[], gate?: Promise<void>): CommentApi {
  return {
    list: async () => {
      await gate;
      return store.map((c) => ({ ...c }));
    },
    create: async (body) => {
      const c = { id: next++, body };
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
    const store: StickyComment[] = [{ id: 1, body: 'a human comment' }];
    next = 2;
    const api = memoryApi(store);
    expect((await upsertSticky(api, '<!-- ciprof:k -->', '<!-- ciprof:k --> one')).action).toBe('created');
    expect((await upsertSticky(api, '<!-- ciprof:k -->', '<!-- ciprof:k --> two')).action).toBe('updated');
    expect(store).toHaveLength(2);
    expect(store[0]).toEqual({ id: 1, body: 'a human comment' });
    expect(store[1]!.body).toBe('<!-- ciprof:k --> two');
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
