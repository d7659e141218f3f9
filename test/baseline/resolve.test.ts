/** Baseline resolution over a real LocalStore and a scripted history (no git needed). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommitHistory } from '../../src/baseline/history.js';
import { resolveBaseline } from '../../src/baseline/resolve.js';
import { LocalStore } from '../../src/store/local.js';

const c = (n: number): string => n.toString(16).padStart(40, '0');
// main: c1 <- c2 <- c3 <- c4 (first parents); feature branches off c4; "origin/main" = c4.
const chain = [c(4), c(3), c(2), c(1)];
const history: CommitHistory = {
  resolve: (r) => (r === 'origin/main' ? c(4) : r === 'HEAD' ? c(9) : chain.find((x) => x.startsWith(r))),
  mergeBase: (a) => (a === c(4) ? c(4) : undefined),
  firstParentChain: (commit, limit) => chain.slice(chain.indexOf(commit)).slice(0, limit),
};
const root = mkdtempSync(path.join(tmpdir(), 'ciprof-baseline-'));
const store = new LocalStore(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveBaseline', () => {
  it('uses the merge-base when it has a profile', async () => {
    await store.put({ jobKey: 'job', commit: c(4) }, Buffer.from('x'));
    const r = await resolveBaseline({ store, history, jobKey: 'job', base: 'origin/main' });
    expect(r).toMatchObject({ found: true, commit: c(4), wanted: c(4), distance: 0 });
    if (r.found) expect(r.reason).toMatch(/merge-base of origin\/main and HEAD/);
  });

  it('walks back first parents to the nearest ancestor with a profile', async () => {
    await store.put({ jobKey: 'job2', commit: c(2) }, Buffer.from('x'));
    const r = await resolveBaseline({ store, history, jobKey: 'job2', base: 'origin/main' });
    expect(r).toMatchObject({ found: true, commit: c(2), wanted: c(4), distance: 2 });
    if (r.found) expect(r.reason).toMatch(/2 commits back/);
  });

  it('is bounded by maxWalk and says why nothing was found', async () => {
    const r = await resolveBaseline({ store, history, jobKey: 'job2', base: 'origin/main', maxWalk: 2 });
    expect(r).toMatchObject({ found: false, wanted: c(4), searched: 2 });
    if (!r.found) expect(r.reason).toMatch(/none of it and its 1 nearest/);
  });

  it('falls back to the PR base commit when the ref is unknown (shallow clone)', async () => {
    const r = await resolveBaseline({ store, history, jobKey: 'job', base: 'origin/nope', fallbackCommit: c(4) });
    expect(r).toMatchObject({ found: true, commit: c(4) });
    if (r.found) expect(r.reason).toMatch(/fetch-depth: 0/);
  });
});
