/**
 * One interface for every place profiles live: the local directory (default), CI
 * artifacts and Pyroscope implement it, so baseline lookup is written once.
 */
export interface StoredProfile {
  /** Store-specific handle (a path, an artifact id, a query). */
  id: string;
  jobKey: string;
  commit: string;
  branch?: string;
  /** ISO time the profile was stored. */
  createdAt: string;
  /** The CI run that stored it (a GitHub Actions run id), for the comment's link. */
  runId?: number;
}

export interface ProfileStore {
  readonly kind: string;
  /** Saves a gzipped pprof profile for (jobKey, commit). Several runs of one commit are all kept. */
  put(entry: Omit<StoredProfile, 'id' | 'createdAt'>, pprofGzip: Buffer): Promise<StoredProfile>;
  /** All profiles stored for this job key and commit, newest first. */
  find(jobKey: string, commit: string): Promise<StoredProfile[]>;
  get(entry: StoredProfile): Promise<Buffer>;
}
