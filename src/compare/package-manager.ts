/**
 * Which install command prepares the base checkout. The base is installed the way the
 * head's lockfile says (same package manager, frozen lockfile), so that a dependency
 * difference between base and head shows up in the diff instead of an installer's
 * resolution quirks.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface InstallPlan {
  /** Shell command line, or undefined when there is nothing to install. */
  command?: string;
  /** Directory of the lockfile (or package.json), relative to the repository root; '' for the root. */
  dir: string;
  /** One line saying how the command was chosen, for the log. */
  reason: string;
}

/** Lockfile -> frozen install, in the order a mixed repository is most likely meant. */
const LOCKFILES: ReadonlyArray<readonly [string, string]> = [
  ['pnpm-lock.yaml', 'pnpm install --frozen-lockfile'],
  ['yarn.lock', 'yarn install --frozen-lockfile'],
  ['package-lock.json', 'npm ci'],
  ['npm-shrinkwrap.json', 'npm ci'],
];

/**
 * Looks for a lockfile from `cwd` up to `repoRoot` (a package in a monorepo installs from
 * the workspace root, where its lockfile is). `override` is the --install flag: a string
 * replaces the detection, '' skips the install.
 */
export function planInstall(cwd: string, repoRoot: string, override?: string): InstallPlan {
  const root = path.resolve(repoRoot);
  let dir = path.resolve(cwd);
  const rel = (d: string): string => path.relative(root, d);
  if (override !== undefined) {
    const command = override.trim() || undefined;
    return { command, dir: rel(dir), reason: command ? `--install given: ${command}` : "--install '' given: base dependencies not installed" };
  }
  for (;;) {
    for (const [file, command] of LOCKFILES) {
      if (existsSync(path.join(dir, file))) return { command, dir: rel(dir), reason: `${path.join(rel(dir), file)} found: ${command}` };
    }
    const parent = path.dirname(dir);
    if (dir === root || parent === dir || rel(parent).startsWith('..')) break;
    dir = parent;
  }
  return { dir: rel(path.resolve(cwd)), reason: 'no lockfile found between the working directory and the repository root: base dependencies not installed' };
}
