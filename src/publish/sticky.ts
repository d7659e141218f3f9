/**
 * The sticky-comment algorithm, shared by GitHub PR comments and GitLab MR notes: one
 * comment per job key, found by its hidden marker, updated in place.
 *
 * Only comments the token's own identity wrote count: anybody can post a comment that
 * contains the marker, and the bot must not then edit (or delete) that person's words.
 * Such a comment is left alone and ours is created beside it.
 *
 * Two jobs with the same key can finish at once; both see no comment and both create
 * one. So after creating we list again: the oldest marked comment wins, every younger
 * one is deleted, and if ours was the younger its body is moved onto the oldest. Both
 * racers converge on the same single comment whichever order their calls land in.
 */

/** A user as the forge identifies them: the numeric id when known, else the login. */
export interface CommentAuthor {
  id?: number;
  login?: string;
}

export interface StickyComment {
  id: number;
  body: string;
  author?: CommentAuthor;
}

export interface CommentApi {
  /** The identity the token writes comments as. */
  whoAmI(): Promise<CommentAuthor>;
  list(): Promise<StickyComment[]>;
  create(body: string): Promise<StickyComment>;
  update(id: number, body: string): Promise<void>;
  remove(id: number): Promise<void>;
}

export interface StickyResult {
  action: 'created' | 'updated';
  id: number;
  /** Younger duplicates deleted (left by an earlier race or the race just now). */
  removed: number;
}

export function sameAuthor(author: CommentAuthor | undefined, me: CommentAuthor): boolean {
  if (!author) return false;
  if (author.id !== undefined && me.id !== undefined) return author.id === me.id;
  return !!author.login && !!me.login && author.login.toLowerCase() === me.login.toLowerCase();
}

async function removeQuietly(api: CommentApi, id: number): Promise<boolean> {
  try {
    await api.remove(id);
    return true;
  } catch (err) {
    // The other racer may have deleted it already.
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}

export async function upsertSticky(api: CommentApi, marker: string, body: string): Promise<StickyResult> {
  const me = await api.whoAmI();
  const mine = (list: StickyComment[]): StickyComment[] => list.filter((c) => (c.body ?? '').includes(marker) && sameAuthor(c.author, me)).sort((a, b) => a.id - b.id);
  const existing = mine(await api.list());
  let removed = 0;
  if (existing.length > 0) {
    const keep = existing[0]!;
    await api.update(keep.id, body);
    for (const dup of existing.slice(1)) if (await removeQuietly(api, dup.id)) removed++;
    return { action: 'updated', id: keep.id, removed };
  }
  const created = await api.create(body);
  const after = mine(await api.list());
  const oldest = after[0];
  if (!oldest || oldest.id === created.id) {
    for (const dup of after.slice(1)) if (await removeQuietly(api, dup.id)) removed++;
    return { action: 'created', id: created.id, removed };
  }
  // Another job of ours commented first: ours moves onto it and ours goes.
  await api.update(oldest.id, body);
  for (const dup of after.slice(1)) if (await removeQuietly(api, dup.id)) removed++;
  return { action: 'updated', id: oldest.id, removed };
}
