import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalStore } from '../../src/store/local.js';

describe('LocalStore', () => {
  it('keeps every run of a commit, finds them newest first, lists commits', async () => {
    const store = new LocalStore(mkdtempSync(join(tmpdir(), 'ciprof-store-')));
    const c1 = 'a'.repeat(40);
    const c2 = 'b'.repeat(40);
    const first = await store.put({ jobKey: 'CI/test', commit: c1 }, Buffer.from('one'));
    await new Promise((r) => setTimeout(r, 5));
    await store.put({ jobKey: 'CI/test', commit: c1 }, Buffer.from('two'));
    await store.put({ jobKey: 'CI/test', commit: c2 }, Buffer.from('three'));
    expect(first.jobKey).toBe('CI_test');
    const found = await store.find('CI/test', c1);
    expect(found).toHaveLength(2);
    expect((await store.get(found[0]!)).toString()).toBe('two');
    expect(await store.find('CI/test', 'c'.repeat(40))).toEqual([]);
    expect(store.commits('CI/test')).toEqual([c1, c2]);
  });

  it('refuses a commit that is not an object id (it becomes a path)', async () => {
    const store = new LocalStore(mkdtempSync(join(tmpdir(), 'ciprof-store-')));
    await expect(store.put({ jobKey: 'k', commit: '../../x' }, Buffer.from(''))).rejects.toThrow(/not a commit id/);
  });
});
