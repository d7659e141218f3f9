/**
 * The embedded default store: a directory, zero set-up.
 *   <root>/<jobKey>/<commit>/<time>-<pid>.pb.gz    the profile (gzipped pprof)
 *   <root>/<jobKey>/index.jsonl                    one line per stored profile, append-only
 * Profiles are written atomically (temp file, fsync, rename), so concurrent jobs and a
 * full disk never leave half a file. The index is appended to (one write per line, so
 * concurrent jobs do not lose each other's lines); a torn last line is skipped on read and
 * the next line starts on a line of its own, so one torn write costs only its own entry.
 */
import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { sanitizeJobKey } from '../ci/context.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { makeDirs } from '../util/make-dirs.js';
import type { ProfileStore, StoredProfile, StoreCapabilities } from './store.js';

const COMMIT_RE = /^[0-9a-f]{4,64}$/i;

export class LocalStore implements ProfileStore {
  readonly name = 'local';
  readonly capabilities: StoreCapabilities = { separateRuns: true, runsByCommit: true };

  constructor(readonly root: string) {}

  async put(entry: Omit<StoredProfile, 'id' | 'createdAt'>, pprofGzip: Buffer): Promise<StoredProfile> {
    const jobKey = sanitizeJobKey(entry.jobKey);
    const commit = this.checkCommit(entry.commit);
    const dir = path.join(this.root, jobKey, commit);
    makeDirs(dir);
    const createdAt = new Date().toISOString();
    const name = `${createdAt.replace(/[:.]/g, '-')}-${process.pid}.pb.gz`;
    const file = path.join(dir, name);
    writeFileAtomic(file, pprofGzip);
    const stored: StoredProfile = { id: file, jobKey, commit, createdAt, ...(entry.branch ? { branch: entry.branch } : {}) };
    const index = path.join(this.root, jobKey, 'index.jsonl');
    const line = `${JSON.stringify({ ...stored, id: path.relative(this.root, file) })}\n`;
    appendFileSync(index, endsTorn(index) ? `\n${line}` : line);
    return stored;
  }

  async find(jobKey: string, commit: string): Promise<StoredProfile[]> {
    const key = sanitizeJobKey(jobKey);
    const dir = path.join(this.root, key, this.checkCommit(commit));
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pb.gz'))
      .map((f) => {
        const file = path.join(dir, f);
        return { id: file, jobKey: key, commit, createdAt: statSync(file).mtime.toISOString() };
      })
      .sort((a, b) => b.id.localeCompare(a.id));
  }

  async get(entry: StoredProfile): Promise<Buffer> {
    return readFileSync(entry.id);
  }

  /** Every commit with a profile for this job key, from the index (oldest first). */
  commits(jobKey: string): string[] {
    const index = path.join(this.root, sanitizeJobKey(jobKey), 'index.jsonl');
    if (!existsSync(index)) return [];
    const seen = new Set<string>();
    for (const line of readFileSync(index, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        seen.add((JSON.parse(line) as StoredProfile).commit);
      } catch {
        // a torn last line from a killed writer: skip it
      }
    }
    return [...seen];
  }

  private checkCommit(commit: string): string {
    // The commit becomes a directory name: refuse anything that is not a hex object id.
    if (!COMMIT_RE.test(commit)) throw new Error(`local store: "${commit}" is not a commit id`);
    return commit.toLowerCase();
  }
}

/** True when the file exists and its last byte is not a newline (a writer killed mid-line). */
function endsTorn(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
