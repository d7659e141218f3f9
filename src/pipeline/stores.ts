/** Opens the store a front door asked for. One place, so new stores (Pyroscope) add one case. */
import * as path from 'node:path';
import type { CiContext } from '../ci/context.js';
import { LocalStore } from '../store/local.js';
import { createPyroscopeStore, type PyroscopeStoreOptions } from '../store/pyroscope.js';
import type { ProfileStore } from '../store/store.js';

export type StoreKind = 'local' | 'github' | 'pyroscope';

export interface OpenStoreOptions {
  kind: StoreKind;
  ci: CiContext;
  /** Local store root. */
  storeDir: string;
  githubToken?: string;
  /** Required for kind 'pyroscope' (resolvePyroscopeStoreOptions). */
  pyroscope?: PyroscopeStoreOptions;
}

export function defaultStoreDir(repoRoot: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.resolve(env.CIPROF_STORE_DIR ?? path.join(repoRoot, '.ciprof', 'store'));
}

/**
 * Async because the GitHub store pulls in the Actions toolkit (megabytes of code): it is
 * loaded only when asked for, so `ciprof run` and local diffs start fast.
 */
export async function openStore(opts: OpenStoreOptions): Promise<ProfileStore> {
  if (opts.kind === 'local') return new LocalStore(opts.storeDir);
  if (opts.kind === 'pyroscope') {
    if (!opts.pyroscope) throw new Error('the pyroscope store needs --server (or CIPROF_PYROSCOPE_URL)');
    return createPyroscopeStore(opts.pyroscope);
  }
  if (!opts.githubToken) throw new Error('the github store needs a token (GITHUB_TOKEN or the github-token input)');
  if (!opts.ci.repository) throw new Error('the github store needs the repository (GITHUB_REPOSITORY)');
  const { GithubArtifactStore } = await import('../store/github-artifacts.js');
  return new GithubArtifactStore({ token: opts.githubToken, repository: opts.ci.repository, baseBranch: opts.ci.baseBranch });
}
