/**
 * The node_modules mirror of ciprof's preloads (src/collect/preload-files.ts): made once per
 * content, reused, never trusted without a byte comparison, refused in a base directory
 * another user could write to. The e2e side (a coverage report that no longer lists them)
 * is test/collect/coverage-tools.e2e.test.ts.
 */
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUnderNodeModules, placePreloads } from '../../src/collect/preload-files.js';
import { ownScriptMatcher } from '../../src/collect/gather.js';

const work = mkdtempSync(join(tmpdir(), 'ciprof-preload-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

/** A dist/ with the three files, `tag` making the content differ between calls. */
function fakeDist(tag: string, parent = work): string {
  const dist = join(parent, `dist-${n++}`);
  mkdirSync(join(dist, 'runners'), { recursive: true });
  writeFileSync(join(dist, 'agent.cjs'), `// agent ${tag}\n`);
  writeFileSync(join(dist, 'runners', 'preload.cjs'), `// preload ${tag}\n`);
  writeFileSync(join(dist, 'runners', 'install.cjs'), `// install ${tag}\n`);
  return dist;
}
const freshBase = (): string => join(mkdtempSync(join(work, 'tmp-')), 'ciprof-preloads-test');

describe('placePreloads', () => {
  it('uses dist/ as it is when it already sits under node_modules (an npm install)', () => {
    const dist = fakeDist('npm', (mkdirSync(join(work, 'node_modules', 'ciprof'), { recursive: true }), join(work, 'node_modules', 'ciprof')));
    const base = freshBase();
    const p = placePreloads(dist, base);
    expect(p.dir).toBe(dist);
    expect(p.warning).toBeUndefined();
    expect(() => statSync(base)).toThrow();
  });

  it('mirrors the three files under <base>/<hash>/node_modules/ciprof, base private to the user', () => {
    const dist = fakeDist('one');
    const base = freshBase();
    const p = placePreloads(dist, base);
    expect(p.warning).toBeUndefined();
    expect(isUnderNodeModules(p.agent)).toBe(true);
    expect(p.dir.startsWith(base)).toBe(true);
    expect(readFileSync(p.agent, 'utf8')).toBe('// agent one\n');
    expect(readFileSync(p.runnersPreload, 'utf8')).toBe('// preload one\n');
    expect(readFileSync(join(p.dir, 'runners', 'install.cjs'), 'utf8')).toBe('// install one\n');
    expect(statSync(base).mode & 0o777).toBe(0o700);
    // No half-built tree left behind.
    expect(readdirSync(base).filter((e) => e.startsWith('building-'))).toEqual([]);
  });

  it('reuses an identical mirror and makes a new one for new content', () => {
    const base = freshBase();
    const first = placePreloads(fakeDist('same'), base);
    const again = placePreloads(fakeDist('same'), base);
    const other = placePreloads(fakeDist('other'), base);
    expect(again.dir).toBe(first.dir);
    expect(other.dir).not.toBe(first.dir);
    expect(readFileSync(other.agent, 'utf8')).toBe('// agent other\n');
  });

  it('removes mirrors of other builds unused for a week when it makes a new one, and keeps recent and used ones', () => {
    const base = freshBase();
    const old = placePreloads(fakeDist('old'), base);
    const recent = placePreloads(fakeDist('recent'), base);
    const oldRoot = join(old.dir, '..', '..');
    const weekAndADay = (Date.now() - 8 * 24 * 3600 * 1000) / 1000;
    utimesSync(oldRoot, weekAndADay, weekAndADay);
    // A run of a build marks its mirror used: an old one in use is kept.
    const inUse = placePreloads(fakeDist('in use'), base);
    utimesSync(join(inUse.dir, '..', '..'), weekAndADay, weekAndADay);
    expect(placePreloads(fakeDist('in use'), base).dir).toBe(inUse.dir);
    const fresh = placePreloads(fakeDist('new'), base);
    expect(readFileSync(inUse.agent, 'utf8')).toBe('// agent in use\n');
    expect(existsSync(old.agent)).toBe(false);
    expect(readFileSync(recent.agent, 'utf8')).toBe('// agent recent\n');
    expect(readFileSync(fresh.agent, 'utf8')).toBe('// agent new\n');
  });

  it('never uses a mirror whose bytes differ from dist/ (tampered or stale): the run gets its own copy', () => {
    const base = freshBase();
    const dist = fakeDist('true');
    const first = placePreloads(dist, base);
    writeFileSync(first.agent, 'process.exit(3)\n');
    const second = placePreloads(dist, base);
    expect(second.dir).not.toBe(first.dir);
    expect(readFileSync(second.agent, 'utf8')).toBe('// agent true\n');
  });

  it('falls back to dist/ with one warning when the base directory is open to other users', () => {
    const base = freshBase();
    mkdirSync(base, { mode: 0o700 });
    chmodSync(base, 0o777);
    const dist = fakeDist('open');
    const p = placePreloads(dist, base);
    expect(p.dir).toBe(dist);
    expect(p.warning).toMatch(/^ciprof's preloads stay in .*outside node_modules \(.* is open to other users\)/);
  });

  it.skipIf(process.getuid?.() !== 0)('falls back to dist/ when the base directory belongs to another user', () => {
    const base = freshBase();
    mkdirSync(base, { mode: 0o700 });
    chownSync(base, 12345, 12345);
    const dist = fakeDist('foreign');
    const p = placePreloads(dist, base);
    expect(p.dir).toBe(dist);
    expect(p.warning).toMatch(/belongs to another user/);
  });

  it('counts the mirror\'s agent and hooks as ciprof\'s own frames, and nothing else there', () => {
    const dist = fakeDist('own');
    const p = placePreloads(dist, freshBase());
    const isOwn = ownScriptMatcher([dist, p.dir]);
    expect(isOwn(p.agent)).toBe(true);
    expect(isOwn(`file://${p.runnersPreload}`)).toBe(true);
    expect(isOwn(join(dist, 'agent.cjs'))).toBe(true);
    expect(isOwn(join(p.dir, 'index.js'))).toBe(false);
    expect(isOwn('/work/project/node_modules/ciprof/agent.cjs')).toBe(false);
  });
});
