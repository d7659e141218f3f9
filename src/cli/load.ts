/** Reads profile files for the file-based commands; a bad file is one error line. */
import { ProfileInputError } from '../profile/errors.js';
import type { Profile } from '../profile/model.js';
import { readProfileFile } from '../profile/read.js';
import { fail, warn } from './io.js';

export function loadProfileOrFail(file: string): Profile {
  try {
    return readProfileFile(file);
  } catch (err) {
    fail(err instanceof ProfileInputError ? err.message : `${file}: ${(err as Error).message}`);
  }
}

/** Loads what it can; each unreadable file is reported and skipped. */
export function loadProfiles(files: string[]): { profiles: Profile[]; failed: number } {
  const profiles: Profile[] = [];
  let failed = 0;
  for (const f of files) {
    try {
      profiles.push(readProfileFile(f));
    } catch (err) {
      failed++;
      warn(err instanceof ProfileInputError ? `skipped ${err.message}` : `skipped ${f}: ${(err as Error).message}`);
    }
  }
  return { profiles, failed };
}
