import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/profile/roles.ts
var PROCESS_ROLE_LABEL = "process_role";
var LAUNCHER_ROLE = "launcher";
var isLauncherSample = (s) => s.labels[PROCESS_ROLE_LABEL] === LAUNCHER_ROLE;
function withoutLaunchers(profile) {
  if (!profile.samples.some(isLauncherSample)) return profile;
  return { ...profile, samples: profile.samples.filter((s) => !isLauncherSample(s)) };
}

export {
  PROCESS_ROLE_LABEL,
  LAUNCHER_ROLE,
  withoutLaunchers
};
