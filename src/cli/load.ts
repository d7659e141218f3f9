/** Reads profile files for the file-based commands; a bad file is one error line. */
import { ProfileInputError } from '../profile/errors.js';
import type { Profile } from '../profile/model.js';
import { readProfileFile } from '../profile/read.js';
import { fail } from './io.js';

export function loadProfileOrFail(file: string): Profile {
  try {
    return readProfileFile(file);
  } catch (err) {
    fail(err instanceof ProfileInputError ? err.message : `${file}: ${(err as Error).message}`);
  }
}

