/**
 * One interface for every place profiles live: the local directory (default), CI
 * artifacts and Pyroscope implement it, so baseline lookup is written once. What differs
 * between them is said by capabilities, never by asking which store it is.
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

export interface StoreCapabilities {
  /** find() lists every stored run of a commit on its own, so several can be averaged. */
  separateRuns: boolean;
  /** A commit's profile is a run of that commit (not a merge over a time window): fit for the noise history. */
  runsByCommit: boolean;
}

export interface ProfileStore {
  /** Where the profiles are, for messages and the baseline's provenance ('local', 'github-artifacts', 'pyroscope'). */
  readonly name: string;
  readonly capabilities: StoreCapabilities;
  /** Saves a gzipped pprof profile for (jobKey, commit). Several runs of one commit are all kept. */
  put(entry: Omit<StoredProfile, 'id' | 'createdAt'>, pprofGzip: Buffer): Promise<StoredProfile>;
  /** All profiles stored for this job key and commit, newest first. */
  find(jobKey: string, commit: string): Promise<StoredProfile[]>;
  get(entry: StoredProfile): Promise<Buffer>;
}
