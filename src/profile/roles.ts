/**
 * What a process was there for, as a sample label. Launchers (npm, npx, pnpm, yarn) only
 * start the test runner: they are profiled so the totals stay honest, but the diff keeps
 * them out of function rows and verdicts, or `npm test` in one run and not the other
 * reads as a regression.
 */
import type { Profile } from './model.js';

export const PROCESS_ROLE_LABEL = 'process_role';
export const LAUNCHER_ROLE = 'launcher';

export const isLauncherSample = (s: Profile['samples'][number]): boolean => s.labels[PROCESS_ROLE_LABEL] === LAUNCHER_ROLE;

/** The profile without its launcher processes' samples (same functions, metadata and times). */
export function withoutLaunchers(profile: Profile): Profile {
  if (!profile.samples.some(isLauncherSample)) return profile;
  return { ...profile, samples: profile.samples.filter((s) => !isLauncherSample(s)) };
}
