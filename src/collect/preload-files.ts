/**
 * Where the files ciprof loads into the test command's processes live: the agent
 * (agent.cjs) and the runner hooks (runners/preload.cjs, which loads runners/install.cjs).
 *
 * Why not simply dist/: coverage tools report every file a process ran unless they skip
 * it, and what they all skip is a path under `node_modules/`. `node --test
 * --experimental-test-coverage` (Node 22 to 26) keeps any `file:` script outside
 * node_modules, outside the working directory too: with ciprof run from the Action's
 * checkout (`_actions/<owner>/<repo>/<ref>/dist/`) or from a git clone, the user's coverage
 * table listed ciprof's three bundles, its totals dropped, and `--test-coverage-lines=100`
 * turned exit 0 into exit 1. Installed from npm (npx, a devDependency) dist/ already is
 * under node_modules and is used as it is.
 *
 * Elsewhere the three files are mirrored, once per content, into
 * `<tmpdir>/ciprof-preloads-<uid>/<hash>/node_modules/ciprof/`. The directory is kept
 * after the run: a process that outlives the run still loads its `--require` at start,
 * and the next run reuses it (and marks it used). Mirrors of other builds unused for a
 * week are removed when a new one is made.
 * /tmp is shared, so the per-user directory must be this user's own, mode 0700, and the
 * files are compared byte for byte with dist/ before each use; anything else (or any
 * error) falls back to dist/ with one warning, since a profile with ciprof's files in a
 * coverage table beats no profile.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { distFile } from '../util/dist-file.js';

/** The files, relative to dist/ and to the mirror; preload.cjs requires install.cjs beside itself. */
const FILES = ['agent.cjs', 'runners/preload.cjs', 'runners/install.cjs'] as const;

export interface PreloadFiles {
  /** The directory that holds agent.cjs and runners/. */
  dir: string;
  agent: string;
  runnersPreload: string;
  /** Set when the mirror could not be used: one line for stderr. */
  warning?: string;
}

const under = (dir: string): PreloadFiles => ({ dir, agent: path.join(dir, 'agent.cjs'), runnersPreload: path.join(dir, 'runners', 'preload.cjs') });

/** Coverage tools skip a path with this segment (node:test: `url.includes('/node_modules/')`). */
export const isUnderNodeModules = (file: string): boolean => file.split(path.sep).includes('node_modules');

/** A name for the content (sha256, 16 hex digits); the bytes are compared before any use, so the name need not be trusted. */
function contentName(contents: readonly Buffer[]): string {
  const hash = createHash('sha256');
  for (const buf of contents) hash.update(`${buf.length}:`).update(buf);
  return hash.digest('hex').slice(0, 16);
}

/** The per-user base directory, made if missing, refused unless it is ours and closed to others. */
function ownPrivateDir(base: string): void {
  try {
    mkdirSync(base, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const st = lstatSync(base);
  const uid = process.getuid?.();
  if (!st.isDirectory() || st.isSymbolicLink()) throw new Error(`${base} is not a directory`);
  if (uid !== undefined && st.uid !== uid) throw new Error(`${base} belongs to another user`);
  if ((st.mode & 0o077) !== 0) throw new Error(`${base} is open to other users`);
}

function sameFiles(dir: string, contents: readonly Buffer[]): boolean {
  try {
    return FILES.every((f, i) => readFileSync(path.join(dir, f)).equals(contents[i]!));
  } catch {
    return false;
  }
}

/** Mirrors of other builds unused this long are removed when a new one is made: a process needs its preload only to start. */
const KEEP_MS = 7 * 24 * 3600 * 1000;

function pruneOld(base: string, keep: string): void {
  try {
    for (const entry of readdirSync(base)) {
      const dir = path.join(base, entry);
      if (dir !== keep && Date.now() - lstatSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true });
    }
  } catch {
    // pruning is housekeeping: never a reason to lose the run
  }
}

/** Writes the mirror under `base` and returns its directory; an existing identical one is reused. */
function mirror(base: string, contents: readonly Buffer[]): string {
  ownPrivateDir(base);
  const final = path.join(base, contentName(contents));
  const dirOf = (root: string): string => path.join(root, 'node_modules', 'ciprof');
  if (sameFiles(dirOf(final), contents)) {
    // Marked as in use, so that another build's run never prunes it (pruneOld) while a run of this one goes on.
    try {
      utimesSync(final, new Date(), new Date());
    } catch {
      // a mirror that cannot be touched is still a mirror
    }
    return dirOf(final);
  }
  // Built aside, then renamed into place whole: a concurrent run sees all three files or none.
  const building = mkdtempSync(path.join(base, 'building-'));
  try {
    mkdirSync(path.join(dirOf(building), 'runners'), { recursive: true });
    FILES.forEach((f, i) => writeFileSync(path.join(dirOf(building), f), contents[i]!));
    try {
      renameSync(building, final);
      pruneOld(base, final);
      return dirOf(final);
    } catch {
      // Another run placed it first (then it is identical), or a stale tree with other bytes
      // holds the name: this run uses its own copy, under a name of its own.
      if (sameFiles(dirOf(final), contents)) return dirOf(final);
      const own = `${final}-${path.basename(building)}`;
      renameSync(building, own);
      return dirOf(own);
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/**
 * The preload files for a dist/ directory: itself when under node_modules, else its mirror
 * under `base` (made or reused), else itself with a warning.
 */
export function placePreloads(dist: string, base: string): PreloadFiles {
  if (isUnderNodeModules(dist)) return under(dist);
  try {
    const contents = FILES.map((f) => readFileSync(path.join(dist, f)));
    return under(mirror(base, contents));
  } catch (err) {
    return { ...under(dist), warning: `ciprof's preloads stay in ${dist}, outside node_modules (${(err as Error).message}): node --test's coverage report will list them` };
  }
}

let cached: PreloadFiles | undefined;

/** The preload files for this run, computed once per process. Throws only when dist/ has no agent. */
export function preloadFiles(): PreloadFiles {
  cached ??= placePreloads(path.dirname(realpathSync(distFile('agent.cjs'))), path.join(tmpdir(), `ciprof-preloads-${process.getuid?.() ?? 'user'}`));
  return cached;
}

/** Every directory whose agent and runner files count as ciprof's own (gather.ts): dist/ and the mirror. */
export function preloadDirs(): string[] {
  const dirs = new Set<string>();
  try {
    dirs.add(path.dirname(realpathSync(distFile('agent.cjs'))));
  } catch {
    // no dist/: nothing of ours can have run from there
  }
  if (cached) dirs.add(realpathSync(cached.dir));
  return [...dirs];
}
