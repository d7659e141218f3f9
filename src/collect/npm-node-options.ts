/**
 * npm's `node-options` setting, which replaces NODE_OPTIONS for the scripts npm runs.
 *
 * npm (and pnpm) let a project say `node-options=--max-old-space-size=8192` in its
 * `.npmrc` (also `--experimental-vm-modules` for jest on ES modules, or
 * `--openssl-legacy-provider`). `npm test` then sets NODE_OPTIONS to that value for the
 * script, dropping the one ciprof gave it: npm itself was profiled, no test process was,
 * and ciprof said no test ran (checked with npm 11 and pnpm 10).
 *
 * npm reads settings from, highest first: its command line, `npm_config_*` variables,
 * the project's `.npmrc`, the user's, the global one. So ciprof finds the value npm would
 * use below its command line and hands it back, with ciprof's preloads added, as
 * `npm_config_node_options`, which outranks every `.npmrc`. Where no `node-options` is set
 * nothing is added. Not covered: `npm --node-options=…` on the command line (it outranks
 * the variable) and a project `.npmrc` found from a directory other than the command's
 * working directory (`npm --prefix`, `cd x && npm test`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

/** Where a value came from, for the tests and for a message. */
export interface NpmNodeOptions {
  value: string;
  source: string;
}

const KEY = /^npm_config_node[-_]options$/i;

/** The environment's own setting (npm matches `npm_config_` case-insensitively), the last one npm would see. */
/** The environment's variable names that match `name` (npm reads `npm_config_*` in any case). */
const keysLike = (env: NodeJS.ProcessEnv, name: RegExp): string[] => Object.keys(env).filter((k) => name.test(k));

function fromEnv(env: NodeJS.ProcessEnv): NpmNodeOptions | undefined {
  const key = keysLike(env, KEY).pop();
  return key !== undefined && env[key] !== undefined ? { value: env[key]!, source: `$${key}` } : undefined;
}

/** `${VAR}` as npm expands it in .npmrc values (`${VAR?}` is empty when unset; else an unset one stays as written). */
function expand(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/(\\*)\$\{([^${}?]+)(\?)?\}/g, (whole: string, escapes: string, name: string, optional?: string) => {
    if (escapes.length % 2) return whole.slice((escapes.length + 1) / 2);
    const val = env[name];
    return escapes.slice(escapes.length / 2) + (val ?? (optional ? '' : `\${${name}}`));
  });
}

/** An ini value as npm's `ini` reads it: quoted, or up to an unescaped `;`/`#`, trimmed. */
function iniValue(raw: string): string {
  const v = raw.trim();
  if ((v.startsWith('"') && v.endsWith('"') && v.length > 1) || (v.startsWith("'") && v.endsWith("'") && v.length > 1)) {
    if (v.startsWith("'")) return v.slice(1, -1);
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  let out = '';
  let escaping = false;
  for (const c of v) {
    if (escaping) {
      out += '\\;#'.includes(c) ? c : `\\${c}`;
      escaping = false;
    } else if (c === '\\') escaping = true;
    else if (c === ';' || c === '#') break;
    else out += c;
  }
  return (escaping ? `${out}\\` : out).trim();
}

/** The top-level `node-options` of an .npmrc file, if it sets one (the last line wins, as in npm). */
export function nodeOptionsInNpmrc(text: string, env: NodeJS.ProcessEnv): string | undefined {
  let found: string | undefined;
  let inSection = false;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith(';') || t.startsWith('#')) continue;
    if (t.startsWith('[')) {
      inSection = true;
      continue;
    }
    const eq = t.indexOf('=');
    if (inSection || eq < 0) continue;
    const key = expand(t.slice(0, eq).trim(), env);
    if (key === 'node-options' || key === 'node_options') found = expand(iniValue(t.slice(eq + 1)), env);
  }
  return found;
}

/** npm's project directory from `cwd`: the nearest with package.json or node_modules, or the workspace root above it. */
function projectDir(cwd: string): string {
  let nearest: string | undefined;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const hasPackage = existsSync(path.join(dir, 'package.json'));
    if (!nearest && (hasPackage || existsSync(path.join(dir, 'node_modules')))) nearest = dir;
    else if (nearest && hasPackage && declaresWorkspaces(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return nearest ?? path.resolve(cwd);
  }
}

function declaresWorkspaces(packageJson: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { workspaces?: unknown }).workspaces !== undefined;
  } catch {
    return false;
  }
}

/** The npm on PATH's global prefix: `<prefix>/bin/npm` (or `<prefix>/bin/node`), as npm takes it from the node it runs on. */
function globalPrefix(env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = keysLike(env, /^npm_config_prefix$/i)[0] ?? (env.PREFIX ? 'PREFIX' : undefined);
  if (fromEnv) return env[fromEnv];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    if (existsSync(path.join(dir, 'node'))) return path.dirname(dir);
  }
  return undefined;
}

function fromFile(file: string | undefined, env: NodeJS.ProcessEnv): NpmNodeOptions | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Most .npmrc files never mention it: no parse for them.
  if (!/node[-_]options/.test(text)) return undefined;
  const value = nodeOptionsInNpmrc(text, env);
  return value === undefined ? undefined : { value, source: file };
}

const envPath = (env: NodeJS.ProcessEnv, name: RegExp): string | undefined => {
  const key = keysLike(env, name)[0];
  return key ? env[key] : undefined;
};

/**
 * The `node-options` npm would use for a script run from `cwd` with `env`, below its
 * command line; undefined where none is set (then npm leaves NODE_OPTIONS alone).
 */
export function npmNodeOptions(cwd: string, env: NodeJS.ProcessEnv): NpmNodeOptions | undefined {
  const own = fromEnv(env);
  if (own) return own;
  const home = env.HOME ?? homedir();
  const prefix = globalPrefix(env);
  const files = [
    path.join(projectDir(cwd), '.npmrc'),
    envPath(env, /^npm_config_userconfig$/i) ?? path.join(home, '.npmrc'),
    envPath(env, /^npm_config_globalconfig$/i) ?? (prefix ? path.join(prefix, 'etc', 'npmrc') : undefined),
  ];
  for (const file of files) {
    const found = fromFile(file, env);
    if (found) return found;
  }
  return undefined;
}

/**
 * The variables to add to the command's environment so that npm's `node-options` carries
 * ciprof's preloads (`addPreloads` turns a NODE_OPTIONS value into one with them): the
 * user's own `npm_config_node_options` spellings are replaced by one.
 */
export function npmNodeOptionsEnv(cwd: string, env: NodeJS.ProcessEnv, addPreloads: (nodeOptions: string) => string): { set: Record<string, string>; unset: string[] } {
  const found = npmNodeOptions(cwd, env);
  if (!found || !found.value.trim()) return { set: {}, unset: [] };
  return { set: { npm_config_node_options: addPreloads(found.value) }, unset: keysLike(env, KEY).filter((k) => k !== 'npm_config_node_options') };
}
