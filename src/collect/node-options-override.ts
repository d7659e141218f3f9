/**
 * A command that sets NODE_OPTIONS itself, throwing away the value it was given:
 * `NODE_OPTIONS=--experimental-vm-modules jest` (a common recipe for jest on ES modules),
 * `cross-env NODE_OPTIONS=--max-old-space-size=4096 vitest`, often inside the package.json
 * script that `npm test` runs. The processes it starts lose ciprof's preloads, which ride
 * in NODE_OPTIONS: nothing is profiled, or only npm. ciprof cannot put them back without
 * rewriting the user's script, so it says where the assignment is and how to keep both
 * (`NODE_OPTIONS="$NODE_OPTIONS --experimental-vm-modules"`), once the run shows the symptom.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** `NODE_OPTIONS=value` as a shell assignment or a cross-env/env argument, and its value. */
const ASSIGNMENT = /(?:^|[\s;&|(])(?:export\s+)?NODE_OPTIONS=("[^"]*"|'[^']*'|[^\s;&|)]*)/g;

/** An assignment that keeps the inherited value (`"$NODE_OPTIONS --x"`, `${NODE_OPTIONS} --x`) is fine. */
const keepsInherited = (value: string): boolean => /\$\{?NODE_OPTIONS\b/.test(value);

/** The first assignment in `text` that drops the inherited NODE_OPTIONS, as written. */
export function droppingAssignment(text: string): string | undefined {
  for (const m of text.matchAll(ASSIGNMENT)) if (!keepsInherited(m[1]!)) return `NODE_OPTIONS=${m[1]}`;
  return undefined;
}

/** The package.json script a package-manager command runs (`npm test`, `npm run x`, `pnpm x`, `yarn x`). */
function scriptName(words: readonly string[]): string | undefined {
  const [tool, verb, name] = words.map((w) => path.basename(w));
  if (!tool || !['npm', 'pnpm', 'yarn'].includes(tool)) return undefined;
  if (verb === 'test' || verb === 't') return 'test';
  if ((verb === 'run' || verb === 'run-script') && name) return words[2];
  // pnpm and yarn run a script named as the verb itself.
  if (tool !== 'npm' && verb && !verb.startsWith('-')) return words[1];
  return undefined;
}

/**
 * Where the command drops the inherited NODE_OPTIONS, in words for a warning: the command
 * line itself, or the package.json script it runs from `cwd`. Undefined when it does not.
 */
export function nodeOptionsOverride(command: readonly string[], cwd: string): string | undefined {
  const line = command.join(' ');
  const inLine = droppingAssignment(line);
  if (inLine) return `the command sets ${inLine}`;
  const words = command.length === 1 ? command[0]!.trim().split(/\s+/) : [...command];
  const name = scriptName(words);
  if (!name) return undefined;
  let script: unknown;
  try {
    script = (JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> }).scripts?.[name];
  } catch {
    return undefined;
  }
  const inScript = typeof script === 'string' ? droppingAssignment(script) : undefined;
  return inScript ? `package.json's "${name}" script sets ${inScript}` : undefined;
}

/** The one warning line, given where the assignment is. */
export function overrideWarning(where: string): string {
  return `${where}, which replaces the NODE_OPTIONS that carries ciprof's agent, so the processes it starts were not profiled: write NODE_OPTIONS="$NODE_OPTIONS …" to keep both`;
}
